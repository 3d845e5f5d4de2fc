"""A phone call as the CTI reports it: ringing, answered by an agent, hung up."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from acikmasa.directory.models import Municipality


class Call(models.Model):
    class Status(models.TextChoices):
        RINGING = "ringing", _("Ringing")
        ANSWERED = "answered", _("Answered")
        ENDED = "ended", _("Ended")

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    call_id = models.CharField(_("call id"), max_length=200)
    caller = models.CharField(
        _("caller number"), max_length=40, blank=True, help_text=_("E.164 when valid")
    )
    called = models.CharField(_("number called"), max_length=40, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RINGING
    )
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("agent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    agent_extension = models.CharField(_("agent extension"), max_length=40, blank=True)
    started_at = models.DateTimeField(_("started at"))
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)

    class Meta:
        app_label = "channels"
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "call_id"], name="call_id_unique")
        ]

    def __str__(self) -> str:
        return f"{self.caller or '?'} ({self.get_status_display()})"
