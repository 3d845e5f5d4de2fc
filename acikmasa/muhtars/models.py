"""The muhtar's side of the mahalle (seed 003 counts "muhtarlık hizmetleri" among the desk's ways
in): a muhtar follows every case of their mahalle, is told of new, overdue and resolved ones, and
gets a monthly summary. Muhtar accounts themselves are the muhtar channel's (channels.Muhtar)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from acikmasa.cases.models import Case
from acikmasa.channels.muhtar.models import Muhtar


class MuhtarSummary(models.Model):
    """A month of the mahalle in figures, made once when the month is over."""

    muhtar = models.ForeignKey(Muhtar, on_delete=models.CASCADE, related_name="summaries")
    month = models.DateField(_("month"))
    figures = models.JSONField(_("figures"), default=dict)
    created_at = models.DateTimeField(_("made at"))

    class Meta:
        verbose_name = _("monthly mahalle summary")
        verbose_name_plural = _("monthly mahalle summaries")
        ordering = ["-month"]
        constraints = [
            models.UniqueConstraint(fields=["muhtar", "month"], name="muhtar_summary_month_unique")
        ]


class MuhtarNotice(models.Model):
    """One thing the muhtar is told, shown on their screen (the muhtar channel's outbox for now)."""

    class Kind(models.TextChoices):
        NEW = "new", _("New application in your mahalle")
        OVERDUE = "overdue", _("Overdue in your mahalle")
        RESOLVED = "resolved", _("Resolved in your mahalle")
        SUMMARY = "summary", _("Monthly summary")

    muhtar = models.ForeignKey(Muhtar, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    summary = models.ForeignKey(
        MuhtarSummary, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(_("time"), db_index=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("muhtar notice")
        verbose_name_plural = _("muhtar notices")
        ordering = ["-created_at"]
        constraints = [
            # The sweep looks back over a window: each fact is told once however often it runs.
            models.UniqueConstraint(
                fields=["muhtar", "case", "kind"],
                condition=models.Q(case__isnull=False),
                name="muhtar_notice_once",
            ),
            models.UniqueConstraint(
                fields=["muhtar", "summary"],
                condition=models.Q(summary__isnull=False),
                name="muhtar_summary_notice_once",
            ),
        ]
