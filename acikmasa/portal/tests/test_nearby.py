"""Nearby open cases of the same subject, and adding one's voice instead of filing a duplicate."""

import pytest

from acikmasa.cases.lifecycle import Action
from acikmasa.cases.models import CaseEvent
from acikmasa.cases.services.intake import case_submit
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.portal.models import Supporter

pytestmark = pytest.mark.django_db


def make(town, lat, lng, subject="pothole", channel="web", **kw):
    return case_submit(
        municipality=town.municipality,
        channel=channel,
        subject=subject,
        description="Derin çukur var",
        latitude=lat,
        longitude=lng,
        **kw,
    ).case


def nearby(client, town, **query):
    return client.get(
        "/basvuru/yakindaki/", {"subject": town.subjects["pothole"].pk, **query}
    ).content.decode()


def test_only_open_cases_of_the_subject_within_the_radius_are_listed(client, town):
    close = make(town, 41.0410, 28.8770)
    far = make(town, 41.0600, 28.8770)  # about 2 km north
    other = make(town, 41.0411, 28.8771, subject="waste")
    done = make(town, 41.0411, 28.8771)
    case_transition(
        case_id=done.pk,
        actor=town.users["fen_staff"],
        request=TransitionRequest(Action.RESOLVE, text="Yapıldı, asfalt döküldü."),
    )
    page = nearby(client, town, lat="41.0412", lng="28.8772")
    assert close.tracking_number in page
    assert (
        far.tracking_number not in page
        and other.tracking_number not in page
        and done.tracking_number not in page
    )
    assert "Derin çukur var" in page


def test_mahalle_alone_finds_cases_there_and_agent_text_stays_hidden(client, town):
    case = make(town, None, None, channel="call_centre", neighbourhood=town.neighbourhoods["tuna"])
    page = nearby(client, town, mahalle=town.neighbourhoods["tuna"].pk)
    assert case.tracking_number in page and "Derin çukur var" not in page
    assert nearby(client, town, mahalle=town.neighbourhoods["birlik"].pk).strip() == ""


def test_adding_a_voice_records_a_supporter_and_an_event_once_per_browser(client, town):
    case = make(town, 41.041, 28.877)
    version = case.version
    first = client.post(f"/basvuru/destek/{case.pk}/")
    again = client.post(f"/basvuru/destek/{case.pk}/")
    assert first.status_code == again.status_code == 200
    assert Supporter.objects.filter(case=case).count() == 1
    events = CaseEvent.objects.filter(case=case, kind="supported")
    assert (
        events.count() == 1 and events.get().actor_kind == "citizen" and not events.get().is_public
    )
    case.refresh_from_db()
    assert case.version == version + 1
    from django.test import Client

    Client().post(f"/basvuru/destek/{case.pk}/")  # another browser
    assert Supporter.objects.filter(case=case).count() == 2


def test_a_closed_case_takes_no_support(client, town):
    case = make(town, 41.041, 28.877)
    case_transition(
        case_id=case.pk,
        actor=town.users["fen_staff"],
        request=TransitionRequest(Action.RESOLVE, text="Yapıldı, asfalt döküldü."),
    )
    client.post(f"/basvuru/destek/{case.pk}/")
    assert (
        not Supporter.objects.exists() and not CaseEvent.objects.filter(kind="supported").exists()
    )


def test_an_information_request_takes_no_support(client, town):
    from acikmasa.cases.services.citizens import CitizenInput

    case = make(
        town,
        41.041,
        28.877,
        case_type="information",
        citizen=CitizenInput(first_name="A", last_name="B", email="a@example.org"),
    )
    client.post(f"/basvuru/destek/{case.pk}/")
    assert not Supporter.objects.exists()
