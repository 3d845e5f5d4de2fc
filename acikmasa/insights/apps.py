from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "acikmasa.insights"
    label = "insights"
    verbose_name = _("Insights")

    def ready(self) -> None:
        from acikmasa.cases import hooks

        from . import rollup

        # Registered after the deadline engine's hooks (INSTALLED_APPS order): due_at is final here.
        hooks.on_submit(rollup.on_case_submitted)
        hooks.on_transition(rollup.on_case_transition)
        hooks.on_history_event(rollup.on_history_event)
