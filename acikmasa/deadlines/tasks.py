"""Background work of the deadline engine (Django tasks API; the database worker in production).

The sweep repeats itself: each run enqueues the next one `SWEEP_INTERVAL_SECONDS` later, so one
`acikmasa deadline_sweep --schedule` starts a chain that the db_worker keeps alive.
"""

from datetime import timedelta

from django.tasks import task
from django.utils import timezone

from . import notices, services
from .conf import deadline_settings
from .sweep import sweep_run

STALE_RUN = timedelta(hours=1)


@task()
def deadline_sweep(reschedule: bool = False) -> dict:
    """Run one sweep; with `reschedule`, enqueue the next run of the chain."""
    try:
        result = sweep_run()
        escalation_notices_send.call()  # also retries notices that failed on an earlier run
    finally:
        if reschedule:
            sweep_schedule(delay=deadline_settings().sweep_interval, from_task=True)
    return result.__dict__


@task()
def escalation_notices_send(limit: int = 200) -> int:
    """Send every pending notice once, `limit` per transaction; returns how many went out.

    A failed notice is tried again by the next run (each sweep runs this), five times at most."""
    sent = 0
    while True:
        handled, delivered = notices.escalation_notices_send(limit=limit)
        sent += delivered
        if handled < limit:
            return sent


@task()
def closure_days_changed(municipality_id: int) -> int:
    """An admin added or removed a closure day: move the open clocks it concerns."""
    return services.clocks_retime(municipality_id=municipality_id)


def sweep_schedule(*, delay: timedelta = timedelta(0), from_task: bool = False) -> bool:
    """Enqueue a self-repeating sweep unless one is already waiting; False when nothing was queued.

    A backend that cannot defer (the immediate one of the tests) would run the chain forever, so
    the chain is only kept on backends that support run_after.
    """
    backend = deadline_sweep.get_backend()
    if not backend.supports_defer:
        if not from_task:
            deadline_sweep.enqueue(reschedule=False)
        return not from_task
    if _chain_alive(exclude_running=from_task):
        return False
    deadline_sweep.using(run_after=timezone.now() + delay).enqueue(reschedule=True)
    return True


def _chain_alive(*, exclude_running: bool) -> bool:
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # another backend: it keeps its own queue
        return False
    from django.tasks import TaskResultStatus

    pending = DBTaskResult.objects.filter(task_path=deadline_sweep.module_path)
    statuses = (
        [TaskResultStatus.READY]
        if exclude_running
        else [TaskResultStatus.READY, TaskResultStatus.RUNNING]
    )
    recent = pending.filter(status__in=statuses).exclude(
        status=TaskResultStatus.RUNNING, started_at__lt=timezone.now() - STALE_RUN
    )
    return recent.exists()
