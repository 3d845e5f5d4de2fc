"""Each unit's main path in a real Chromium (issue 20), with screenshots of the new pages.

Screenshots go to $ACIKMASA_SCREENSHOTS (default test-results/screenshots/units, gitignored).
"""

import os
import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from acikmasa.careers.models import Referral
from acikmasa.careers.services import (
    SeekerInput,
    employer_register,
    seeker_register,
    vacancy_open,
)
from acikmasa.cases.events import EventKind
from acikmasa.cases.lifecycle import Status
from acikmasa.cases.models import Case
from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.cases.services.intake import case_submit
from acikmasa.homevisits.models import DoorApplication, HomeVisit
from acikmasa.mobileoffice.models import StopApplication
from acikmasa.socialaid.models import HouseholdCheck

from .helpers import make_units

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not shutil.which(os.environ.get("ACIKMASA_CHROMIUM", "/usr/bin/chromium")),
        reason="needs Debian's Chromium",
    ),
]
SHOTS = Path(
    os.environ.get(
        "ACIKMASA_SCREENSHOTS",
        Path(__file__).resolve().parents[3] / "test-results" / "screenshots" / "units",
    )
)
TCKN = "10000000146"


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "tr-TR", "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def town(transactional_db):
    from acikmasa.common.testing import make_town

    return make_town()


@pytest.fixture
def units(town):
    return make_units(town)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def login(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/login/")
    expect(page.locator("#id_username")).to_be_focused()
    page.fill("#id_username", username)
    page.fill("#id_password", f"pw-{username}")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def logout(page) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name="Çıkış yap").click()


def test_book_a_home_visit_and_record_it(town, units, live_server, page):
    login(page, live_server, "caller")
    page.goto(f"{live_server.url}/hizmet-kapinizda/yeni/")
    page.get_by_label("Bir yakını veya komşusu").check()
    page.fill("#id_requester_name", "Oğlu Mehmet")
    page.fill("#id_first_name", "Hatice")
    page.fill("#id_last_name", "Yıldız")
    page.fill("#id_phone", "0532 111 22 33")
    page.select_option("#id_neighbourhood", label="Birlik")
    page.fill("#id_address", "Atatürk Cad. No 5 Daire 3")
    page.fill("#id_needs", "Yatağa bağlı, evde bakım ve tekerlekli sandalye başvurusu.")
    shot(page, "homevisits-new")
    with page.expect_navigation():
        page.get_by_role("button", name="Talebi kaydet").click()
    expect(page.locator("h1")).to_contain_text("zaman aralığı seçin")
    shot(page, "homevisits-plan")
    with page.expect_navigation():
        page.get_by_role("button", name="Ziyareti planla").click()
    expect(page.locator(".messages")).to_contain_text("Ziyaret planlandı")
    shot(page, "homevisits-board")
    visit = HomeVisit.objects.get()
    assert visit.status == HomeVisit.Status.PLANNED and visit.slot == units["visits"].slots[0]
    logout(page)

    # The team's phone: the day's route, then the record.
    page.set_viewport_size({"width": 400, "height": 820})
    login(page, live_server, "field")
    page.goto(f"{live_server.url}/hizmet-kapinizda/rota/?day={visit.slot.starts_at:%Y-%m-%d}")
    expect(page.locator(f"#visit-{visit.pk}")).to_contain_text("Atatürk Cad. No 5")
    shot(page, "homevisits-route-phone")
    with page.expect_navigation():
        page.get_by_role("link", name="Bu ziyareti kaydet").click()
    page.get_by_label("Yapıldı", exact=True).check()
    page.fill("#id_text", "Evde bakım formu dolduruldu, sandalye ölçüsü alındı.")
    page.fill("#id_door_1", "Sokağın başındaki lamba yanmıyor.")
    page.select_option("#id_door_1_subject", label="Sokak lambası / ışık arızası")
    shot(page, "homevisits-record-phone")
    with page.expect_navigation():
        page.get_by_role("button", name="Kaydet").click()
    expect(page.locator(".messages")).to_contain_text("Ziyaret kaydedildi")
    visit.refresh_from_db()
    assert visit.status == HomeVisit.Status.DONE
    door = DoorApplication.objects.get(visit=visit).case
    assert door.channel.code == "field"
    assert Case.objects.get(pk=visit.case_id).status == Status.RESOLVED


def test_a_stop_on_the_timetable_takes_an_application(town, units, live_server, page):
    page.goto(f"{live_server.url}/mobil-ofis/")
    expect(page.locator("table")).to_contain_text("Tuna Camii meydanı")
    shot(page, "mobileoffice-timetable-public")
    login(page, live_server, "desk")
    page.goto(f"{live_server.url}/mobil-ofis/duraklar/")
    shot(page, "mobileoffice-stops")
    with page.expect_navigation():
        page.get_by_role("link", name="Başvuru al").click()
    page.fill("#id_national_id", TCKN)
    page.fill("#id_first_name", "Ayşe")
    page.select_option("#id_subject", label="Çöp toplama")
    page.fill("#id_description", "Konteyner taşıyor, iki gündür alınmadı.")
    shot(page, "mobileoffice-register")
    with page.expect_navigation():
        page.get_by_role("button", name="Kaydet", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("Durakta kaydedildi")
    taken = StopApplication.objects.get(stop=units["stop"]).case
    assert taken.channel.code == "mobile_office"
    assert taken.events.get(kind=EventKind.CREATED).payload["extra"]["mobile_stop"]["place"] == (
        "Tuna Camii meydanı"
    )
    logout(page)
    login(page, live_server, "pr")
    page.goto(f"{live_server.url}/mobil-ofis/rakamlar/")
    expect(page.locator("tfoot")).to_contain_text("1")
    shot(page, "mobileoffice-figures")


def test_refer_a_job_seeker_and_record_the_answer(town, units, live_server, page):
    staff = town.users["kariyer_staff"]
    firm = employer_register(user=staff, name="Yıldız Tekstil A.Ş.", sector="Tekstil")
    vacancy = vacancy_open(user=staff, employer_id=firm.pk, title="Ön muhasebe", positions=2)
    seeker = seeker_register(
        user=town.users["desk"],
        data=SeekerInput(
            citizen=CitizenInput(first_name="Zeynep", last_name="Aydın", phone="05332221100"),
            profession="Muhasebe elemanı",
            education="bachelor",
            share_consent=True,
        ),
    )
    login(page, live_server, "kariyer_staff")
    page.goto(f"{live_server.url}/kariyer/")
    shot(page, "careers-board")
    page.goto(f"{live_server.url}/kariyer/is-arayan/{seeker.pk}/")
    page.select_option("#vacancy", str(vacancy.pk))
    with page.expect_navigation():
        page.get_by_role("button", name="İş arayanın bilgilerini gönder").click()
    expect(page.locator(".messages")).to_contain_text("Yönlendirildi")
    referral = Referral.objects.get(seeker=seeker)
    page.select_option(f"#answer-{referral.pk}", "hired")
    page.fill(f"#note-{referral.pk}", "1 Aralık'ta başlıyor.")
    shot(page, "careers-seeker")
    with page.expect_navigation():
        page.get_by_role("button", name="Yanıtı kaydet").click()
    expect(page.locator(f"#referral-{referral.pk}")).to_contain_text("İşe alındı")
    case = Case.objects.get(pk=seeker.case_id)
    assert case.status == Status.RESOLVED
    assert [e.payload["answer"] for e in case.events.filter(kind=EventKind.EMPLOYER_ANSWERED)] == [
        "hired"
    ]
    page.goto(f"{live_server.url}/kariyer/isverenler/")
    shot(page, "careers-employers")


def test_a_muhtar_sees_a_case_filed_by_a_citizen_in_their_mahalle(town, units, live_server, page):
    case = case_submit(
        municipality=town.municipality,
        channel="web",
        description="Parktaki salıncak kırık.",
        subject=town.subjects["waste"],
        neighbourhood=town.neighbourhoods["birlik"],
        citizen=CitizenInput(first_name="Veli", last_name="Kaya", phone="05321112233"),
    ).case
    from acikmasa.muhtars.sweep import muhtar_sweep

    muhtar_sweep()
    login(page, live_server, "muhtar.birlik")
    page.goto(f"{live_server.url}/muhtar/")
    expect(page.locator("#mahalle-cases")).to_contain_text(case.tracking_number)
    expect(page.locator("#notices-title + form + ul")).to_contain_text(case.tracking_number)
    assert "Veli" not in page.content()
    shot(page, "muhtars-mahalle")


def test_a_food_aid_request_creates_a_household_check(town, units, live_server, page):
    login(page, live_server, "caller")
    page.goto(f"{live_server.url}/call/")
    page.fill("#id_phone", "0535 000 11 22")
    page.fill("#id_first_name", "Elif")
    page.select_option("#id_subject", label="Gıda yardımı (gıda kolisi)")
    page.fill("#id_description", "Evde yiyecek kalmadı, üç çocuğum var.")
    page.select_option("#id_neighbourhood", label="Birlik")
    with page.expect_navigation():
        page.get_by_role("button", name="Başvuruyu kaydet").click()
    check = HouseholdCheck.objects.get()
    assert check.case.subject == units["food"]
    logout(page)
    page.set_viewport_size({"width": 400, "height": 820})
    login(page, live_server, "field")
    page.goto(f"{live_server.url}/sosyal-yardim/")
    expect(page.locator("table")).to_contain_text(check.case.tracking_number)
    page.goto(f"{live_server.url}/sosyal-yardim/{check.pk}/")
    page.fill("#id_household_size", "4")
    page.fill("#id_findings", "Eşi vefat etmiş, çalışan yok, kira borcu var.")
    shot(page, "socialaid-visit-phone")
    with page.expect_navigation():
        page.get_by_role("button", name="Ziyareti kaydet").click()
    logout(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, live_server, "temizlik_manager")
    page.goto(f"{live_server.url}/sosyal-yardim/{check.pk}/")
    page.get_by_label("Onayla").check()
    page.select_option("#id_ground", str(units["grounds"][0].pk))
    page.fill("#id_reason", "Gıda kolisi bu hafta adresinize teslim edilecek.")
    shot(page, "socialaid-decide")
    with page.expect_navigation():
        page.get_by_role("button", name="Kararı kaydet ve vatandaşa bildir").click()
    expect(page.locator("#check-status")).to_contain_text("Onaylandı")
    assert Case.objects.get(pk=check.case_id).status == Status.RESOLVED


def test_the_yearly_report_shows_the_seed_003_table(town, units, live_server, page):
    from acikmasa.desk.services import guidance_log_create

    for _n in range(3):
        guidance_log_create(user=town.users["desk"], topic="Emlak vergisi nereye ödenir?")
    case_submit(
        municipality=town.municipality,
        channel="petition",
        description="Dilekçe: yol çukuru",
        subject=town.subjects["pothole"],
    )
    login(page, live_server, "mayor")
    page.goto(f"{live_server.url}/analiz/yearly-report.pdf?format=html")
    table = page.locator("table.yearly")
    for label in (
        "Müracaat eden kişi",
        "Danışmanlık ve iletişim hizmeti verilen ziyaretçi",
        "İşlem yapılan dilekçe",
        "CİMER / BİMER başvurusu",
        "Engelli Birimi'ne gelen talep",
        "Kariyer Merkezi: firmalara ulaştırılan iş talebi",
        "Elektronik sisteme dahil olup ilgili birimlere yönlendirilen",
    ):
        expect(table).to_contain_text(label)
    assert re.search(r"Danışmanlık ve iletişim hizmeti verilen ziyaretçi\s*3", table.inner_text())
    shot(page, "insights-yearly-report")
    page.goto(f"{live_server.url}/analiz/public/?year={Case.objects.get().created_at.year}")
    expect(page.locator("table.yearly")).to_contain_text("İşlem yapılan dilekçe")
    shot(page, "insights-public-year")
    page.goto(f"{live_server.url}/analiz/")
    expect(page.locator("[data-figure=guidance]")).to_have_text("3")
    shot(page, "insights-dashboard-guidance")


def test_the_disability_form_works_with_the_keyboard_alone(town, units, live_server, page):
    page.goto(f"{live_server.url}/engelli/")
    shot(page, "disability-apply")
    page.keyboard.press("Tab")  # skip link or first control: start from the description field
    page.focus("#id_description")
    page.keyboard.type("Binamızın girişine rampa yapılmasını istiyorum.")
    page.keyboard.press("Tab")  # the first contact way (SMS), already chosen
    page.keyboard.press("ArrowDown")  # WhatsApp
    page.focus("#id_phone")
    page.keyboard.type("0532 444 55 66")
    page.focus("#id_privacy_read")
    page.keyboard.press("Space")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    case = Case.objects.get()
    assert case.directorate == units["unit"].directorate
    assert case.events.get(kind=EventKind.CREATED).payload["extra"]["contact_by"] == "whatsapp"
    shot(page, "disability-submitted")


def test_the_disability_forms_refusal_lists_errors_with_links(town, units, live_server, page):
    page.goto(f"{live_server.url}/engelli/")
    with page.expect_navigation():
        page.get_by_role("button", name="Engelli Birimi'ne gönder").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.id") == "id_description"
    shot(page, "disability-errors")


def test_priority_care_and_the_units_hub(town, units, live_server, page):
    from acikmasa.prioritycare.models import PriorityGroup

    group = PriorityGroup.objects.create(
        municipality=town.municipality, code="yalniz-yasli", name="Yalnız yaşayan yaşlılar"
    )
    login(page, live_server, "pr")
    page.goto(f"{live_server.url}/birimler/")
    shot(page, "units-hub")
    page.goto(f"{live_server.url}/oncelikli/kaydet/")
    page.fill("#id_national_id", TCKN)
    page.fill("#id_first_name", "Fatma")
    page.fill("#id_last_name", "Demir")
    page.select_option("#id_group", str(group.pk))
    page.get_by_label("Vatandaşın açık rızası (KVKK md. 6/3-a)").check()
    page.fill("#id_evidence", "Açık rıza formu no. 2026/114")
    shot(page, "prioritycare-record")
    with page.expect_navigation():
        page.get_by_role("button", name="Kaydet").click()
    expect(page.locator(".messages")).to_contain_text("öncelikli hizmet alıyor")
    page.goto(f"{live_server.url}/oncelikli/?group={group.pk}")
    expect(page.locator("table").last).to_contain_text("Fatma Demir")
    shot(page, "prioritycare-overview")
