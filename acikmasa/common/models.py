"""Small model building blocks shared by the apps."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .turkish import fold


class BilingualName(models.Model):
    """A Turkish name (the official one) with an English name for the English interface."""

    name = models.CharField(_("name (Turkish)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)

    class Meta:
        abstract = True

    @property
    def display_name(self) -> str:
        language = get_language() or "tr"
        if language.startswith("en") and self.name_en:
            return self.name_en
        return self.name

    def __str__(self) -> str:
        return self.display_name


class SearchKeyed(models.Model):
    """Keeps a folded copy of the searchable text so Turkish search works alike on every
    database."""

    search_key = models.TextField(editable=False, blank=True, default="")

    class Meta:
        abstract = True

    def search_text(self) -> str:
        return str(getattr(self, "name", ""))

    def save(self, *args, **kwargs):
        self.search_key = fold(self.search_text())
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = set(update_fields) | {"search_key"}
        super().save(*args, **kwargs)
