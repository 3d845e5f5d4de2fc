"""The deadline engine's reactions to case changes, registered with cases.hooks in AppConfig.ready()."""

from acikmasa.cases.models import Case, CaseEvent

from .services import clock_sync


def on_case_submitted(case: Case, event: CaseEvent) -> None:
    """A new case: start its clock (the intake already set due_at from the same calendar)."""
    clock_sync(case, event)


def on_case_transition(case: Case, event: CaseEvent) -> None:
    """Any transition may pause, resume, stop or restart the clock: replay and store the result.

    Forwarding inside the municipality changes nothing in the replay, so the clock keeps running.
    """
    clock_sync(case, event)
