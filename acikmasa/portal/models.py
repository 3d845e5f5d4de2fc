"""What the portal keeps of its own: citizens who added their voice to an existing case."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from acikmasa.cases.models import Case


class Supporter(models.Model):
    """'Me too' on an open case instead of a duplicate (FixMyStreet's best feature).

    `browser_key` is a hash of the visitor's session so one browser counts once; no personal data.
    """

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="supporters")
    browser_key = models.CharField(_("browser key"), max_length=64)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("supporter")
        verbose_name_plural = _("supporters")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "browser_key"], name="supporter_once_per_browser"
            )
        ]
