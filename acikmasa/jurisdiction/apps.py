from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JurisdictionConfig(AppConfig):
    name = "acikmasa.jurisdiction"
    label = "jurisdiction"
    verbose_name = _("Jurisdiction")

    def ready(self) -> None:
        from acikmasa.cases import hooks

        from . import services

        hooks.on_submit(services.on_case_submitted)
