"""What the citizen is told (templates, outbox), how they want it, and what they answered."""

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from acikmasa.cases.models import Case, Citizen
from acikmasa.directory.models import Directorate, Municipality, Subject


class Event(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    FORWARDED = "forwarded", _("Forwarded")
    INFO_REQUESTED = "info_requested", _("Information asked")
    ANSWERED = "answered", _("Answered")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Closed")
    REOPENED = "reopened", _("Reopened")
    REJECTED = "rejected", _("Rejected")
    SURVEY_REMINDER = "survey_reminder", _("Survey reminder")
    MERGED = "merged", _("Joined with an earlier application")
    DUPLICATE_RESOLVED = "duplicate_resolved", _("The joined application was resolved")


class Language(models.TextChoices):
    TURKISH = "tr", _("Turkish")
    ENGLISH = "en", _("English")


class DeliveryChannel(models.TextChoices):
    SMS = "sms", _("SMS")
    WHATSAPP = "whatsapp", _("WhatsApp")
    EMAIL = "email", _("E-mail")


PLACEHOLDERS = (
    "tracking_number",
    "subject",
    "deadline",
    "answer",
    "reason",
    "tracking_url",
    "survey_url",
    "privacy_url",
)


class MessageTemplate(models.Model):
    """The text sent for one event in one language; admins edit it, placeholders are filled in."""

    event = models.CharField(_("event"), max_length=30, choices=Event.choices)
    language = models.CharField(_("language"), max_length=5, choices=Language.choices)
    subject = models.CharField(_("e-mail subject"), max_length=200)
    body = models.TextField(
        _("text"),
        help_text=_(
            "Placeholders: {tracking_number}, {subject}, {deadline}, {answer}, {reason}, "
            "{tracking_url}, {survey_url}"
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("message template")
        verbose_name_plural = _("message templates")
        ordering = ["event", "language"]
        constraints = [
            models.UniqueConstraint(fields=["event", "language"], name="notify_template_unique")
        ]

    def __str__(self) -> str:
        return f"{self.get_event_display()} ({self.language})"


class ContactPreference(models.Model):
    """How a citizen wants to hear from us; without one, the channel the case came from is used."""

    citizen = models.OneToOneField(
        Citizen, on_delete=models.CASCADE, related_name="notify_preference"
    )
    channel = models.CharField(
        _("preferred channel"), max_length=20, choices=DeliveryChannel.choices, blank=True
    )
    language = models.CharField(
        _("language"), max_length=5, choices=Language.choices, default=Language.TURKISH
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("contact preference")
        verbose_name_plural = _("contact preferences")


class Notification(models.Model):
    """One message to a citizen (the outbox). Sending never happens inside the case's
    transaction."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        HANDED_OFF = "handed_off", _("Handed to the channel")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Not sent (no consent or no address)")

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="notifications"
    )
    event = models.CharField(_("event"), max_length=30, choices=Event.choices)
    source_event = models.PositiveIntegerField(
        _("case event"), null=True, blank=True, help_text=_("The history entry that caused it.")
    )
    channel = models.CharField(_("channel"), max_length=20, blank=True)
    backend = models.CharField(_("backend"), max_length=20, blank=True)
    recipient = models.CharField(_("recipient"), max_length=255, blank=True)
    language = models.CharField(_("language"), max_length=5, default=Language.TURKISH)
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    text = models.TextField(_("text"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    skip_reason = models.CharField(_("why not sent"), max_length=200, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    provider_message_id = models.CharField(_("provider message id"), max_length=255, blank=True)
    outbound = models.ForeignKey(
        "channels.OutboundMessage",
        verbose_name=_("channel message"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    history_recorded = models.BooleanField(_("outcome on the case history"), default=False)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="notify_due_idx")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.event} → {self.channel or '-'} ({self.status})"


def new_survey_token() -> str:
    return secrets.token_urlsafe(24)


class Survey(models.Model):
    """The satisfaction survey of one case, opened when the case is first resolved."""

    case = models.OneToOneField(
        Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="survey"
    )
    token = models.CharField(
        _("token"), max_length=64, unique=True, default=new_survey_token, editable=False
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def __str__(self) -> str:
        return str(self.case)


class SurveyAnswer(models.Model):
    """The citizen's one answer; `directorate` is the case's directorate when answered (its
    figures)."""

    case = models.OneToOneField(
        Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="survey_answer"
    )
    directorate = models.ForeignKey(
        Directorate,
        verbose_name=_("directorate"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="survey_answers",
    )
    solved = models.BooleanField(_("solved"))
    score = models.PositiveSmallIntegerField(_("satisfaction (1–5)"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    via = models.CharField(_("answered via"), max_length=20, default="web")
    answered_at = models.DateTimeField(_("answered at"), default=timezone.now)

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | models.Q(score__gte=1, score__lte=5),
                name="notify_score_1_5",
            ),
        ]


class DirectorateAlert(models.Model):
    """Tells a directorate's managers something they must act on (a "not solved" answer)."""

    directorate = models.ForeignKey(
        Directorate,
        verbose_name=_("directorate"),
        on_delete=models.PROTECT,
        related_name="notify_alerts",
    )
    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="notify_alerts"
    )
    text = models.TextField(_("text"))
    emailed_to = models.JSONField(_("e-mailed to"), default=list, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("directorate alert")
        verbose_name_plural = _("directorate alerts")
        ordering = ["-created_at"]


class CannedAnswer(models.Model):
    """A ready answer staff insert on the case page; no subject means every subject."""

    municipality = models.ForeignKey(
        Municipality, verbose_name=_("municipality"), on_delete=models.PROTECT, related_name="+"
    )
    subject = models.ForeignKey(
        Subject,
        verbose_name=_("subject"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=120)
    body = models.TextField(_("text"))
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("canned answer")
        verbose_name_plural = _("canned answers")
        ordering = ["position", "title"]

    def __str__(self) -> str:
        return self.title
