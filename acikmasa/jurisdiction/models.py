"""Rules that say a case belongs to another body, and the record of each forwarding."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from acikmasa.cases.models import Case
from acikmasa.directory.models import ExternalBody, Municipality, Neighbourhood, Street, Subject

from .geo import polygon_errors


class JurisdictionRule(models.Model):
    """Cases matching every condition given (subject, street, mahalle, area) belong to
    `external_body`.

    Within one condition any listed value matches; an empty condition is not checked. The rule
    with the lowest priority number that matches wins.
    """

    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="jurisdiction_rules",
    )
    name = models.CharField(_("name"), max_length=200)
    priority = models.PositiveIntegerField(
        _("priority"), default=100, help_text=_("Lower numbers are checked first.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    subjects = models.ManyToManyField(
        Subject, verbose_name=_("subjects"), blank=True, related_name="+"
    )
    streets = models.ManyToManyField(
        Street, verbose_name=_("streets"), blank=True, related_name="+"
    )
    neighbourhoods = models.ManyToManyField(
        Neighbourhood, verbose_name=_("neighbourhoods"), blank=True, related_name="+"
    )
    area = models.JSONField(
        _("area"), null=True, blank=True, help_text=_("GeoJSON Polygon or MultiPolygon (WGS 84).")
    )
    external_body = models.ForeignKey(
        ExternalBody,
        verbose_name=_("institution in charge"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    target_municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality in this installation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "When the institution is another municipality using this system: a case is opened "
            "there."
        ),
    )
    target_subject = models.ForeignKey(
        Subject,
        verbose_name=_("subject there"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty: the subject with the same code there, if any."),
    )
    forward_at_intake = models.BooleanField(
        _("forward automatically at intake"),
        default=False,
        help_text=_("Otherwise staff see the match on the case page and forward it themselves."),
    )
    letter = models.TextField(
        _("letter to the institution"),
        blank=True,
        help_text=_(
            "Placeholders: {tracking_number}, {date}, {subject}, {place}, {description}, "
            "{institution}, {municipality}. Empty: the standard text."
        ),
    )

    class Meta:
        verbose_name = _("jurisdiction rule")
        verbose_name_plural = _("jurisdiction rules")
        ordering = ["municipality", "priority", "pk"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors = {}
        if (
            self.external_body_id
            and self.municipality_id
            and self.external_body.municipality_id != self.municipality_id
        ):
            errors["external_body"] = _("Choose one of this municipality's own entries.")
        if self.area not in (None, "", {}) and polygon_errors(self.area):
            errors["area"] = polygon_errors(self.area)
        if self.target_municipality_id and self.target_municipality_id == self.municipality_id:
            errors["target_municipality"] = _(
                "A rule cannot forward a case to its own municipality."
            )
        if (
            self.target_subject_id
            and self.target_subject.municipality_id != self.target_municipality_id
        ):
            errors["target_subject"] = _("Choose a subject of the municipality the case goes to.")
        if errors:
            raise ValidationError(errors)


class ForwardRecord(models.Model):
    """One forwarding out: which rule, to whom, the letter, and the case opened in another
    tenant."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        DONE = "done", _("Forwarded")
        FAILED = "failed", _("Not possible")

    class Via(models.TextChoices):
        INTAKE = "intake", _("Automatically at intake")
        STAFF = "staff", _("By staff")

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="forward_records"
    )
    rule = models.ForeignKey(
        JurisdictionRule,
        verbose_name=_("rule"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="records",
    )
    rule_name = models.CharField(_("rule name"), max_length=200)
    external_body = models.ForeignKey(
        ExternalBody, verbose_name=_("institution"), on_delete=models.PROTECT, related_name="+"
    )
    target_case = models.ForeignKey(
        Case,
        verbose_name=_("case opened there"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="forwarded_from_records",
    )
    letter = models.TextField(_("letter"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    via = models.CharField(_("how"), max_length=20, choices=Via.choices)
    error = models.TextField(_("why not possible"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"))
    done_at = models.DateTimeField(_("forwarded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("forwarding record")
        verbose_name_plural = _("forwarding records")
        ordering = ["-created_at"]
        constraints = [
            # A case leaves once: at most one waiting or done record (failed ones may pile up).
            models.UniqueConstraint(
                fields=["case"], condition=~models.Q(status="failed"), name="forward_record_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case} → {self.external_body}"

    def clean(self) -> None:
        if self.rule_id is None and not self.rule_name:
            raise ValidationError(_("A forwarding needs its rule."))
