from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PriorityCareConfig(AppConfig):
    name = "acikmasa.prioritycare"
    label = "prioritycare"
    verbose_name = _("Priority care")

    def ready(self) -> None:
        from acikmasa.cases import hooks

        from .services import priority_for

        hooks.on_priority(priority_for)
