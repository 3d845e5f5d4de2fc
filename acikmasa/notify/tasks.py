"""Background work of notify: load ids, call one service."""

import logging

from django.core.mail import send_mail
from django.tasks import task

logger = logging.getLogger(__name__)


@task
def send_notification(notification_id: int) -> str:
    from .services.outbox import notification_send

    return notification_send(notification_id=notification_id).status


@task
def send_directorate_alert(alert_id: int) -> int:
    """E-mail a directorate alert to its managers; the alert row stays on the staff page regardless."""
    from .models import DirectorateAlert

    alert = DirectorateAlert.objects.select_related("case").get(pk=alert_id)
    try:
        return send_mail(f"[{alert.case.tracking_number}] Açık Masa", alert.text, None, alert.emailed_to)
    except Exception:  # noqa: BLE001 - the alert is stored and shown; mail is a courtesy
        logger.exception("directorate alert #%s could not be e-mailed", alert_id)
        return 0


@task
def sweep() -> dict[str, int]:
    """Send due messages, sync handed-off ones, send survey reminders; safe to run as often as wanted."""
    from .services.outbox import due_send, handed_off_sync
    from .services.surveys import survey_reminders_send

    return {"sent": due_send(), "synced": handed_off_sync(), "reminders": survey_reminders_send()}
