"""Social aid checks (seed 002: food aid is among the most requested subjects; seed 000: "iş, aş"):
a food or fuel aid request opens a household check for the field team; the team visits and writes
its findings; the social services directorate decides, on a legal ground, and the citizen is told
the decision and its reason."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from acikmasa.cases.models import Case
from acikmasa.directory.models import Municipality, Subject


class AidKind(models.TextChoices):
    FOOD = "food", _("Food aid")
    FUEL = "fuel", _("Fuel (heating) aid")


class AidSubject(models.Model):
    """A subject whose cases are aid requests and need a household check."""

    subject = models.OneToOneField(Subject, on_delete=models.PROTECT, related_name="aid")
    kind = models.CharField(_("kind of aid"), max_length=10, choices=AidKind.choices)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("aid subject")
        verbose_name_plural = _("aid subjects")

    def __str__(self) -> str:
        return f"{self.subject} ({self.get_kind_display()})"


class AidGround(models.Model):
    """A legal ground a decision rests on: the law and the article of the municipality's own social
    aid regulation (each council adopts its own; the admin keeps the list)."""

    class AppliesTo(models.TextChoices):
        APPROVAL = "approval", _("Approval")
        REFUSAL = "refusal", _("Refusal")

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    code = models.SlugField(_("code"), max_length=50)
    text = models.CharField(_("legal ground"), max_length=300)
    applies_to = models.CharField(_("used for"), max_length=10, choices=AppliesTo.choices)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("legal ground of an aid decision")
        verbose_name_plural = _("legal grounds of aid decisions")
        ordering = ["applies_to", "code"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "code"], name="aid_ground_code_unique")
        ]

    def __str__(self) -> str:
        return self.text


class HouseholdCheck(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Waiting for the visit")
        VISITED = "visited", _("Visited, waiting for the decision")
        DECIDED = "decided", _("Decided")

    class Decision(models.TextChoices):
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="household_check")
    kind = models.CharField(_("kind of aid"), max_length=10, choices=AidKind.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    created_at = models.DateTimeField(_("opened at"))
    visited_at = models.DateTimeField(_("visited at"), null=True, blank=True)
    visited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    household_size = models.PositiveSmallIntegerField(_("people in the household"), null=True)
    monthly_income = models.PositiveIntegerField(
        _("household income per month (TL)"), null=True, blank=True
    )
    findings = models.TextField(_("findings"), blank=True)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices, blank=True)
    ground = models.ForeignKey(
        AidGround,
        verbose_name=_("legal ground"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reason = models.TextField(_("reason told to the citizen"), blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("household check")
        verbose_name_plural = _("household checks")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.case} {self.get_status_display()}"
