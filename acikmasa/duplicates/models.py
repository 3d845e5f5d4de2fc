"""Per-subject settings of the duplicate search, and the candidate links staff decide on."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from acikmasa.cases.models import Case
from acikmasa.directory.models import Subject


class SubjectDuplicateRule(models.Model):
    """How far, how long back and how alike two cases of this subject must be to look like one."""

    subject = models.OneToOneField(
        Subject, verbose_name=_("subject"), on_delete=models.CASCADE, related_name="duplicate_rule"
    )
    radius_m = models.PositiveIntegerField(
        _("radius (metres)"),
        default=150,
        validators=[MinValueValidator(5), MaxValueValidator(5000)],
    )
    window_days = models.PositiveIntegerField(
        _("time window (days)"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    min_score = models.FloatField(
        _("minimum score"),
        default=0.5,
        validators=[MinValueValidator(0.05), MaxValueValidator(1.0)],
        help_text=_("0–1; candidates below it are not shown."),
    )
    same_directorate = models.BooleanField(
        _("all subjects of the directorate are related"),
        default=False,
        help_text=_("Also look at open cases of the other subjects of the same directorate."),
    )
    related_subjects = models.ManyToManyField(
        Subject,
        verbose_name=_("related subjects"),
        blank=True,
        related_name="+",
        help_text=_(
            "Cases of these subjects may report the same problem (the relation works both ways)."
        ),
    )

    class Meta:
        verbose_name = _("duplicate search setting")
        verbose_name_plural = _("duplicate search settings")

    def __str__(self) -> str:
        return str(self.subject)

    def clean(self) -> None:
        if (
            self.pk
            and self.related_subjects.exclude(municipality_id=self.subject.municipality_id).exists()
        ):
            raise ValidationError(
                {"related_subjects": _("Choose subjects of the same municipality.")}
            )


class DuplicateCandidate(models.Model):
    """`case` (the newer) may report the same problem as `candidate` (an open, older case)."""

    class State(models.TextChoices):
        PENDING = "pending", _("To be decided")
        MERGED = "merged", _("Merged")
        DISMISSED = "dismissed", _("Not a duplicate")

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="duplicate_candidates"
    )
    candidate = models.ForeignKey(
        Case, verbose_name=_("possible duplicate of"), on_delete=models.CASCADE, related_name="+"
    )
    score = models.FloatField(_("score"))
    text_score = models.FloatField(_("text similarity"))
    distance_m = models.PositiveIntegerField(_("distance (metres)"), null=True, blank=True)
    reasons = models.JSONField(_("why"), default=list, blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.PENDING
    )
    created_at = models.DateTimeField(_("found at"))
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("possible duplicate")
        verbose_name_plural = _("possible duplicates")
        ordering = ["-score"]
        constraints = [
            models.UniqueConstraint(fields=["case", "candidate"], name="duplicate_candidate_once"),
            models.CheckConstraint(
                condition=~models.Q(case=models.F("candidate")), name="duplicate_candidate_not_self"
            ),
        ]
        indexes = [models.Index(fields=["candidate", "state"], name="duplicate_candidate_rev_idx")]

    def __str__(self) -> str:
        return f"{self.case_id} ~ {self.candidate_id} ({self.score:.2f})"
