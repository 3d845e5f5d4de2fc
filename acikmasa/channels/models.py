"""What came in and what goes out, stored before anything else happens to it."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from acikmasa.cases.models import Case, CaseEvent
from acikmasa.directory.models import Municipality

from .muhtar.models import Muhtar  # noqa: F401  (models of the adapters live in their folders)
from .telephony.models import Call  # noqa: F401


class InboundMessage(models.Model):
    """One provider message (or event), saved raw as it arrived, then processed into a case."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received, not processed yet")
        PROCESSED = "processed", _("Processed")
        FAILED = "failed", _("Failed: needs triage")
        IGNORED = "ignored", _("Kept, not turned into a case")

    class Outcome(models.TextChoices):
        CREATED = "created", _("Opened a case")
        THREADED = "threaded", _("Added to an existing case")
        DUPLICATE = "duplicate", _("Already registered")
        STATUS = "status", _("Delivery status recorded")
        EVENT = "event", _("Event recorded")
        AUTO_REPLY = "auto_reply", _("Automatic reply")
        BOUNCE = "bounce", _("Bounce")

    channel = models.CharField(_("channel"), max_length=40)
    external_id = models.CharField(_("provider message id"), max_length=255)
    kind = models.CharField(_("kind"), max_length=30, default="message")
    sender = models.CharField(_("sender"), max_length=255, blank=True, db_index=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    body = models.BinaryField(_("body"), default=b"")
    item = models.JSONField(
        _("item"),
        default=dict,
        blank=True,
        help_text=_("The part of a batched payload this row stands for."),
    )
    received_at = models.DateTimeField(_("received at"), default=timezone.now, db_index=True)
    processed_at = models.DateTimeField(_("processed at"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveIntegerField(_("processing attempts"), default=0)
    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    case = models.ForeignKey(
        Case,
        verbose_name=_("case"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="inbound_messages",
    )
    event = models.ForeignKey(
        CaseEvent, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("inbound message")
        verbose_name_plural = _("inbound messages")
        ordering = ["-received_at"]
        constraints = [
            # Providers retry: the same message id is stored (and processed) once.
            models.UniqueConstraint(
                fields=["channel", "external_id"], name="inbound_channel_external_id_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "received_at"], name="inbound_status_idx"),
            models.Index(
                fields=["channel", "sender", "received_at"], name="inbound_conversation_idx"
            ),
        ]

    @property
    def body_bytes(self) -> bytes:
        return bytes(self.body or b"")

    @property
    def body_text(self) -> str:
        return self.body_bytes.decode("utf-8", errors="replace")

    def __str__(self) -> str:
        return f"{self.channel}:{self.external_id}"


class OutboundMessage(models.Model):
    """A reply waiting to go out, or gone; delivery statuses arrive later from the provider."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        DELIVERED = "delivered", _("Delivered")
        READ = "read", _("Read")
        FAILED = "failed", _("Failed")

    class Kind(models.TextChoices):
        MESSAGE = "message", _("Message")
        TEMPLATE = "template", _("Template message")
        COMMENT = "comment", _("Comment reply")

    channel = models.CharField(_("channel"), max_length=40)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MESSAGE)
    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    case = models.ForeignKey(
        Case,
        verbose_name=_("case"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="outbound_messages",
    )
    recipient = models.CharField(_("recipient"), max_length=255)
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    text = models.TextField(_("text"))
    template = models.CharField(_("template"), max_length=100, blank=True)
    template_params = models.JSONField(_("template parameters"), default=list, blank=True)
    reply_to = models.CharField(_("in reply to"), max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(
        _("next attempt at"), null=True, blank=True, db_index=True
    )
    last_error = models.TextField(_("last error"), blank=True)
    provider_message_id = models.CharField(
        _("provider message id"), max_length=255, blank=True, db_index=True
    )
    provider_status = models.CharField(_("provider status"), max_length=40, blank=True)
    provider_statuses = models.JSONField(_("provider statuses"), default=list, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("outbound message")
        verbose_name_plural = _("outbound messages")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbound_due_idx")]

    def __str__(self) -> str:
        return f"{self.channel}→{self.recipient} ({self.status})"


class OutboundAttempt(models.Model):
    """One try at handing a message to its provider, kept for the record."""

    message = models.ForeignKey(
        OutboundMessage, on_delete=models.CASCADE, related_name="attempt_log"
    )
    number = models.PositiveIntegerField(_("attempt"))
    at = models.DateTimeField(_("time"), default=timezone.now)
    ok = models.BooleanField(_("succeeded"), default=False)
    provider_message_id = models.CharField(_("provider message id"), max_length=255, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("sending attempt")
        verbose_name_plural = _("sending attempts")
        ordering = ["message", "number"]
