"""WhatsApp Business Cloud API: inbound webhook payloads, media through the Graph API, replies."""

import hashlib
from datetime import UTC, datetime, timedelta
from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.cases.services.intake import IncomingFile

from .. import conf
from ..base import (
    Adapter,
    BadPayload,
    Envelope,
    Incoming,
    SendFailed,
    UnsupportedPayload,
    load_json_object,
    register,
)
from ..http import fetch, fetch_json
from ..meta import as_dict, as_list, verify_signature
from ..models import InboundMessage, OutboundMessage
from ..services.outbound import outbound_status_record

MEDIA_TYPES = ("image", "audio", "video", "document", "sticker")
TEXT_TYPES = ("text", "location", "interactive", "button")
STATUSES = ("sent", "delivered", "read", "failed")


def _phone(digits: str) -> str:
    digits = str(digits or "").strip()
    return digits if digits.startswith("+") or not digits else "+" + digits


def _time(value: Any) -> datetime | None:
    try:
        return datetime.fromtimestamp(int(value), tz=UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


class WhatsAppAdapter(Adapter):
    code = "whatsapp"
    sends = True
    case_channel = "whatsapp"

    def verify(self, request: HttpRequest, body: bytes) -> None:
        verify_signature(request, body, conf.value("WHATSAPP_APP_SECRET"))

    def envelopes(self, request: HttpRequest, body: bytes) -> list[Envelope]:
        data = load_json_object(body)
        if data.get("object") != "whatsapp_business_account":
            raise UnsupportedPayload(f"Unknown object {data.get('object')!r}.")
        found: list[Envelope] = []
        for entry in as_list(data.get("entry"), "entry"):
            for change in as_list(as_dict(entry, "entry").get("changes"), "changes"):
                found += self._change(as_dict(change, "change"))
        if not found:
            raise BadPayload("No messages or statuses in the payload.")
        return found

    def _change(self, change: dict[str, Any]) -> list[Envelope]:
        if change.get("field") != "messages":
            raise UnsupportedPayload(f"Unknown change field {change.get('field')!r}.")
        value = as_dict(change.get("value"), "value")
        contacts = {
            str(c.get("wa_id")): c
            for c in as_list(value.get("contacts"), "contacts")
            if isinstance(c, dict)
        }
        found = []
        for raw in as_list(value.get("messages"), "messages"):
            message = as_dict(raw, "message")
            if not message.get("id") or not message.get("from"):
                raise BadPayload("A message needs an id and a sender.")
            kind = message.get("type")
            if kind not in TEXT_TYPES + MEDIA_TYPES:
                raise UnsupportedPayload(f"Unknown message type {kind!r}.")
            if not isinstance(message.get(kind), dict):
                raise BadPayload(f"A {kind} message needs its {kind!r} object.")
            contact = contacts.get(str(message["from"]), {})
            found.append(
                Envelope(
                    external_id=str(message["id"]),
                    sender=_phone(message["from"]),
                    item={
                        "message": message,
                        "contact": contact,
                        "metadata": value.get("metadata") or {},
                    },
                )
            )
        for raw in as_list(value.get("statuses"), "statuses"):
            status = as_dict(raw, "status")
            if status.get("status") not in STATUSES or not status.get("id"):
                raise UnsupportedPayload(f"Unknown status {status.get('status')!r}.")
            found.append(
                Envelope(
                    external_id=f"status:{status['id']}:{status['status']}",
                    kind="status",
                    sender=_phone(status.get("recipient_id", "")),
                    item={"status": status},
                )
            )
        return found

    def parse(self, message: InboundMessage) -> Incoming:
        if message.kind == "status":
            status = message.item["status"]
            return Incoming(
                external_id=status["id"],
                case_channel=self.case_channel,
                kind="status",
                received_at=_time(status.get("timestamp")),
                extra={"status": status},
            )
        item = message.item
        raw = item["message"]
        kind = raw["type"]
        incoming = Incoming(
            external_id=raw["id"],
            case_channel=self.case_channel,
            sender=message.sender,
            received_at=_time(raw.get("timestamp")) or message.received_at,
            citizen=_citizen(message.sender, item.get("contact") or {}),
            extra={"whatsapp_type": kind},
        )
        context = raw.get("context") or {}
        if context.get("id"):
            incoming.refs.append(str(context["id"]))
        body = raw[kind]
        if kind == "text":
            incoming.text = str(body.get("body", ""))
        elif kind == "location":
            incoming.latitude, incoming.longitude = _coordinates(body)
            incoming.address = str(body.get("address", ""))[:500]
            incoming.text = " — ".join(str(body[k]) for k in ("name", "address") if body.get(k))
        elif kind == "interactive":
            reply = body.get(body.get("type", "")) or {}
            incoming.text = str(reply.get("title", ""))
            incoming.extra["reply_id"] = reply.get("id", "")
        elif kind == "button":
            incoming.text = str(body.get("text", ""))
            incoming.extra["reply_id"] = body.get("payload", "")
        else:
            incoming.text = str(body.get("caption", ""))
            incoming.attachments.append(_download(body, kind))
        return incoming

    def apply(self, message: InboundMessage, incoming: Incoming) -> str:
        status = incoming.extra["status"]
        errors = status.get("errors") or []
        detail = (
            {
                "error": "; ".join(
                    f"{e.get('code')}: {e.get('title')}" for e in errors if isinstance(e, dict)
                )
            }
            if errors
            else {}
        )
        outbound_status_record(
            channel=self.code,
            provider_message_id=incoming.external_id,
            status=status["status"],
            at=incoming.received_at,
            detail=detail,
        )
        return InboundMessage.Outcome.STATUS

    def in_service_window(self, recipient: str) -> bool:
        """WhatsApp allows free-form replies only within 24 hours of the citizen's last message."""
        since = timezone.now() - timedelta(hours=conf.WHATSAPP_SERVICE_WINDOW_HOURS)
        return InboundMessage.objects.filter(
            channel=self.code,
            kind="message",
            sender=_phone(recipient),
            received_at__gte=since,
        ).exists()

    def prepare(self, outbound: OutboundMessage) -> None:
        if outbound.kind == OutboundMessage.Kind.TEMPLATE or not self.in_service_window(
            outbound.recipient
        ):
            outbound.kind = OutboundMessage.Kind.TEMPLATE
            outbound.template = outbound.template or conf.value("WHATSAPP_TEMPLATE")
            outbound.template_params = outbound.template_params or [outbound.text[:1000]]

    def send(self, outbound: OutboundMessage) -> str:
        self.prepare(outbound)  # the window may have closed while the message waited for a retry
        payload: dict[str, Any] = {
            "messaging_product": "whatsapp",
            "recipient_type": "individual",
            "to": outbound.recipient.lstrip("+"),
        }
        if outbound.kind == OutboundMessage.Kind.TEMPLATE:
            payload["type"] = "template"
            payload["template"] = {
                "name": outbound.template,
                "language": {"code": conf.value("WHATSAPP_TEMPLATE_LANGUAGE")},
                "components": [
                    {
                        "type": "body",
                        "parameters": [
                            {"type": "text", "text": str(p)} for p in outbound.template_params
                        ],
                    }
                ],
            }
        else:
            payload["type"] = "text"
            payload["text"] = {"preview_url": False, "body": outbound.text[:4096]}
            if outbound.reply_to:
                payload["context"] = {"message_id": outbound.reply_to}
        base = conf.value("GRAPH_API_URL").rstrip("/")
        url = f"{base}/{conf.value('WHATSAPP_PHONE_NUMBER_ID')}/messages"
        answer = fetch_json("POST", url, token=conf.value("WHATSAPP_ACCESS_TOKEN"), payload=payload)
        try:
            return str(answer["messages"][0]["id"])
        except (KeyError, IndexError, TypeError) as exc:
            raise SendFailed(f"no message id in the Graph API answer: {answer}") from exc


def _citizen(sender: str, contact: dict[str, Any]) -> CitizenInput:
    name = str((contact.get("profile") or {}).get("name", "")).strip()
    first, _, last = name.rpartition(" ") if " " in name else (name, "", "")
    return CitizenInput(first_name=first[:100], last_name=last[:100], phone=sender)


def _coordinates(body: dict[str, Any]) -> tuple[float, float]:
    try:
        latitude, longitude = float(body["latitude"]), float(body["longitude"])
    except (KeyError, TypeError, ValueError) as exc:
        raise BadPayload("A location message needs numeric latitude and longitude.") from exc
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise BadPayload("The location is out of range.")
    return latitude, longitude


def _download(body: dict[str, Any], kind: str) -> IncomingFile:
    """Media arrive as an id: ask the Graph API for its URL, then fetch it with the same token."""
    media_id = str(body.get("id", ""))
    if not media_id.isalnum():
        raise BadPayload("A media message needs a media id.")
    base, token = conf.value("GRAPH_API_URL").rstrip("/"), conf.value("WHATSAPP_ACCESS_TOKEN")
    limit = conf.max_attachment_bytes()
    info = fetch_json("GET", f"{base}/{media_id}", token=token)
    if not info.get("url"):
        raise SendFailed(f"the Graph API gave no URL for media {media_id}")
    content, content_type = fetch("GET", str(info["url"]), token=token, max_bytes=limit)
    expected = str(body.get("sha256") or info.get("sha256") or "")
    if expected and len(expected) == 64 and hashlib.sha256(content).hexdigest() != expected.lower():
        raise BadPayload(f"media {media_id} does not match its sha256")
    mime = str(body.get("mime_type") or info.get("mime_type") or content_type)
    extension = mime.split("/")[-1].split(";")[0][:10] or "bin"
    name = str(body.get("filename") or f"whatsapp-{kind}-{media_id}.{extension}")
    return IncomingFile(name=name[:200], content=content, content_type=mime[:100])


register(WhatsAppAdapter())
