"""Pluggable delivery backends: console and file (development), smtp (Django's mail API), and
channel (hands the message to the channels' outbound layer, which owns gateway retries).

A backend's `send` returns a provider id, or raises DeliveryFailed to be retried later.
`hands_off` backends only queue: the channels layer reports the outcome later.
"""

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.message import make_msgid

from . import conf

if TYPE_CHECKING:
    from .models import Notification


class DeliveryFailed(Exception):
    """Could not deliver now; the outbox tries again with backoff."""


class Backend:
    code = ""
    hands_off = False

    def send(self, notification: "Notification") -> str:
        raise NotImplementedError


class ConsoleBackend(Backend):
    code = "console"

    def send(self, notification: "Notification") -> str:
        sys.stdout.write(
            f"[notify] {notification.channel} → {notification.recipient}: {notification.text}\n"
        )
        return f"console-{notification.pk}"


class FileBackend(Backend):
    """One JSON line per message in ACIKMASA_NOTIFY_FILE_DIR/<channel>.jsonl."""

    code = "file"

    def send(self, notification: "Notification") -> str:
        folder = Path(conf.get("FILE_DIR"))
        if not folder.is_absolute():
            folder = Path(settings.BASE_DIR) / folder
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with (folder / f"{notification.channel or 'none'}.jsonl").open(
                "a", encoding="utf-8"
            ) as out:
                out.write(
                    json.dumps(
                        {
                            "id": notification.pk,
                            "to": notification.recipient,
                            "subject": notification.subject,
                            "text": notification.text,
                            "case": notification.case_id,
                        },
                        ensure_ascii=False,
                    )
                    + "\n"
                )
        except OSError as exc:
            raise DeliveryFailed(str(exc)) from exc
        return f"file-{notification.pk}"


class SmtpBackend(Backend):
    """E-mail through Django's configured mail backend (SMTP in production)."""

    code = "smtp"

    def send(self, notification: "Notification") -> str:
        sender = conf.get("FROM_EMAIL") or settings.DEFAULT_FROM_EMAIL
        message_id = make_msgid(domain=sender.rpartition("@")[2] or None)
        mail = EmailMessage(
            subject=notification.subject,
            body=notification.text,
            from_email=sender,
            to=[notification.recipient],
            headers={"Message-ID": message_id, "Auto-Submitted": "auto-generated"},
        )
        try:
            mail.send(using=conf.get("MAILER") or None)
        except Exception as exc:
            raise DeliveryFailed(f"{type(exc).__name__}: {exc}") from exc
        return message_id.strip("<>")


class ChannelBackend(Backend):
    """Delegates to acikmasa.channels.services.outbound.outbound_queue (SMS and WhatsApp
    gateways)."""

    code = "channel"
    hands_off = True

    def send(self, notification: "Notification") -> str:
        from acikmasa.channels.base import ChannelMisconfigured
        from acikmasa.channels.services.outbound import outbound_queue

        try:
            message = outbound_queue(
                channel=notification.channel,
                recipient=notification.recipient,
                text=notification.text,
                case=notification.case,
                subject=notification.subject,
            )
        except (ChannelMisconfigured, ValueError) as exc:
            raise DeliveryFailed(str(exc)) from exc
        notification.outbound = message
        return f"outbound-{message.pk}"


BACKENDS: dict[str, Backend] = {
    b.code: b for b in (ConsoleBackend(), FileBackend(), SmtpBackend(), ChannelBackend())
}


def get_backend(code: str) -> Backend:
    try:
        return BACKENDS[code]
    except KeyError:
        raise DeliveryFailed(f"no notification backend {code!r}") from None
