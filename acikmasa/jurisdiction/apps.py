from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JurisdictionConfig(AppConfig):
    name = "acikmasa.jurisdiction"
    label = "jurisdiction"
    verbose_name = _("Jurisdiction")
