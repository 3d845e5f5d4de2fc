"""Extension points run inside the case's transaction, so other apps react without the core knowing
them.

Apps register in their AppConfig.ready(): e.g. the deadline engine moves the due time when a case
starts or stops waiting for the citizen. A hook that raises rolls the whole change back.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from acikmasa.directory.models import Subject

    from .models import Case, CaseEvent

CaseHook = Callable[["Case", "CaseEvent"], None]
# (municipality, channel, description, neighbourhood, latitude, longitude) -> (subject or None,
# details)
SubjectResolver = Callable[..., "tuple[Subject | None, dict[str, Any]]"]

_after_submit: list[CaseHook] = []
_after_transition: list[CaseHook] = []
_after_citizen_message: list[CaseHook] = []
_after_history_event: list[CaseHook] = []
_subject_resolvers: list[SubjectResolver] = []


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
