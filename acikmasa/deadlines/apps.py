from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeadlinesConfig(AppConfig):
    name = "acikmasa.deadlines"
    label = "deadlines"
    verbose_name = _("Deadlines")

    def ready(self) -> None:
        from acikmasa.cases import hooks as case_hooks

        from . import hooks

        case_hooks.on_submit(hooks.on_case_submitted)
        case_hooks.on_transition(hooks.on_case_transition)
        hooks.connect_closure_day_signals()
