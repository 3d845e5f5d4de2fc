from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MuhtarsConfig(AppConfig):
    name = "acikmasa.muhtars"
    label = "muhtars"
    verbose_name = _("Muhtars' mahalle")
