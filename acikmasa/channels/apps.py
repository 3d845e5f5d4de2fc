from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChannelsConfig(AppConfig):
    name = "acikmasa.channels"
    label = "channels"
    verbose_name = _("Channels")

    def ready(self) -> None:
        from . import checks
        from .registry import register_all

        register_all()
        checks.fail_fast()
