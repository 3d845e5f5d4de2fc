from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DuplicatesConfig(AppConfig):
    name = "acikmasa.duplicates"
    label = "duplicates"
    verbose_name = _("Duplicates")

    def ready(self) -> None:
        from acikmasa.cases import hooks

        from . import services

        hooks.on_submit(services.on_case_submitted)
        hooks.on_transition(services.on_case_transition)
