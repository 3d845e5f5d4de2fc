"""Tracking: by number and phone digits or by the private link; the citizen answers and reopens."""

import pytest

from acikmasa.cases.lifecycle import Action, Status
from acikmasa.cases.models import Case
from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.cases.services.intake import case_submit
from acikmasa.cases.services.transitions import TransitionRequest, case_transition

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(town) -> Case:
    return case_submit(
        municipality=town.municipality,
        channel="web",
        subject="pothole",
        description="Çukur",
        citizen=CitizenInput(phone="05321234567"),
    ).case


def act(town, case, action, text="", user="fen_staff"):
    return case_transition(
        case_id=case.pk, actor=town.users[user], request=TransitionRequest(action, text=text)
    )


def test_number_and_last_four_digits_lead_to_the_case(client, case):
    response = client.post(
        "/basvuru/takip/", {"tracking_number": case.tracking_number, "phone_last4": "4567"}
    )
    assert response.status_code == 302 and response["Location"].endswith(
        f"/takip/{case.public_token}/"
    )


@pytest.mark.parametrize("digits", ["4568", "abcd", "456"])
def test_wrong_digits_do_not_reveal_the_case(client, case, digits):
    response = client.post(
        "/basvuru/takip/", {"tracking_number": case.tracking_number, "phone_last4": digits}
    )
    assert response.status_code == 400 and case.public_token not in response.content.decode()


def test_guessing_the_digits_is_rate_limited(client, case, monkeypatch):
    monkeypatch.setattr(
        "acikmasa.security.ratelimit._now", lambda: 1_800_000_010.0
    )  # one 10-minute window
    for i in range(10):
        client.post(
            "/basvuru/takip/", {"tracking_number": case.tracking_number, "phone_last4": f"{i:04d}"}
        )
    response = client.post(
        "/basvuru/takip/", {"tracking_number": case.tracking_number, "phone_last4": "4567"}
    )
    assert response.status_code == 429 and case.public_token not in response.content.decode()


def test_tracking_page_shows_answer_and_public_timeline_only(client, town, case):
    act(town, case, Action.NOTE, "iç not: vatandaş tanıdık")
    act(town, case, Action.ANSWER, "Ekibimiz yarın gelecek.")
    page = client.get(f"/basvuru/takip/{case.public_token}/").content.decode()
    assert "Ekibimiz yarın gelecek." in page and "iç not" not in page
    assert case.tracking_number in page
    assert client.get("/basvuru/takip/not-a-token/").status_code == 404


def test_deadline_is_shown_as_kept_after_an_early_resolution(client, town, case):
    act(town, case, Action.RESOLVE, "Çukur asfaltla kapatıldı.")
    page = client.get(f"/en/basvuru/takip/{case.public_token}/").content.decode()
    assert "kept" in page and "Not solved" in page


def test_citizen_answers_a_question_and_the_case_resumes(client, town, case):
    act(town, case, Action.ASK_CITIZEN, "Tam adres nedir?")
    page = client.get(f"/basvuru/takip/{case.public_token}/").content.decode()
    assert "Tam adres nedir?" in page
    client.post(f"/basvuru/takip/{case.public_token}/bilgi/", {"text": "Tuna Mah. 5. Sokak No 3"})
    case.refresh_from_db()
    assert case.status == Status.IN_PROGRESS
    event = case.events.order_by("-sequence").first()
    assert (
        event.kind == "resumed"
        and event.actor_kind == "citizen"
        and event.text == "Tuna Mah. 5. Sokak No 3"
    )


def test_not_solved_reopens_a_resolved_case(client, town, case):
    act(town, case, Action.RESOLVE, "Çukur asfaltla kapatıldı.")
    response = client.post(
        f"/basvuru/takip/{case.public_token}/cozulmedi/", {"text": "Çukur hâlâ orada."}, follow=True
    )
    case.refresh_from_db()
    assert case.status == Status.REOPENED
    assert case.events.order_by("-sequence").first().actor_kind == "citizen"
    assert "Çukur hâlâ orada." in response.content.decode()


def test_not_solved_on_an_open_case_is_refused(client, case):
    response = client.post(f"/basvuru/takip/{case.public_token}/cozulmedi/", {"text": "?"})
    case.refresh_from_db()
    assert response.status_code == 400 and case.status == Status.NEW and case.version == 2


def test_empty_reply_is_refused(client, town, case):
    act(town, case, Action.ASK_CITIZEN, "Tam adres nedir?")
    assert (
        client.post(f"/basvuru/takip/{case.public_token}/bilgi/", {"text": ""}).status_code == 400
    )
    case.refresh_from_db()
    assert case.status == Status.WAITING_CITIZEN


def test_citizen_cannot_resume_a_case_waiting_for_another_body(client, town, case):
    case_transition(
        case_id=case.pk,
        actor=town.users["fen_staff"],
        request=TransitionRequest(Action.WAIT_OTHER, text="Elektrik şirketinden cevap bekleniyor"),
    )
    response = client.post(f"/basvuru/takip/{case.public_token}/bilgi/", {"text": "Acele edin"})
    case.refresh_from_db()
    assert response.status_code == 400 and case.status == Status.WAITING_OTHER
