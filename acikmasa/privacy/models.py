"""KVKK (Law 6698): privacy notices, consents, the access log, retention and the deletion log."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from acikmasa.cases.models import Case, CaseType, Citizen
from acikmasa.directory.models import Municipality


class PrivacyNotice(models.Model):
    """One version of a municipality's aydınlatma metni (Art. 10). Published versions never
    change."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="privacy_notices"
    )
    version = models.PositiveIntegerField(_("version"), editable=False)
    title = models.CharField(
        _("title"), max_length=200, default="Kişisel Verilerin Korunması Aydınlatma Metni"
    )
    summary = models.TextField(
        _("short text (Turkish)"), help_text=_("Shown on forms and read out by agents.")
    )
    summary_en = models.TextField(_("short text (English)"), blank=True)
    body = models.TextField(_("full text (Turkish)"))
    body_en = models.TextField(_("full text (English)"), blank=True)
    effective_from = models.DateField(_("effective from"))
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("privacy notice")
        verbose_name_plural = _("privacy notices")
        ordering = ["municipality", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "version"], name="privacy_notice_version_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.municipality} v{self.version}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    def save(self, *args, **kwargs):
        if (
            self.pk
            and PrivacyNotice.objects.filter(pk=self.pk, published_at__isnull=False).exists()
        ):
            raise PermissionError(
                "A published privacy notice cannot be changed: write a new version."
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.published_at is not None:
            raise PermissionError("A published privacy notice cannot be deleted.")
        return super().delete(*args, **kwargs)

    def text(self, language: str) -> tuple[str, str]:
        """(short text, full text) in `language`, Turkish where no English was written."""
        if language == "en" and self.summary_en:
            return self.summary_en, self.body_en or self.body
        return self.summary, self.body


class NoticeReceipt(models.Model):
    """Which notice version the applicant of a case was given, how, and by whom.

    Kept here rather than on Case: the case stays about the request, privacy keeps its own proof.
    """

    class Via(models.TextChoices):
        FORM = "form", _("Shown on the form the citizen filled in")
        STAFF = "staff", _("Given by the agent who registered the case")
        MESSAGE = "message", _("Linked in the acknowledgement message")
        PUBLISHED = "published", _("Published only (no direct contact)")

    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="notice_receipt")
    notice = models.ForeignKey(
        PrivacyNotice,
        verbose_name=_("notice version"),
        on_delete=models.PROTECT,
        related_name="receipts",
    )
    via = models.CharField(_("how"), max_length=20, choices=Via.choices)
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    given_at = models.DateTimeField(_("given at"))

    class Meta:
        verbose_name = _("privacy notice receipt")
        verbose_name_plural = _("privacy notice receipts")


class Purpose(models.TextChoices):
    """What explicit consent is asked for: only extras; handling the application never needs it."""

    CONTACT = "contact", _("Messages about the application by SMS, WhatsApp or e-mail")
    SURVEY = "survey", _("Satisfaction survey")
    DEMOGRAPHICS = "demographics", _("Gender and birth year for statistics")


class Consent(models.Model):
    """One explicit consent (açık rıza, Art. 3/5): given once, withdrawn once, never edited
    otherwise."""

    citizen = models.ForeignKey(Citizen, on_delete=models.PROTECT, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    notice = models.ForeignKey(
        PrivacyNotice,
        verbose_name=_("notice version"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    channel = models.CharField(_("given through"), max_length=40)
    given_at = models.DateTimeField(_("given at"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_via = models.CharField(_("withdrawn through"), max_length=40, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_at"]
        constraints = [
            # At most one standing consent per purpose: a second "yes" adds nothing.
            models.UniqueConstraint(
                fields=["citizen", "purpose"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="consent_one_active_per_purpose",
            ),
        ]


class AccessAction(models.TextChoices):
    CASE_VIEWED = "case_viewed", _("Case page opened")
    CALLER_LOOKUP = "caller_lookup", _("Caller looked up")
    SEARCHED = "searched", _("Found in a search")
    CITIZEN_VIEWED = "citizen_viewed", _("Citizen record opened")
    EXPORTED = "exported", _("Personal data exported")
    RECEIPT_PRINTED = "receipt_printed", _("Receipt printed")


class AccessLogQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("The access log is append-only.")

    def delete(self):
        raise PermissionError("The access log is append-only.")


class AccessLog(models.Model):
    """Who saw or exported whose personal data, when, and why (the case). Append-only.

    Kept lean: one insert per view, integer ids only, no joins needed to write it.
    """

    at = models.DateTimeField(_("time"), db_index=True)
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    citizen = models.ForeignKey(
        Citizen,
        verbose_name=_("citizen"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    case = models.ForeignKey(
        Case,
        verbose_name=_("case"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=20, choices=AccessAction.choices)
    detail = models.CharField(_("detail"), max_length=200, blank=True)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")
        ordering = ["-at"]
        indexes = [
            models.Index(fields=["citizen", "at"], name="access_citizen_idx"),
            models.Index(fields=["user", "at"], name="access_user_idx"),
        ]

    def save(self, *args, **kwargs):
        if self.pk is not None or not self._state.adding:
            raise PermissionError("The access log is append-only: an entry cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The access log is append-only: an entry cannot be deleted.")


class RetentionPolicy(models.Model):
    """How long after a case ends its applicant's personal data is kept (admin setting)."""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    case_type = models.CharField(_("case type"), max_length=20, choices=CaseType.choices)
    days_after_close = models.PositiveIntegerField(_("days kept after the case ends"))
    note = models.CharField(_("basis"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("retention period")
        verbose_name_plural = _("retention periods")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "case_type"], name="retention_type_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_case_type_display()}: {self.days_after_close}"


class DeletionLog(models.Model):
    """What one anonymisation removed from one case (counts, never the data). Kept 3 years."""

    at = models.DateTimeField(_("time"), db_index=True)
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="anonymisation")
    reason = models.CharField(
        _("reason"),
        max_length=20,
        choices=[
            ("retention", _("Retention period ended")),
            ("request", _("Data-subject request")),
        ],
    )
    request_case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    summary = models.JSONField(_("what was removed"), default=dict)

    class Meta:
        verbose_name = _("deletion log entry")
        verbose_name_plural = _("deletion log")
        ordering = ["-at"]


class VerificationCode(models.Model):
    """A one-time code sent to the phone or e-mail on a case, proving a data-subject request's
    sender."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")
    code_hash = models.CharField(max_length=64)
    sent_to = models.CharField(max_length=20)  # "phone" or "email": never the address itself
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)


class SubjectRequest(models.Model):
    """A data-subject request (KVKK Art. 11) and the case that tracks it to its 30-day limit (Art.
    13)."""

    class Kind(models.TextChoices):
        ACCESS = "access", _("What do you hold about me? (a copy)")
        CORRECTION = "correction", _("Correct my data")
        DELETION = "deletion", _("Delete my data")

    class Verified(models.TextChoices):
        CODE = "code", _("One-time code to the phone or e-mail on record")
        ID_CARD = "id_card", _("ID card checked at the desk")

    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="subject_request")
    citizen = models.ForeignKey(Citizen, on_delete=models.PROTECT, related_name="subject_requests")
    kind = models.CharField(_("request"), max_length=20, choices=Kind.choices)
    verified = models.CharField(_("identity verified by"), max_length=20, choices=Verified.choices)
    created_at = models.DateTimeField(_("created at"))

    class Meta:
        verbose_name = _("data-subject request")
        verbose_name_plural = _("data-subject requests")
        ordering = ["-created_at"]
