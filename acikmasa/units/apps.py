from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnitsConfig(AppConfig):
    """What the seeds' units share: the history append, citizen messages, the staff hub."""

    name = "acikmasa.units"
    label = "units"
    verbose_name = _("Units")
