"""`case_transition`: the one service that changes a case's status; every action goes through it."""

from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from acikmasa.cases import guards
from acikmasa.cases.events import ACTION_EVENT_KINDS
from acikmasa.cases.lifecycle import TRANSITIONS, Action, Status, target_status
from acikmasa.cases.models import Case, CaseEvent
from acikmasa.cases.permissions import CITIZEN_ACTIONS, can_act
from acikmasa.common.errors import ConcurrentChange, NotFound, PermissionRefused, TransitionRefused

from .history import case_append, case_lock


@dataclass
class TransitionRequest:
    """What the actor asks for. `params` carries the action's own inputs (assignee,
    directorate...)."""

    action: str
    text: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    expected_version: int | None = None


def case_transition(
    *,
    case_id: int,
    request: TransitionRequest,
    actor: AbstractBaseUser | None,
    by_citizen: bool = False,
) -> CaseEvent:
    """Apply one action to a case and append exactly one event.

    Rule: the action must be listed for the current status, the actor's role and directorate must
    allow it (a citizen may only answer a question or reopen), the action's guard must pass, and
    `expected_version`, when given, must match (someone else's change is never overwritten).
    Callers: every screen, channel and task that changes a case. actor=None and by_citizen=False
    means the system itself (sweeps, imports).
    Side effects: updates the case row (status cache and fields) and writes one CaseEvent.
    """
    if request.action not in TRANSITIONS:
        raise TransitionRefused(_("Unknown action."))
    with transaction.atomic():
        try:
            case = case_lock(case_id)
        except Case.DoesNotExist:
            raise NotFound(_("This case was not found.")) from None
        _check_version(case, request.expected_version)
        _check_actor(case, request.action, actor, by_citizen)
        move = TRANSITIONS[request.action]
        if case.status not in move.sources:
            raise TransitionRefused(
                _("“%(action)s” is not possible while the case is “%(status)s”.")
                % {"action": Action(request.action).label, "status": Status(case.status).label}
            )
        text = (request.text or "").strip()
        if move.needs_text and not text:
            raise TransitionRefused(
                _("Please write the reason or text for this action."), field="text"
            )
        from_status = case.status
        # The guard sets the action's own fields on the locked row; the door saves what changed.
        _changed, payload = guards.apply(case, request.action, text, request.params, actor)
        case.status = target_status(request.action, from_status)
        _stamp_times(case, request.action)
        return case_append(
            case,
            ACTION_EVENT_KINDS[request.action],
            actor=actor,
            by_citizen=by_citizen,
            from_status=from_status,
            to_status=case.status if case.status != from_status else "",
            text=text,
            payload=payload,
        )


def _check_version(case: Case, expected: int | None) -> None:
    """Refuse when a person changed the case since `expected`; bookkeeping by the system does not
    count.

    The deadline sweep and delivery receipts append events (and so bump the version) without
    changing what the user saw: refusing the user's action for those would only make them retry.
    """
    if expected is None or case.version == expected:
        return
    if expected > case.version or _someone_changed(case, since=expected):
        raise ConcurrentChange(
            _("Someone else changed this case meanwhile. Reload it and try again.")
        )


def _someone_changed(case: Case, *, since: int) -> bool:
    by_a_person_or_moving = ~Q(actor_kind=CaseEvent.ActorKind.SYSTEM) | ~Q(to_status="")
    return case.events.filter(by_a_person_or_moving, sequence__gt=since).exists()


def _check_actor(case: Case, action: str, actor: AbstractBaseUser | None, by_citizen: bool) -> None:
    if by_citizen:
        if action not in CITIZEN_ACTIONS:
            raise PermissionRefused(_("A citizen cannot do this."))
        return
    if actor is not None and not can_act(actor, case, action):
        raise PermissionRefused(_("You are not allowed to do this on this case."))


def _stamp_times(case: Case, action: str) -> None:
    now = timezone.now()
    case.updated_at = now
    if action == Action.RESOLVE:
        case.resolved_at = now
    elif action == Action.CLOSE:
        case.closed_at = now
    elif action == Action.REOPEN:
        case.resolved_at = None
        case.closed_at = None
