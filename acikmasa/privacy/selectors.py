"""Reads of the privacy app, scoped by who asks."""

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.utils import timezone

from acikmasa.cases.models import Citizen
from acikmasa.cases.permissions import staff_profile

from .models import AccessLog, Consent, PrivacyNotice, SubjectRequest


def current_notice(municipality_id: int, *, on: date | None = None) -> PrivacyNotice | None:
    """The published version in force on `on` (today): the newest whose effective date has come."""
    on = on or timezone.localdate()
    return (
        PrivacyNotice.objects.filter(
            municipality_id=municipality_id, published_at__isnull=False, effective_from__lte=on
        )
        .order_by("-effective_from", "-version")
        .first()
    )


def published_notices(municipality_id: int) -> QuerySet[PrivacyNotice]:
    return PrivacyNotice.objects.filter(
        municipality_id=municipality_id, published_at__isnull=False
    ).order_by("-version")


def officer_citizen(*, user: AbstractBaseUser, citizen_id: int) -> Citizen | None:
    """A citizen of the officer's own municipality, or None."""
    profile = staff_profile(user)
    if profile is None:
        return None
    return Citizen.objects.filter(pk=citizen_id, municipality_id=profile.municipality_id).first()


def access_for_citizen(
    *, user: AbstractBaseUser, citizen_id: int, limit: int = 500
) -> QuerySet[AccessLog]:
    """Who looked at this citizen's data (the report a data subject or the officer asks for)."""
    profile = staff_profile(user)
    rows = AccessLog.objects.filter(
        citizen_id=citizen_id, municipality_id=profile.municipality_id if profile else -1
    )
    return rows.select_related("user", "case").order_by("-at")[:limit]


def access_by_user(
    *, user: AbstractBaseUser, staff_user_id: int, limit: int = 500
) -> QuerySet[AccessLog]:
    """Whose data one staff member looked at (an audit of one person's use of the system)."""
    profile = staff_profile(user)
    rows = AccessLog.objects.filter(
        user_id=staff_user_id, municipality_id=profile.municipality_id if profile else -1
    )
    return rows.select_related("citizen", "case").order_by("-at")[:limit]


def consents_of(citizen_id: int) -> QuerySet[Consent]:
    return (
        Consent.objects.filter(citizen_id=citizen_id).select_related("notice").order_by("-given_at")
    )


def has_consent(citizen_id: int, purpose: str) -> bool:
    return Consent.objects.filter(
        citizen_id=citizen_id, purpose=purpose, withdrawn_at__isnull=True
    ).exists()


def open_requests(*, user: AbstractBaseUser) -> QuerySet[SubjectRequest]:
    profile = staff_profile(user)
    return (
        SubjectRequest.objects.filter(
            case__municipality_id=profile.municipality_id if profile else -1
        )
        .select_related("case", "citizen")
        .order_by("case__due_at")
    )
