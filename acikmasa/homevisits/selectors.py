"""Reads of Hizmet Kapınızda, scoped to the user's municipality (and the team's own route)."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from acikmasa.cases.permissions import staff_profile
from acikmasa.directory.models import Role

from .models import HomeVisit, VisitSlot, VisitTeam
from .services import BOOKED, FIELD_ROLES, PLANNERS

OPEN_SLOT_DAYS = 14


def _municipality_id(user: AbstractBaseUser, roles: frozenset[str]) -> int | None:
    profile = staff_profile(user)
    return profile.municipality_id if profile and profile.role in roles else None


def visits_waiting(*, user: AbstractBaseUser) -> QuerySet[HomeVisit]:
    """Visits without a date yet (new requests and missed ones with no free slot), oldest first."""
    municipality_id = _municipality_id(user, PLANNERS)
    return (
        HomeVisit.objects.filter(municipality_id=municipality_id, status=HomeVisit.Status.REQUESTED)
        .select_related("case", "citizen", "neighbourhood", "previous")
        .order_by("created_at")
    )


def visits_planned(*, user: AbstractBaseUser, days: int = 7) -> QuerySet[HomeVisit]:
    municipality_id = _municipality_id(user, PLANNERS | FIELD_ROLES)
    now = timezone.now()
    return (
        HomeVisit.objects.filter(
            municipality_id=municipality_id,
            status=HomeVisit.Status.PLANNED,
            slot__starts_at__lt=now + timedelta(days=days),
        )
        .select_related("case", "citizen", "neighbourhood", "slot__team")
        .order_by("slot__starts_at", "route_order")
    )


def visit_get(*, user: AbstractBaseUser, visit_id: int) -> HomeVisit | None:
    municipality_id = _municipality_id(user, PLANNERS | FIELD_ROLES)
    return (
        HomeVisit.objects.filter(pk=visit_id, municipality_id=municipality_id)
        .select_related("case", "citizen", "neighbourhood", "street", "slot__team")
        .first()
    )


@dataclass
class OpenSlot:
    slot: VisitSlot
    free: int


def slots_for(*, user: AbstractBaseUser, visit: HomeVisit, days: int = OPEN_SLOT_DAYS):
    """Open slots with room of the teams that visit the home's region, soonest first."""
    if _municipality_id(user, PLANNERS) != visit.municipality_id:
        return []
    now = timezone.now()
    slots = (
        VisitSlot.objects.filter(
            team__region_id=visit.neighbourhood.region_id,
            team__is_active=True,
            is_open=True,
            starts_at__gt=now,
            starts_at__lt=now + timedelta(days=days),
        )
        .select_related("team")
        .annotate(booked=Count("visits", filter=Q(visits__status__in=BOOKED)))
        .order_by("starts_at", "team__name")
    )
    return [OpenSlot(s, s.capacity - s.booked) for s in slots if s.booked < s.capacity]


def my_teams(*, user: AbstractBaseUser) -> QuerySet[VisitTeam]:
    profile = staff_profile(user)
    if profile is None or profile.role not in FIELD_ROLES:
        return VisitTeam.objects.none()
    teams = VisitTeam.objects.filter(municipality_id=profile.municipality_id, is_active=True)
    if profile.role == Role.FIELD_REP:
        teams = teams.filter(members=user)
    return teams.select_related("region")


@dataclass
class RouteStop:
    visit: HomeVisit
    number: int
    door_cases: list


def route_for(*, user: AbstractBaseUser, day: date, team_id: int | None = None) -> list[RouteStop]:
    """The day's visits of the user's team(s) in route order: window by window, then as booked."""
    teams = my_teams(user=user)
    if team_id:
        teams = teams.filter(pk=team_id)
    start = timezone.make_aware(datetime.combine(day, time.min))
    visits = (
        HomeVisit.objects.filter(
            slot__team__in=teams,
            slot__starts_at__gte=start,
            slot__starts_at__lt=start + timedelta(days=1),
        )
        .exclude(status=HomeVisit.Status.CANCELLED)
        .select_related("case", "citizen", "neighbourhood", "street", "slot__team")
        .prefetch_related("door_applications__case")
        .order_by("slot__starts_at", "slot__team__name", "route_order", "pk")
    )
    return [
        RouteStop(v, n, [d.case for d in v.door_applications.all()])
        for n, v in enumerate(visits, start=1)
    ]


def visit_figures(*, municipality_id: int, start: datetime, end: datetime) -> dict[str, int]:
    """Requests, visits made and missed in [start, end) (the yearly report's row)."""
    rows = HomeVisit.objects.filter(municipality_id=municipality_id)
    made = rows.filter(status=HomeVisit.Status.DONE, recorded_at__gte=start, recorded_at__lt=end)
    missed = rows.filter(
        status=HomeVisit.Status.MISSED, recorded_at__gte=start, recorded_at__lt=end
    )
    requested = rows.filter(
        previous__isnull=True, created_at__gte=start, created_at__lt=end
    ).count()
    return {"requested": requested, "done": made.count(), "missed": missed.count()}
