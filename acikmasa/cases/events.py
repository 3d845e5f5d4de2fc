"""Event kinds as the rest of the code uses them, and the one path that changes history (redaction).

Kinds are declared in `kinds.py`; events are appended only by the door (services/history.py).
"""

from typing import Any

from django.contrib.auth.models import AbstractBaseUser

from .kinds import PUBLIC_KINDS, EventKind, citizen_label, is_public, staff_label
from .lifecycle import Action
from .models import CaseEvent

__all__ = [
    "ACTION_EVENT_KINDS",
    "PUBLIC_KINDS",
    "EventKind",
    "actor_kind_of",
    "citizen_label",
    "event_redact",
    "is_public",
    "staff_label",
]


ACTION_EVENT_KINDS: dict[str, str] = {
    Action.ASSIGN: EventKind.ASSIGNED,
    Action.START: EventKind.STARTED,
    Action.FORWARD: EventKind.FORWARDED,
    Action.ASK_CITIZEN: EventKind.INFO_REQUESTED,
    Action.WAIT_OTHER: EventKind.WAITING_EXTERNAL,
    Action.RESUME: EventKind.RESUMED,
    Action.ANSWER: EventKind.ANSWER_WRITTEN,
    Action.NOTE: EventKind.NOTE_ADDED,
    Action.RESOLVE: EventKind.RESOLVED,
    Action.CLOSE: EventKind.CLOSED,
    Action.REOPEN: EventKind.REOPENED,
    Action.REJECT: EventKind.REJECTED,
    Action.MARK_DUPLICATE: EventKind.MARKED_DUPLICATE,
    Action.FORWARD_OUT: EventKind.FORWARDED_OUT,
    Action.RECLASSIFY: EventKind.RECLASSIFIED,
    Action.REROUTE: EventKind.REROUTED,
    Action.UNMARK_DUPLICATE: EventKind.DUPLICATE_UNMARKED,
}


def actor_kind_of(actor: AbstractBaseUser | None, *, by_citizen: bool = False) -> str:
    if by_citizen:
        return CaseEvent.ActorKind.CITIZEN
    return CaseEvent.ActorKind.STAFF if actor is not None else CaseEvent.ActorKind.SYSTEM


def event_redact(event_id: int, *, text: str, payload: dict[str, Any]) -> None:
    """Overwrite one event's text and details with a scrubbed copy (KVKK Art. 7 anonymisation).

    Rule: the only path that changes history. Kind, actor, time, statuses and sequence stay, so
    timelines and figures read the same; only the personal content goes. Callers: the privacy
    app's anonymisation, nothing else. Side effects: one UPDATE, allowed on PostgreSQL by the
    transaction-local setting the history trigger checks (cases migration 0003).
    """
    from django.db import connection, transaction

    with transaction.atomic():
        postgres = connection.vendor == "postgresql"
        if postgres:
            with connection.cursor() as cursor:
                cursor.execute("SELECT set_config('acikmasa.redacting', 'on', true)")
        CaseEvent.objects.filter(pk=event_id).redact(text=text, payload=payload)
        if postgres:
            with connection.cursor() as cursor:
                cursor.execute("SELECT set_config('acikmasa.redacting', 'off', true)")
