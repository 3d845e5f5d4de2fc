"""Reads of the channels app, always scoped by who is asking."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Q, QuerySet

from acikmasa.cases.permissions import staff_profile
from acikmasa.directory.models import Role

from .models import InboundMessage, OutboundMessage

# Triage of failed payloads shows raw citizen messages: the desk's supervisors, not every agent.
INBOX_ROLES = frozenset({Role.PR_MANAGER, Role.ADMIN})


def can_triage(user: AbstractBaseUser | None) -> bool:
    profile = staff_profile(user)
    return profile is not None and profile.role in INBOX_ROLES


def inbound_list(*, user: AbstractBaseUser | None, status: str | None = None, channel: str | None = None) -> QuerySet[InboundMessage]:
    """Inbound rows the user may triage: their municipality's, plus those not yet tied to one."""
    profile = staff_profile(user)
    if profile is None or profile.role not in INBOX_ROLES:
        return InboundMessage.objects.none()
    rows = InboundMessage.objects.filter(Q(municipality_id=profile.municipality_id) | Q(municipality=None))
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
    return OutboundMessage.objects.filter(Q(municipality_id=profile.municipality_id) | Q(municipality=None))
