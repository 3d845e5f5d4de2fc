"""Reads of the channels app, always scoped by who is asking."""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Q, QuerySet

from acikmasa.cases.models import Case
from acikmasa.cases.permissions import staff_profile
from acikmasa.directory.models import Role

from .base import adapters
from .models import InboundMessage, OutboundMessage

# Triage of failed payloads shows raw citizen messages: the desk's supervisors, not every agent.
INBOX_ROLES = frozenset({Role.PR_MANAGER, Role.ADMIN})


def can_triage(user: AbstractBaseUser | None) -> bool:
    profile = staff_profile(user)
    return profile is not None and profile.role in INBOX_ROLES


def inbound_list(
    *, user: AbstractBaseUser | None, status: str | None = None, channel: str | None = None
) -> QuerySet[InboundMessage]:
    """Inbound rows the user may triage: their municipality's, plus those not yet tied to one."""
    profile = staff_profile(user)
    if profile is None or profile.role not in INBOX_ROLES:
        return InboundMessage.objects.none()
    rows = InboundMessage.objects.filter(
        Q(municipality_id=profile.municipality_id) | Q(municipality=None)
    )
    if status:
        rows = rows.filter(status=status)
    if channel:
        rows = rows.filter(channel=channel)
    return rows.select_related("case").defer("body").order_by("-received_at")


def inbound_get(*, user: AbstractBaseUser | None, message_id: int) -> InboundMessage | None:
    return inbound_list(user=user).filter(pk=message_id).first()


def inbox_counts(*, user: AbstractBaseUser | None) -> dict[str, int]:
    rows = inbound_list(user=user).values("status").annotate(n=Count("pk"))
    return {row["status"]: row["n"] for row in rows}


def outbound_list(*, user: AbstractBaseUser | None) -> QuerySet[OutboundMessage]:
    profile = staff_profile(user)
    if profile is None or profile.role not in INBOX_ROLES:
        return OutboundMessage.objects.none()
    return OutboundMessage.objects.filter(
        Q(municipality_id=profile.municipality_id) | Q(municipality=None)
    )


@dataclass
class ReplyAddress:
    """Where a reply to the citizen goes: arguments for services.outbound.outbound_queue."""

    channel: str
    recipient: str
    reply_to: str = ""
    kind: str = OutboundMessage.Kind.MESSAGE


def reply_address(*, case: Case) -> ReplyAddress | None:
    """Answer on the channel the citizen last wrote from (notifications use this); None when that
    channel cannot carry an answer (CİMER answers go back through CİMER, muhtar and calls have
    none)."""
    last = (
        InboundMessage.objects.filter(
            case=case, kind="message", status=InboundMessage.Status.PROCESSED
        )
        .exclude(sender="")
        .order_by("-received_at")
        .first()
    )
    if last is None:
        return None
    adapter = adapters().get(last.channel)
    if adapter is None or not adapter.sends:
        return None
    if last.channel == "facebook" and "value" in last.item:  # a comment: answer under it
        return ReplyAddress(
            last.channel, last.sender, reply_to=last.external_id, kind=OutboundMessage.Kind.COMMENT
        )
    if last.channel == "email":
        return ReplyAddress(last.channel, last.sender, reply_to=last.external_id)
    return ReplyAddress(last.channel, last.sender)
