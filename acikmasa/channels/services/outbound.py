"""Outbound: store pending, send from a task after commit, record every attempt, retry with
backoff."""

import logging
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from acikmasa.cases.models import Case
from acikmasa.cases.services import record

from .. import conf
from ..base import ChannelMisconfigured, SendFailed, SendRefused, get_adapter
from ..models import OutboundAttempt, OutboundMessage

logger = logging.getLogger(__name__)
S = OutboundMessage.Status
# While one worker sends, others keep off the row for this long (a crashed send is retried after
# it).
SENDING_LEASE = timedelta(minutes=5)


def backoff(attempts: int) -> timedelta:
    """30 s, 2 min, 8 min, 32 min, ... capped at 6 hours."""
    return min(timedelta(seconds=30 * 4 ** max(attempts - 1, 0)), timedelta(hours=6))


def outbound_queue(
    *,
    channel: str,
    recipient: str,
    text: str,
    case: Case | None = None,
    subject: str = "",
    template: str = "",
    template_params: list[Any] | None = None,
    reply_to: str = "",
    kind: str = OutboundMessage.Kind.MESSAGE,
    created_by: AbstractBaseUser | None = None,
) -> OutboundMessage:
    """Store a reply as pending and send it from a task once the transaction commits.

    Rule: one interface for every channel; the adapter may adjust the message first (WhatsApp
    switches to a template outside the 24-hour service window). Callers: notifications, staff
    replies. Side effects: an OutboundMessage row; a send task after commit.
    """
    adapter = get_adapter(channel)
    if not adapter.sends:
        raise ChannelMisconfigured(f"the {channel} channel cannot send messages")
    if not recipient:
        raise ValueError("an outbound message needs a recipient")
    message = OutboundMessage(
        channel=channel,
        recipient=recipient,
        text=text,
        case=case,
        subject=subject[:300],
        municipality=case.municipality if case else None,
        template=template,
        template_params=template_params or [],
        reply_to=reply_to,
        kind=kind,
        created_by=created_by,
        next_attempt_at=timezone.now(),
    )
    adapter.prepare(message)
    message.save()
    transaction.on_commit(lambda: _enqueue_send(message.pk))
    return message


def _enqueue_send(message_id: int, run_after: datetime | None = None) -> None:
    from ..tasks import send_outbound

    task = send_outbound
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return  # the sweep (channels_sweep) picks it up when it is due
        task = task.using(run_after=run_after)
    task.enqueue(message_id)


def _claim(message_id: int) -> OutboundMessage | None:
    with transaction.atomic():
        message = OutboundMessage.objects.select_for_update().get(pk=message_id)
        now = timezone.now()
        if message.status != S.PENDING or (
            message.next_attempt_at and message.next_attempt_at > now
        ):
            return None
        message.attempts += 1
        message.next_attempt_at = now + SENDING_LEASE
        message.save(update_fields=["attempts", "next_attempt_at"])
        return message


def outbound_send(*, message_id: int) -> OutboundMessage:
    """Try to hand one pending, due message to its provider.

    Rule: a message is claimed under a row lock so two workers never send it twice; a failure is
    recorded and retried with exponential backoff up to OUTBOUND_MAX_ATTEMPTS, then marked failed.
    Callers: the send_outbound task, the sweep. Side effects: an OutboundAttempt row; on success a
    MESSAGE_SENT event on the linked case.
    """
    message = _claim(message_id)
    if message is None:
        return OutboundMessage.objects.get(pk=message_id)
    try:
        provider_id = get_adapter(message.channel).send(message)
    except SendRefused as exc:
        return _record_failure(message, str(exc), final=True)
    except (SendFailed, Exception) as exc:
        return _record_failure(message, str(exc) or type(exc).__name__)
    return _record_success(message, provider_id)


def _record_success(message: OutboundMessage, provider_id: str) -> OutboundMessage:
    now = timezone.now()
    with transaction.atomic():
        OutboundAttempt.objects.create(
            message=message,
            number=message.attempts,
            at=now,
            ok=True,
            provider_message_id=provider_id,
        )
        message.status, message.sent_at, message.provider_message_id = S.SENT, now, provider_id
        message.next_attempt_at, message.last_error = None, ""
        message.provider_statuses = [
            *message.provider_statuses,
            {"status": "accepted", "at": now.isoformat()},
        ]
        message.save()
        if message.case_id:
            record.message_sent(
                message.case_id,
                text=message.text,
                payload={
                    "channel": message.channel,
                    "outbound_message": message.pk,
                    "provider_message_id": provider_id,
                },
            )
    return message


def _record_failure(
    message: OutboundMessage, error: str, *, final: bool = False
) -> OutboundMessage:
    logger.warning(
        "outbound %s #%s attempt %s failed: %s",
        message.channel,
        message.pk,
        message.attempts,
        error,
    )
    now = timezone.now()
    with transaction.atomic():
        OutboundAttempt.objects.create(
            message=message, number=message.attempts, at=now, ok=False, error=error[:4000]
        )
        message.last_error = error[:4000]
        if final or message.attempts >= conf.OUTBOUND_MAX_ATTEMPTS:
            message.status, message.next_attempt_at = S.FAILED, None
        else:
            message.next_attempt_at = now + backoff(message.attempts)
        message.save(update_fields=["last_error", "status", "next_attempt_at"])
    if message.status == S.PENDING:
        run_after = message.next_attempt_at
        transaction.on_commit(lambda: _enqueue_send(message.pk, run_after=run_after))
    return message


def outbound_retry(*, message_id: int) -> OutboundMessage:
    """Give a failed message a fresh round of attempts (staff, after fixing what made it fail)."""
    with transaction.atomic():
        updated = OutboundMessage.objects.filter(pk=message_id, status=S.FAILED).update(
            status=S.PENDING,
            attempts=0,
            next_attempt_at=timezone.now(),
        )
    if updated:
        transaction.on_commit(lambda: _enqueue_send(message_id))
    return OutboundMessage.objects.get(pk=message_id)


def outbound_sweep(*, now: datetime | None = None) -> int:
    """Send every pending message that is due (retries on backends without deferred tasks)."""
    now = now or timezone.now()
    ids = list(
        OutboundMessage.objects.filter(status=S.PENDING, next_attempt_at__lte=now).values_list(
            "pk", flat=True
        )[:500]
    )
    for message_id in ids:
        outbound_send(message_id=message_id)
    return len(ids)


def outbound_status_record(
    *,
    channel: str,
    provider_message_id: str,
    status: str,
    at: datetime | None = None,
    detail: dict[str, Any] | None = None,
) -> OutboundMessage | None:
    """Record a provider's delivery status (sent, delivered, read, failed) on the message it names.

    Statuses can arrive out of order: the history keeps all of them, the current status only moves
    forward (read is never overwritten by a late delivered), except that failed always wins.
    """
    rank = {S.PENDING: 0, S.SENT: 1, S.DELIVERED: 2, S.READ: 3}
    with transaction.atomic():
        message = (
            OutboundMessage.objects.select_for_update()
            .filter(channel=channel, provider_message_id=provider_message_id)
            .first()
        )
        if message is None:
            return None
        entry = {"status": status, "at": (at or timezone.now()).isoformat(), **(detail or {})}
        message.provider_statuses = [*message.provider_statuses, entry]
        message.provider_status = status
        if status == S.FAILED:
            message.status = S.FAILED
            message.last_error = str((detail or {}).get("error", ""))[:4000]
        elif (
            status in rank
            and message.status != S.FAILED
            and rank[status] > rank.get(message.status, 0)
        ):
            message.status = status
        message.save(update_fields=["provider_statuses", "provider_status", "status", "last_error"])
    return message
