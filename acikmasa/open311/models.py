"""Open311 client applications (API keys) and what the API remembers about each request it took
in."""

import hashlib
import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from acikmasa.cases.models import Case
from acikmasa.directory.models import Municipality

KEY_PREFIX_LENGTH = 8


def hash_key(raw_key: str) -> str:
    """Keys are long random strings, so a plain SHA-256 is enough: only the hash is stored."""
    return hashlib.sha256(raw_key.encode("utf-8")).hexdigest()


def new_raw_key() -> str:
    return "am_" + secrets.token_urlsafe(30)


class ClientApp(models.Model):
    """An application that may post requests through the Open311 API with its own key."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="open311_clients"
    )
    name = models.CharField(_("name"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    key_prefix = models.CharField(
        _("key starts with"), max_length=KEY_PREFIX_LENGTH, editable=False, db_index=True
    )
    key_hash = models.CharField(_("key hash"), max_length=64, unique=True, editable=False)
    rate_limit_per_minute = models.PositiveIntegerField(_("requests per minute"), default=60)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("Open311 client application")
        verbose_name_plural = _("Open311 client applications")
        ordering = ["name"]

    def set_key(self, raw_key: str) -> None:
        self.key_prefix = raw_key[:KEY_PREFIX_LENGTH]
        self.key_hash = hash_key(raw_key)

    def __str__(self) -> str:
        return f"{self.name} ({self.key_prefix}…)"


class RequestRecord(models.Model):
    """The Open311 side of a case that came in through the API: its token and the client's own
    ids."""

    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="open311_record")
    client = models.ForeignKey(ClientApp, on_delete=models.PROTECT, related_name="records")
    token = models.CharField(_("token"), max_length=64, unique=True)
    device_id = models.CharField(_("device id"), max_length=200, blank=True)
    account_id = models.CharField(_("account id"), max_length=200, blank=True)
    media_url = models.URLField(_("media URL"), max_length=500, blank=True)
    attributes = models.JSONField(_("attributes"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("Open311 request")
        verbose_name_plural = _("Open311 requests")
