"""The retention run as a self-repeating task (the same pattern as the deadline sweep).

KVKK's deletion regulation asks for a periodic run at least every six months; the chain runs
daily by default (ACIKMASA_PRIVACY_RETENTION_INTERVAL_HOURS).
"""

from datetime import timedelta

from django.conf import settings
from django.tasks import task
from django.utils import timezone

from .services.anonymise import retention_run

STALE_RUN = timedelta(hours=6)


def interval() -> timedelta:
    return timedelta(hours=int(getattr(settings, "ACIKMASA_PRIVACY_RETENTION_INTERVAL_HOURS", 24)))


@task()
def retention_sweep(reschedule: bool = False) -> dict:
    """Anonymise every case past its retention period; with `reschedule`, queue the next run."""
    try:
        result = retention_run()
    finally:
        if reschedule:
            retention_schedule(delay=interval(), from_task=True)
    return result.__dict__


def retention_schedule(*, delay: timedelta = timedelta(0), from_task: bool = False) -> bool:
    """Queue the self-repeating run unless one is already waiting; False when nothing was queued.

    A backend that cannot defer (the tests' immediate one) would loop forever: there the run
    happens once and no chain is kept.
    """
    backend = retention_sweep.get_backend()
    if not backend.supports_defer:
        if not from_task:
            retention_sweep.enqueue(reschedule=False)
        return not from_task
    if _chain_alive(exclude_running=from_task):
        return False
    retention_sweep.using(run_after=timezone.now() + delay).enqueue(reschedule=True)
    return True


def _chain_alive(*, exclude_running: bool) -> bool:
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # another backend keeps its own queue
        return False
    from django.tasks import TaskResultStatus

    statuses = (
        [TaskResultStatus.READY]
        if exclude_running
        else [TaskResultStatus.READY, TaskResultStatus.RUNNING]
    )
    pending = DBTaskResult.objects.filter(
        task_path=retention_sweep.module_path, status__in=statuses
    )
    return pending.exclude(
        status=TaskResultStatus.RUNNING, started_at__lt=timezone.now() - STALE_RUN
    ).exists()
