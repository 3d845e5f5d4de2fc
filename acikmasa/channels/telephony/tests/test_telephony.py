import json

import pytest
from django.urls import reverse

from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.cases.services.intake import case_submit
from acikmasa.channels.models import Call, InboundMessage

pytestmark = pytest.mark.django_db
URL = "/hooks/telephony/"


def event(client, secret="demo-telephony-secret", **data):
    body = json.dumps(data).encode()
    return client.post(
        URL, data=body, content_type="application/json", HTTP_X_ACIKMASA_SECRET=secret
    )


def call_flow(client, town, call_id="pbx-1001"):
    event(
        client,
        event="ringing",
        call_id=call_id,
        caller="0532 123 45 67",
        called="4440000",
        at="2026-11-24T10:00:00+03:00",
    )
    event(
        client,
        event="answered",
        call_id=call_id,
        agent=town.users["caller"].username,
        at="2026-11-24T10:00:07+03:00",
    )
    return Call.objects.get(call_id=call_id)


def test_call_events_are_stored_and_follow_the_call(client, town):
    call = call_flow(client, town)
    assert (call.caller, call.status, call.agent) == (
        "+905321234567",
        "answered",
        town.users["caller"],
    )
    event(client, event="hangup", call_id="pbx-1001", at="2026-11-24T10:04:00+03:00")
    call.refresh_from_db()
    assert call.status == "ended" and (call.ended_at - call.answered_at).seconds == 233
    assert InboundMessage.objects.filter(channel="telephony", outcome="event").count() == 3


def test_repeated_events_are_stored_once(client, town):
    for _ in range(3):
        event(client, event="ringing", call_id="pbx-2", caller="05321234567")
    assert InboundMessage.objects.count() == 1 and Call.objects.count() == 1


def test_hangup_before_the_answer_event_still_ends_the_call(client, town):
    event(
        client,
        event="ringing",
        call_id="pbx-3",
        caller="05321234567",
        at="2026-11-24T10:00:00+03:00",
    )
    event(client, event="hangup", call_id="pbx-3", at="2026-11-24T10:01:00+03:00")
    event(
        client, event="answered", call_id="pbx-3", extension="201", at="2026-11-24T10:00:05+03:00"
    )
    assert Call.objects.get().status == "ended"


def test_agent_found_by_extension(client, town):
    profile = town.users["caller"].staff
    profile.phone = "201"
    profile.save()
    event(client, event="ringing", call_id="pbx-4", caller="05321234567")
    event(client, event="answered", call_id="pbx-4", extension="201")
    assert Call.objects.get().agent == town.users["caller"]


@pytest.mark.parametrize(
    "data, status",
    [
        ({"event": "transferred", "call_id": "x"}, 422),
        ({"event": "ringing", "call_id": ""}, 400),
        ({"event": "ringing", "call_id": "x"}, 400),
        ({"event": "hangup", "call_id": "x", "at": "yesterday"}, 400),
    ],
)
def test_bad_call_events_are_refused(client, town, data, status):
    response = event(client, **data)
    assert response.status_code == status and response.json()["ok"] is False
    assert Call.objects.count() == 0


def test_wrong_secret_is_refused(client, town):
    assert (
        event(client, secret="x", event="ringing", call_id="1", caller="05321234567").status_code
        == 403
    )


def test_agent_sees_the_callers_history(client, town):
    case = case_submit(
        municipality=town.municipality,
        channel="call_centre",
        description="Çöp alınmadı",
        subject="waste",
        citizen=CitizenInput(first_name="Ayşe", last_name="Yılmaz", phone="05321234567"),
    ).case
    call = call_flow(client, town)
    client.force_login(town.users["caller"])
    data = client.get(reverse("channels:call_history", args=[call.pk])).json()
    assert data["call"]["caller"] == "+905321234567"
    assert [c["tracking_number"] for c in data["cases"]] == [case.tracking_number]
    assert data["citizens"][0]["name"] == "Ayşe Yılmaz"
    page = client.get(reverse("channels:call_screen"))
    assert (
        case.tracking_number in page.content.decode() and "+905321234567" in page.content.decode()
    )


def test_directorate_staff_cannot_read_call_history(client, town):
    call = call_flow(client, town)
    client.force_login(town.users["temizlik_staff"])
    assert client.get(reverse("channels:call_history", args=[call.pk])).status_code == 404


def test_history_is_scoped_to_the_agents_municipality(client, town):
    from acikmasa.common.testing import make_town

    call = call_flow(client, town)
    other = make_town("baskakent")
    client.force_login(other.users["caller"])
    assert client.get(reverse("channels:call_history", args=[call.pk])).status_code == 404
