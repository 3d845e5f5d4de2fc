"""Muhtar accounts: a Django user who submits for one mahalle (the core has no muhtar role)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from acikmasa.directory.models import Neighbourhood


class Muhtar(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="muhtar"
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        on_delete=models.PROTECT,
        related_name="muhtars",
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        app_label = "channels"
        verbose_name = _("muhtar")
        verbose_name_plural = _("muhtars")

    def __str__(self) -> str:
        return f"{self.user.get_full_name() or self.user.username} ({self.neighbourhood})"
