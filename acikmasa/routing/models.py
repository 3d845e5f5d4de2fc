"""What routing keeps: admins' keyword rules, per-municipality settings, trained models,
corrections."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from acikmasa.directory.models import Municipality, Subject, same_tenant

DEFAULT_AUTO_ROUTE_THRESHOLD = 0.6
DEFAULT_RULES_WEIGHT = 0.2
_SHARE = [MinValueValidator(0.0), MaxValueValidator(1.0)]


class KeywordRule(models.Model):
    """A word or phrase that speaks for (positive weight) or against (negative) one subject.

    Matched after Turkish normalisation and suffix stripping, so "çukur" also matches "ÇUKURLAR",
    "cukurdan" and (for longer words) a one-letter typo. The subject's own comma-separated
    keywords (directory) count as rules of weight 1 as well.
    """

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="keyword_rules"
    )
    subject = models.ForeignKey(
        Subject, verbose_name=_("subject"), on_delete=models.CASCADE, related_name="keyword_rules"
    )
    phrase = models.CharField(_("word or phrase"), max_length=200)
    weight = models.FloatField(
        _("weight"),
        default=1.0,
        validators=[MinValueValidator(-10.0), MaxValueValidator(10.0)],
        help_text=_(
            "1 is a usual keyword; 2-3 a decisive one; a negative weight speaks against the "
            "subject."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("keyword rule")
        verbose_name_plural = _("keyword rules")
        ordering = ["subject__name", "phrase"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "subject", "phrase"], name="routing_rule_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.phrase} → {self.subject}"

    def clean(self) -> None:
        from .text import normalise

        if not normalise(self.phrase):
            raise ValidationError({"phrase": _("Write at least one word with letters or digits.")})
        same_tenant(self, ["subject"])


class RoutingSettings(models.Model):
    """How boldly one municipality routes by itself; absent row = the defaults."""

    municipality = models.OneToOneField(
        Municipality, on_delete=models.CASCADE, related_name="routing_settings"
    )
    auto_route = models.BooleanField(
        _("route automatically"),
        default=True,
        help_text=_(
            "Cases that arrive without a subject get the suggested one when it is confident enough."
        ),
    )
    auto_route_threshold = models.FloatField(
        _("confidence needed to route automatically"),
        default=DEFAULT_AUTO_ROUTE_THRESHOLD,
        validators=_SHARE,
        help_text=_("Between 0 and 1. Below it the case waits in the triage queue of the desk."),
    )
    rules_weight = models.FloatField(
        _("weight of the keyword rules"),
        default=DEFAULT_RULES_WEIGHT,
        validators=_SHARE,
        help_text=_(
            "Share of the keyword rules in the combined confidence once a model is trained (0-1)."
        ),
    )

    class Meta:
        verbose_name = _("routing settings")
        verbose_name_plural = _("routing settings")

    def __str__(self) -> str:
        return str(self.municipality)


class SubjectModel(models.Model):
    """A subject classifier trained on one municipality's own cases (never downloaded)."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="subject_models"
    )
    trained_at = models.DateTimeField(_("trained at"))
    examples = models.PositiveIntegerField(_("training cases"))
    corrections = models.PositiveIntegerField(_("staff corrections among them"), default=0)
    subjects = models.PositiveIntegerField(_("subjects learnt"))
    history_until = models.DateTimeField(_("newest training case"), null=True)
    seconds = models.FloatField(_("training time (s)"))
    blob = models.BinaryField(_("model"))
    size = models.PositiveIntegerField(_("size (bytes)"))

    class Meta:
        verbose_name = _("trained subject model")
        verbose_name_plural = _("trained subject models")
        ordering = ["-trained_at", "-pk"]
        indexes = [
            models.Index(fields=["municipality", "-trained_at"], name="routing_model_latest_idx")
        ]

    def __str__(self) -> str:
        return f"{self.municipality} {self.trained_at:%Y-%m-%d %H:%M}"


class Correction(models.Model):
    """Staff changed a case's subject: the next training learns the corrected subject from it."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="routing_corrections"
    )
    event = models.OneToOneField("cases.CaseEvent", on_delete=models.CASCADE, related_name="+")
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    from_subject = models.ForeignKey(
        Subject, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    to_subject = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="+")
    was_suggested = models.BooleanField(
        _("the wrong subject came from a suggestion"), default=False
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        verbose_name = _("subject correction")
        verbose_name_plural = _("subject corrections")
        ordering = ["-created_at"]
