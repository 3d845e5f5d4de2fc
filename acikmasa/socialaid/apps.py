from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SocialAidConfig(AppConfig):
    name = "acikmasa.socialaid"
    label = "socialaid"
    verbose_name = _("Social aid checks")

    def ready(self) -> None:
        from acikmasa.cases import hooks

        from .reactions import on_case_submitted, on_case_transition

        hooks.on_submit(on_case_submitted)
        hooks.on_transition(on_case_transition)
