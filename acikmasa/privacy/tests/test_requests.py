"""Data-subject requests: verification by a one-time code, a case with a 30-day limit, export,
correction and deletion."""

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from acikmasa.cases.models import Case, Citizen
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.common.errors import PermissionRefused, ValidationFailed
from acikmasa.deadlines.calculator import compute_due_at
from acikmasa.privacy.models import AccessLog, DeletionLog, SubjectRequest, VerificationCode
from acikmasa.privacy.services.requests import (
    dsr_code_check,
    dsr_code_send,
    dsr_correct,
    dsr_erase,
    dsr_setup,
    dsr_submit,
)

from .conftest import submit


@pytest.fixture
def kvkk(town):
    return dsr_setup(municipality=town.municipality, directorate=town.directorates["fen"])


def sent_code(settings) -> str:
    lines = (Path(settings.ACIKMASA_NOTIFY_FILE_DIR) / "sms.jsonl").read_text().splitlines()
    return re.search(r"\b(\d{6})\b", json.loads(lines[-1])["text"]).group(1)


def test_setup_is_idempotent_and_the_request_gets_30_calendar_days(town, kvkk):
    assert dsr_setup(municipality=town.municipality, directorate=town.directorates["fen"]) == kvkk
    case = submit(town)
    made = dsr_submit(citizen=case.citizen, kind="access", text="", verified="code")
    request_case = made.case
    assert request_case.subject == kvkk and request_case.service_standard.deadline_amount == 30
    # 30 calendar days (Art. 13), ending like every legal deadline at the end of a working day.
    assert request_case.due_at == compute_due_at(
        request_case.created_at, 30, "calendar_days", municipality=town.municipality, statutory=True
    )
    assert timedelta(days=30) <= request_case.due_at - request_case.created_at < timedelta(days=34)
    assert request_case.citizen_id == case.citizen_id and made.citizen_id == case.citizen_id
    created = request_case.events.get(kind="created")
    assert created.payload["extra"]["kvkk_request"] == {
        "kind": "access",
        "verified": "code",
        "citizen": case.citizen_id,
    }


def test_bad_requests_are_refused_and_nothing_is_written(town, kvkk):
    case = submit(town)
    before = Case.objects.count()
    with pytest.raises(ValidationFailed) as refused:
        dsr_submit(citizen=case.citizen, kind="everything", text="x" * 5000, verified="code")
    assert set(refused.value.errors) == {"kind", "text"}
    with pytest.raises(ValidationFailed):
        dsr_submit(citizen=case.citizen, kind="deletion", text=" ", verified="code")
    assert Case.objects.count() == before and not SubjectRequest.objects.exists()


def test_without_the_subject_set_up_a_request_is_refused_clearly(town):
    case = submit(town)
    with pytest.raises(ValidationFailed) as refused:
        dsr_submit(citizen=case.citizen, kind="access", text="", verified="code")
    assert "subject" in refused.value.errors


def test_code_goes_only_to_the_contact_on_record_and_works_once(
    town, kvkk, settings, django_capture_on_commit_callbacks
):
    case = submit(town)
    assert (
        dsr_code_send(
            municipality=town.municipality,
            tracking_number=case.tracking_number,
            contact="0532 999 99 99",
        )
        is None
    )
    assert (
        dsr_code_send(
            municipality=town.municipality, tracking_number="2026-999999", contact="05321234567"
        )
        is None
    )
    with django_capture_on_commit_callbacks(execute=True):
        row = dsr_code_send(
            municipality=town.municipality,
            tracking_number=case.tracking_number,
            contact="0532 123 45 67",
        )
    code = sent_code(settings)
    assert row.sent_to == "phone" and code not in row.code_hash
    wrong = "000000" if code != "000000" else "111111"
    assert (
        dsr_code_check(
            municipality=town.municipality, tracking_number=case.tracking_number, code=wrong
        )
        is None
    )
    assert (
        dsr_code_check(
            municipality=town.municipality, tracking_number=case.tracking_number, code=code
        )
        == case
    )
    assert (
        dsr_code_check(
            municipality=town.municipality, tracking_number=case.tracking_number, code=code
        )
        is None
    )


def test_guessing_runs_out_after_five_tries(
    town, kvkk, settings, django_capture_on_commit_callbacks
):
    case = submit(town)
    with django_capture_on_commit_callbacks(execute=True):
        dsr_code_send(
            municipality=town.municipality,
            tracking_number=case.tracking_number,
            contact="+905321234567",
        )
    code = sent_code(settings)
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        dsr_code_check(
            municipality=town.municipality, tracking_number=case.tracking_number, code=wrong
        )
    assert (
        dsr_code_check(
            municipality=town.municipality, tracking_number=case.tracking_number, code=code
        )
        is None
    )
    assert VerificationCode.objects.get().attempts == 5


def test_online_request_flow_end_to_end(town, kvkk, settings, django_capture_on_commit_callbacks):
    case = submit(town)
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("privacy:request_start"),
            {"tracking_number": case.tracking_number, "contact": "0532 123 45 67"},
        )
    assert response.status_code == 302
    assert client.post(reverse("privacy:request_verify"), {"code": "12"}).status_code == 400
    assert (
        client.post(reverse("privacy:request_verify"), {"code": sent_code(settings)}).status_code
        == 302
    )
    done = client.post(
        reverse("privacy:request_form"), {"kind": "access", "text": "Hakkımdaki bütün kayıtlar."}
    )
    made = SubjectRequest.objects.get()
    assert done.status_code == 200 and made.case.tracking_number in done.content.decode()
    assert (made.kind, made.verified, made.citizen_id) == ("access", "code", case.citizen_id)
    assert (
        client.get(reverse("privacy:request_form")).status_code == 302
    )  # the verification is used up


def test_the_request_page_without_verification_goes_back_to_the_start(town, kvkk):
    assert Client().post(reverse("privacy:request_form"), {"kind": "access"}).status_code == 302
    assert not SubjectRequest.objects.exists()


def test_export_holds_cases_consents_and_access_and_is_logged_with_its_reason(town, kvkk):
    case = submit(town, channel="web", consent=True)
    case_transition(
        case_id=case.pk,
        actor=town.users["fen_staff"],
        request=TransitionRequest(action="note", text="İç not: gizli"),
    )
    made = dsr_submit(citizen=case.citizen, kind="access", text="", verified="code")
    client = Client()
    client.force_login(town.users["pr"])
    response = client.get(
        reverse("privacy:export", args=[case.citizen_id, "json"]), {"request": made.pk}
    )
    data = json.loads(response.content)
    assert data["citizen"]["phone"] == "+905321234567"
    assert [c["tracking_number"] for c in data["cases"]] == [
        case.tracking_number,
        made.case.tracking_number,
    ]
    assert (
        "İç not: gizli" not in response.content.decode()
    )  # internal notes are not the citizen's history
    assert {c["purpose"] for c in data["consents"]} and data["cases"][0]["history"][0][
        "kind"
    ] == "created"
    log = AccessLog.objects.get(action="exported")
    assert (log.citizen_id, log.case_id, log.user) == (
        case.citizen_id,
        made.case_id,
        town.users["pr"],
    )
    page = client.get(reverse("privacy:export", args=[case.citizen_id, "html"]))
    assert page.status_code == 200 and case.tracking_number in page.content.decode()
    again = json.loads(
        client.get(reverse("privacy:export", args=[case.citizen_id, "json"])).content
    )
    assert [(a["staff"], a["case"]) for a in again["access_log"]] == [
        ("Pr", None),
        ("Pr", made.case.tracking_number),
    ]


def test_correction_checks_values_like_intake_and_notes_the_fields(town, kvkk):
    case = submit(town)
    made = dsr_submit(
        citizen=case.citizen, kind="correction", text="Telefonum değişti.", verified="code"
    )
    with pytest.raises(ValidationFailed):
        dsr_correct(
            user=town.users["pr"],
            request_id=made.pk,
            changes={"phone": "12", "national_id": "12345678901"},
        )
    assert Citizen.objects.get(pk=case.citizen_id).phone == "+905321234567"
    assert dsr_correct(
        user=town.users["pr"], request_id=made.pk, changes={"phone": "0533 111 22 33"}
    ) == ["phone"]
    assert Citizen.objects.get(pk=case.citizen_id).phone == "+905331112233"
    note = made.case.events.get(kind="note_added")
    assert note.text.endswith("phone.") and "533" not in note.text
    with pytest.raises(PermissionRefused):
        dsr_correct(
            user=town.users["fen_staff"], request_id=made.pk, changes={"phone": "0533 111 22 44"}
        )


def test_deletion_anonymises_ended_cases_and_leaves_open_ones(town, kvkk):
    ended = submit(town)
    staff = town.users["fen_staff"]
    for action, text in (("resolve", "Çukur kapatıldı, asfalt döküldü."), ("close", "")):
        case_transition(
            case_id=ended.pk,
            actor=staff if action == "resolve" else town.users["fen_manager"],
            request=TransitionRequest(action=action, text=text),
        )
    still_open = submit(town, description="Hâlâ açık olan çukur")
    made = dsr_submit(
        citizen=ended.citizen, kind="deletion", text="Verilerimi silin.", verified="code"
    )
    assert dsr_erase(user=town.users["admin"], request_id=made.pk) == (1, 1)
    log = DeletionLog.objects.get()
    assert (log.case_id, log.reason, log.request_case_id, log.done_by) == (
        ended.pk,
        "request",
        made.case_id,
        town.users["admin"],
    )
    assert Case.objects.get(pk=ended.pk).citizen.phone == ""
    assert Case.objects.get(pk=still_open.pk).citizen.phone == "+905321234567"
    assert "1" in made.case.events.get(kind="note_added").text
    assert dsr_erase(user=town.users["admin"], request_id=made.pk) == (
        0,
        1,
    )  # again: nothing more to do


def test_a_request_typed_in_at_the_desk_is_tracked_as_id_card_verified(town, kvkk):
    case = submit(
        town, subject=kvkk.code, actor=town.users["desk"], national_id="10000000146", channel="desk"
    )
    made = SubjectRequest.objects.get(case=case)
    assert (made.verified, made.kind) == ("id_card", "access")


def test_code_requests_from_one_address_stop_after_five_in_ten_minutes(
    town, kvkk, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(
        "acikmasa.security.ratelimit._now", lambda: 1_800_000_000.0
    )  # one window, held
    case = submit(town)
    client = Client()
    form = {"tracking_number": case.tracking_number, "contact": "0532 123 45 67"}
    with django_capture_on_commit_callbacks(execute=True):
        answers = [client.post(reverse("privacy:request_start"), form) for _ in range(6)]
    assert [a.status_code for a in answers] == [302] * 5 + [400]
    assert "Çok fazla deneme" in answers[-1].content.decode()
    sent = VerificationCode.objects.count()
    client.post(reverse("privacy:request_start"), form)
    assert VerificationCode.objects.count() == sent  # a refused request sends nothing
