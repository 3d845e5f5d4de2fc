"""Sending escalation notices by e-mail; each notice is sent once, failures are kept and retried."""

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import EscalationNotice, Level

MAX_ATTEMPTS = 5


def _message(notice: EscalationNotice) -> tuple[str, str]:
    escalation = notice.escalation
    case = escalation.case
    level = Level(escalation.level).label
    due = timezone.localtime(escalation.due_at).strftime("%d.%m.%Y %H:%M")
    subject = _("Case %(number)s: %(level)s") % {"number": case.tracking_number, "level": level}
    body = _(
        "Dear %(name)s,\n\ncase %(number)s (%(subject)s) needs your attention: %(level)s.\n"
        "Due time: %(due)s.\n\nAçık Masa"
    ) % {
        "name": notice.name,
        "number": case.tracking_number,
        "subject": case.subject or "-",
        "level": level,
        "due": due,
    }
    return subject, body


def escalation_notices_send(*, limit: int = 200) -> tuple[int, int]:
    """Send up to `limit` unsent notices that have an address; returns (handled, sent).

    Rule: a notice is sent at most once (locked with SKIP LOCKED, marked sent in the same
    transaction); a failure is recorded and retried up to MAX_ATTEMPTS times. Callers: the
    escalation_notices_send task. Side effects: e-mail, sent_at/attempts/last_error.
    """
    sent = 0
    with transaction.atomic():
        notices = list(
            EscalationNotice.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS)
            .exclude(email="")
            .select_related("escalation__case__subject")
            .order_by("created_at")[:limit]
        )
        for notice in notices:
            subject, body = _message(notice)
            notice.attempts += 1
            try:
                send_mail(subject, body, None, [notice.email])
            except Exception as error:
                notice.last_error = str(error)[:1000]
            else:
                notice.sent_at = timezone.now()
                notice.last_error = ""
                sent += 1
        EscalationNotice.objects.bulk_update(notices, ["attempts", "sent_at", "last_error"])
    return len(notices), sent
