"""Channel settings, in one place.

Each value is read from Django settings (`ACIKMASA_<NAME>`), then the environment
(`ACIKMASA_<NAME>`), then a documented demo default, so that `make run` accepts payloads signed with
the demo secrets (docs/channels.md). The system check in checks.py refuses to start a non-debug site
whose enabled channels still use a demo secret or lack a required value.
"""

import os
from typing import Any

from django.conf import settings

DEMO_DEFAULTS: dict[str, str] = {
    # Meta (WhatsApp Cloud API, Messenger, Instagram) share the Graph API.
    "GRAPH_API_URL": "https://graph.facebook.com/v21.0",
    "WHATSAPP_APP_SECRET": "demo-whatsapp-secret",
    "WHATSAPP_VERIFY_TOKEN": "demo-verify-token",
    "WHATSAPP_ACCESS_TOKEN": "demo-whatsapp-access-token",
    "WHATSAPP_PHONE_NUMBER_ID": "100000000000001",
    "WHATSAPP_TEMPLATE": "acikmasa_case_update",
    "WHATSAPP_TEMPLATE_LANGUAGE": "tr",
    "FACEBOOK_APP_SECRET": "demo-facebook-secret",
    "FACEBOOK_VERIFY_TOKEN": "demo-verify-token",
    "FACEBOOK_PAGE_ACCESS_TOKEN": "demo-page-access-token",
    "FACEBOOK_PAGE_ID": "200000000000002",
    "SMS_GATEWAY_SECRET": "demo-sms-secret",
    "SMS_GATEWAY_URL": "",
    "SMS_GATEWAY_TOKEN": "",
    "TWILIO_AUTH_TOKEN": "demo-twilio-token",
    "TWILIO_WEBHOOK_URL": "",
    "TWILIO_ACCOUNT_SID": "",
    "TWILIO_FROM": "",
    "TWILIO_API_URL": "https://api.twilio.com",
    "EMAIL_WEBHOOK_SECRET": "demo-email-secret",
    "EMAIL_FROM": "basvuru@example.org",
    "EMAIL_MAILER": "",  # a MAILERS alias for replies; empty = Django's default mailer
    "EMAIL_IMAP_HOST": "",
    "EMAIL_IMAP_PORT": "993",
    "EMAIL_IMAP_USER": "",
    "EMAIL_IMAP_PASSWORD": "",
    "EMAIL_IMAP_MAILBOX": "INBOX",
    "EMAIL_IMAP_SSL": "true",
    "EMAIL_SMTPD_HOST": "127.0.0.1",
    "EMAIL_SMTPD_PORT": "2525",
    "TELEPHONY_SECRET": "demo-telephony-secret",
    # Which municipality the webhooks register cases for (code); empty = the only active one.
    "CHANNELS_MUNICIPALITY": "",
    # Comma-separated adapter codes, or "all". Empty when not DEBUG: production switches each on.
    "CHANNELS": "",
}

# The values a switched-on channel needs, and which of them must not keep the demo value.
REQUIRED: dict[str, tuple[str, ...]] = {
    "whatsapp": (
        "WHATSAPP_APP_SECRET",
        "WHATSAPP_VERIFY_TOKEN",
        "WHATSAPP_ACCESS_TOKEN",
        "WHATSAPP_PHONE_NUMBER_ID",
    ),
    "facebook": (
        "FACEBOOK_APP_SECRET",
        "FACEBOOK_VERIFY_TOKEN",
        "FACEBOOK_PAGE_ACCESS_TOKEN",
        "FACEBOOK_PAGE_ID",
    ),
    "sms": ("SMS_GATEWAY_SECRET", "SMS_GATEWAY_URL"),
    "twilio": ("TWILIO_AUTH_TOKEN",),
    "email": ("EMAIL_WEBHOOK_SECRET", "EMAIL_FROM"),
    "telephony": ("TELEPHONY_SECRET",),
    "cimer": (),
    "muhtar": (),
}

ALL_ADAPTERS = tuple(REQUIRED)
MAX_BODY_BYTES = 1024 * 1024
MAX_EMAIL_BYTES = 25 * 1024 * 1024
# A message from the same sender within this many minutes continues the open conversation's case.
CONVERSATION_MINUTES = 30
# A short text from someone we messaged about a case within this many days answers that message
# (e.g. "5" or "çözülmedi" to the satisfaction survey) rather than opening a new case.
REPLY_DAYS = 7
SHORT_REPLY_CHARS = 60
OUTBOUND_MAX_ATTEMPTS = 5
WHATSAPP_SERVICE_WINDOW_HOURS = 24


def value(name: str) -> str:
    """The configured value of ACIKMASA_<name>, else the demo default."""
    found: Any = getattr(settings, f"ACIKMASA_{name}", None)
    if found is None:
        found = os.environ.get(f"ACIKMASA_{name}")
    if found is None:
        found = DEMO_DEFAULTS.get(name, "")
    return str(found)


def is_configured(name: str) -> bool:
    """True when the value was set on purpose (not missing, not the demo default)."""
    current = value(name)
    return bool(current) and (current != DEMO_DEFAULTS.get(name) or name in ("GRAPH_API_URL",))


def enabled_adapters() -> set[str]:
    raw = value("CHANNELS").strip()
    if not raw:
        raw = "all" if settings.DEBUG else ""
    if raw == "all":
        return set(ALL_ADAPTERS)
    return {code.strip() for code in raw.split(",") if code.strip()}


def is_enabled(code: str) -> bool:
    return code in enabled_adapters()


def max_attachment_bytes() -> int:
    return int(getattr(settings, "ACIKMASA_MAX_ATTACHMENT_BYTES", 10 * 1024 * 1024))
