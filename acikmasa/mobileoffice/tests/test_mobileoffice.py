from datetime import time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from acikmasa.cases.events import EventKind
from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.common.errors import PermissionRefused, TransitionRefused, ValidationFailed
from acikmasa.desk.services import Registration

from ..models import StopApplication, Vehicle
from ..selectors import stop_figures, timetable_public
from ..services import stop_register, stop_schedule

pytestmark = pytest.mark.django_db
TCKN = "10000000146"


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def bus(town):
    return Vehicle.objects.create(municipality=town.municipality, name="Mobil ESTİM 1")


def schedule(town, bus, *, day=None, opens=time(10), closes=time(16), place="Cami önü"):
    return stop_schedule(
        user=town.users["pr"],
        vehicle=bus,
        neighbourhood=town.neighbourhoods["tuna"],
        place=place,
        day=day or timezone.localdate(),
        opens_at=opens,
        closes_at=closes,
    )


def registration(town, **extra) -> Registration:
    return Registration(
        channel="mobile_office",
        description="Parktaki salıncak kırık, çocuklar için tehlikeli.",
        subject_id=town.subjects["waste"].pk,
        citizen=CitizenInput(first_name="Ayşe", last_name="Kara", national_id=TCKN),
        **extra,
    )


def test_a_stop_takes_an_application_on_its_channel_with_its_place(town, bus):
    stop = schedule(town, bus)
    case = stop_register(
        user=town.users["desk"], stop_id=stop.pk, registration=registration(town)
    ).case
    assert case.channel.code == "mobile_office"
    assert case.neighbourhood == town.neighbourhoods["tuna"]  # the stop's mahalle by default
    created = case.events.get(kind=EventKind.CREATED)
    assert created.payload["extra"]["mobile_stop"] == {
        "id": stop.pk,
        "vehicle": "Mobil ESTİM 1",
        "place": "Cami önü",
        "neighbourhood": "Tuna",
    }
    assert StopApplication.objects.get(case=case).stop == stop


def test_the_channel_asks_for_the_id_card(town, bus):
    stop = schedule(town, bus)
    reg = registration(town)
    reg.citizen.national_id = ""
    with pytest.raises(ValidationFailed) as refused:
        stop_register(user=town.users["desk"], stop_id=stop.pk, registration=reg)
    assert "national_id" in refused.value.errors


def test_a_future_or_cancelled_or_old_stop_takes_nothing(town, bus):
    future = schedule(town, bus, day=timezone.localdate() + timedelta(days=3))
    old = schedule(town, bus, day=timezone.localdate() - timedelta(days=5))
    for stop in (future, old):
        with pytest.raises(TransitionRefused):
            stop_register(user=town.users["desk"], stop_id=stop.pk, registration=registration(town))
    assert not StopApplication.objects.exists()


def test_the_vehicle_is_in_one_place_at_a_time(town, bus):
    schedule(town, bus)
    with pytest.raises(ValidationFailed) as clash:
        schedule(town, bus, opens=time(15), closes=time(18), place="Pazar yeri")
    assert "opens_at" in clash.value.errors
    with pytest.raises(ValidationFailed):
        schedule(town, bus, opens=time(18), closes=time(17), place="Pazar yeri")


def test_only_the_pr_manager_keeps_the_timetable(town, bus):
    with pytest.raises(PermissionRefused):
        stop_schedule(
            user=town.users["desk"],
            vehicle=bus,
            neighbourhood=town.neighbourhoods["tuna"],
            place="x",
            day=timezone.localdate(),
            opens_at=time(9),
            closes_at=time(10),
        )


def test_the_portal_shows_published_stops_and_figures_count_per_stop(town, bus, client):
    today = schedule(town, bus)
    schedule(town, bus, day=timezone.localdate() + timedelta(days=2), place="Pazar yeri")
    hidden = schedule(town, bus, day=timezone.localdate() + timedelta(days=4), place="Gizli")
    hidden.is_published = False
    hidden.save()
    assert [s.place for s in timetable_public(municipality=town.municipality)] == [
        "Cami önü",
        "Pazar yeri",
    ]
    page = client.get(reverse("mobileoffice:timetable"))
    assert page.status_code == 200
    body = page.content.decode()
    assert "Pazar yeri" in body and "Gizli" not in body
    for _n in range(2):
        stop_register(user=town.users["desk"], stop_id=today.pk, registration=registration(town))
    rows = stop_figures(user=town.users["pr"], start=timezone.localdate(), end=timezone.localdate())
    assert [(r.stop.pk, r.applications, r.open) for r in rows] == [(today.pk, 2, 2)]


def test_staff_pages_render_and_the_form_registers_at_the_stop(town, bus, client):
    stop = schedule(town, bus)
    client.force_login(town.users["desk"])
    assert client.get(reverse("mobileoffice:stops")).status_code == 200
    url = reverse("mobileoffice:register", args=[stop.pk])
    assert client.get(url).status_code == 200
    posted = client.post(
        url,
        {
            "national_id": TCKN,
            "first_name": "Ali",
            "subject": town.subjects["waste"].pk,
            "description": "Konteyner taşıyor, alınması lazım.",
            "priority": 2,
        },
    )
    assert posted.status_code == 302
    assert StopApplication.objects.filter(stop=stop).count() == 1
    refused = client.post(url, {"first_name": "Ali", "priority": 2})
    assert refused.status_code == 400
    client.force_login(town.users["pr"])
    assert client.get(reverse("mobileoffice:figures")).status_code == 200
