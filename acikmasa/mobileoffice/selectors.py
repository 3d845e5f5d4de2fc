"""Reads of the mobile office: the public timetable (no personal data) and figures per stop."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from acikmasa.cases.lifecycle import OPEN_STATUSES, Status
from acikmasa.cases.permissions import INTAKE_ROLES, staff_profile
from acikmasa.directory.models import Municipality, Role

from .models import Stop, StopApplication, Vehicle

PUBLIC_DAYS = 30
READERS = INTAKE_ROLES | {Role.EXECUTIVE}


def timetable_public(*, municipality: Municipality, days: int = PUBLIC_DAYS) -> QuerySet[Stop]:
    """Published stops from today on: anyone may read where the vehicle will be."""
    today = timezone.localdate()
    return (
        Stop.objects.filter(
            vehicle__municipality=municipality,
            vehicle__is_active=True,
            is_published=True,
            day__gte=today,
            day__lt=today + timedelta(days=days),
        )
        .select_related("vehicle", "neighbourhood")
        .order_by("day", "opens_at")
    )


def _municipality_id(user: AbstractBaseUser) -> int | None:
    profile = staff_profile(user)
    return profile.municipality_id if profile and profile.role in READERS else None


def vehicles(*, user: AbstractBaseUser) -> QuerySet[Vehicle]:
    return Vehicle.objects.filter(municipality_id=_municipality_id(user), is_active=True)


def stops_around(*, user: AbstractBaseUser, today: date | None = None) -> QuerySet[Stop]:
    """The staff's timetable: two weeks back (late entry, figures) and four weeks ahead."""
    today = today or timezone.localdate()
    return (
        Stop.objects.filter(
            vehicle__municipality_id=_municipality_id(user),
            day__gte=today - timedelta(days=14),
            day__lt=today + timedelta(days=28),
        )
        .select_related("vehicle", "neighbourhood")
        .annotate(taken=Count("applications"))
        .order_by("day", "opens_at")
    )


def stop_get(*, user: AbstractBaseUser, stop_id: int) -> Stop | None:
    return (
        Stop.objects.filter(pk=stop_id, vehicle__municipality_id=_municipality_id(user))
        .select_related("vehicle", "neighbourhood")
        .first()
    )


@dataclass
class StopFigures:
    stop: Stop
    applications: int
    solved: int
    open: int


def stop_figures(*, user: AbstractBaseUser, start: date, end: date) -> list[StopFigures]:
    """Per stop in [start, end]: applications taken, solved and still open (from the cases)."""
    stops = (
        Stop.objects.filter(
            vehicle__municipality_id=_municipality_id(user), day__gte=start, day__lte=end
        )
        .select_related("vehicle", "neighbourhood")
        .annotate(
            n=Count("applications"),
            solved=Count(
                "applications",
                filter=Q(applications__case__status__in=[Status.RESOLVED, Status.CLOSED]),
            ),
            still_open=Count(
                "applications", filter=Q(applications__case__status__in=OPEN_STATUSES)
            ),
        )
        .order_by("-day", "opens_at")
    )
    return [StopFigures(s, s.n, s.solved, s.still_open) for s in stops if not s.is_cancelled]


def applications_between(*, municipality_id: int, start: datetime, end: datetime) -> dict:
    """The yearly report's row: stops held and applications taken at them."""
    taken = StopApplication.objects.filter(
        stop__vehicle__municipality_id=municipality_id,
        case__created_at__gte=start,
        case__created_at__lt=end,
    )
    held = Stop.objects.filter(
        vehicle__municipality_id=municipality_id,
        is_cancelled=False,
        day__gte=timezone.localtime(start).date(),
        day__lt=timezone.localtime(end).date(),
    )
    return {"stops": held.count(), "applications": taken.count()}
