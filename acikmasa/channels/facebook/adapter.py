"""Facebook Page and Instagram: Messenger/Instagram direct messages and comments on our posts."""

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
    SendRefused,
    UnsupportedPayload,
    load_json_object,
    register,
)
from ..http import fetch, fetch_json
from ..meta import as_dict, as_list, verify_signature
from ..models import InboundMessage, OutboundMessage
from ..services.outbound import outbound_status_record

NETWORKS = {"page": "fb", "instagram": "ig"}
# Feed items we know and keep, but that are not a citizen writing to us.
QUIET_FEED_ITEMS = {
    "reaction",
    "like",
    "post",
    "status",
    "share",
    "photo",
    "video",
    "album",
    "event",
}


def _time(value: Any) -> datetime | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return datetime.fromtimestamp(number / 1000 if number > 10**11 else number, tz=UTC)


def _split_name(name: str) -> tuple[str, str]:
    name = " ".join(str(name or "").split())
    first, _, last = name.rpartition(" ") if " " in name else (name, "", "")
    return first[:100], last[:100]


class FacebookAdapter(Adapter):
    code = "facebook"
    sends = True
    case_channel = "social_media"

    def verify(self, request: HttpRequest, body: bytes) -> None:
        verify_signature(request, body, conf.value("FACEBOOK_APP_SECRET"))

    def envelopes(self, request: HttpRequest, body: bytes) -> list[Envelope]:
        data = load_json_object(body)
        network = NETWORKS.get(data.get("object"))
        if network is None:
            raise UnsupportedPayload(f"Unknown object {data.get('object')!r}.")
        found: list[Envelope] = []
        for raw_entry in as_list(data.get("entry"), "entry"):
            entry = as_dict(raw_entry, "entry")
            owner = str(entry.get("id", ""))
            for event in as_list(entry.get("messaging"), "messaging"):
                found.append(self._messaging(network, owner, as_dict(event, "messaging event")))
            for change in as_list(entry.get("changes"), "changes"):
                found.append(self._change(network, owner, as_dict(change, "change")))
        if not found:
            raise BadPayload("No messages or changes in the payload.")
        return found

    def _messaging(self, network: str, owner: str, event: dict[str, Any]) -> Envelope:
        sender = str(as_dict(event.get("sender"), "sender").get("id", ""))
        item = {"network": network, "owner": owner, "event": event}
        if isinstance(event.get("message"), dict):
            message = event["message"]
            if not message.get("mid"):
                raise BadPayload("A message needs its mid.")
            kind = "echo" if message.get("is_echo") else "message"
            return Envelope(
                external_id=str(message["mid"]), kind=kind, sender=f"{network}:{sender}", item=item
            )
        if isinstance(event.get("postback"), dict):
            mid = event["postback"].get("mid") or f"postback:{sender}:{event.get('timestamp')}"
            return Envelope(external_id=str(mid), sender=f"{network}:{sender}", item=item)
        for status in ("delivery", "read"):
            if isinstance(event.get(status), dict):
                key = (
                    f"{status}:{sender}:{event[status].get('watermark') or event.get('timestamp')}"
                )
                return Envelope(
                    external_id=key, kind="status", sender=f"{network}:{sender}", item=item
                )
        raise UnsupportedPayload("Unknown messaging event.")

    def _change(self, network: str, owner: str, change: dict[str, Any]) -> Envelope:
        field, value = change.get("field"), as_dict(change.get("value"), "value")
        item = {"network": network, "owner": owner, "field": field, "value": value}
        author = as_dict(value.get("from") or {}, "from")
        sender = f"{network}:{author.get('id', '')}"
        if network == "fb" and field == "feed":
            kind_of_item = value.get("item")
            if kind_of_item == "comment" and value.get("verb") == "add" and value.get("comment_id"):
                is_ours = str(author.get("id")) == owner
                return Envelope(
                    external_id=str(value["comment_id"]),
                    kind="echo" if is_ours else "message",
                    sender=sender,
                    item=item,
                )
            if kind_of_item == "comment" or kind_of_item in QUIET_FEED_ITEMS:
                item_id = value.get("comment_id") or value.get("post_id")
                key = (
                    f"feed:{kind_of_item}:{value.get('verb')}:{item_id}:{value.get('created_time')}"
                )
                return Envelope(external_id=key, kind="event", sender=sender, item=item)
            raise UnsupportedPayload(f"Unknown feed item {kind_of_item!r}.")
        if network == "ig" and field == "comments":
            if not value.get("id") or not isinstance(value.get("text"), str):
                raise BadPayload("An Instagram comment needs an id and text.")
            is_ours = str(author.get("id")) == owner
            return Envelope(
                external_id=str(value["id"]),
                kind="echo" if is_ours else "message",
                sender=sender,
                item=item,
            )
        raise UnsupportedPayload(f"Unknown change field {field!r}.")

    def parse(self, message: InboundMessage) -> Incoming:
        item = message.item
        if message.kind in ("echo", "event"):
            return Incoming(
                external_id=message.external_id, case_channel=self.case_channel, kind="event"
            )
        if message.kind == "status":
            return Incoming(
                external_id=message.external_id,
                case_channel=self.case_channel,
                kind="status",
                extra={"event": item["event"]},
            )
        if "event" in item:
            return self._direct(message, item)
        return self._comment(message, item)

    def _direct(self, message: InboundMessage, item: dict[str, Any]) -> Incoming:
        event, network = item["event"], item["network"]
        body = event.get("message") or {}
        postback = event.get("postback") or {}
        incoming = Incoming(
            external_id=f"{network}:msg:{message.external_id}",
            case_channel=self.case_channel,
            sender=message.sender,
            received_at=_time(event.get("timestamp")) or message.received_at,
            text=str(body.get("text") or postback.get("title") or ""),
            extra={
                "network": network,
                "kind": "direct_message",
                "sender_id": message.sender.split(":", 1)[1],
            },
        )
        if (body.get("reply_to") or {}).get("mid"):
            incoming.refs.append(str(body["reply_to"]["mid"]))
        if (body.get("quick_reply") or {}).get("payload"):
            incoming.extra["reply_id"] = body["quick_reply"]["payload"]
        for index, attachment in enumerate(as_list(body.get("attachments"), "attachments")):
            self._attachment(incoming, as_dict(attachment, "attachment"), index)
        return incoming

    def _attachment(self, incoming: Incoming, attachment: dict[str, Any], index: int) -> None:
        payload = attachment.get("payload") or {}
        kind = attachment.get("type")
        if kind == "location" and isinstance(payload.get("coordinates"), dict):
            incoming.latitude = float(payload["coordinates"]["lat"])
            incoming.longitude = float(payload["coordinates"]["long"])
        elif kind == "image" and payload.get("url"):
            content, content_type = fetch(
                "GET", str(payload["url"]), max_bytes=conf.max_attachment_bytes()
            )
            extension = content_type.split("/")[-1][:10] or "bin"
            incoming.attachments.append(
                IncomingFile(
                    name=f"{incoming.extra['network']}-image-{index + 1}.{extension}",
                    content=content,
                    content_type=content_type,
                )
            )
        elif payload.get("url"):
            incoming.extra.setdefault("attachment_urls", []).append(str(payload["url"]))

    def _comment(self, message: InboundMessage, item: dict[str, Any]) -> Incoming:
        value, network = item["value"], item["network"]
        author = value.get("from") or {}
        first, last = _split_name(author.get("name") or "")
        post_id = str(value.get("post_id") or (value.get("media") or {}).get("id") or "")
        parent = str(value.get("parent_id") or "")
        return Incoming(
            external_id=f"{network}:comment:{message.external_id}",
            case_channel=self.case_channel,
            sender=message.sender,
            text=str(value.get("message") or value.get("text") or ""),
            received_at=_time(value.get("created_time")) or message.received_at,
            citizen=CitizenInput(first_name=first, last_name=last),
            refs=[parent] if parent and parent != post_id else [],
            conversational=False,
            extra={
                "network": network,
                "kind": "comment",
                "post_id": post_id,
                "comment_id": message.external_id,
                "username": author.get("username") or author.get("name") or "",
            },
        )

    def apply(self, message: InboundMessage, incoming: Incoming) -> str:
        if incoming.kind == "event":
            return InboundMessage.Outcome.EVENT
        event = incoming.extra["event"]
        if "delivery" in event:
            for mid in event["delivery"].get("mids") or []:
                outbound_status_record(
                    channel=self.code, provider_message_id=str(mid), status="delivered"
                )
        else:
            watermark = _time(event["read"].get("watermark")) or timezone.now()
            for sent in OutboundMessage.objects.filter(
                channel=self.code,
                recipient=message.sender,
                sent_at__lte=watermark,
                status__in=[OutboundMessage.Status.SENT, OutboundMessage.Status.DELIVERED],
            ):
                outbound_status_record(
                    channel=self.code, provider_message_id=sent.provider_message_id, status="read"
                )
        return InboundMessage.Outcome.STATUS

    def messaging_type(self, recipient: str) -> dict[str, str]:
        """Meta's rule: a free reply within 24 hours of the person's last message; a human agent's
        reply (HUMAN_AGENT tag) within 7 days; nothing after that."""
        last = (
            InboundMessage.objects.filter(channel=self.code, kind="message", sender=recipient)
            .order_by("-received_at")
            .values_list("received_at", flat=True)
            .first()
        )
        age = timezone.now() - last if last else None
        if age is not None and age <= timedelta(hours=24):
            return {"messaging_type": "RESPONSE"}
        if age is not None and age <= timedelta(days=7):
            return {"messaging_type": "MESSAGE_TAG", "tag": "HUMAN_AGENT"}
        raise SendRefused(
            "Messenger allows no message more than 7 days after the person's last message"
        )

    def send(self, outbound: OutboundMessage) -> str:
        network, _, target = outbound.recipient.partition(":")
        base, token = (
            conf.value("GRAPH_API_URL").rstrip("/"),
            conf.value("FACEBOOK_PAGE_ACCESS_TOKEN"),
        )
        if outbound.kind == OutboundMessage.Kind.COMMENT:
            if not outbound.reply_to:
                raise SendFailed("a comment reply needs the comment id in reply_to")
            edge = "replies" if network == "ig" else "comments"
            answer = fetch_json(
                "POST",
                f"{base}/{outbound.reply_to}/{edge}",
                token=token,
                payload={"message": outbound.text},
            )
            key = "id"
        else:
            answer = fetch_json(
                "POST",
                f"{base}/{conf.value('FACEBOOK_PAGE_ID')}/messages",
                token=token,
                payload={
                    "recipient": {"id": target},
                    **self.messaging_type(outbound.recipient),
                    "message": {"text": outbound.text[:2000]},
                },
            )
            key = "message_id"
        if not answer.get(key):
            raise SendFailed(f"no {key} in the Graph API answer: {answer}")
        return str(answer[key])


register(FacebookAdapter())
