"""The deadline engine's reactions to case changes, registered with cases.hooks in
AppConfig.ready()."""

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


def _closure_days_changed(sender, instance, **kwargs) -> None:
    from django.db import transaction

    from .tasks import closure_days_changed

    municipality_id = instance.municipality_id
    transaction.on_commit(lambda: closure_days_changed.enqueue(municipality_id))


def connect_closure_day_signals() -> None:
    """Closure days change the calendar of open clocks: re-time them after the admin's edit
    commits."""
    from django.db.models.signals import post_delete, post_save

    from .models import ClosureDay

    post_save.connect(
        _closure_days_changed, sender=ClosureDay, dispatch_uid="deadlines_closure_saved"
    )
    post_delete.connect(
        _closure_days_changed, sender=ClosureDay, dispatch_uid="deadlines_closure_deleted"
    )
