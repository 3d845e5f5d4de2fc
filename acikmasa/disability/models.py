"""The disability unit (seed 003: "Beyaz Masa Engelli Birimi'ne gelen 2 bin 392 talebin 2 bin 135'i
sonuçlandırıldı"): a directorate of its own (queue and staff are the desk's, by directorate), an
accessible way in for everyone, and a relay for hearing-impaired citizens (text by SMS or WhatsApp,
a video call in sign language)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from acikmasa.directory.models import Directorate, Municipality, Subject


class DisabilityUnit(models.Model):
    municipality = models.OneToOneField(
        Municipality, on_delete=models.PROTECT, related_name="disability_unit"
    )
    directorate = models.ForeignKey(
        Directorate,
        verbose_name=_("the unit's directorate (its queue and staff)"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    subject = models.ForeignKey(
        Subject,
        verbose_name=_("subject of an application to the unit"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    relay_sms_number = models.CharField(
        _("number for text messages (SMS)"), max_length=40, blank=True
    )
    relay_whatsapp_number = models.CharField(_("WhatsApp number"), max_length=40, blank=True)
    video_call_url = models.URLField(
        _("video-call link (sign language)"),
        blank=True,
        help_text=_("A meeting room the unit opens in its hours, e.g. a Jitsi or Meet room."),
    )
    video_call_hours = models.CharField(_("video-call hours"), max_length=200, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("disability unit")
        verbose_name_plural = _("disability units")

    def __str__(self) -> str:
        return str(self.directorate)
