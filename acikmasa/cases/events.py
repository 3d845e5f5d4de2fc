"""The only writers of CaseEvent rows. Kinds are past tense and never renamed or reused."""

from datetime import datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .lifecycle import Action
from .models import Case, CaseEvent


class EventKind(models.TextChoices):
    CREATED = "created", _("Registered")
    ROUTED = "routed", _("Routed to directorate")
    ASSIGNED = "assigned", _("Assigned")
    STARTED = "started", _("Work started")
    FORWARDED = "forwarded", _("Forwarded to another directorate")
    INFO_REQUESTED = "info_requested", _("Information asked from the citizen")
    WAITING_EXTERNAL = "waiting_external", _("Waiting for another body")
    RESUMED = "resumed", _("Resumed")
    ANSWER_WRITTEN = "answer_written", _("Answer written")
    NOTE_ADDED = "note_added", _("Internal note")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Closed")
    REOPENED = "reopened", _("Reopened")
    REJECTED = "rejected", _("Rejected")
    MARKED_DUPLICATE = "marked_duplicate", _("Marked as duplicate")
    FORWARDED_OUT = "forwarded_out", _("Forwarded to another institution")
    RECLASSIFIED = "reclassified", _("Subject corrected")
    REROUTED = "rerouted", _("Re-routed to the right directorate")
    DUPLICATE_UNMARKED = "duplicate_unmarked", _("Duplicate marking undone")
    ATTACHMENT_ADDED = "attachment_added", _("File attached")
    # Written by the deadline engine and the channels; listed here so that every kind is in one
    # place.
    DUE_SOON = "due_soon", _("Deadline near")
    DEADLINE_MISSED = "deadline_missed", _("Deadline missed")
    DEADLINE_EXTENDED = "deadline_extended", _("Deadline extended")
    ESCALATED = "escalated", _("Escalated")
    MESSAGE_RECEIVED = "message_received", _("Message received")
    MESSAGE_SENT = "message_sent", _("Message sent")
    # Written by the duplicates and jurisdiction apps.
    DUPLICATES_MERGED = "duplicates_merged", _("Duplicates joined to this case")
    DUPLICATE_UNLINKED = "duplicate_unlinked", _("A joined duplicate was separated again")
    MASTER_RESOLVED = "master_resolved", _("The joined application was resolved")
    MASTER_REJECTED = "master_rejected", _("The joined application was rejected")
    MASTER_FORWARDED_OUT = (
        "master_forwarded_out",
        _("The joined application was forwarded to another institution"),
    )
    JURISDICTION_MATCHED = (
        "jurisdiction_matched",
        _("Belongs to another institution (rule matched)"),
    )
    # issue 20: the seeds' own units (homevisits, careers, socialaid).
    VISIT_PLANNED = "visit_planned", _("Home visit planned")
    VISIT_DONE = "visit_done", _("Home visit made")
    VISIT_MISSED = "visit_missed", _("Home visit missed")
    VISIT_RESCHEDULED = "visit_rescheduled", _("Home visit rescheduled")
    JOB_REFERRED = "job_referred", _("Referred to an employer")
    EMPLOYER_ANSWERED = "employer_answered", _("The employer answered")
    HOUSEHOLD_CHECK_OPENED = "household_check_opened", _("Household check opened")
    HOUSEHOLD_VISITED = "household_visited", _("Household visited")


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

# What the citizen sees on the tracking page; notes and internal moves stay inside.
PUBLIC_KINDS = frozenset(
    {
        EventKind.CREATED,
        EventKind.FORWARDED,
        EventKind.INFO_REQUESTED,
        EventKind.RESUMED,
        EventKind.ANSWER_WRITTEN,
        EventKind.RESOLVED,
        EventKind.CLOSED,
        EventKind.REOPENED,
        EventKind.REJECTED,
        EventKind.MARKED_DUPLICATE,
        EventKind.FORWARDED_OUT,
        EventKind.DEADLINE_EXTENDED,
        EventKind.REROUTED,
        EventKind.DUPLICATE_UNMARKED,
        EventKind.MASTER_RESOLVED,
        EventKind.MASTER_REJECTED,
        EventKind.MASTER_FORWARDED_OUT,
        # issue 20: the citizen sees when their home visit is, and where their CV was sent.
        EventKind.VISIT_PLANNED,
        EventKind.VISIT_DONE,
        EventKind.VISIT_MISSED,
        EventKind.VISIT_RESCHEDULED,
        EventKind.JOB_REFERRED,
        EventKind.EMPLOYER_ANSWERED,
    }
)


def actor_kind_of(actor: AbstractBaseUser | None, *, by_citizen: bool = False) -> str:
    if by_citizen:
        return CaseEvent.ActorKind.CITIZEN
    return CaseEvent.ActorKind.STAFF if actor is not None else CaseEvent.ActorKind.SYSTEM


def record_event(
    case: Case,
    kind: str,
    *,
    actor: AbstractBaseUser | None = None,
    by_citizen: bool = False,
    from_status: str = "",
    to_status: str = "",
    text: str = "",
    payload: dict[str, Any] | None = None,
    is_public: bool | None = None,
    at: datetime | None = None,
) -> CaseEvent:
    """Append one event and bump `case.version`; the caller saves the case in the same
    transaction."""
    case.version += 1
    return CaseEvent.objects.create(
        case=case,
        sequence=case.version,
        kind=kind,
        actor=actor,
        actor_kind=actor_kind_of(actor, by_citizen=by_citizen),
        created_at=at or timezone.now(),
        from_status=from_status,
        to_status=to_status,
        directorate_id=case.directorate_id,
        is_public=(kind in PUBLIC_KINDS) if is_public is None else is_public,
        text=text,
        payload=payload or {},
    )


def record_created(
    case: Case, *, actor: AbstractBaseUser | None, payload: dict[str, Any]
) -> CaseEvent:
    return record_event(
        case,
        EventKind.CREATED,
        actor=actor,
        to_status=case.status,
        payload=payload,
        at=case.created_at,
        by_citizen=actor is None,
    )


def record_routed(
    case: Case,
    *,
    actor: AbstractBaseUser | None,
    reason: str,
    details: dict[str, Any] | None = None,
) -> CaseEvent:
    return record_event(
        case,
        EventKind.ROUTED,
        actor=actor,
        payload={"directorate": case.directorate_id, "reason": reason, **(details or {})},
        at=case.created_at,
    )


def record_transition(
    case: Case,
    action: str,
    *,
    actor: AbstractBaseUser | None,
    by_citizen: bool,
    from_status: str,
    text: str,
    payload: dict[str, Any],
) -> CaseEvent:
    return record_event(
        case,
        ACTION_EVENT_KINDS[action],
        actor=actor,
        by_citizen=by_citizen,
        from_status=from_status,
        to_status=case.status if case.status != from_status else "",
        text=text,
        payload=payload,
    )


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
