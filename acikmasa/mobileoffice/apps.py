from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MobileOfficeConfig(AppConfig):
    name = "acikmasa.mobileoffice"
    label = "mobileoffice"
    verbose_name = _("Mobile office")
