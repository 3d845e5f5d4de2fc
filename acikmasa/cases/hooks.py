"""Extension points run inside the case's transaction, so other apps react without the core knowing
them.

Apps register in their AppConfig.ready(): e.g. the deadline engine moves the due time when a case
starts or stops waiting for the citizen. A hook that raises rolls the whole change back.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from acikmasa.directory.models import Municipality, ServiceStandard, Subject

    from .models import Case, CaseEvent, Citizen

CaseHook = Callable[["Case", "CaseEvent"], None]
# (municipality, channel, description, neighbourhood, latitude, longitude) -> (subject or None,
# details)
SubjectResolver = Callable[..., "tuple[Subject | None, dict[str, Any]]"]

_after_submit: list[CaseHook] = []
_after_transition: list[CaseHook] = []
_after_citizen_message: list[CaseHook] = []
_after_history_event: list[CaseHook] = []
_subject_resolvers: list[SubjectResolver] = []
# (municipality, citizen) -> (priority or None, an extra binding standard or None); issue 20.
PriorityResolver = Callable[..., "tuple[int | None, ServiceStandard | None]"]
_priority_resolvers: list[PriorityResolver] = []


def on_submit(hook: CaseHook) -> CaseHook:
    """Call `hook(case, created_event)` after a new case and its first events are written."""
    if hook not in _after_submit:
        _after_submit.append(hook)
    return hook


def on_transition(hook: CaseHook) -> CaseHook:
    """Call `hook(case, event)` after a transition's event is written, before the case is saved."""
    if hook not in _after_transition:
        _after_transition.append(hook)
    return hook


def run_submit_hooks(case: "Case", event: "CaseEvent") -> None:
    for hook in _after_submit:
        hook(case, event)


def run_transition_hooks(case: "Case", event: "CaseEvent") -> None:
    for hook in _after_transition:
        hook(case, event)


def on_citizen_message(hook: CaseHook) -> CaseHook:
    """Call `hook(case, message_event)` after a citizen's follow-up message is stored on a case.

    Runs after the message's own write (the case row already saved), so a hook may call services
    that lock the case again: e.g. a survey reply ("5", "çözülmedi") is recorded as the answer.
    """
    if hook not in _after_citizen_message:
        _after_citizen_message.append(hook)
    return hook


def run_citizen_message_hooks(case: "Case", event: "CaseEvent") -> None:
    for hook in _after_citizen_message:
        hook(case, event)


def on_history_event(hook: CaseHook) -> CaseHook:
    """Call `hook(case, event)` after an app appends an event outside case_submit and
    case_transition that figures are counted from (e.g. a survey answer), in the same transaction.
    """
    if hook not in _after_history_event:
        _after_history_event.append(hook)
    return hook


def run_history_event_hooks(case: "Case", event: "CaseEvent") -> None:
    for hook in _after_history_event:
        hook(case, event)


def on_missing_subject(resolver: SubjectResolver) -> SubjectResolver:
    """Let `resolver` choose the subject of a case submitted without one (routing's suggestion).

    Called inside the intake's transaction before the case row is written, with keyword arguments
    municipality, channel, description, neighbourhood, latitude, longitude. It returns
    (subject or None, details); the details are kept in the CREATED event, and a subject it returns
    routes the case as if the submitter had chosen it (ROUTED event with reason "suggestion").
    """
    if resolver not in _subject_resolvers:
        _subject_resolvers.append(resolver)
    return resolver


def resolve_missing_subject(**query: Any) -> "tuple[Subject | None, dict[str, Any]]":
    for resolver in _subject_resolvers:
        subject, details = resolver(**query)
        if subject is not None or details:
            return subject, details
    return None, {}


def on_priority(resolver: PriorityResolver) -> PriorityResolver:
    """Let `resolver` raise a new case's priority and add a stricter standard (priority care).

    Called inside the intake's transaction once the citizen is known, with keyword arguments
    municipality and citizen. It returns (priority or None, service standard or None): the case
    gets at least that priority, and the standard joins the candidates of the deadline policy (the
    strictest still binds). The CREATED event then says "priority_care" without saying why: the
    reason may be special-category data (KVKK Art. 6) and stays in the resolver's own app.
    """
    if resolver not in _priority_resolvers:
        _priority_resolvers.append(resolver)
    return resolver


def resolve_priority(
    *, municipality: "Municipality", citizen: "Citizen | None"
) -> "tuple[int | None, ServiceStandard | None]":
    if citizen is None:
        return None, None
    for resolver in _priority_resolvers:
        priority, standard = resolver(municipality=municipality, citizen=citizen)
        if priority is not None or standard is not None:
            return priority, standard
    return None, None
