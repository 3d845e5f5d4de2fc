"""Closure days change the calendar: open clocks are re-timed once the admin's edit commits."""


def _closure_days_changed(sender, instance, **kwargs) -> None:
    from django.db import transaction

    from .tasks import closure_days_changed

    municipality_id = instance.municipality_id
    transaction.on_commit(lambda: closure_days_changed.enqueue(municipality_id))


def connect_closure_day_signals() -> None:
    """Closure days change the calendar of open clocks: re-time them after the edit commits."""
    from django.db.models.signals import post_delete, post_save

    from .models import ClosureDay

    post_save.connect(
        _closure_days_changed, sender=ClosureDay, dispatch_uid="deadlines_closure_saved"
    )
    post_delete.connect(
        _closure_days_changed, sender=ClosureDay, dispatch_uid="deadlines_closure_deleted"
    )
