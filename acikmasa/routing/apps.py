from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoutingConfig(AppConfig):
    name = "acikmasa.routing"
    label = "routing"
    verbose_name = _("Routing")

    def ready(self) -> None:
        from acikmasa.cases import hooks as case_hooks

        from . import hooks

        case_hooks.on_missing_subject(hooks.subject_for_new_case)
        case_hooks.on_transition(hooks.on_case_transition)
