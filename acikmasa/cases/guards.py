"""Guards: per-action checks and field changes, run inside the transition's transaction.

Each guard gets the locked case and returns (changed field names, event payload), or raises.
"""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.utils.translation import gettext as _

from acikmasa.common.errors import TransitionRefused
from acikmasa.directory.models import Directorate, ExternalBody, Role, StaffProfile, Subject

from . import outcomes
from .events import EventKind
from .lifecycle import Action
from .models import Case, CaseType

GuardResult = tuple[list[str], dict[str, Any]]
MIN_RESOLUTION_LENGTH = 10


def param_id(params: dict, key: str) -> int | None:
    """A primary key from the action's inputs, or None when absent or not a positive whole number.

    Screens and channels pass what people posted ("12", "abc", ""); a bad value must become a clear
    refusal, never a database error.
    """
    value = params.get(key)
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        value = value.strip()
        if not value.isascii() or not value.isdigit():
            return None
    if not isinstance(value, (int, str)):
        return None
    number = int(value)
    return number if 0 < number < 2**63 else None


def _assign(case: Case, text: str, params: dict, actor: AbstractBaseUser | None) -> GuardResult:
    user_id = param_id(params, "assignee_id")
    profile = (
        StaffProfile.objects.filter(
            user_id=user_id,
            user__is_active=True,
            municipality_id=case.municipality_id,
            role__in=[Role.DIRECTORATE_STAFF, Role.DIRECTORATE_MANAGER],
            directorates=case.directorate_id,
        ).first()
        if user_id and case.directorate_id
        else None
    )
    if profile is None:
        raise TransitionRefused(
            _("Choose a staff member of the case's directorate."), field="assignee"
        )
    previous = case.assignee_id
    case.assignee_id = profile.user_id
    return ["assignee"], {"assignee": profile.user_id, "previous_assignee": previous}


def _start(case: Case, text: str, params: dict, actor: AbstractBaseUser | None) -> GuardResult:
    if case.assignee_id is None and actor is not None:
        case.assignee_id = actor.pk
        return ["assignee"], {"assignee": actor.pk}
    return [], {}


def _forward(case: Case, text: str, params: dict, actor: AbstractBaseUser | None) -> GuardResult:
    target = Directorate.objects.filter(
        pk=param_id(params, "directorate_id"), municipality_id=case.municipality_id, is_active=True
    ).first()
    if target is None:
        raise TransitionRefused(_("Choose the directorate to forward to."), field="directorate")
    if target.pk == case.directorate_id:
        raise TransitionRefused(_("The case is already in this directorate."), field="directorate")
    payload = {"from_directorate": case.directorate_id, "to_directorate": target.pk}
    case.directorate_id = target.pk
    case.assignee_id = None
    return ["directorate", "assignee"], payload


def _choice(params: dict, key: str, choices: dict, message: str) -> str | None:
    """An optional coded input: absent is None, an unknown code a clear refusal."""
    value = params.get(key)
    if value in (None, ""):
        return None
    if not isinstance(value, str) or value not in choices:
        raise TransitionRefused(message, field=key)
    return value


def _information_outcome(case: Case, params: dict, outcome: str | None) -> dict[str, Any]:
    """The structured Law 4982 outcome of an information request (other cases record none)."""
    if case.case_type != CaseType.INFORMATION or outcome is None:
        return {}
    payload = {"outcome": outcome}
    if outcome == outcomes.REFUSED:
        ground = _choice(
            params,
            "legal_ground",
            outcomes.LEGAL_GROUNDS,
            _("Choose the article of Law 4982 the refusal rests on."),
        )
        if ground:
            payload["legal_ground"] = ground
    return payload


def _resolve(case: Case, text: str, params: dict, actor: AbstractBaseUser | None) -> GuardResult:
    if len(text) < MIN_RESOLUTION_LENGTH:
        raise TransitionRefused(
            _("Describe how the case was solved (at least %(n)d characters).")
            % {"n": MIN_RESOLUTION_LENGTH},
            field="text",
        )
    outcome = _choice(
        params,
        "outcome",
        outcomes.ANSWER_OUTCOMES,
        _("Choose whether the information was given in full or in part."),
    )
    return [], _information_outcome(case, params, outcome)


def _reject(case: Case, text: str, params: dict, actor: AbstractBaseUser | None) -> GuardResult:
    return [], _information_outcome(case, params, outcomes.REFUSED)


def _appeal(case: Case, params: dict) -> dict[str, Any]:
    appeal = _choice(params, "appeal", outcomes.APPEALS, _("Unknown kind of appeal."))
    return {"appeal": appeal} if appeal and case.case_type == CaseType.INFORMATION else {}


def _note(case: Case, text: str, params: dict, actor: AbstractBaseUser | None) -> GuardResult:
    return [], _appeal(case, params)


def _close(case: Case, text: str, params: dict, actor: AbstractBaseUser | None) -> GuardResult:
    # "We close no request until the work is done" (seed 002): the last resolution must stand.
    last = (
        case.events.filter(kind__in=[EventKind.RESOLVED, EventKind.REOPENED])
        .order_by("-sequence")
        .first()
    )
    if last is None or last.kind != EventKind.RESOLVED or not last.text.strip():
        raise TransitionRefused(
            _("A case can be closed only after it was resolved with a resolution text.")
        )
    return [], {"resolution_event": last.sequence}


def _reopen(case: Case, text: str, params: dict, actor: AbstractBaseUser | None) -> GuardResult:
    return [], {"previous_status": case.status, **_appeal(case, params)}


def _mark_duplicate(
    case: Case, text: str, params: dict, actor: AbstractBaseUser | None
) -> GuardResult:
    master = Case.objects.filter(
        pk=param_id(params, "master_id"), municipality_id=case.municipality_id
    ).first()
    if master is None:
        raise TransitionRefused(_("Choose the case this one duplicates."), field="master")
    seen = {case.pk}
    while master.duplicate_of_id is not None and master.pk not in seen:
        seen.add(master.pk)
        master = master.duplicate_of
    if master.pk in seen:
        raise TransitionRefused(_("A case cannot be a duplicate of itself."), field="master")
    case.duplicate_of_id = master.pk
    return ["duplicate_of"], {"master": master.pk, "master_tracking_number": master.tracking_number}


def _unmark_duplicate(
    case: Case, text: str, params: dict, actor: AbstractBaseUser | None
) -> GuardResult:
    payload = {"previous_master": case.duplicate_of_id}
    case.duplicate_of_id = None
    return ["duplicate_of"], payload


def _forward_out(
    case: Case, text: str, params: dict, actor: AbstractBaseUser | None
) -> GuardResult:
    body = ExternalBody.objects.filter(
        pk=param_id(params, "external_body_id"), municipality_id=case.municipality_id
    ).first()
    if body is None:
        raise TransitionRefused(_("Choose the institution to forward to."), field="external_body")
    case.forwarded_to_id = body.pk
    return ["forwarded_to"], {"external_body": body.pk, "external_body_name": body.name}


def _subject_change(case: Case, params: dict, *, to_other_directorate: bool) -> GuardResult:
    """A wrong subject corrected; the directorate follows the new subject. The deadline stays."""
    target = Subject.objects.filter(
        pk=param_id(params, "subject_id"), municipality_id=case.municipality_id, is_active=True
    ).first()
    if target is None:
        raise TransitionRefused(_("Choose the right subject."), field="subject")
    if target.pk == case.subject_id:
        raise TransitionRefused(_("The case already has this subject."), field="subject")
    moves = target.directorate_id != case.directorate_id
    if moves != to_other_directorate:
        raise TransitionRefused(
            _("This subject belongs to another directorate: re-route the case.")
            if moves
            else _("This subject belongs to the case's own directorate: correct the subject only."),
            field="subject",
        )
    previous = case.subject
    payload = {
        "from_subject": case.subject_id,
        "from_subject_name": previous.name if previous else "",
        "to_subject": target.pk,
        "to_subject_name": target.name,
        "from_directorate": case.directorate_id,
        "to_directorate": target.directorate_id,
    }
    case.subject_id = target.pk
    if not moves:
        return ["subject"], payload
    case.directorate_id = target.directorate_id
    case.assignee_id = None
    return ["subject", "directorate", "assignee"], payload


def _reclassify(case: Case, text: str, params: dict, actor: AbstractBaseUser | None) -> GuardResult:
    return _subject_change(case, params, to_other_directorate=False)


def _reroute(case: Case, text: str, params: dict, actor: AbstractBaseUser | None) -> GuardResult:
    return _subject_change(case, params, to_other_directorate=True)


def _nothing(case: Case, text: str, params: dict, actor: AbstractBaseUser | None) -> GuardResult:
    return [], {}


GUARDS: dict[str, Callable[[Case, str, dict, AbstractBaseUser | None], GuardResult]] = {
    Action.ASSIGN: _assign,
    Action.START: _start,
    Action.FORWARD: _forward,
    Action.RESOLVE: _resolve,
    Action.REJECT: _reject,
    Action.NOTE: _note,
    Action.CLOSE: _close,
    Action.REOPEN: _reopen,
    Action.MARK_DUPLICATE: _mark_duplicate,
    Action.FORWARD_OUT: _forward_out,
    Action.RECLASSIFY: _reclassify,
    Action.REROUTE: _reroute,
    Action.UNMARK_DUPLICATE: _unmark_duplicate,
}


def apply(
    case: Case, action: str, text: str, params: dict, actor: AbstractBaseUser | None
) -> GuardResult:
    return GUARDS.get(action, _nothing)(case, text, params, actor)
