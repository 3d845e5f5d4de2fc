from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotifyConfig(AppConfig):
    name = "acikmasa.notify"
    label = "notify"
    verbose_name = _("Notifications and surveys")

    def ready(self) -> None:
        from acikmasa.cases import hooks

        from .services.outbox import on_case_event
        from .services.surveys import on_citizen_message

        hooks.on_submit(on_case_event)
        hooks.on_transition(on_case_event)
        hooks.on_citizen_message(on_citizen_message)
