from datetime import timedelta

import pytest
from django.utils import timezone

from acikmasa.cases.events import EventKind
from acikmasa.cases.lifecycle import Status
from acikmasa.cases.models import Case
from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.common.errors import PermissionRefused, ValidationFailed
from acikmasa.notify.models import Notification

from ..models import DoorApplication, HomeVisit
from ..services import DoorCase, VisitRecord, VisitRequest, visit_plan, visit_record, visit_request

pytestmark = pytest.mark.django_db


def request_for(visits, **overrides) -> VisitRequest:
    data = {
        "citizen": CitizenInput(
            first_name="Hatice", last_name="Yıldız", phone="0532 111 22 33", contact_consent=True
        ),
        "neighbourhood_id": visits.town.neighbourhoods["birlik"].pk,
        "address": "Atatürk Cad. No: 5 Daire 3",
        "needs": "Yatağa bağlı, evde bakım ve tekerlekli sandalye başvurusu yapmak istiyor.",
        "requested_by": HomeVisit.RequestedBy.RELATIVE,
        "requester_name": "Oğlu Mehmet Yıldız",
    }
    data.update(overrides)
    return VisitRequest(**data)


def kinds(case: Case) -> list[str]:
    return list(case.events.order_by("sequence").values_list("kind", flat=True))


def test_call_centre_registers_a_visit_request_as_a_case_of_the_service(visits):
    visit = visit_request(user=visits.town.users["caller"], data=request_for(visits))
    case = visit.case
    assert case.subject == visits.subject
    assert case.channel.code == "call_centre"
    assert visit.status == HomeVisit.Status.REQUESTED
    assert case.events.get(kind=EventKind.CREATED).payload["extra"]["home_visit"] == {
        "requested_by": "relative",
        "requester": "Oğlu Mehmet Yıldız",
    }


def test_a_relative_must_give_a_name_and_the_person_visited_a_phone(visits):
    with pytest.raises(ValidationFailed) as refused:
        visit_request(
            user=visits.town.users["caller"],
            data=request_for(visits, requester_name="", citizen=CitizenInput(first_name="A")),
        )
    assert set(refused.value.errors) >= {"requester_name", "phone"}
    assert not Case.objects.exists()


def test_a_directorate_worker_cannot_register_a_visit(visits):
    with pytest.raises(PermissionRefused):
        visit_request(user=visits.town.users["fen_staff"], data=request_for(visits))


def test_planning_books_the_slot_tells_the_citizen_and_refuses_a_full_one(visits):
    caller = visits.town.users["caller"]
    first = visit_request(user=caller, data=request_for(visits))
    second = visit_request(user=caller, data=request_for(visits))
    visit_plan(user=caller, visit_id=first.pk, slot_id=visits.slots[0].pk)
    first.refresh_from_db()
    assert first.status == HomeVisit.Status.PLANNED and first.slot == visits.slots[0]
    planned = first.case.events.get(kind=EventKind.VISIT_PLANNED)
    assert planned.is_public and planned.payload["slot"] == visits.slots[0].pk
    told = Notification.objects.get(case=first.case, source_event=planned.pk)
    assert "10:00" in told.text and "12:00" in told.text
    with pytest.raises(ValidationFailed) as full:
        visit_plan(user=caller, visit_id=second.pk, slot_id=visits.slots[0].pk)
    assert "full" in full.value.errors["slot"] or "dolu" in full.value.errors["slot"]


def test_a_team_of_another_region_cannot_be_booked(visits):
    caller = visits.town.users["caller"]
    visit = visit_request(user=caller, data=request_for(visits))
    south_slot = visits.other_team.slots.get()
    with pytest.raises(ValidationFailed):
        visit_plan(user=caller, visit_id=visit.pk, slot_id=south_slot.pk)


def _planned(visits):
    caller = visits.town.users["caller"]
    visit = visit_request(user=caller, data=request_for(visits))
    return visit_plan(user=caller, visit_id=visit.pk, slot_id=visits.slots[0].pk)


def test_a_visit_made_resolves_the_request_and_door_applications_become_field_cases(visits):
    visit = _planned(visits)
    record = VisitRecord(
        done=True,
        text="Evde bakım formu dolduruldu, sandalye ölçüsü alındı.",
        door_cases=[
            DoorCase("Sokağın başındaki lamba yanmıyor.", visits.town.subjects["street_light"].pk)
        ],
    )
    done = visit_record(user=visits.town.users["field"], visit_id=visit.pk, record=record)
    assert done.status == HomeVisit.Status.DONE
    door = DoorApplication.objects.get(visit=done).case
    assert door.channel.code == "field" and door.citizen_id == visit.citizen_id
    assert door.subject == visits.town.subjects["street_light"]
    case = Case.objects.get(pk=visit.case_id)
    assert case.status == Status.RESOLVED
    assert kinds(case)[-2:] == [EventKind.VISIT_DONE, EventKind.RESOLVED]
    made = case.events.get(kind=EventKind.VISIT_DONE)
    assert made.payload["door_applications"] == [door.tracking_number]
    assert door.tracking_number in case.events.get(kind=EventKind.RESOLVED).text


def test_a_missed_visit_is_rescheduled_to_the_next_free_slot_and_the_citizen_told(visits):
    visit = _planned(visits)
    again = visit_record(
        user=visits.town.users["field"],
        visit_id=visit.pk,
        record=VisitRecord(done=False, text="Kapı açılmadı, telefona cevap yok."),
    )
    visit.refresh_from_db()
    assert visit.status == HomeVisit.Status.MISSED
    assert again.previous == visit and again.status == HomeVisit.Status.PLANNED
    assert again.slot == visits.slots[1]
    case = Case.objects.get(pk=visit.case_id)
    assert kinds(case)[-2:] == [EventKind.VISIT_MISSED, EventKind.VISIT_RESCHEDULED]
    assert not case.events.get(kind=EventKind.VISIT_MISSED).is_public
    moved = case.events.get(kind=EventKind.VISIT_RESCHEDULED)
    text = Notification.objects.get(source_event=moved.pk).text
    assert (timezone.localtime(visits.slots[1].starts_at).strftime("%H:%M")) in text
    assert case.status not in (Status.RESOLVED, Status.CLOSED)


def test_a_missed_visit_without_a_free_slot_waits_and_the_citizen_is_asked_to_agree_a_day(visits):
    for slot in visits.slots[1:]:
        slot.is_open = False
        slot.save()
    visit = _planned(visits)
    again = visit_record(
        user=visits.town.users["field"],
        visit_id=visit.pk,
        record=VisitRecord(done=False, text="Hasta hastanede, ziyaret yapılamadı."),
    )
    assert again.status == HomeVisit.Status.REQUESTED and again.slot is None
    missed = visit.case.events.get(kind=EventKind.VISIT_MISSED)
    assert Notification.objects.filter(source_event=missed.pk).exists()


def test_only_the_visiting_team_records_and_only_once(visits):
    visit = _planned(visits)
    record = VisitRecord(done=True, text="Ziyaret yapıldı, talep dinlendi.")
    with pytest.raises(PermissionRefused):
        visit_record(user=visits.town.users["field_south"], visit_id=visit.pk, record=record)
    visit_record(user=visits.town.users["field"], visit_id=visit.pk, record=record)
    with pytest.raises(Exception) as again:
        visit_record(user=visits.town.users["field"], visit_id=visit.pk, record=record)
    assert "planned" in str(again.value) or "planlanmış" in str(again.value)


def test_a_slot_that_has_begun_cannot_be_booked(visits):
    caller = visits.town.users["caller"]
    visit = visit_request(user=caller, data=request_for(visits))
    slot = visits.slots[0]
    slot.starts_at = timezone.now() - timedelta(minutes=5)
    slot.save()
    with pytest.raises(ValidationFailed):
        visit_plan(user=caller, visit_id=visit.pk, slot_id=slot.pk)
