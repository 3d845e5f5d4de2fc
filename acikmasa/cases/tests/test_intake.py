"""`case_submit`: one door, validated before writing, idempotent per (channel, external id)."""

import hashlib
import threading
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection

from acikmasa.cases.events import EventKind
from acikmasa.cases.models import Attachment, Case, CaseEvent, CaseType, Citizen
from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.cases.services.intake import MAX_ATTACHMENT_BYTES, IncomingFile, case_submit
from acikmasa.common.errors import ValidationFailed
from acikmasa.common.identity import tckn_check_digits
from acikmasa.common.testing import make_town
from acikmasa.directory.models import Channel

from .helpers import row_counts, submit

ISTANBUL = ZoneInfo("Europe/Istanbul")
MONDAY = datetime(2026, 3, 2, 10, 0, tzinfo=ISTANBUL)  # an ordinary working Monday
TCKN = "10000000146"
TCKN_2 = "123456789" + tckn_check_digits("123456789")
IDENTIFIED = CitizenInput(first_name="Ayşe", last_name="Yılmaz", address="Birlik Mah. 5. Sok. No 3")


def test_the_same_channel_message_submitted_three_times_gives_one_case(town):
    # when a channel retries the same message three times
    results = [submit(town, channel="whatsapp", external_id="wamid.123") for _ in range(3)]
    # then one case with one set of first events
    assert len({case.pk for case in results}) == 1
    assert Case.objects.filter(external_id="wamid.123").count() == 1
    assert list(results[0].events.values_list("kind", flat=True)) == [
        EventKind.CREATED,
        EventKind.ROUTED,
    ]


def test_a_retry_reports_that_it_did_not_create(town):
    first = case_submit(
        municipality=town.municipality, channel="sms", description="Çöp alınmadı", external_id="m-1"
    )
    again = case_submit(
        municipality=town.municipality, channel="sms", description="Çöp alınmadı", external_id="m-1"
    )
    assert first.created and not again.created and again.case.pk == first.case.pk


def test_the_same_external_id_on_another_channel_is_another_case(town):
    a = submit(town, channel="sms", external_id="42")
    b = submit(town, channel="email", external_id="42")
    assert a.pk != b.pk


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_concurrent_submissions_of_one_message_give_one_case():
    town = make_town()
    barrier = threading.Barrier(4)
    results: list[object] = []

    def send() -> None:
        try:
            barrier.wait(timeout=10)
            results.append(submit(town, channel="whatsapp", external_id="wamid.race").pk)
        except Exception as error:
            results.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(results) == 4 and all(isinstance(r, int) for r in results), results
    assert len(set(results)) == 1
    assert Case.objects.filter(external_id="wamid.race").count() == 1
    assert CaseEvent.objects.filter(case_id=results[0]).count() == 2


BAD_INPUTS = [
    ({"channel": "pigeon"}, "channel"),
    ({"subject": "no_such_subject"}, "subject"),
    ({"neighbourhood": 999_999}, "neighbourhood"),
    ({"neighbourhood": "Atlantis"}, "neighbourhood"),
    ({"street": 999_999}, "street"),
    ({"description": ""}, "description"),
    ({"description": "   \n "}, "description"),
    ({"description": "ç" * 10_001}, "description"),
    ({"latitude": 41.05}, "location"),
    ({"longitude": 28.9}, "location"),
    ({"latitude": 91.0, "longitude": 28.9}, "location"),
    ({"latitude": 41.0, "longitude": -180.5}, "location"),
    ({"latitude": "kuzey", "longitude": 28.9}, "location"),
    ({"latitude": float("nan"), "longitude": 28.9}, "location"),
    ({"case_type": "lament"}, "case_type"),
    ({"priority": 9}, "priority"),
    ({"external_id": "x" * 201}, "external_id"),
    ({"citizen": CitizenInput(national_id="10000000147")}, "national_id"),
    ({"citizen": CitizenInput(national_id="01234567890")}, "national_id"),
    ({"citizen": CitizenInput(phone="123")}, "phone"),
    ({"citizen": CitizenInput(phone="telefonum yok")}, "phone"),
    ({"citizen": CitizenInput(email="ayse@")}, "email"),
    ({"citizen": CitizenInput(first_name="A" * 101)}, "first_name"),
    ({"citizen": CitizenInput(birth_year=1850)}, "birth_year"),
    ({"citizen": CitizenInput(birth_year="bin dokuz yüz")}, "birth_year"),
    ({"subject": True}, "subject"),
    ({"case_type": CaseType.INFORMATION}, "citizen"),
    ({"case_type": CaseType.INFORMATION, "citizen": CitizenInput(first_name="Ayşe")}, "citizen"),
    ({"attachments": [IncomingFile("bos.jpg", b"")]}, "attachments"),
    ({"attachments": [IncomingFile("dev.jpg", b"0" * (MAX_ATTACHMENT_BYTES + 1))]}, "attachments"),
]


@pytest.mark.parametrize(
    ("bad", "field"), BAD_INPUTS, ids=[f"{f}-{i}" for i, (_, f) in enumerate(BAD_INPUTS)]
)
def test_bad_input_is_refused_with_a_field_error_and_writes_nothing(
    town, settings, tmp_path, bad, field
):
    settings.MEDIA_ROOT = tmp_path
    submit(town)  # the tables are not empty, so "nothing written" is not trivially true
    before = row_counts()
    with pytest.raises(ValidationFailed) as failed:
        submit(town, **bad)
    assert field in failed.value.errors and failed.value.errors[field].strip()
    assert row_counts() == before
    assert not any(tmp_path.rglob("*.*"))


def test_a_street_outside_the_chosen_neighbourhood_is_refused(town):
    before = row_counts()
    with pytest.raises(ValidationFailed) as failed:
        submit(
            town, neighbourhood=town.neighbourhoods["tuna"].pk, street=town.streets["ataturk"].pk
        )
    assert "street" in failed.value.errors and row_counts() == before


def test_an_inactive_channel_is_refused(town):
    Channel.objects.filter(code="sms").update(is_active=False)
    with pytest.raises(ValidationFailed) as failed:
        submit(town, channel="sms")
    assert "channel" in failed.value.errors


def test_another_municipalitys_subject_and_street_are_unknown_here(town):
    other = make_town("baskakent")
    before = row_counts()
    with pytest.raises(ValidationFailed) as failed:
        submit(town, subject=other.subjects["pothole"], street=other.streets["ataturk"].pk)
    assert {"subject", "street"} <= set(failed.value.errors) and row_counts() == before


def test_all_problems_are_reported_at_once(town):
    with pytest.raises(ValidationFailed) as failed:
        submit(town, channel="pigeon", description="", citizen=CitizenInput(phone="1"))
    assert {"channel", "description", "phone"} <= set(failed.value.errors)


def test_tracking_numbers_are_sequential_per_year_and_tokens_unique_and_long(town):
    cases = [submit(town, received_at=MONDAY + timedelta(minutes=i)) for i in range(3)]
    cases.append(submit(town, received_at=datetime(2027, 1, 1, 0, 30, tzinfo=ISTANBUL)))
    # 31 December 23:30 UTC is already 1 January in Istanbul: the local year counts
    cases.append(submit(town, received_at=datetime(2027, 12, 31, 21, 30, tzinfo=ZoneInfo("UTC"))))
    assert [c.tracking_number for c in cases] == [
        "2026-000001",
        "2026-000002",
        "2026-000003",
        "2027-000001",
        "2028-000001",
    ]
    tokens = [c.public_token for c in cases]
    assert len(set(tokens)) == len(tokens) and all(len(t) >= 32 for t in tokens)


def test_tracking_numbers_are_per_municipality(town):
    other = make_town("baskakent")
    a = submit(town, received_at=MONDAY)
    b = submit(other, received_at=MONDAY)
    assert a.tracking_number == b.tracking_number == "2026-000001"


def test_the_subject_routes_the_case_to_its_directorate(town):
    case = submit(town, subject="waste")
    routed = case.events.get(kind=EventKind.ROUTED)
    assert case.directorate == town.directorates["temizlik"]
    assert routed.payload["directorate"] == town.directorates["temizlik"].pk
    assert case.case_type == CaseType.REQUEST


def test_a_case_without_subject_waits_unrouted(town):
    case = submit(town, subject=None)
    assert case.directorate is None
    assert list(case.events.values_list("kind", flat=True)) == [EventKind.CREATED]


@pytest.mark.parametrize(
    ("channel", "case_type", "subject", "standard", "at_least", "at_most"),
    [
        ("call_centre", None, "waste", "call", timedelta(days=14), timedelta(days=16)),
        ("cimer", None, "waste", "cimer", timedelta(days=29), timedelta(days=31)),
        ("web", CaseType.INFORMATION, "waste", "info", timedelta(days=19), timedelta(days=24)),
        ("cimer", CaseType.INFORMATION, "waste", "info", timedelta(days=19), timedelta(days=24)),
        ("cimer", None, "pothole", "fast", timedelta(hours=47), timedelta(hours=49)),
        (
            "information_request",
            CaseType.INFORMATION,
            "pothole",
            "fast",
            timedelta(hours=47),
            timedelta(hours=49),
        ),
        ("web", None, "waste", None, None, None),
    ],
)
def test_the_strictest_applicable_service_standard_sets_the_due_time(
    town, channel, case_type, subject, standard, at_least, at_most
):
    citizen = IDENTIFIED if case_type == CaseType.INFORMATION else None
    case = submit(
        town,
        channel=channel,
        case_type=case_type,
        subject=subject,
        citizen=citizen,
        received_at=MONDAY,
    )
    if standard is None:
        assert case.service_standard is None and case.due_at is None
        return
    assert case.service_standard == town.standards[standard]
    assert at_least <= case.due_at - MONDAY <= at_most
    assert (
        case.events.get(kind=EventKind.CREATED).payload["service_standard"]
        == town.standards[standard].pk
    )


def test_an_information_request_with_name_and_address_is_accepted(town):
    case = submit(
        town, channel="information_request", case_type=CaseType.INFORMATION, citizen=IDENTIFIED
    )
    assert case.case_type == CaseType.INFORMATION and case.citizen.full_name == "Ayşe Yılmaz"


def test_the_citizen_is_found_again_by_national_id_then_by_phone(town):
    first = submit(town, citizen=CitizenInput(national_id=TCKN, phone="0532 123 45 67")).citizen
    # same ID, another phone: the same person, the record keeps its phone
    by_id = submit(
        town, citizen=CitizenInput(national_id=TCKN, phone="0533 765 43 21", email="a@example.org")
    ).citizen
    # no ID, the same phone written another way: the same person
    by_phone = submit(town, citizen=CitizenInput(phone="+90 532 123 4567")).citizen
    assert first.pk == by_id.pk == by_phone.pk
    by_id.refresh_from_db()
    assert by_id.phone == "+905321234567" and by_id.email == "a@example.org"
    # another ID with the same phone is someone else (a shared family phone)
    stranger = submit(town, citizen=CitizenInput(national_id=TCKN_2, phone="05321234567")).citizen
    assert stranger.pk != first.pk
    assert Citizen.objects.count() == 2


def test_an_anonymous_application_has_no_citizen(town):
    assert submit(town).citizen is None and Citizen.objects.count() == 0


def test_citizens_of_another_municipality_are_not_matched(town):
    other = make_town("baskakent")
    a = submit(town, citizen=CitizenInput(national_id=TCKN)).citizen
    b = submit(other, citizen=CitizenInput(national_id=TCKN)).citizen
    assert a.pk != b.pk


def test_attachments_store_their_sha256_and_size(town, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    content = b"\x89PNG\r\n\x1a\n fotograf" * 100  # the type stored is the one the bytes show
    case = submit(
        town, attachments=[IncomingFile("çukur.png", content, "image/png", is_public=True)]
    )
    attachment = Attachment.objects.get(case=case)
    assert attachment.sha256 == hashlib.sha256(content).hexdigest()
    assert attachment.size == len(content) and attachment.content_type == "image/png"
    assert attachment.original_name == "çukur.png" and attachment.is_public
    with attachment.file.open("rb") as stored:
        assert stored.read() == content


def test_text_fields_are_stored_trimmed(town):
    case = submit(town, description="  Çukur var  \n", address="  Atatürk Cd. ")
    assert case.description == "Çukur var" and case.address == "Atatürk Cd."


def test_a_staff_submission_records_who_registered_it(town):
    case = submit(town, channel="desk", submitted_by=town.users["desk"])
    created = case.events.get(kind=EventKind.CREATED)
    assert created.actor == town.users["desk"] and created.actor_kind == "staff"
    anonymous = submit(town, channel="web")
    assert anonymous.events.get(kind=EventKind.CREATED).actor_kind == "citizen"


def test_a_naive_reception_time_is_read_in_the_municipalitys_zone(town):
    case = submit(town, received_at=datetime(2026, 12, 31, 23, 30))
    assert case.created_at == datetime(2026, 12, 31, 23, 30, tzinfo=ISTANBUL)
    assert case.tracking_number == "2026-000001"


def test_a_birth_year_sent_as_text_is_stored_as_a_number(town):
    citizen = submit(town, citizen=CitizenInput(first_name="Ali", birth_year="1980")).citizen
    citizen.refresh_from_db()
    assert citizen.birth_year == 1980


def test_intake_accepts_model_instances_for_street_and_neighbourhood(town):
    # given objects rather than ids, as Python callers pass them
    street = town.streets["ataturk"]
    # when
    case = case_submit(
        municipality=town.municipality,
        channel="call_centre",
        description="Lamba yanmıyor",
        subject=town.subjects["street_light"],
        neighbourhood=street.neighbourhood,
        street=street,
    ).case
    # then
    assert case.street == street and case.neighbourhood == street.neighbourhood
