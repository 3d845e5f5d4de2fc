"""State of the deadline engine: closure days, one clock per case (the sweep's cache), escalations.

The truth of a clock is the case's history (see clock.py); `Clock` is what the sweep reads, kept in
step by the deadline reaction, so that a sweep over a million open cases touches only those with
work due.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from acikmasa.cases.models import Case, CaseEvent
from acikmasa.directory.models import Municipality


class ClosureDay(models.Model):
    """A day the municipality is closed (e.g. a bridge day of administrative leave).

    It pauses only the municipality's own service standards; statutory deadlines run through it.
    """

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="closure_days"
    )
    day = models.DateField(_("day"))
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("closure day")
        verbose_name_plural = _("closure days")
        ordering = ["-day"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "day"], name="closure_day_unique")
        ]

    def __str__(self) -> str:
        return f"{self.day:%Y-%m-%d} {self.reason}".strip()


class Level(models.IntegerChoices):
    DUE_SOON = 1, _("Due soon: directorate manager")
    OVERDUE = 2, _("Overdue: first place of application")
    OVERDUE_FURTHER = 3, _("Still overdue: second place of application")


class Clock(models.Model):
    """The current clock of one case, as the history says; `next_check_at` drives the sweep."""

    case = models.OneToOneField(
        Case, primary_key=True, on_delete=models.CASCADE, related_name="deadline_clock"
    )
    number = models.PositiveSmallIntegerField(
        _("clock number"), default=1, help_text=_("1, then +1 per reopening.")
    )
    started_at = models.DateTimeField(_("started at"))
    due_at = models.DateTimeField(_("due at"))
    warn_at = models.DateTimeField(_("due soon from"))
    paused_since = models.DateTimeField(_("paused since"), null=True, blank=True)
    stopped_at = models.DateTimeField(_("stopped at"), null=True, blank=True)
    level = models.PositiveSmallIntegerField(_("escalation level reached"), default=0)
    next_check_at = models.DateTimeField(_("next check"), null=True, blank=True)

    class Meta:
        verbose_name = _("deadline clock")
        verbose_name_plural = _("deadline clocks")
        indexes = [
            # Only clocks with work ahead are in the index: the sweep's range scan stays small.
            models.Index(
                fields=["next_check_at"],
                name="clock_next_check_idx",
                condition=models.Q(next_check_at__isnull=False),
            ),
        ]


class Escalation(models.Model):
    """One step of the escalation chain for one clock of a case; never twice for the same level."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="escalations")
    clock_number = models.PositiveSmallIntegerField(_("clock number"))
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    event = models.OneToOneField(CaseEvent, on_delete=models.PROTECT, related_name="+")
    due_at = models.DateTimeField(_("due at"))
    created_at = models.DateTimeField(_("escalated at"))

    class Meta:
        verbose_name = _("escalation")
        verbose_name_plural = _("escalations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "clock_number", "level"], name="escalation_once_per_level"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.get_level_display()}"


class EscalationNotice(models.Model):
    """A message to one person about one escalation; sent by a task after the sweep commits."""

    escalation = models.ForeignKey(Escalation, on_delete=models.CASCADE, related_name="notices")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    created_at = models.DateTimeField(_("created at"))
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("escalation notice")
        verbose_name_plural = _("escalation notices")
        constraints = [
            models.UniqueConstraint(
                fields=["escalation", "email"],
                name="escalation_notice_once_per_address",
                condition=~models.Q(email=""),
            ),
        ]
        indexes = [
            models.Index(
                fields=["created_at"],
                name="notice_unsent_idx",
                condition=models.Q(sent_at__isnull=True),
            )
        ]


class AdoptionMark(models.Model):
    """How far the sweep has looked for clockless cases: the highest case id seen, and when the
    last full look was, so that a routine sweep reads only new case rows."""

    key = models.CharField(max_length=40, primary_key=True)
    last_case_id = models.BigIntegerField(default=0)
    full_scan_at = models.DateTimeField(null=True, blank=True)
