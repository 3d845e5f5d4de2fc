"""Inbound: store raw first, then process into exactly one intake call or one threaded event."""

import hashlib
import logging
from datetime import timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from acikmasa.cases.models import CaseEvent
from acikmasa.cases.services import record
from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.cases.services.intake import case_submit
from acikmasa.common.errors import DomainError
from acikmasa.common.phones import InvalidPhone, normalise_phone
from acikmasa.directory.models import Municipality

from .. import conf
from ..base import ChannelError, ChannelMisconfigured, Envelope, Incoming, get_adapter
from ..models import InboundMessage
from .threads import thread_case

logger = logging.getLogger(__name__)
OUT = InboundMessage.Outcome
S = InboundMessage.Status
MAX_ERROR = 4000


def channel_municipality() -> Municipality:
    """The municipality webhooks register for: ACIKMASA_CHANNELS_MUNICIPALITY, else the only active
    one."""
    code = conf.value("CHANNELS_MUNICIPALITY")
    if code:
        found = Municipality.objects.filter(code=code).first()
        if found is None:
            raise ChannelMisconfigured(
                f"ACIKMASA_CHANNELS_MUNICIPALITY={code!r} matches no municipality"
            )
        return found
    active = list(Municipality.objects.filter(is_active=True)[:2])
    if len(active) != 1:
        raise ChannelMisconfigured(
            "set ACIKMASA_CHANNELS_MUNICIPALITY: there is not exactly one active municipality"
        )
    return active[0]


def _clean_headers(headers: dict[str, Any]) -> dict[str, str]:
    return {str(k): str(v)[:2000] for k, v in headers.items()}


def inbound_store(
    *,
    channel: str,
    envelope: Envelope,
    headers: dict[str, Any],
    body: bytes,
    process: bool = True,
) -> tuple[InboundMessage, bool]:
    """Save one provider message as it arrived; returns (row, created).

    Rule: (channel, external_id) is unique, so a provider's retry finds the first row and nothing
    else happens. Callers: the webhook views, the SMTP server, the CİMER import, the muhtar form.
    Side effects: a new row is queued for processing (the task runs after the row exists).
    """
    external_id = envelope.external_id[:255]
    existing = InboundMessage.objects.filter(channel=channel, external_id=external_id).first()
    if existing is not None:  # the common retry: one read, no failed insert
        return existing, False
    try:
        with transaction.atomic():
            message = InboundMessage.objects.create(
                channel=channel,
                external_id=envelope.external_id[:255],
                kind=envelope.kind,
                sender=envelope.sender[:255],
                headers=_clean_headers(headers),
                body=body,
                item=envelope.item,
            )
    except IntegrityError:
        return InboundMessage.objects.get(
            channel=channel, external_id=envelope.external_id[:255]
        ), False
    if process:
        from ..tasks import process_inbound

        process_inbound.enqueue(message.pk)
    return message, True


def inbound_reject(
    *, channel: str, headers: dict[str, Any], body: bytes, error: str
) -> InboundMessage:
    """Keep an authentic payload that could not be understood, as FAILED, for triage.

    The id is the body's digest so a provider re-sending the same bad body adds nothing.
    """
    digest = "sha256:" + hashlib.sha256(body).hexdigest()
    message, _created = InboundMessage.objects.get_or_create(
        channel=channel,
        external_id=digest,
        defaults={
            "kind": "rejected",
            "headers": _clean_headers(headers),
            "body": body,
            "status": S.FAILED,
            "error": error[:MAX_ERROR],
        },
    )
    return message


def inbound_retry(*, message_id: int) -> InboundMessage:
    """Put a failed message back to be processed (staff triage); processed ones are left alone."""
    updated = InboundMessage.objects.filter(pk=message_id, status=S.FAILED).update(
        status=S.RECEIVED
    )
    if updated:
        from ..tasks import process_inbound

        process_inbound.enqueue(message_id)
    return InboundMessage.objects.get(pk=message_id)


def inbound_process(*, message_id: int) -> InboundMessage:
    """Turn a stored message into one case, one threaded event, or one recorded status.

    Rule: runs at most once to completion per row (status PROCESSED/IGNORED is final); everything
    it writes commits together, so a crash leaves the row RECEIVED or FAILED with nothing half done,
    and running it again makes exactly one case (case_submit also de-duplicates by external id).
    Callers: the process_inbound task, the sweep, staff retry.
    Side effects: case_submit or a MESSAGE_RECEIVED event on the case; row status, outcome, error.
    """
    message = InboundMessage.objects.get(pk=message_id)
    if message.status in (S.PROCESSED, S.IGNORED):
        return message
    try:
        adapter = get_adapter(message.channel)
        incoming = adapter.parse(message)  # may fetch media: kept outside the transaction
        with transaction.atomic():
            message = InboundMessage.objects.select_for_update().get(pk=message_id)
            if message.status in (S.PROCESSED, S.IGNORED):
                return message
            _deliver(message, adapter, incoming)
            message.status = (
                S.IGNORED if message.outcome in (OUT.AUTO_REPLY, OUT.BOUNCE) else S.PROCESSED
            )
            message.processed_at = timezone.now()
            message.error = ""
            message.attempts += 1
            message.save()
        return message
    except Exception as exc:
        logger.warning("inbound %s:%s failed: %s", message.channel, message.external_id, exc)
        InboundMessage.objects.filter(pk=message_id).exclude(
            status__in=[S.PROCESSED, S.IGNORED]
        ).update(
            status=S.FAILED,
            error=_describe(exc)[:MAX_ERROR],
            attempts=message.attempts + 1,
        )
        return InboundMessage.objects.get(pk=message_id)


def _describe(exc: Exception) -> str:
    if isinstance(exc, DomainError):
        return f"{type(exc).__name__}: {exc.message}"
    if isinstance(exc, ChannelError):
        return f"{type(exc).__name__}: {exc.message}"
    return f"{type(exc).__name__}: {exc}"


def _deliver(message: InboundMessage, adapter: Any, incoming: Incoming) -> None:
    if incoming.kind in ("auto_reply", "bounce"):
        message.outcome = OUT.AUTO_REPLY if incoming.kind == "auto_reply" else OUT.BOUNCE
        message.error = ""
        return
    if incoming.kind != "message":
        message.outcome = adapter.apply(message, incoming)
        return
    municipality = channel_municipality()
    message.municipality = municipality
    case = (
        thread_case(municipality=municipality, channel=message.channel, incoming=incoming)
        if incoming.threadable
        else None
    )
    if case is not None:
        message.case, message.event = (
            case,
            case_message_received(case_id=case.pk, message=message, incoming=incoming),
        )
        message.outcome = OUT.THREADED
        return
    submission = case_submit(
        municipality=municipality,
        channel=incoming.case_channel,
        description=incoming.text or _("(no text: see the attachments or location)"),
        citizen=_safe_citizen(incoming.citizen, incoming.extra),
        latitude=incoming.latitude,
        longitude=incoming.longitude,
        address=incoming.address,
        external_id=incoming.external_id,
        received_at=incoming.received_at,
        attachments=incoming.attachments,
        extra={"inbound_message": message.pk, "adapter": message.channel, **incoming.extra},
        **incoming.submit,
    )
    message.case = submission.case
    message.outcome = OUT.CREATED if submission.created else OUT.DUPLICATE


def _safe_citizen(citizen: CitizenInput, extra: dict[str, Any]) -> CitizenInput:
    """A sender number the phone library rejects must not cost the citizen their case."""
    if citizen.phone:
        try:
            normalise_phone(citizen.phone)
        except InvalidPhone:
            extra["unparsed_phone"] = citizen.phone
            citizen.phone = ""
    return citizen


def case_message_received(
    *, case_id: int, message: InboundMessage, incoming: Incoming
) -> CaseEvent:
    """Append the citizen's follow-up message to a case as a MESSAGE_RECEIVED event.

    Rule: through the event door (the case row locked, its version bumped, the reactions run:
    a reply on a resolved case may be its survey answer); a shared location or files travel
    with the event, the case's own fields are not touched. Callers: inbound_process.
    Side effects: one CaseEvent, Attachment rows linked to it.
    """
    payload: dict[str, Any] = {
        "channel": message.channel,
        "external_id": incoming.external_id,
        "sender": incoming.sender,
        "inbound_message": message.pk,
    }
    if incoming.subject:
        payload["subject"] = incoming.subject
    if incoming.latitude is not None:
        payload["location"] = {"latitude": incoming.latitude, "longitude": incoming.longitude}
    if incoming.attachments:
        payload["attachments"] = [f.name for f in incoming.attachments]
    return record.message_received(
        case_id,
        text=incoming.text,
        payload=payload,
        at=incoming.received_at,
        files=incoming.attachments,
    )


def inbound_sweep(*, older_than_minutes: int = 5) -> int:
    """Process rows left RECEIVED (a worker died before finishing); returns how many were tried."""
    cutoff = timezone.now() - timedelta(minutes=older_than_minutes)
    ids = list(
        InboundMessage.objects.filter(status=S.RECEIVED, received_at__lte=cutoff).values_list(
            "pk", flat=True
        )[:500]
    )
    for message_id in ids:
        inbound_process(message_id=message_id)
    return len(ids)
