"""Reads of the career centre, for its staff and the municipality's overseers. Opening a seeker's
page is logged in the privacy access log like a case page."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Q, QuerySet

from acikmasa.cases.events import EventKind
from acikmasa.cases.models import CaseEvent
from acikmasa.cases.permissions import staff_profile
from acikmasa.common.errors import NotFound, PermissionRefused
from acikmasa.privacy.models import AccessAction
from acikmasa.privacy.services.access import access_record
from acikmasa.units.access import in_unit

from .models import CareerCentre, Employer, JobSeeker, Referral, Vacancy
from .services import centre_for


def centre_reader(user: AbstractBaseUser) -> CareerCentre:
    centre = centre_for(user)
    if not in_unit(user, centre.directorate):
        from django.utils.translation import gettext as _

        raise PermissionRefused(_("Only the career centre's staff may see this."))
    return centre


def seekers(*, user: AbstractBaseUser, query: str = "", limit: int = 50) -> QuerySet[JobSeeker]:
    centre = centre_reader(user)
    rows = JobSeeker.objects.filter(municipality_id=centre.municipality_id).select_related(
        "case", "citizen"
    )
    query = query.strip()
    if query:
        rows = rows.filter(Q(profession__icontains=query) | Q(case__tracking_number=query))
    return rows.annotate(
        sent=Count("referrals"),
        waiting=Count("referrals", filter=Q(referrals__answer=Referral.Answer.WAITING)),
    ).order_by("-created_at")[:limit]


def seeker_get(*, user: AbstractBaseUser, seeker_id: int) -> JobSeeker:
    """One seeker's page; the view of their personal data is logged."""
    centre = centre_reader(user)
    seeker = (
        JobSeeker.objects.filter(pk=seeker_id, municipality_id=centre.municipality_id)
        .select_related("case", "citizen")
        .first()
    )
    if seeker is None:
        from django.utils.translation import gettext as _

        raise NotFound(_("This job seeker was not found."))
    access_record(
        user=user,
        municipality_id=centre.municipality_id,
        action=AccessAction.CITIZEN_VIEWED,
        citizen_id=seeker.citizen_id,
        case_id=seeker.case_id,
        detail="career centre",
    )
    return seeker


def open_vacancies(*, user: AbstractBaseUser) -> QuerySet[Vacancy]:
    centre = centre_reader(user)
    return (
        Vacancy.objects.filter(
            employer__municipality_id=centre.municipality_id, employer__is_active=True, is_open=True
        )
        .select_related("employer")
        .order_by("employer__name", "title")
    )


def employers(*, user: AbstractBaseUser) -> QuerySet[Employer]:
    centre = centre_reader(user)
    return (
        Employer.objects.filter(municipality_id=centre.municipality_id)
        .annotate(
            open_vacancies=Count("vacancies", filter=Q(vacancies__is_open=True)),
            referred=Count("vacancies__referrals"),
            hired=Count(
                "vacancies__referrals",
                filter=Q(vacancies__referrals__answer=Referral.Answer.HIRED),
            ),
        )
        .order_by("name")
    )


@dataclass
class CareerFigures:
    applications: int
    referrals: int
    interviews: int
    placements: int
    employers: int


def career_figures(*, municipality_id: int, start: datetime, end: datetime) -> CareerFigures:
    """Applications registered, referrals sent (the seed's "iş talebi firmalara ulaştırıldı"),
    interviews and placements answered, in [start, end)."""
    referrals = Referral.objects.filter(seeker__municipality_id=municipality_id)
    answered = referrals.filter(answered_at__gte=start, answered_at__lt=end)
    return CareerFigures(
        applications=JobSeeker.objects.filter(
            municipality_id=municipality_id, created_at__gte=start, created_at__lt=end
        ).count(),
        referrals=referrals.filter(referred_at__gte=start, referred_at__lt=end).count(),
        # An interview is followed by a final answer on the same referral: counted from the
        # history, where both answers stay.
        interviews=CaseEvent.objects.filter(
            case__municipality_id=municipality_id,
            kind=EventKind.EMPLOYER_ANSWERED,
            payload__answer=Referral.Answer.INTERVIEW,
            created_at__gte=start,
            created_at__lt=end,
        ).count(),
        placements=answered.filter(answer=Referral.Answer.HIRED).count(),
        employers=Employer.objects.filter(
            municipality_id=municipality_id, is_active=True, created_at__lt=end
        ).count(),
    )


def centre_exists(user: AbstractBaseUser) -> bool:
    profile = staff_profile(user)
    return (
        bool(profile)
        and CareerCentre.objects.filter(municipality_id=profile.municipality_id).exists()
    )
