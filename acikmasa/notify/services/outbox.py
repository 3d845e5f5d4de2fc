"""The outbox: a row per message written with the case change, sent after commit by a task.

A message that cannot be delivered never blocks the case: sending happens outside the case's
transaction, failures are retried with backoff, and after MAX_ATTEMPTS the row is marked failed,
the case history says so and staff see it on the failures page.
"""

import logging
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from acikmasa.cases.events import EventKind
from acikmasa.cases.models import Case, CaseEvent
from acikmasa.cases.reactions import CaseChange
from acikmasa.cases.services import record
from acikmasa.channels.models import OutboundMessage
from acikmasa.channels.services.outbound import backoff

from .. import conf
from ..backends import DeliveryFailed, get_backend
from ..models import Event, MessageTemplate, Notification, Survey, SurveyAnswer
from . import policy

logger = logging.getLogger(__name__)
N = Notification.Status
MESSAGE_FAILED = EventKind.MESSAGE_FAILED
SENDING_LEASE = timedelta(minutes=5)

# Which case-history kinds the citizen is told about, and as which notification event.
EVENT_FOR_KIND: dict[str, str] = {
    EventKind.CREATED: Event.REGISTERED,
    EventKind.FORWARDED: Event.FORWARDED,
    EventKind.FORWARDED_OUT: Event.FORWARDED,
    EventKind.INFO_REQUESTED: Event.INFO_REQUESTED,
    EventKind.ANSWER_WRITTEN: Event.ANSWERED,
    EventKind.RESOLVED: Event.RESOLVED,
    EventKind.CLOSED: Event.CLOSED,
    EventKind.REOPENED: Event.REOPENED,
    EventKind.REJECTED: Event.REJECTED,
    EventKind.MARKED_DUPLICATE: Event.MERGED,
    EventKind.DUPLICATE_UNMARKED: Event.REOPENED,
}


def on_case_event(change: CaseChange) -> None:
    """Case reaction (in the case's transaction, settings.ACIKMASA_CASE_REACTIONS): write the
    outbox row, send after commit.

    A fault here is logged and never rolls back the case change (a savepoint keeps it apart).
    """
    case, event = change.case, change.event
    notify_event = EVENT_FOR_KIND.get(event.kind)
    if notify_event is None:
        return
    try:
        with transaction.atomic():
            _outbox_row(case, event, notify_event)
    except Exception:
        logger.exception("notify: no message written for case %s event %s", case.pk, event.kind)


def _outbox_row(case: Case, event: CaseEvent, notify_event: str) -> None:
    survey_token = ""
    # A survey only where it can reach the citizen (consent and an address; not the anonymous).
    if (
        notify_event == Event.RESOLVED
        and not SurveyAnswer.objects.filter(case=case).exists()
        and policy.choose_delivery(case, notify_event).consented
    ):
        survey_token = Survey.objects.get_or_create(case=case)[0].token
    notification_create(
        case=case,
        event=notify_event,
        text=event.text,
        source_event=event.pk,
        survey_token=survey_token,
    )


def notification_create(
    *,
    case: Case,
    event: str,
    text: str = "",
    source_event: int | None = None,
    survey_token: str = "",
    now: datetime | None = None,
) -> Notification:
    """Write one outbox row for `event` on `case` (a skipped row when the citizen may not be
    messaged).

    Rule: policy.choose_delivery decides channel, address and language (consent rule there); phone
    messages wait out the quiet hours. Callers: the case hooks, the survey reminder.
    Side effects: a Notification row; a send task once the surrounding transaction commits.
    """
    now = now or timezone.now()
    delivery = policy.choose_delivery(case, event)
    if delivery.skip_reason:
        return Notification.objects.create(
            case=case,
            event=event,
            source_event=source_event,
            status=N.SKIPPED,
            skip_reason=delivery.skip_reason,
            language=delivery.language,
            created_at=now,
        )
    if not delivery.consented:
        survey_token = ""  # the survey is not part of a legally required answer
    template = _template(event, delivery.language)
    values = policy.placeholder_values(
        case, delivery.language, text=text, survey_token=survey_token
    )
    notification = Notification.objects.create(
        case=case,
        event=event,
        source_event=source_event,
        channel=delivery.channel,
        recipient=delivery.recipient,
        backend=conf.backend_for(delivery.channel),
        language=delivery.language,
        subject=policy.render(template.subject, values)[:300],
        text=policy.render(template.body, values),
        next_attempt_at=policy.release_time(delivery.channel, now),
        created_at=now,
    )
    run_after = notification.next_attempt_at if notification.next_attempt_at > now else None
    transaction.on_commit(lambda: _enqueue(notification.pk, run_after))
    return notification


def _template(event: str, language: str) -> MessageTemplate:
    found = {t.language: t for t in MessageTemplate.objects.filter(event=event, is_active=True)}
    template = found.get(language) or found.get("tr")
    if template is None:  # an admin switched both off: fall back to something honest
        return MessageTemplate(
            event=event,
            language=language,
            subject="{tracking_number}",
            body="{tracking_number}: {tracking_url}",
        )
    return template


def _enqueue(notification_id: int, run_after: datetime | None = None) -> None:
    from ..tasks import send_notification

    task = send_notification
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return  # notify_sweep sends it when it is due
        task = task.using(run_after=run_after)
    task.enqueue(notification_id)


def notification_send(*, notification_id: int, now: datetime | None = None) -> Notification:
    """Try to deliver one pending, due message.

    Rule: claimed under a row lock with a lease, so two workers never send it twice; backends that
    hand off (channel) queue the channels' outbound message in the same transaction as the claim's
    outcome, so a crash cannot hand it off twice. Callers: the send task, notify_sweep.
    Side effects: the row's status; MESSAGE_SENT or message_failed on the case history.
    """
    now = now or timezone.now()
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update().select_related("case").get(pk=notification_id)
        )
        if notification.status != N.PENDING or (
            notification.next_attempt_at and notification.next_attempt_at > now
        ):
            return notification
        backend = get_backend(notification.backend)
        if backend.hands_off:
            return _hand_off(notification, backend, now)
        notification.attempts += 1
        notification.next_attempt_at = now + SENDING_LEASE
        notification.save(update_fields=["attempts", "next_attempt_at"])
    try:
        provider_id = backend.send(notification)
    except DeliveryFailed as exc:
        return _failed(notification, str(exc), now)
    except Exception as exc:
        logger.exception("notify backend %s crashed", notification.backend)
        return _failed(notification, f"{type(exc).__name__}: {exc}", now)
    return _sent(notification, provider_id, now)


def _hand_off(notification: Notification, backend, now: datetime) -> Notification:
    notification.attempts += 1
    try:
        with transaction.atomic():
            provider_id = backend.send(notification)
    except DeliveryFailed as exc:
        return _failed(notification, str(exc), now)
    notification.status, notification.provider_message_id, notification.next_attempt_at = (
        N.HANDED_OFF,
        provider_id,
        None,
    )
    notification.save(
        update_fields=["attempts", "status", "provider_message_id", "outbound", "next_attempt_at"]
    )
    return notification


def _sent(notification: Notification, provider_id: str, now: datetime) -> Notification:
    with transaction.atomic():
        notification.status, notification.sent_at, notification.provider_message_id = (
            N.SENT,
            now,
            provider_id,
        )
        notification.next_attempt_at, notification.last_error, notification.history_recorded = (
            None,
            "",
            True,
        )
        notification.save()
        record.message_sent(
            notification.case_id, text=notification.text, payload=_payload(notification)
        )
    return notification


def _failed(notification: Notification, error: str, now: datetime) -> Notification:
    logger.warning(
        "notification #%s attempt %s failed: %s", notification.pk, notification.attempts, error
    )
    with transaction.atomic():
        notification.last_error = error[:4000]
        if notification.attempts >= conf.get("MAX_ATTEMPTS"):
            notification.status, notification.next_attempt_at, notification.history_recorded = (
                N.FAILED,
                None,
                True,
            )
            record.message_failed(notification.case_id, error=error, payload=_payload(notification))
        else:
            notification.next_attempt_at = now + backoff(notification.attempts)
        notification.save(
            update_fields=[
                "attempts",
                "last_error",
                "status",
                "next_attempt_at",
                "history_recorded",
            ]
        )
    if notification.status == N.PENDING:
        run_after = notification.next_attempt_at
        transaction.on_commit(lambda: _enqueue(notification.pk, run_after))
    return notification


def _payload(notification: Notification) -> dict:
    return {
        "notification": notification.pk,
        "event": notification.event,
        "channel": notification.channel,
        "backend": notification.backend,
        "attempts": notification.attempts,
    }


def handed_off_sync(*, limit: int = 500) -> int:
    """Copy the channels' final outcome onto handed-off rows; a final failure goes on the history.

    (The channels layer records MESSAGE_SENT itself on success, but not its failures.)
    """
    changed = 0
    rows = Notification.objects.filter(status=N.HANDED_OFF).select_related("outbound")[:limit]
    for row in rows:
        outbound = row.outbound
        if outbound is None or outbound.status == OutboundMessage.Status.PENDING:
            continue
        with transaction.atomic():
            notification = Notification.objects.select_for_update().get(pk=row.pk)
            if notification.status != N.HANDED_OFF:
                continue
            notification.attempts = outbound.attempts
            if outbound.status == OutboundMessage.Status.FAILED:
                notification.status, notification.last_error = N.FAILED, outbound.last_error
                record.message_failed(
                    notification.case_id,
                    error=outbound.last_error,
                    payload=_payload(notification),
                )
            else:
                notification.status, notification.sent_at = N.SENT, outbound.sent_at
            notification.history_recorded = True
            notification.save(
                update_fields=["status", "last_error", "sent_at", "attempts", "history_recorded"]
            )
            changed += 1
    return changed


def due_send(*, now: datetime | None = None, limit: int = 500) -> int:
    """Send every pending message that is due (quiet hours over, backoff waited)."""
    now = now or timezone.now()
    ids = list(
        Notification.objects.filter(status=N.PENDING, next_attempt_at__lte=now).values_list(
            "pk", flat=True
        )[:limit]
    )
    for notification_id in ids:
        notification_send(notification_id=notification_id, now=now)
    return len(ids)
