from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PriorityCareConfig(AppConfig):
    name = "acikmasa.prioritycare"
    label = "prioritycare"
    verbose_name = _("Priority care")
