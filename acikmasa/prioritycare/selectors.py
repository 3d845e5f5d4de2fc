"""Reads of priority care: the PR manager and admins only, and every membership shown is logged
(KVKK Art. 6 data: who saw whose special-category record, when)."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Q

from acikmasa.cases.permissions import staff_profile
from acikmasa.common.errors import PermissionRefused
from acikmasa.common.turkish import fold
from acikmasa.privacy.models import AccessAction
from acikmasa.privacy.services.access import access_record_many

from .models import PriorityGroup, PriorityMembership
from .services import READERS

LOG_DETAIL = "KVKK 6: priority care"
PAGE = 50


def may_read(user: AbstractBaseUser | None) -> bool:
    profile = staff_profile(user)
    return profile is not None and profile.role in READERS


def groups_with_counts(*, user: AbstractBaseUser) -> list[PriorityGroup]:
    """Groups and how many are in each: counts only, no person, so nothing to log."""
    profile = staff_profile(user)
    if profile is None:
        return []
    return list(
        PriorityGroup.objects.filter(municipality_id=profile.municipality_id)
        .select_related("standard")
        .annotate(active=Count("members", filter=Q(members__ended_at__isnull=True)))
        .order_by("name")
    )


def members_list(
    *, user: AbstractBaseUser, group_id: int | None = None, query: str = ""
) -> list[PriorityMembership]:
    """Memberships the reader asked for (by group, by name or ID number); each row shown is logged.

    Rule: READERS only; refused otherwise. Side effects: one access-log row per citizen shown.
    """
    if not may_read(user):
        raise PermissionRefused(_no_access())
    profile = staff_profile(user)
    rows = PriorityMembership.objects.filter(
        group__municipality_id=profile.municipality_id
    ).select_related("citizen", "group", "recorded_by")
    if group_id:
        rows = rows.filter(group_id=group_id)
    query = (query or "").strip()
    if query.isascii() and query.isdigit():
        rows = rows.filter(citizen__national_id=query)
    elif query:
        words = fold(query).split()
        shown = [
            m
            for m in rows.order_by("-recorded_at")[:2000]
            if all(w in fold(m.citizen.full_name) for w in words)
        ][:PAGE]
        _log(user, profile.municipality_id, shown)
        return shown
    shown = list(rows.order_by("ended_at", "-recorded_at")[:PAGE])
    _log(user, profile.municipality_id, shown)
    return shown


def _log(user: AbstractBaseUser, municipality_id: int, shown: list[PriorityMembership]) -> None:
    access_record_many(
        user=user,
        municipality_id=municipality_id,
        action=AccessAction.CITIZEN_VIEWED,
        shown=[(m.citizen_id, None) for m in shown],
        detail=LOG_DETAIL,
    )


def _no_access() -> str:
    from django.utils.translation import gettext as _

    return _("Priority-care records are special-category data; your role may not read them.")
