from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "acikmasa.privacy"
    label = "privacy"
    verbose_name = _("Personal data protection (KVKK)")

    def ready(self) -> None:
        from acikmasa.cases import hooks as case_hooks

        from . import hooks

        case_hooks.on_submit(hooks.on_case_submitted)
