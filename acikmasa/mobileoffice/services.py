"""Writers of the mobile office: the timetable, and applications taken at a stop."""

from datetime import date, time, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from acikmasa.cases.permissions import can_register, staff_profile
from acikmasa.cases.services.intake import Submission, case_submit
from acikmasa.common.errors import NotFound, PermissionRefused, TransitionRefused, ValidationFailed
from acikmasa.desk.services import Registration
from acikmasa.directory.models import Channel, Neighbourhood, Role

from .models import CHANNEL, Stop, StopApplication, Vehicle

TIMETABLE_ROLES = frozenset({Role.PR_MANAGER, Role.ADMIN})
# Paper forms filled in at a stop may be typed in up to two days later; never before the stop.
LATE_ENTRY_DAYS = 2


def stop_schedule(
    *,
    user: AbstractBaseUser,
    vehicle: Vehicle,
    neighbourhood: Neighbourhood,
    place: str,
    day: date,
    opens_at: time,
    closes_at: time,
    is_published: bool = True,
) -> Stop:
    """Put a stop on the vehicle's timetable (published: the portal shows it at once).

    Rule: the PR manager and admins keep the timetable; the hours must be in order; one vehicle is
    in one place at a time. Side effects: one Stop row.
    """
    profile = staff_profile(user)
    if profile is None or profile.role not in TIMETABLE_ROLES:
        raise PermissionRefused(_("You are not allowed to change the timetable."))
    errors = {}
    if vehicle.municipality_id != profile.municipality_id or not vehicle.is_active:
        errors["vehicle"] = _("Choose one of this municipality's vehicles.")
    if neighbourhood.municipality_id != profile.municipality_id:
        errors["neighbourhood"] = _("Choose one of this municipality's neighbourhoods.")
    if not place.strip():
        errors["place"] = _(
            "Write where the vehicle stands (e.g. the square in front of the mosque)."
        )
    if closes_at <= opens_at:
        errors["closes_at"] = _("The stop must end after it starts.")
    elif Stop.objects.filter(
        vehicle=vehicle,
        day=day,
        is_cancelled=False,
        opens_at__lt=closes_at,
        closes_at__gt=opens_at,
    ).exists():
        errors["opens_at"] = _("The vehicle is at another stop at that time.")
    if errors:
        raise ValidationFailed(errors)
    return Stop.objects.create(
        vehicle=vehicle,
        neighbourhood=neighbourhood,
        place=place.strip()[:200],
        day=day,
        opens_at=opens_at,
        closes_at=closes_at,
        is_published=is_published,
    )


def stop_cancel(*, user: AbstractBaseUser, stop_id: int) -> Stop:
    """Cancel a stop that has not taken place; it stays on the timetable marked cancelled."""
    profile = staff_profile(user)
    if profile is None or profile.role not in TIMETABLE_ROLES:
        raise PermissionRefused(_("You are not allowed to change the timetable."))
    with transaction.atomic():
        stop = (
            Stop.objects.select_for_update()
            .filter(pk=stop_id, vehicle__municipality_id=profile.municipality_id)
            .first()
        )
        if stop is None:
            raise NotFound(_("This stop was not found."))
        if stop.applications.exists():
            raise TransitionRefused(_("Applications were taken at this stop; it took place."))
        stop.is_cancelled = True
        stop.save(update_fields=["is_cancelled"])
    return stop


def _open_stop(stop_id: int, municipality_id: int) -> Stop:
    stop = (
        Stop.objects.select_related("vehicle", "neighbourhood")
        .filter(pk=stop_id, vehicle__municipality_id=municipality_id)
        .first()
    )
    if stop is None:
        raise NotFound(_("This stop was not found."))
    today = timezone.localdate()
    if stop.is_cancelled:
        raise TransitionRefused(_("This stop was cancelled."))
    if stop.day > today:
        raise TransitionRefused(_("This stop has not taken place yet."))
    if stop.day < today - timedelta(days=LATE_ENTRY_DAYS):
        raise TransitionRefused(
            _("Applications of a stop may be entered up to %(n)d days later.")
            % {"n": LATE_ENTRY_DAYS}
        )
    return stop


def stop_register(
    *, user: AbstractBaseUser, stop_id: int, registration: Registration
) -> Submission:
    """Register an application taken at a stop: channel "mobile_office", the stop kept with it.

    Rule: intake roles; the stop must be today (or up to two days ago, for paper forms) and not
    cancelled; the channel needs the applicant's T.C. Kimlik No (seed 001, row 9); the place of
    the problem defaults to the stop's mahalle. Side effects: those of `case_submit`, and one
    StopApplication row.
    """
    profile = staff_profile(user)
    if profile is None or not can_register(user):
        raise PermissionRefused(_("You are not allowed to register cases."))
    stop = _open_stop(stop_id, profile.municipality_id)
    channel = Channel.objects.filter(code=CHANNEL, is_active=True).first()
    if channel is None:
        raise TransitionRefused(_("The mobile office channel is switched off."))
    if channel.requires_identity and not registration.citizen.national_id.strip():
        raise ValidationFailed(
            {"national_id": _("This channel needs the applicant's T.C. Kimlik No (ID card).")}
        )
    with transaction.atomic():
        submission = case_submit(
            municipality=profile.municipality,
            channel=channel,
            description=registration.description,
            case_type=registration.case_type or None,
            subject=registration.subject_id,
            citizen=registration.citizen,
            neighbourhood=registration.neighbourhood_id or stop.neighbourhood_id,
            street=registration.street_id,
            address=registration.address,
            priority=registration.priority,
            submitted_by=user,
            extra={
                "mobile_stop": {
                    "id": stop.pk,
                    "vehicle": stop.vehicle.name,
                    "place": stop.place,
                    "neighbourhood": stop.neighbourhood.name,
                }
            },
        )
        StopApplication.objects.create(stop=stop, case=submission.case)
    return submission
