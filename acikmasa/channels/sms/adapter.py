"""SMS: a generic HTTP gateway (JSON + shared secret) and Twilio's form webhook
(X-Twilio-Signature)."""

import base64
import hashlib
import hmac
import json
from datetime import datetime
from typing import Any
from urllib.parse import parse_qsl

from django.http import HttpRequest, HttpResponse
from django.utils.dateparse import parse_datetime

from acikmasa.cases.services.citizens import CitizenInput

from .. import conf
from ..base import (
    Adapter,
    BadPayload,
    Envelope,
    Incoming,
    SendFailed,
    SignatureInvalid,
    SignatureMissing,
    load_json_object,
    register,
)
from ..http import fetch, fetch_json
from ..models import InboundMessage, OutboundMessage
from ..services.outbound import outbound_status_record

MAX_SMS_TEXT = 5000
GATEWAY_STATUSES = ("sent", "delivered", "failed")


def check_shared_secret(request: HttpRequest, header: str, secret: str) -> None:
    given = request.headers.get(header, "")
    if not given:
        raise SignatureMissing(f"{header} header missing")
    if not hmac.compare_digest(given.encode(), secret.encode()):
        raise SignatureInvalid(f"{header} does not match")


def _text(value: Any, what: str, limit: int = 200) -> str:
    if not isinstance(value, str | int) or not str(value).strip():
        raise BadPayload(f"{what} is required.")
    if len(str(value)) > limit:
        raise BadPayload(f"{what} is too long.")
    return str(value).strip()


def _incoming(
    message: InboundMessage,
    *,
    external_id: str,
    text: str,
    at: datetime | None,
    extra: dict[str, Any],
) -> Incoming:
    return Incoming(
        external_id=external_id,
        case_channel="sms",
        sender=message.sender,
        text=text,
        received_at=at or message.received_at,
        citizen=CitizenInput(phone=message.sender),
        extra=extra,
    )


class GatewayAdapter(Adapter):
    """Any SMS gateway that can POST JSON: {"id", "from", "to", "text", "received_at"}."""

    code = "sms"
    sends = True
    case_channel = "sms"
    header = "X-Acikmasa-Secret"

    def verify(self, request: HttpRequest, body: bytes) -> None:
        check_shared_secret(request, self.header, conf.value("SMS_GATEWAY_SECRET"))

    def envelopes(self, request: HttpRequest, body: bytes) -> list[Envelope]:
        data = load_json_object(body)
        if "status" in data:  # a delivery report for one of our messages
            status = _text(data.get("status"), "status", 20)
            if status not in GATEWAY_STATUSES:
                raise BadPayload(f"Unknown status {status!r}.")
            provider_id = _text(data.get("id"), "id")
            return [
                Envelope(external_id=f"status:{provider_id}:{status}", kind="status", item=data)
            ]
        item = {
            "id": _text(data.get("id"), "id"),
            "from": _text(data.get("from"), "from", 40),
            "to": str(data.get("to", ""))[:40],
            "text": _text(data.get("text"), "text", MAX_SMS_TEXT),
            "received_at": str(data.get("received_at") or ""),
        }
        return [Envelope(external_id=item["id"], sender=item["from"], item=item)]

    def parse(self, message: InboundMessage) -> Incoming:
        item = message.item
        if message.kind == "status":
            return Incoming(
                external_id=str(item["id"]), case_channel="sms", kind="status", extra=item
            )
        at = parse_datetime(item["received_at"]) if item.get("received_at") else None
        return _incoming(
            message,
            external_id=f"sms:{item['id']}",
            text=item["text"],
            at=at,
            extra={"to": item["to"]},
        )

    def apply(self, message: InboundMessage, incoming: Incoming) -> str:
        outbound_status_record(
            channel=self.code,
            provider_message_id=incoming.external_id,
            status=incoming.extra["status"],
            detail={"error": incoming.extra.get("error", "")},
        )
        return InboundMessage.Outcome.STATUS

    def send(self, outbound: OutboundMessage) -> str:
        url = conf.value("SMS_GATEWAY_URL")
        if not url:
            raise SendFailed("ACIKMASA_SMS_GATEWAY_URL is not set")
        answer = fetch_json(
            "POST",
            url,
            token=conf.value("SMS_GATEWAY_TOKEN"),
            payload={
                "to": outbound.recipient,
                "text": outbound.text,
                "reference": f"acikmasa-{outbound.pk}",
            },
        )
        provider_id = answer.get("id") or answer.get("message_id")
        if not provider_id:
            raise SendFailed(f"the gateway gave no message id: {answer}")
        return str(provider_id)


def twilio_signature(auth_token: str, url: str, params: dict[str, str]) -> str:
    """Twilio's scheme: base64(HMAC-SHA1(auth token, URL + each POST key and value, keys
    sorted))."""
    data = url + "".join(f"{key}{params[key]}" for key in sorted(params))
    return base64.b64encode(
        hmac.new(auth_token.encode(), data.encode(), hashlib.sha1).digest()
    ).decode()


def _form(body: bytes) -> dict[str, str]:
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=bool(body))
    except UnicodeDecodeError as exc:
        raise BadPayload("The form is not UTF-8.") from exc
    except ValueError as exc:
        raise BadPayload(f"The form cannot be parsed: {exc}") from exc
    return dict(pairs)


class TwilioAdapter(Adapter):
    """Twilio Programmable Messaging: form-encoded POST, answered with an empty TwiML response."""

    code = "twilio"
    sends = True
    case_channel = "sms"

    def webhook_url(self, request: HttpRequest) -> str:
        # Behind a proxy the URL Twilio signed is the public one; it can be set explicitly.
        return conf.value("TWILIO_WEBHOOK_URL") or request.build_absolute_uri()

    def verify(self, request: HttpRequest, body: bytes) -> None:
        given = request.headers.get("X-Twilio-Signature", "")
        if not given:
            raise SignatureMissing("X-Twilio-Signature header missing")
        expected = twilio_signature(
            conf.value("TWILIO_AUTH_TOKEN"), self.webhook_url(request), _form(body)
        )
        if not hmac.compare_digest(given.encode(), expected.encode()):
            raise SignatureInvalid("X-Twilio-Signature does not match")

    def envelopes(self, request: HttpRequest, body: bytes) -> list[Envelope]:
        form = _form(body)
        sid = _text(form.get("MessageSid") or form.get("SmsSid"), "MessageSid", 64)
        sender = _text(form.get("From"), "From", 40)
        if "MessageStatus" in form and "Body" not in form:
            return [
                Envelope(
                    external_id=f"status:{sid}:{form['MessageStatus']}", kind="status", item=form
                )
            ]
        if len(form.get("Body", "")) > MAX_SMS_TEXT:
            raise BadPayload("Body is too long.")
        return [Envelope(external_id=sid, sender=sender, item=form)]

    def parse(self, message: InboundMessage) -> Incoming:
        form = message.item
        if message.kind == "status":
            return Incoming(
                external_id=form["MessageSid"],
                case_channel="sms",
                kind="status",
                extra={"status": form["MessageStatus"], "error": form.get("ErrorCode", "")},
            )
        media = [
            form[f"MediaUrl{i}"]
            for i in range(int(form.get("NumMedia") or 0))
            if form.get(f"MediaUrl{i}")
        ]
        extra = {"to": form.get("To", ""), **({"media_urls": media} if media else {})}
        return _incoming(
            message,
            external_id=f"twilio:{form['MessageSid']}",
            text=form.get("Body", ""),
            at=None,
            extra=extra,
        )

    def apply(self, message: InboundMessage, incoming: Incoming) -> str:
        status = {"undelivered": "failed"}.get(incoming.extra["status"], incoming.extra["status"])
        outbound_status_record(
            channel=self.code,
            provider_message_id=incoming.external_id,
            status=status,
            detail={"error": incoming.extra.get("error", "")},
        )
        return InboundMessage.Outcome.STATUS

    def acknowledge(self, request: HttpRequest, stored: int, duplicates: int) -> HttpResponse:
        return HttpResponse(
            '<?xml version="1.0" encoding="UTF-8"?><Response></Response>', content_type="text/xml"
        )

    def send(self, outbound: OutboundMessage) -> str:
        """Twilio's Messages API: form POST with basic auth (account SID, auth token)."""
        account, sender = conf.value("TWILIO_ACCOUNT_SID"), conf.value("TWILIO_FROM")
        if not account or not sender:
            raise SendFailed("ACIKMASA_TWILIO_ACCOUNT_SID and ACIKMASA_TWILIO_FROM must be set")
        credentials = base64.b64encode(
            f"{account}:{conf.value('TWILIO_AUTH_TOKEN')}".encode()
        ).decode()
        base = conf.value("TWILIO_API_URL").rstrip("/")
        url = f"{base}/2010-04-01/Accounts/{account}/Messages.json"
        body, _ = fetch(
            "POST",
            url,
            form={"To": outbound.recipient, "From": sender, "Body": outbound.text[:1600]},
            headers={"Authorization": f"Basic {credentials}"},
        )
        try:
            return str(json.loads(body)["sid"])
        except (ValueError, KeyError, TypeError) as exc:
            raise SendFailed(f"no sid in Twilio's answer: {body[:200]!r}") from exc


register(GatewayAdapter())
register(TwilioAdapter())
