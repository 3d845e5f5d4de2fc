import csv
import io
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from acikmasa.cases.lifecycle import Action
from acikmasa.cases.models import Case
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.channels.cimer.adapter import cimer_import
from acikmasa.channels.cimer.files import read_file
from acikmasa.channels.models import InboundMessage

pytestmark = pytest.mark.django_db
CSV = (Path(__file__).parent / "fixtures" / "cimer_export_windows1254.csv").read_bytes()


def xlsx(rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_windows_1254_csv_with_a_title_row_is_read():
    rows = read_file("liste.csv", CSV)
    assert [r["number"] for r in rows] == ["2611240001234", "2611240001235", "2611240001236"]
    assert rows[0]["name"] == "Ali Şahin" and rows[1]["type"] == "İstek"


def test_import_makes_one_case_per_application_with_the_cimer_number_and_30_days(town):
    report = cimer_import(name="liste.csv", content=CSV)
    assert (report.rows, report.created, report.duplicates, report.failed) == (3, 3, 0, 0)
    case = Case.objects.get(external_id="2611240001234")
    assert case.channel.code == "cimer" and case.case_type == "complaint"
    assert case.citizen.national_id == "10000000146" and case.citizen.phone == "+905321112233"
    assert case.neighbourhood == town.neighbourhoods["birlik"]
    assert case.service_standard == town.standards["cimer"]
    assert (case.due_at - case.created_at).days == 30
    assert (
        case.created_at.strftime("%d.%m.%Y %H:%M") == "24.11.2026 06:15"
    )  # 09:15 in Istanbul, stored in UTC
    assert (
        Case.objects.get(external_id="2611240001235").neighbourhood == town.neighbourhoods["tuna"]
    )


def test_importing_the_same_list_again_creates_nothing(town):
    cimer_import(name="liste.csv", content=CSV)
    again = cimer_import(name="liste-kopya.csv", content=CSV)
    assert (again.created, again.duplicates) == (0, 3)
    assert Case.objects.count() == 3 and InboundMessage.objects.filter(channel="cimer").count() == 3


def test_application_mentioning_a_tracking_number_still_opens_its_own_case(town):
    cimer_import(name="liste.csv", content=CSV)
    number = Case.objects.first().tracking_number
    content = xlsx(
        [["Başvuru No", "Başvuru Metni"], [2611240009999, f"{number} numaralı başvurum çözülmedi"]]
    )
    assert cimer_import(name="ek.xlsx", content=content).created == 1
    assert Case.objects.get(external_id="2611240009999").description.startswith(number)


def test_xlsx_export_with_numeric_numbers_and_dates_is_imported(town):
    from datetime import datetime

    content = xlsx(
        [
            ["Başvuru No", "Başvuru Tarihi", "Ad", "Soyad", "Başvuru Türü", "Başvuru Metni"],
            [
                2611250000001,
                datetime(2026, 11, 25, 14, 0),
                "Mert",
                "Kılıç",
                "Şikâyet",
                "Gece inşaat gürültüsü.",
            ],
        ]
    )
    report = cimer_import(name="cimer.xlsx", content=content)
    assert report.created == 1, report.errors
    case = Case.objects.get()
    assert case.external_id == "2611250000001" and case.citizen.last_name == "Kılıç"


def test_information_request_without_the_applicants_identity_fails_into_the_inbox(town):
    content = xlsx(
        [
            ["Başvuru No", "Başvuru Türü", "Başvuru Metni"],
            ["2611250000002", "Bilgi Edinme", "2025 bütçesini istiyorum."],
        ]
    )
    report = cimer_import(name="cimer.xlsx", content=content)
    assert report.failed == 1 and "citizen:" in report.errors[0]
    assert InboundMessage.objects.get().status == "failed"
    assert Case.objects.count() == 0


@pytest.mark.parametrize(
    "name, content",
    [
        ("liste.csv", b""),
        ("liste.pdf", b"%PDF-1.4"),
        ("liste.csv", b"Ad;Soyad\nAli;Veli\n"),
        ("liste.xlsx", b"PK\x03\x04 broken zip"),
    ],
)
def test_unusable_files_are_refused_with_a_message(town, name, content):
    report = cimer_import(name=name, content=content)
    assert report.created == 0 and report.errors
    assert Case.objects.count() == 0


def test_row_without_a_number_is_reported(town):
    content = xlsx(
        [["Başvuru No", "Başvuru Metni"], ["", "numarasız"], ["2611250000003", "numaralı"]]
    )
    report = cimer_import(name="x.xlsx", content=content)
    assert (report.created, report.failed) == (1, 1)


def answered_case(town):
    cimer_import(name="liste.csv", content=CSV)
    case = Case.objects.get(external_id="2611240001234")
    case_transition(
        case_id=case.pk,
        actor=town.users["pr"],
        request=TransitionRequest(
            action=Action.ANSWER, text="Zabıta ekiplerimizce işgal kaldırılmıştır."
        ),
    )
    return case


def test_export_lists_our_answers_with_the_cimer_number(client, town):
    case = answered_case(town)
    client.force_login(town.users["pr"])
    response = client.get(reverse("channels:cimer_export", args=["csv"]))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Başvuru No", "Takip No", "Durum", "Cevap Metni", "Cevap Tarihi", "Birim"]
    assert rows[1][:4] == [
        "2611240001234",
        case.tracking_number,
        str(case.get_status_display()),
        "Zabıta ekiplerimizce işgal kaldırılmıştır.",
    ]
    assert len(rows) == 2  # unanswered applications are not exported


def test_xlsx_export_opens_in_a_spreadsheet(client, town):
    answered_case(town)
    client.force_login(town.users["pr"])
    response = client.get(reverse("channels:cimer_export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A2"].value == "2611240001234" and sheet["D2"].value.startswith("Zabıta")


def test_export_only_shows_cases_the_user_may_see(client, town):
    answered_case(town)
    client.force_login(town.users["temizlik_staff"])
    assert client.get(reverse("channels:cimer_export", args=["csv"])).status_code == 403


def test_import_page_uploads_a_file(client, town):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(town.users["desk"])
    response = client.post(
        reverse("channels:cimer_import"), {"file": SimpleUploadedFile("liste.csv", CSV)}
    )
    assert response.status_code == 200
    assert Case.objects.filter(channel__code="cimer").count() == 3


def test_import_page_is_closed_to_directorate_staff(client, town):
    client.force_login(town.users["fen_staff"])
    assert client.get(reverse("channels:cimer_import")).status_code == 403


def test_import_page_is_gone_when_the_channel_is_off(client, town, settings):
    settings.ACIKMASA_CHANNELS = "whatsapp"
    client.force_login(town.users["desk"])
    assert client.get(reverse("channels:cimer_import")).status_code == 404


def test_import_command_reads_a_file_and_is_safe_to_rerun(town):
    from django.core.management import call_command

    path = Path(__file__).parent / "fixtures" / "cimer_export_windows1254.csv"
    out = io.StringIO()
    call_command("channels_cimer_import", str(path), stdout=out)
    call_command("channels_cimer_import", str(path), stdout=out)
    assert "new 3" in out.getvalue() and "already imported 3" in out.getvalue()
    assert Case.objects.count() == 3
