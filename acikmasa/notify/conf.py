"""Notification settings in one place: Django settings `ACIKMASA_NOTIFY_<NAME>`, else the
default."""

from datetime import time
from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    # Messages created in these local hours wait until the end of the quiet period (delayed, not
    # dropped).
    "QUIET_START": "22:00",
    "QUIET_END": "08:00",
    "TIME_ZONE": "Europe/Istanbul",
    # Which backend delivers each citizen channel: console | file | smtp | channel.
    "BACKENDS": {"email": "smtp", "sms": "channel", "whatsapp": "channel"},
    "FILE_DIR": "var/notify",
    "MAX_ATTEMPTS": 6,
    "SURVEY_REMINDER_HOURS": 72,
    "SITE_URL": "http://127.0.0.1:8000",
    "FROM_EMAIL": "",  # empty: DEFAULT_FROM_EMAIL
    "MAILER": "",  # a MAILERS alias; empty: the default mailer
}


def get(name: str) -> Any:
    return getattr(settings, f"ACIKMASA_NOTIFY_{name}", DEFAULTS[name])


def quiet_hours() -> tuple[time, time]:
    start, end = (time.fromisoformat(get("QUIET_START")), time.fromisoformat(get("QUIET_END")))
    return start, end


def backend_for(channel: str) -> str:
    """The backend of a channel; a development site (DEBUG) without the setting prints to the
    console."""
    configured = getattr(settings, "ACIKMASA_NOTIFY_BACKENDS", None)
    if configured is None and settings.DEBUG:
        return "console"
    return (configured or DEFAULTS["BACKENDS"]).get(channel, "console")
