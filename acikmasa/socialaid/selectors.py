"""Reads of household checks: the field team sees its region's open visits, the case's directorate
and the overseers see the rest. Findings are personal and financial: opening one is logged."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from acikmasa.cases.permissions import staff_profile, visible_cases
from acikmasa.directory.models import Role
from acikmasa.privacy.models import AccessAction
from acikmasa.privacy.services.access import access_record

from .models import HouseholdCheck

RELATED = ("case", "case__neighbourhood", "case__street", "case__citizen", "case__subject")


def checks_for(*, user: AbstractBaseUser, status: str = "") -> QuerySet[HouseholdCheck]:
    """Field representatives: the open checks of their region. Everyone else: the checks of the
    cases they may see."""
    profile = staff_profile(user)
    if profile is None:
        return HouseholdCheck.objects.none()
    rows = HouseholdCheck.objects.filter(municipality_id=profile.municipality_id)
    if profile.role == Role.FIELD_REP:
        rows = rows.filter(status=HouseholdCheck.Status.OPEN)
        if profile.region_id:
            rows = rows.filter(case__neighbourhood__region_id=profile.region_id)
    else:
        rows = rows.filter(case__in=visible_cases(user))
    if status in HouseholdCheck.Status.values:
        rows = rows.filter(status=status)
    return rows.select_related(*RELATED).order_by("created_at")


def check_get(*, user: AbstractBaseUser, check_id: int) -> HouseholdCheck | None:
    check = checks_for(user=user).filter(pk=check_id).first()
    if check is None:
        # A field representative may still read the check they visited (to see the decision).
        profile = staff_profile(user)
        check = (
            HouseholdCheck.objects.filter(pk=check_id, visited_by=user)
            .select_related(*RELATED)
            .first()
            if profile
            else None
        )
    if check is not None:
        access_record(
            user=user,
            municipality_id=check.municipality_id,
            action=AccessAction.CASE_VIEWED,
            citizen_id=check.case.citizen_id,
            case_id=check.case_id,
            detail="household check",
        )
    return check
