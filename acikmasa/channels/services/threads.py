"""Which existing case, if any, a new message continues."""

import re
from datetime import timedelta

from django.utils import timezone

from acikmasa.cases.lifecycle import Status
from acikmasa.cases.models import Case
from acikmasa.directory.models import Municipality

from .. import conf
from ..base import Incoming
from ..models import InboundMessage, OutboundMessage

TRACKING_NUMBER = re.compile(r"(?<![\d-])(20\d{2}-\d{6})(?![\d-])")
# A conversation does not continue a finished case; a tracking number still reaches it.
FINISHED = frozenset(
    {Status.RESOLVED, Status.CLOSED, Status.REJECTED, Status.DUPLICATE, Status.FORWARDED_OUT}
)


def tracking_numbers(text: str) -> list[str]:
    return TRACKING_NUMBER.findall(text or "")


def thread_case(*, municipality: Municipality, channel: str, incoming: Incoming) -> Case | None:
    """The case this message answers: by tracking number, then by quoted message, then by
    conversation.

    A tracking number always wins (the citizen named the case). A quoted or parent message links
    to whatever case that message belongs to. Otherwise, on conversational channels, a message from
    the same sender within CONVERSATION_MINUTES of the last one continues that case while it is
    open, and a short text from someone we messaged about a case in the last REPLY_DAYS days answers
    that message (a survey reply); anything else opens a new case.
    """
    cases = Case.objects.filter(municipality=municipality)
    for number in tracking_numbers(f"{incoming.subject}\n{incoming.text}"):
        found = cases.filter(tracking_number=number).first()
        if found is not None:
            return found
    refs = [ref for ref in incoming.refs if ref]
    if refs:
        linked = (
            InboundMessage.objects.filter(
                channel=channel, external_id__in=refs, case__municipality=municipality
            )
            .exclude(case=None)
            .order_by("-received_at")
            .first()
        )
        if linked is not None:
            return linked.case
        sent = (
            OutboundMessage.objects.filter(
                channel=channel, provider_message_id__in=refs, case__municipality=municipality
            )
            .exclude(case=None)
            .order_by("-created_at")
            .first()
        )
        if sent is not None:
            return sent.case
    if incoming.conversational and incoming.sender:
        since = timezone.now() - timedelta(minutes=conf.CONVERSATION_MINUTES)
        recent = (
            InboundMessage.objects.filter(
                channel=channel,
                sender=incoming.sender,
                received_at__gte=since,
                case__municipality=municipality,
            )
            .exclude(case=None)
            .exclude(case__status__in=FINISHED)
            .order_by("-received_at")
            .first()
        )
        if recent is not None:
            return recent.case
        if len((incoming.text or "").strip()) <= conf.SHORT_REPLY_CHARS:
            return _answered_case(municipality, channel, incoming.sender)
    return None


def _answered_case(municipality: Municipality, channel: str, sender: str) -> Case | None:
    """The case of our latest message to `sender` on this channel in the last REPLY_DAYS days."""
    digits = sender.lstrip("+")
    latest = (
        OutboundMessage.objects.filter(
            channel=channel,
            recipient__in={sender, digits, f"+{digits}"},
            case__municipality=municipality,
            created_at__gte=timezone.now() - timedelta(days=conf.REPLY_DAYS),
        )
        .exclude(case=None)
        .order_by("-created_at")
        .first()
    )
    return latest.case if latest is not None else None
