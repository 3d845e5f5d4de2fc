"""The case lifecycle: statuses, actions, and the one table of allowed moves.

Every change to a case is an Action; `services.transitions.case_transition` is the only code that
applies one. A move not listed here is refused.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    NEW = "new", _("New")
    ASSIGNED = "assigned", _("Assigned")
    IN_PROGRESS = "in_progress", _("In progress")
    WAITING_CITIZEN = "waiting_citizen", _("Waiting for the citizen")
    WAITING_OTHER = "waiting_other", _("Waiting for another body")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Closed")
    REOPENED = "reopened", _("Reopened")
    REJECTED = "rejected", _("Rejected")
    DUPLICATE = "duplicate", _("Duplicate")
    FORWARDED_OUT = "forwarded_out", _("Forwarded to another institution")


class Action(models.TextChoices):
    ASSIGN = "assign", _("Assign")
    START = "start", _("Start work")
    FORWARD = "forward", _("Forward to another directorate")
    ASK_CITIZEN = "ask_citizen", _("Ask the citizen for information")
    WAIT_OTHER = "wait_other", _("Wait for another body")
    RESUME = "resume", _("Resume")
    ANSWER = "answer", _("Write the public answer")
    NOTE = "note", _("Add an internal note")
    RESOLVE = "resolve", _("Resolve")
    CLOSE = "close", _("Close")
    REOPEN = "reopen", _("Reopen")
    REJECT = "reject", _("Reject")
    MARK_DUPLICATE = "mark_duplicate", _("Mark as duplicate")
    FORWARD_OUT = "forward_out", _("Forward to another institution")
    RECLASSIFY = "reclassify", _("Correct the subject")
    REROUTE = "reroute", _("Correct the subject and re-route")
    UNMARK_DUPLICATE = "unmark_duplicate", _("Undo duplicate marking")


S = Status
OPEN_STATUSES = frozenset(
    {S.NEW, S.ASSIGNED, S.IN_PROGRESS, S.WAITING_CITIZEN, S.WAITING_OTHER, S.REOPENED}
)
WAITING_STATUSES = frozenset({S.WAITING_CITIZEN, S.WAITING_OTHER})
ACTIVE_STATUSES = frozenset({S.ASSIGNED, S.IN_PROGRESS, S.REOPENED})
FINAL_STATUSES = frozenset({S.CLOSED, S.REJECTED, S.DUPLICATE, S.FORWARDED_OUT})


@dataclass(frozen=True)
class Move:
    sources: frozenset[str]
    target: str | None  # None: the status stays as it is (notes, answers)
    needs_text: bool = False


TRANSITIONS: dict[str, Move] = {
    Action.ASSIGN: Move(frozenset({S.NEW, S.REOPENED}) | ACTIVE_STATUSES, S.ASSIGNED),
    Action.START: Move(frozenset({S.NEW}) | ACTIVE_STATUSES - {S.IN_PROGRESS}, S.IN_PROGRESS),
    Action.FORWARD: Move(OPEN_STATUSES, S.NEW, needs_text=True),
    Action.ASK_CITIZEN: Move(
        frozenset({S.NEW}) | ACTIVE_STATUSES, S.WAITING_CITIZEN, needs_text=True
    ),
    Action.WAIT_OTHER: Move(frozenset({S.NEW}) | ACTIVE_STATUSES, S.WAITING_OTHER, needs_text=True),
    Action.RESUME: Move(WAITING_STATUSES, S.IN_PROGRESS),
    Action.ANSWER: Move(OPEN_STATUSES | {S.RESOLVED}, None, needs_text=True),
    Action.NOTE: Move(frozenset(Status.values), None, needs_text=True),
    Action.RESOLVE: Move(
        frozenset({S.NEW}) | ACTIVE_STATUSES | WAITING_STATUSES, S.RESOLVED, needs_text=True
    ),
    Action.CLOSE: Move(frozenset({S.RESOLVED}), S.CLOSED),
    Action.REOPEN: Move(frozenset({S.RESOLVED, S.CLOSED, S.REJECTED}), S.REOPENED, needs_text=True),
    Action.REJECT: Move(OPEN_STATUSES, S.REJECTED, needs_text=True),
    Action.MARK_DUPLICATE: Move(OPEN_STATUSES, S.DUPLICATE),
    Action.FORWARD_OUT: Move(OPEN_STATUSES, S.FORWARDED_OUT, needs_text=True),
    # A wrong subject: within the same directorate the work goes on; to another directorate the
    # case starts there as new, like a forward. Both keep the deadline (routing/services.py).
    Action.RECLASSIFY: Move(OPEN_STATUSES, None, needs_text=True),
    Action.REROUTE: Move(OPEN_STATUSES, S.NEW, needs_text=True),
    # A merge made by mistake: the case comes back to work (its original clock runs on).
    Action.UNMARK_DUPLICATE: Move(frozenset({S.DUPLICATE}), S.REOPENED, needs_text=True),
}


def allowed_actions(status: str) -> list[str]:
    """Actions the table allows from `status` (before role and guard checks)."""
    return [action for action, move in TRANSITIONS.items() if status in move.sources]


def target_status(action: str, status: str) -> str:
    move = TRANSITIONS[action]
    return status if move.target is None else move.target


def is_open(status: str) -> bool:
    return status in OPEN_STATUSES
