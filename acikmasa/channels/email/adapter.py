"""E-mail: raw MIME arrives by SMTP (smtpd.py) or an authenticated HTTP POST; replies go out by
SMTP."""

import re
from typing import Any

from django.core.mail import EmailMessage
from django.core.mail.message import make_msgid
from django.http import HttpRequest
from django.utils.translation import gettext as _

from acikmasa.cases.services.citizens import CitizenInput

from .. import conf
from ..base import Adapter, BadPayload, Envelope, Incoming, SendFailed, register
from ..models import InboundMessage, OutboundMessage
from ..services.inbound import inbound_reject, inbound_store
from ..sms.adapter import check_shared_secret
from .parsing import MailError, ParsedMail, parse_mail

MAX_TEXT = 9500
QUOTE_HEADER = re.compile(
    r"^(On .+ wrote:|.+ tarihinde .+ yazdı:|-{2,} ?(Original Message|Orijinal İleti|Özgün ileti) "
    r"?-{2,})\s*$",
    re.I,
)


def strip_quoted(text: str) -> str:
    """Keep what the citizen wrote, not the quoted history below it."""
    kept: list[str] = []
    for line in text.splitlines():
        if QUOTE_HEADER.match(line.strip()):
            break
        if not line.startswith(">"):
            kept.append(line)
    return "\n".join(kept).strip()


def _split_name(name: str) -> tuple[str, str]:
    name = " ".join(name.replace('"', "").split())
    if " " not in name:
        return name[:100], ""
    first, last = name.rsplit(" ", 1)
    return first[:100], last[:100]


def case_external_id(message_id: str) -> str:
    import hashlib

    value = f"email:{message_id}"
    return (
        value
        if len(value) <= 190
        else "email:sha256:" + hashlib.sha256(message_id.encode()).hexdigest()
    )


class EmailAdapter(Adapter):
    code = "email"
    sends = True
    case_channel = "email"
    max_body = conf.MAX_EMAIL_BYTES

    def verify(self, request: HttpRequest, body: bytes) -> None:
        check_shared_secret(request, "X-Acikmasa-Secret", conf.value("EMAIL_WEBHOOK_SECRET"))

    def envelopes(self, request: HttpRequest, body: bytes) -> list[Envelope]:
        return [self.envelope(body, mail_from=request.headers.get("X-Envelope-From"))]

    def envelope(
        self, raw: bytes, *, mail_from: str | None = None, rcpt_tos: list[str] | None = None
    ) -> Envelope:
        try:
            mail = parse_mail(
                raw, max_attachment=conf.max_attachment_bytes(), envelope_sender=mail_from
            )
        except MailError as exc:
            raise BadPayload(f"Not a usable e-mail: {exc}") from exc
        item: dict[str, Any] = {"rcpt_tos": rcpt_tos or []}
        if mail_from is not None:
            item["mail_from"] = mail_from
        return Envelope(
            external_id=mail.message_id, kind=mail.kind, sender=mail.from_address, item=item
        )

    def parse(self, message: InboundMessage) -> Incoming:
        try:
            mail = parse_mail(
                message.body_bytes,
                max_attachment=conf.max_attachment_bytes(),
                envelope_sender=message.item.get("mail_from"),
            )
        except MailError as exc:
            raise BadPayload(str(exc)) from exc
        return self._incoming(mail, message)

    def _incoming(self, mail: ParsedMail, message: InboundMessage) -> Incoming:
        body = strip_quoted(mail.text)
        text = f"{mail.subject}\n\n{body}".strip() if mail.subject else body
        if len(text) > MAX_TEXT:
            text = (
                text[:MAX_TEXT]
                + "\n"
                + _("[…shortened; the full e-mail is kept in the channel inbox]")
            )
        first, last = _split_name(mail.from_name)
        extra: dict[str, Any] = {"message_id": mail.message_id}
        if mail.skipped_attachments:
            extra["attachments_too_large"] = mail.skipped_attachments
        if mail.reason:
            extra["reason"] = mail.reason
        return Incoming(
            external_id=case_external_id(mail.message_id),
            case_channel=self.case_channel,
            kind=mail.kind,
            sender=mail.from_address,
            text=text,
            subject=mail.subject,
            received_at=message.received_at,
            citizen=CitizenInput(first_name=first, last_name=last, email=mail.from_address),
            attachments=mail.attachments,
            refs=mail.refs,
            conversational=False,
            extra=extra,
        )

    def send(self, outbound: OutboundMessage) -> str:
        domain = conf.value("EMAIL_FROM").rpartition("@")[2] or None
        message_id = make_msgid(domain=domain)
        subject = outbound.subject or _("About your application")
        if outbound.case and outbound.case.tracking_number not in subject:
            subject = (
                f"[{outbound.case.tracking_number}] {subject}"  # replies thread by this number
            )
        headers = {"Message-ID": message_id, "Auto-Submitted": "auto-generated"}
        if outbound.reply_to:
            headers |= {
                "In-Reply-To": f"<{outbound.reply_to}>",
                "References": f"<{outbound.reply_to}>",
            }
        mail = EmailMessage(
            subject=subject,
            body=outbound.text,
            from_email=conf.value("EMAIL_FROM"),
            to=[outbound.recipient],
            headers=headers,
        )
        try:
            mail.send(using=conf.value("EMAIL_MAILER") or None)
        except Exception as exc:
            raise SendFailed(f"SMTP: {exc}") from exc
        return message_id.strip("<>")


def email_receive(
    raw: bytes,
    *,
    mail_from: str | None = None,
    rcpt_tos: list[str] | None = None,
) -> tuple[InboundMessage, bool]:
    """Store one e-mail as it arrived (SMTP server, IMAP poller); unusable mail is kept as failed.

    Returns (row, created): the same Message-ID twice is stored once.
    """
    headers = {"mail_from": mail_from or ""}
    try:
        envelope = EMAIL.envelope(raw, mail_from=mail_from, rcpt_tos=rcpt_tos)
    except BadPayload as exc:
        return inbound_reject(channel="email", headers=headers, body=raw, error=exc.message), True
    return inbound_store(channel="email", envelope=envelope, headers=headers, body=raw)


EMAIL = register(EmailAdapter())
