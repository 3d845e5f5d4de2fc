"""MIME parsing for citizens' e-mail: plain and HTML parts, attachments, Turkish charsets, encoded
headers."""

import email
import email.policy
import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from html.parser import HTMLParser

from acikmasa.cases.services.intake import IncomingFile

# Mail clients in Turkey still send windows-1254 and ISO-8859-9; a missing or wrong label is common.
FALLBACK_CHARSETS = ("utf-8", "windows-1254", "iso-8859-9")
AUTO_SUBJECT = re.compile(
    r"^\s*(otomatik\s+(yan[ıi]t|cevap)|auto(matic)?[\s-]*(reply|response)|out of (the )?office"
    r"|ofis\s+d[ıi][şs][ıi]nda|abwesenheit)",
    re.IGNORECASE,
)
BOUNCE_SENDERS = re.compile(r"^(mailer-daemon|postmaster)@", re.IGNORECASE)


class MailError(ValueError):
    pass


@dataclass
class ParsedMail:
    message_id: str
    subject: str
    from_name: str
    from_address: str
    text: str
    date: datetime | None
    refs: list[str] = field(default_factory=list)
    attachments: list[IncomingFile] = field(default_factory=list)
    skipped_attachments: list[str] = field(default_factory=list)
    kind: str = "message"  # message | auto_reply | bounce
    reason: str = ""


class _TextOfHtml(HTMLParser):
    BREAKS = {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "table"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("script", "style", "head"):
            self._skip += 1
        elif tag in self.BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _TextOfHtml()
    parser.feed(html)
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _decode(part: EmailMessage) -> str:
    payload = part.get_payload(decode=True) or b""
    declared = part.get_content_charset()
    for charset in ([declared] if declared else []) + list(FALLBACK_CHARSETS):
        try:
            return payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    return payload.decode("utf-8", errors="replace")


def _ids(value: str | None) -> list[str]:
    return re.findall(r"<([^<>\s]+)>", str(value or ""))


def _header(message: EmailMessage, name: str) -> str:
    try:
        return str(message.get(name, "") or "")
    except Exception:
        return ""


def _classify(
    message: EmailMessage, from_address: str, subject: str, envelope_sender: str | None
) -> tuple[str, str]:
    if message.get_content_type() == "multipart/report" or BOUNCE_SENDERS.match(from_address):
        return "bounce", "delivery report"
    if envelope_sender is not None and envelope_sender.strip("<>") == "":
        return "bounce", "empty envelope sender"
    auto = _header(message, "Auto-Submitted").strip().lower()
    if auto and auto != "no":
        return "auto_reply", f"Auto-Submitted: {auto}"
    if _header(message, "X-Autoreply") or _header(message, "X-Autorespond"):
        return "auto_reply", "X-Autoreply"
    if _header(message, "Precedence").strip().lower() in ("auto_reply", "bulk", "junk"):
        return "auto_reply", "Precedence"
    if AUTO_SUBJECT.match(subject):
        return "auto_reply", "subject"
    return "message", ""


def parse_mail(
    raw: bytes, *, max_attachment: int, envelope_sender: str | None = None
) -> ParsedMail:
    """Parse one RFC 5322 message; raise MailError when it is not a usable e-mail."""
    if not raw.strip():
        raise MailError("empty message")
    message: EmailMessage = email.message_from_bytes(raw, policy=email.policy.default)  # type: ignore[assignment]
    subject = re.sub(r"\s+", " ", _header(message, "Subject")).strip()
    try:
        addresses = message["From"].addresses if message["From"] else ()
    except Exception:
        addresses = ()
    if not addresses:
        raise MailError("no From address")
    sender = addresses[0]
    message_ids = _ids(_header(message, "Message-ID"))
    message_id = message_ids[0] if message_ids else "sha256:" + hashlib.sha256(raw).hexdigest()
    try:
        date = message["Date"].datetime if message["Date"] else None
    except Exception:
        date = None
    kind, reason = _classify(message, sender.addr_spec, subject, envelope_sender)
    parsed = ParsedMail(
        message_id=message_id[:250],
        subject=subject[:300],
        from_name=sender.display_name,
        from_address=sender.addr_spec.lower(),
        text=_body_text(message),
        date=date,
        refs=_ids(_header(message, "In-Reply-To")) + _ids(_header(message, "References")),
        kind=kind,
        reason=reason,
    )
    _collect_attachments(message, parsed, max_attachment)
    return parsed


def _body_text(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        return ""
    text = _decode(body)
    if body.get_content_type() == "text/html":
        text = html_to_text(text)
    return text.replace("\r\n", "\n").strip()


def _collect_attachments(message: EmailMessage, parsed: ParsedMail, limit: int) -> None:
    for part in message.iter_attachments():
        if part.is_multipart():
            continue
        name = part.get_filename() or f"attachment.{part.get_content_subtype()}"
        content = part.get_payload(decode=True) or b""
        if not content:
            continue
        if len(content) > limit:
            parsed.skipped_attachments.append(name)
            continue
        parsed.attachments.append(
            IncomingFile(name=name[:200], content=content, content_type=part.get_content_type())
        )
