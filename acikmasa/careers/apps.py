from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CareersConfig(AppConfig):
    name = "acikmasa.careers"
    label = "careers"
    verbose_name = _("Career centre")

    def ready(self) -> None:
        from acikmasa.cases import hooks

        from .guards import answer_before_resolving

        hooks.on_transition(answer_before_resolving)
