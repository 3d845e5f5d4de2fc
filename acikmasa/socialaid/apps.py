from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SocialAidConfig(AppConfig):
    name = "acikmasa.socialaid"
    label = "socialaid"
    verbose_name = _("Social aid checks")
