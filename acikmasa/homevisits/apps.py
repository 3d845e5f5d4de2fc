from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeVisitsConfig(AppConfig):
    name = "acikmasa.homevisits"
    label = "homevisits"
    verbose_name = _("Service at your door (home visits)")
