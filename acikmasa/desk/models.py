"""What the back office records besides cases: guidance given at the Danışma desk and field
visits."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from acikmasa.cases.models import Case
from acikmasa.directory.models import (
    Directorate,
    Municipality,
    Neighbourhood,
    Region,
    Street,
    Subject,
)


class GuidanceLog(models.Model):
    """Guidance given to a visitor (seed 001: Danışma, 1-day standard). Counted, but not a case."""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("given by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    given_at = models.DateTimeField(_("time"), db_index=True)
    topic = models.CharField(_("topic"), max_length=200)
    subject = models.ForeignKey(
        Subject,
        verbose_name=_("subject"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    referred_to = models.ForeignKey(
        Directorate,
        verbose_name=_("referred to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("guidance given")
        verbose_name_plural = _("guidance log")
        ordering = ["-given_at"]

    def __str__(self) -> str:
        return self.topic


class FieldVisit(models.Model):
    """One household visit by a field representative (seed 000: 5 regions, 125,000 households)."""

    class Outcome(models.TextChoices):
        NOBODY_HOME = "nobody_home", _("Nobody home")
        VISITED = "visited", _("Visited, no request")
        REQUEST_TAKEN = "request_taken", _("Request taken")

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    representative = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("representative"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("field region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood, verbose_name=_("neighbourhood"), on_delete=models.PROTECT, related_name="+"
    )
    street = models.ForeignKey(
        Street,
        verbose_name=_("street"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    address = models.CharField(_("address"), max_length=300)
    visited_at = models.DateTimeField(_("visited at"), db_index=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    note = models.TextField(_("note"), blank=True)
    case = models.ForeignKey(
        Case,
        verbose_name=_("case"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("field visit")
        verbose_name_plural = _("field visits")
        ordering = ["-visited_at"]
        indexes = [
            models.Index(
                fields=["municipality", "neighbourhood", "visited_at"],
                name="field_visit_coverage_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.address} ({self.get_outcome_display()})"
