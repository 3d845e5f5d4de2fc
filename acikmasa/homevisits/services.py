"""Writers of Hizmet Kapınızda. Cases change only through case_submit, case_transition and the
units' history append; these write the calendar and the visits."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Count, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from acikmasa.cases.lifecycle import OPEN_STATUSES, Action
from acikmasa.cases.permissions import staff_profile
from acikmasa.cases.services import record as history
from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.cases.services.intake import case_submit
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.common.errors import NotFound, PermissionRefused, TransitionRefused, ValidationFailed
from acikmasa.desk.services import Registration, desk_register
from acikmasa.directory.models import Neighbourhood, Role, Street

from . import messages
from .models import DoorApplication, HomeVisit, HomeVisitService, VisitSlot, VisitTeam

PLANNERS = frozenset({Role.DESK_AGENT, Role.CALL_AGENT, Role.PR_MANAGER, Role.ADMIN})
FIELD_ROLES = frozenset({Role.FIELD_REP, Role.PR_MANAGER, Role.ADMIN})
CALENDAR_ROLES = frozenset({Role.PR_MANAGER, Role.ADMIN})
BOOKED = (HomeVisit.Status.PLANNED, HomeVisit.Status.DONE, HomeVisit.Status.MISSED)
MIN_OUTCOME = 10
RESCHEDULE_DAYS = 21


@dataclass
class VisitRequest:
    """What the call centre or the desk types in when someone asks for a visit."""

    citizen: CitizenInput
    neighbourhood_id: int | None
    address: str
    needs: str
    street_id: int | None = None
    requested_by: str = HomeVisit.RequestedBy.CITIZEN
    requester_name: str = ""
    requester_phone: str = ""


@dataclass
class DoorCase:
    """An application taken at the door: what it is about, and (optionally) its subject."""

    description: str
    subject_id: int | None = None


@dataclass
class VisitRecord:
    done: bool
    text: str
    door_cases: list[DoorCase] = field(default_factory=list)


def _profile(user: AbstractBaseUser, roles: frozenset[str], message: str):
    profile = staff_profile(user)
    if profile is None or profile.role not in roles:
        raise PermissionRefused(message)
    return profile


def _request_errors(municipality_id: int, data: VisitRequest) -> tuple[dict, Neighbourhood | None]:
    errors = {}
    place = Neighbourhood.objects.filter(
        pk=data.neighbourhood_id, municipality_id=municipality_id
    ).first()
    if place is None:
        errors["neighbourhood"] = _("Choose the neighbourhood of the home.")
    elif (
        data.street_id
        and not Street.objects.filter(pk=data.street_id, neighbourhood=place).exists()
    ):
        errors["street"] = _("The street is not in the selected neighbourhood.")
    if not data.address.strip():
        errors["address"] = _("Write the address (building and door number).")
    if len(data.needs.strip()) < MIN_OUTCOME:
        errors["needs"] = _("Say what the visit is for (at least %(n)d characters).") % {
            "n": MIN_OUTCOME
        }
    if not (data.citizen.first_name.strip() and data.citizen.phone.strip()):
        errors["phone"] = _("A visit needs the name and a phone number of the person visited.")
    if data.requested_by not in HomeVisit.RequestedBy.values:
        errors["requested_by"] = _("Say who asked for the visit.")
    elif data.requested_by == HomeVisit.RequestedBy.RELATIVE and not data.requester_name.strip():
        errors["requester_name"] = _("Write the name of the relative who asked.")
    return errors, place


def visit_request(*, user: AbstractBaseUser, data: VisitRequest) -> HomeVisit:
    """Register a request for a home visit: a case of the service's subject and a visit waiting for
    a date.

    Rule: desk and call-centre agents (and the PR manager) register it for the citizen, a relative
    or on the call centre's own initiative; the person visited needs a name and a phone.
    Side effects: everything `case_submit` does (channel: call centre or desk), one HomeVisit row.
    """
    profile = _profile(user, PLANNERS, _("You are not allowed to register home visits."))
    service = HomeVisitService.objects.filter(
        municipality_id=profile.municipality_id, is_active=True
    ).first()
    if service is None:
        raise TransitionRefused(_("The home-visit service is not set up for this municipality."))
    errors, place = _request_errors(profile.municipality_id, data)
    if errors:
        raise ValidationFailed(errors)
    # At the desk the ID card is asked for (seed 001); on the phone it is not.
    channel = "desk" if profile.role == Role.DESK_AGENT else "call_centre"
    if channel == "desk" and not data.citizen.national_id.strip():
        raise ValidationFailed(
            {"national_id": _("This channel needs the applicant's T.C. Kimlik No (ID card).")}
        )
    asked = {
        "requested_by": data.requested_by,
        **({"requester": data.requester_name.strip()} if data.requester_name.strip() else {}),
    }
    with transaction.atomic():
        submission = case_submit(
            municipality=profile.municipality,
            channel=channel,
            description=data.needs.strip(),
            subject=service.subject,
            citizen=data.citizen,
            neighbourhood=place,
            street=data.street_id,
            address=data.address.strip(),
            submitted_by=user,
            extra={"home_visit": asked},
        )
        return HomeVisit.objects.create(
            municipality_id=profile.municipality_id,
            case=submission.case,
            citizen=submission.case.citizen,
            requested_by=data.requested_by,
            requester_name=data.requester_name.strip()[:200],
            requester_phone=data.requester_phone.strip()[:20],
            neighbourhood=place,
            street_id=data.street_id,
            address=data.address.strip()[:300],
            needs=data.needs.strip(),
            created_at=timezone.now(),
        )


def booked_counts(slot_ids: list[int]) -> dict[int, int]:
    rows = (
        HomeVisit.objects.filter(slot_id__in=slot_ids, status__in=BOOKED)
        .values("slot_id")
        .annotate(n=Count("pk"))
    )
    return {row["slot_id"]: row["n"] for row in rows}


def _locked_visit(visit_id: int, municipality_id: int) -> HomeVisit:
    visit = (
        HomeVisit.objects.select_for_update()
        .filter(pk=visit_id, municipality_id=municipality_id)
        .first()
    )
    if visit is None:
        raise NotFound(_("This visit was not found."))
    return visit


def _book(visit: HomeVisit, slot_id: int | None, now: datetime) -> VisitSlot:
    """Put `visit` into the slot under the slot's row lock: two agents never overfill a window."""
    slot = (
        VisitSlot.objects.select_for_update()
        .select_related("team")
        .filter(pk=slot_id, team__municipality_id=visit.municipality_id)
        .first()
    )
    if slot is None or not slot.is_open or not slot.team.is_active:
        raise ValidationFailed({"slot": _("Choose an open slot of the calendar.")})
    if slot.starts_at <= now:
        raise ValidationFailed({"slot": _("This slot has already begun.")})
    if slot.team.region_id != visit.neighbourhood.region_id:
        raise ValidationFailed({"slot": _("This team does not visit that neighbourhood.")})
    booked = booked_counts([slot.pk]).get(slot.pk, 0)
    if booked >= slot.capacity:
        raise ValidationFailed({"slot": _("This slot is full. Choose another one.")})
    visit.slot = slot
    visit.route_order = booked + 1
    visit.status = HomeVisit.Status.PLANNED
    visit.save(update_fields=["slot", "route_order", "status"])
    return slot


def _planned_payload(visit: HomeVisit) -> dict:
    return {
        "visit": visit.pk,
        "slot": visit.slot_id,
        "team": visit.slot.team.name,
        "starts_at": visit.slot.starts_at.isoformat(),
        "ends_at": visit.slot.ends_at.isoformat(),
    }


def _window_text(slot: VisitSlot) -> str:
    start, end = timezone.localtime(slot.starts_at), timezone.localtime(slot.ends_at)
    return f"{formats.date_format(start, 'DATE_FORMAT')} {start:%H:%M}–{end:%H:%M} ({slot.team})"


def visit_plan(*, user: AbstractBaseUser, visit_id: int, slot_id: int) -> HomeVisit:
    """Give a waiting visit its slot; the citizen is told the day and the window.

    Rule: planners only; the slot must be open, in the future, of a team of the home's region, and
    not full (checked under the slot's lock). Side effects: VISIT_PLANNED on the case, a message.
    """
    profile = _profile(user, PLANNERS, _("You are not allowed to plan home visits."))
    with transaction.atomic():
        visit = _locked_visit(visit_id, profile.municipality_id)
        if visit.status != HomeVisit.Status.REQUESTED:
            raise TransitionRefused(_("This visit already has a date."))
        _book(visit, slot_id, timezone.now())
        event = history.visit_planned(
            visit.case_id,
            actor=user,
            window=_window_text(visit.slot),
            payload=_planned_payload(visit),
        )
        messages.tell_visit_planned(visit, event)
    return visit


def _may_record(user: AbstractBaseUser, visit: HomeVisit) -> None:
    profile = _profile(user, FIELD_ROLES, _("Only the visiting team records a visit."))
    if profile.municipality_id != visit.municipality_id:
        raise NotFound(_("This visit was not found."))
    if profile.role == Role.FIELD_REP and not visit.slot.team.members.filter(pk=user.pk).exists():
        raise PermissionRefused(_("This visit belongs to another team."))


def visit_record(*, user: AbstractBaseUser, visit_id: int, record: VisitRecord) -> HomeVisit:
    """The team records a planned visit: done (what was done, applications taken at the door) or
    missed (why), in which case it is rescheduled at once into the team's next free slot.

    Rule: only members of the visiting team (or the PR manager, an admin); a visit is recorded once.
    Side effects: done: one case per door application (channel "field", the same citizen),
    VISIT_DONE and the visit request resolved by the system; missed: VISIT_MISSED, then a new
    planned visit with VISIT_RESCHEDULED and a message (or a message asking to agree on a day).
    """
    profile = staff_profile(user)
    municipality_id = profile.municipality_id if profile else 0
    text = record.text.strip()
    if len(text) < MIN_OUTCOME:
        field_name = "outcome" if record.done else "reason"
        raise ValidationFailed(
            {field_name: _("Write what happened (at least %(n)d characters).") % {"n": MIN_OUTCOME}}
        )
    with transaction.atomic():
        visit = _locked_visit(visit_id, municipality_id)
        if visit.status != HomeVisit.Status.PLANNED:
            raise TransitionRefused(_("Only a planned visit can be recorded."))
        _may_record(user, visit)
        visit.outcome, visit.recorded_at, visit.recorded_by = text, timezone.now(), user
        if record.done:
            return _done(user, visit, record)
        return _missed(user, visit)


def _door_case(user: AbstractBaseUser, visit: HomeVisit, item: DoorCase):
    citizen = visit.citizen
    data = (
        CitizenInput(
            first_name=citizen.first_name,
            last_name=citizen.last_name,
            national_id=citizen.national_id,
            phone=citizen.phone,
            email=citizen.email,
            address=visit.address,
        )
        if citizen
        else CitizenInput()
    )
    registration = Registration(
        channel="field",
        description=item.description,
        subject_id=item.subject_id,
        neighbourhood_id=visit.neighbourhood_id,
        street_id=visit.street_id,
        address=visit.address,
        citizen=data,
    )
    return desk_register(user=user, registration=registration).case


def _done(user: AbstractBaseUser, visit: HomeVisit, record: VisitRecord) -> HomeVisit:
    taken = []
    for item in record.door_cases:
        if not item.description.strip():
            continue
        case = _door_case(user, visit, item)
        DoorApplication.objects.create(visit=visit, case=case)
        taken.append(case.tracking_number)
    visit.status = HomeVisit.Status.DONE
    visit.save(update_fields=["status", "outcome", "recorded_at", "recorded_by"])
    history.visit_done(
        visit.case_id,
        actor=user,
        outcome=visit.outcome,
        payload={"visit": visit.pk, "door_applications": taken},
    )
    if visit.case.status in OPEN_STATUSES:
        # The visit was the request: made, it is solved. The citizen hears it with the survey.
        resolution = visit.outcome
        if taken:
            resolution += "\n" + _("Applications taken at the door: %(numbers)s") % {
                "numbers": ", ".join(taken)
            }
        case_transition(
            case_id=visit.case_id,
            actor=None,
            request=TransitionRequest(action=Action.RESOLVE, text=resolution),
        )
    return visit


def next_open_slot(visit: HomeVisit, *, after: datetime) -> VisitSlot | None:
    """The earliest open slot with room, of the same team first, else of the home's region."""
    candidates = (
        VisitSlot.objects.filter(
            team__region_id=visit.neighbourhood.region_id,
            team__is_active=True,
            is_open=True,
            starts_at__gt=after,
            starts_at__lt=after + timedelta(days=RESCHEDULE_DAYS),
        )
        .annotate(booked=Count("visits", filter=Q(visits__status__in=BOOKED)))
        .order_by("starts_at")
    )
    rows = [slot for slot in candidates if slot.booked < slot.capacity]
    same_team = [s for s in rows if visit.slot and s.team_id == visit.slot.team_id]
    return (same_team or rows or [None])[0]


def _missed(user: AbstractBaseUser, visit: HomeVisit) -> HomeVisit:
    visit.status = HomeVisit.Status.MISSED
    visit.save(update_fields=["status", "outcome", "recorded_at", "recorded_by"])
    missed_event = history.visit_missed(
        visit.case_id, actor=user, reason=visit.outcome, payload={"visit": visit.pk}
    )
    again = HomeVisit.objects.create(
        municipality_id=visit.municipality_id,
        case_id=visit.case_id,
        citizen_id=visit.citizen_id,
        requested_by=visit.requested_by,
        requester_name=visit.requester_name,
        requester_phone=visit.requester_phone,
        neighbourhood_id=visit.neighbourhood_id,
        street_id=visit.street_id,
        address=visit.address,
        needs=visit.needs,
        previous=visit,
        created_at=timezone.now(),
    )
    slot = next_open_slot(visit, after=max(timezone.now(), visit.slot.ends_at))
    if slot is None:
        messages.tell_visit_missed_unplanned(visit, missed_event)
        return again
    _book(again, slot.pk, timezone.now())
    event = history.visit_rescheduled(
        visit.case_id,
        actor=user,
        window=_window_text(again.slot),
        payload={**_planned_payload(again), "missed_visit": visit.pk},
    )
    messages.tell_visit_rescheduled(visit, again, event)
    return again


def slots_open_days(
    *,
    user: AbstractBaseUser,
    team: VisitTeam,
    first_day: date,
    days: int,
    windows: list[tuple[time, time]],
    capacity: int = 2,
) -> int:
    """Open the calendar: the same windows on each working day (Mon–Fri) of the period.

    Rule: the PR manager and admins keep the calendar; an existing window is left as it is.
    Side effects: VisitSlot rows; returns how many were added.
    """
    profile = _profile(user, CALENDAR_ROLES, _("You are not allowed to change the calendar."))
    if team.municipality_id != profile.municipality_id:
        raise NotFound(_("This team was not found."))
    if not 1 <= days <= 62 or not windows or capacity < 1:
        raise ValidationFailed({"days": _("Open between 1 and 62 days with at least one window.")})
    added = 0
    for offset in range(days):
        day = first_day + timedelta(days=offset)
        if day.weekday() >= 5:
            continue
        for start, end in windows:
            _slot, created = VisitSlot.objects.get_or_create(
                team=team,
                starts_at=timezone.make_aware(datetime.combine(day, start)),
                defaults={
                    "ends_at": timezone.make_aware(datetime.combine(day, end)),
                    "capacity": capacity,
                },
            )
            added += created
    return added
