"""Background work of notify: load ids, call one service."""

import logging
from datetime import timedelta

from django.core.mail import send_mail
from django.tasks import task
from django.utils import timezone

logger = logging.getLogger(__name__)


@task
def send_notification(notification_id: int) -> str:
    from .services.outbox import notification_send

    return notification_send(notification_id=notification_id).status


@task
def send_directorate_alert(alert_id: int) -> int:
    """E-mail a directorate alert to its managers; the alert row stays on the staff page
    regardless."""
    from .models import DirectorateAlert

    alert = DirectorateAlert.objects.select_related("case").get(pk=alert_id)
    try:
        return send_mail(
            f"[{alert.case.tracking_number}] Açık Masa", alert.text, None, alert.emailed_to
        )
    except Exception:
        logger.exception("directorate alert #%s could not be e-mailed", alert_id)
        return 0


@task
def sweep(reschedule: bool = False) -> dict[str, int]:
    """Send due messages, sync handed-off ones, send survey reminders; safe to run as often as
    wanted.

    With `reschedule`, the next run is enqueued SWEEP_INTERVAL later (a chain the db_worker keeps
    alive).
    """
    from .services.outbox import due_send, handed_off_sync
    from .services.surveys import survey_reminders_send

    try:
        return {
            "sent": due_send(),
            "synced": handed_off_sync(),
            "reminders": survey_reminders_send(),
        }
    finally:
        if reschedule:
            sweep_schedule(from_task=True)


SWEEP_INTERVAL = timedelta(minutes=5)


def sweep_schedule(*, from_task: bool = False) -> bool:
    """Start (or continue) the repeating sweep; False when a run is already waiting or cannot be
    deferred."""
    if not sweep.get_backend().supports_defer:
        return False
    if not from_task and _waiting_run_exists():
        return False
    sweep.using(run_after=timezone.now() + (SWEEP_INTERVAL if from_task else timedelta(0))).enqueue(
        reschedule=True
    )
    return True


def _waiting_run_exists() -> bool:
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # another backend keeps its own queue
        return False
    from django.tasks import TaskResultStatus

    return DBTaskResult.objects.filter(
        task_path=sweep.module_path, status=TaskResultStatus.READY
    ).exists()
