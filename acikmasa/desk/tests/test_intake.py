import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.translation import gettext, override

from acikmasa.cases.models import Attachment, Case, Citizen

from .helpers import VALID_TCKN, new_case, with_citizen


def _form(town, **overrides):
    data = {
        "phone": "0532 123 45 67",
        "national_id": "",
        "first_name": "Mehmet",
        "last_name": "Yılmaz",
        "subject": town.subjects["street_light"].pk,
        "case_type": "",
        "description": "Sokak lambası yanmıyor",
        "neighbourhood": town.neighbourhoods["birlik"].pk,
        "street": town.streets["ataturk"].pk,
        "address": "No 5",
        "priority": "2",
    }
    return data | overrides


def test_call_centre_registers_a_case_and_reads_the_number_back(town, client):
    client.force_login(town.users["caller"])
    response = client.post(reverse("desk:call"), _form(town))
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.channel.code == "call_centre" and case.directorate == town.directorates["fen"]
    assert case.citizen.phone == "+905321234567" and case.street == town.streets["ataturk"]
    assert case.events.first().actor == town.users["caller"]
    page = client.get(response["Location"])
    number, sequence = case.tracking_number.split("-")
    assert f"{number} - {sequence[:3]} {sequence[3:]}" in page.content.decode()


def test_call_centre_errors_keep_what_was_typed_and_speak_turkish(town, client):
    client.force_login(town.users["caller"])
    response = client.post(
        reverse("desk:call"), _form(town, national_id="12345678901", description="")
    )
    assert response.status_code == 400
    html = response.content.decode()
    with override("tr"):
        assert (
            gettext("Invalid T.C. Kimlik No: it must have 11 digits with correct check digits.")
            in html
        )
        assert gettext("Please describe the request.") in html
    assert "Geçersiz T.C. Kimlik No" in html
    assert 'value="Mehmet"' in html and 'value="12345678901"' in html
    tag = re.search(r'<input[^>]*name="national_id"[^>]*>', html).group(0)
    assert "autofocus" in tag and "autofocus" not in re.search(
        r'<input[^>]*name="phone"[^>]*>', html
    ).group(0)
    assert not Case.objects.exists() and not Citizen.objects.exists()


def test_invalid_phone_is_refused_by_the_service_and_shown_on_the_field(town, client):
    client.force_login(town.users["caller"])
    response = client.post(reverse("desk:call"), _form(town, phone="12"))
    assert response.status_code == 400 and not Case.objects.exists()
    assert "phone" in response.context["form"].errors


def test_street_of_another_neighbourhood_is_refused(town, client):
    client.force_login(town.users["caller"])
    response = client.post(
        reverse("desk:call"), _form(town, neighbourhood=town.neighbourhoods["tuna"].pk)
    )
    assert response.status_code == 400 and "street" in response.context["form"].errors


@pytest.mark.parametrize("typed", ["ışık", "IŞIK", "isik", "Işık arızası", "lamba"])
def test_subject_search_folds_turkish(town, client, typed):
    client.force_login(town.users["caller"])
    html = client.get(
        reverse("desk:options", args=["subjects"]), {"subject_q": typed}
    ).content.decode()
    assert "Sokak lambası / ışık arızası" in html and "Çöp toplama" not in html
    assert "selected" in html  # the first match is picked so Tab moves on at once


def test_neighbourhood_search_folds_turkish(town, client):
    client.force_login(town.users["caller"])
    html = client.get(
        reverse("desk:options", args=["neighbourhoods"]), {"place_q": "BİRLİK"}
    ).content.decode()
    assert "Birlik" in html and "Tuna" not in html and "selected" in html


def test_street_options_follow_the_neighbourhood(town, client):
    client.force_login(town.users["caller"])
    birlik = client.get(
        reverse("desk:options", args=["streets"]),
        {"neighbourhood": town.neighbourhoods["birlik"].pk},
    ).content.decode()
    tuna = client.get(
        reverse("desk:options", args=["streets"]), {"neighbourhood": town.neighbourhoods["tuna"].pk}
    ).content.decode()
    assert "Atatürk Caddesi" in birlik and "Atatürk Caddesi" not in tuna
    assert (
        "Atatürk"
        in client.get(
            reverse("desk:options", args=["streets"]), {"street_q": "ATATURK"}
        ).content.decode()
    )
    assert client.get(reverse("desk:options", args=["bogus"])).status_code == 404


def test_caller_lookup_by_phone_and_by_national_id_lists_open_and_earlier_cases(town, client):
    open_case = with_citizen(town)
    other = new_case(town)
    client.force_login(town.users["caller"])
    for query in ("0532 123 45 67", "+90 532 123 45 67", VALID_TCKN):
        html = client.get(reverse("desk:caller_lookup"), {"q": query}).content.decode()
        assert open_case.tracking_number in html and other.tracking_number not in html
        assert "Işıkoğlu" in html
    assert (
        "Önceki kayıt yok"
        in client.get(reverse("desk:caller_lookup"), {"q": "0533 000 00 00"}).content.decode()
    )


def test_call_screen_opened_from_telephony_prefills_the_caller(town, client):
    open_case = with_citizen(town)
    client.force_login(town.users["caller"])
    html = client.get(reverse("desk:call"), {"phone": "+905321234567"}).content.decode()
    assert 'value="+905321234567"' in html and open_case.tracking_number in html


def test_caller_lookup_is_scoped(town, client):
    case = with_citizen(town, subject="waste", description="Çöp alınmadı")
    client.force_login(town.users["fen_staff"])
    html = client.get(reverse("desk:caller_lookup"), {"q": VALID_TCKN}).content.decode()
    assert case.tracking_number not in html


def test_lookup_by_tracking_number_reads_the_status(town, client):
    case = new_case(town)
    client.force_login(town.users["caller"])
    response = client.get(reverse("desk:call"), {"track": case.tracking_number})
    assert response.context["tracked"] == case
    missing = client.get(reverse("desk:call"), {"track": "1999-000001"})
    assert missing.context["tracked"] is None


@pytest.mark.parametrize("user", ["fen_staff", "fen_manager", "mayor"])
def test_intake_screens_are_refused_to_non_intake_roles(town, client, user):
    client.force_login(town.users[user])
    assert client.get(reverse("desk:call")).status_code == 403
    assert client.post(reverse("desk:call"), _form(town)).status_code == 403
    assert (
        client.post(reverse("desk:walkin"), _form(town, national_id=VALID_TCKN)).status_code == 403
    )
    assert not Case.objects.exists()


def test_walk_in_requires_a_checked_id(town, client):
    client.force_login(town.users["desk"])
    response = client.post(reverse("desk:walkin"), _form(town))
    assert response.status_code == 400 and "national_id" in response.context["form"].errors
    bad = client.post(reverse("desk:walkin"), _form(town, national_id="10000000147"))
    assert bad.status_code == 400 and "national_id" in bad.context["form"].errors
    assert not Case.objects.exists()


def test_walk_in_notes_papers_attaches_petition_and_prints_receipt(town, client):
    client.force_login(town.users["desk"])
    petition = SimpleUploadedFile(
        "dilekce.pdf", b"%PDF-1.4 scanned", content_type="application/pdf"
    )
    response = client.post(
        reverse("desk:walkin"),
        _form(
            town,
            subject=town.subjects["pothole"].pk,
            national_id=VALID_TCKN,
            papers="guardian",
            represented_name="Fatma Yılmaz",
            papers_number="12.03.2025 / 2025-44",
            petition=petition,
        ),
    )
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.channel.code == "desk" and case.citizen.national_id == VALID_TCKN
    created = case.events.get(kind="created")
    assert created.payload["extra"]["proxy"]["represented_name"] == "Fatma Yılmaz"
    attachment = Attachment.objects.get(case=case)
    assert (
        attachment.content_type == "application/pdf" and attachment.original_name == "dilekce.pdf"
    )
    receipt = client.get(response["Location"]).content.decode()
    assert case.tracking_number in receipt and "Fatma Yılmaz" in receipt
    assert "Ercan Zengin" in receipt  # first place of application of the standard


def test_walk_in_proxy_without_document_is_refused(town, client):
    client.force_login(town.users["desk"])
    response = client.post(
        reverse("desk:walkin"), _form(town, national_id=VALID_TCKN, papers="proxy")
    )
    assert response.status_code == 400
    assert {"represented_name", "papers_number"} <= set(response.context["form"].errors)
    assert not Case.objects.exists()


def test_receipt_shows_the_standards_deadline(town, client):
    case = new_case(town, channel="desk", citizen=None)
    client.force_login(town.users["desk"])
    html = client.get(reverse("desk:receipt", args=[case.pk])).content.decode()
    assert case.service_standard.name in html and case.tracking_number in html


def test_screens_are_turkish_first_and_english_complete(town, client):
    client.force_login(town.users["caller"])
    assert "Başvuruyu kaydet" in client.get("/call/").content.decode()
    english = client.get("/en/call/").content.decode()
    assert "Register the case" in english and "Başvuruyu kaydet" not in english
