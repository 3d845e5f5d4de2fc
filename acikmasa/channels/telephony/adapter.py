"""Telephony (CTI): a generic call-event webhook. Calls are recorded, not turned into cases:
the agent who answers registers the case on the desk, with the caller's history in front of them."""

from typing import Any

from django.contrib.auth import get_user_model
from django.http import HttpRequest
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from acikmasa.common.phones import InvalidPhone, normalise_phone
from acikmasa.directory.models import StaffProfile

from .. import conf
from ..base import (
    Adapter,
    BadPayload,
    Envelope,
    Incoming,
    UnsupportedPayload,
    load_json_object,
    register,
)
from ..models import InboundMessage
from ..services.inbound import channel_municipality
from ..sms.adapter import check_shared_secret
from .models import Call

EVENTS = ("ringing", "answered", "hangup")


def _phone(raw: str) -> str:
    try:
        return normalise_phone(raw)
    except InvalidPhone:
        return "".join(ch for ch in raw if ch.isdigit() or ch == "+")[:40]


class TelephonyAdapter(Adapter):
    code = "telephony"
    case_channel = "call_centre"
    max_body = 64 * 1024

    def verify(self, request: HttpRequest, body: bytes) -> None:
        check_shared_secret(request, "X-Acikmasa-Secret", conf.value("TELEPHONY_SECRET"))

    def envelopes(self, request: HttpRequest, body: bytes) -> list[Envelope]:
        data = load_json_object(body)
        event, call_id = data.get("event"), str(data.get("call_id") or "").strip()
        if event not in EVENTS:
            raise UnsupportedPayload(
                f"Unknown call event {event!r}; expected one of {', '.join(EVENTS)}."
            )
        if not call_id or len(call_id) > 200:
            raise BadPayload("call_id is required (at most 200 characters).")
        if event == "ringing" and not str(data.get("caller") or "").strip():
            raise BadPayload("A ringing event needs the caller's number.")
        if data.get("at") and parse_datetime(str(data["at"])) is None:
            raise BadPayload("at must be an ISO 8601 time.")
        item = {
            k: str(data.get(k) or "")[:200]
            for k in ("event", "call_id", "caller", "called", "agent", "extension", "at")
        }
        return [
            Envelope(
                external_id=f"{call_id}:{event}",
                kind="call",
                sender=_phone(item["caller"]) if item["caller"] else "",
                item=item,
            )
        ]

    def parse(self, message: InboundMessage) -> Incoming:
        return Incoming(
            external_id=message.external_id,
            case_channel=self.case_channel,
            kind="call",
            extra=message.item,
        )

    def apply(self, message: InboundMessage, incoming: Incoming) -> str:
        call_record(message.item, fallback_at=message.received_at)
        message.municipality = channel_municipality()
        return InboundMessage.Outcome.EVENT


def _agent(item: dict[str, Any], municipality_id: int):
    if item.get("agent"):
        found = (
            get_user_model()
            .objects.filter(username=item["agent"], staff__municipality_id=municipality_id)
            .first()
        )
        if found:
            return found
    if item.get("extension"):
        profile = (
            StaffProfile.objects.filter(municipality_id=municipality_id, phone=item["extension"])
            .select_related("user")
            .first()
        )
        if profile:
            return profile.user
    return None


def call_record(item: dict[str, Any], *, fallback_at=None) -> Call:
    """Apply one call event; events may come out of order (a hang-up before the answer arrives)."""
    municipality = channel_municipality()
    at = parse_datetime(item["at"]) if item.get("at") else None
    at = at or fallback_at or timezone.now()
    if timezone.is_naive(at):
        at = timezone.make_aware(at)
    call, _created = Call.objects.select_for_update().get_or_create(
        municipality=municipality,
        call_id=item["call_id"],
        defaults={"started_at": at},
    )
    if item.get("caller") and not call.caller:
        call.caller = _phone(item["caller"])
    if item.get("called") and not call.called:
        call.called = item["called"][:40]
    event = item["event"]
    if event == "ringing":
        call.started_at = min(call.started_at, at)
    elif event == "answered":
        call.answered_at = at
        call.agent = _agent(item, municipality.pk) or call.agent
        call.agent_extension = item.get("extension", "")[:40] or call.agent_extension
    else:
        call.ended_at = at
    call.status = (
        Call.Status.ENDED
        if call.ended_at
        else (Call.Status.ANSWERED if call.answered_at else Call.Status.RINGING)
    )
    call.save()
    return call


register(TelephonyAdapter())
