"""The back office in a real Chromium: keyboard-only intake, working a case, closing it, refusals.

Screenshots of the main screens go to test-results/screenshots/ (gitignored) for people to look at.
"""

import os
import re
import shutil
from pathlib import Path

import pytest
from django.utils.translation import override
from playwright.sync_api import expect

from acikmasa.cases.events import EventKind
from acikmasa.cases.lifecycle import Action, Status
from acikmasa.cases.models import Case
from acikmasa.directory.models import Region

from .helpers import new_case, tiny_png, with_citizen

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not shutil.which(os.environ.get("ACIKMASA_CHROMIUM", "/usr/bin/chromium")),
        reason="needs Debian's Chromium",
    ),
]
# pytest-playwright empties test-results/ when a session starts; another run may do so meanwhile.
SHOTS = Path(
    os.environ.get(
        "ACIKMASA_SCREENSHOTS", Path(__file__).resolve().parents[3] / "test-results" / "screenshots"
    )
)


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """Turkish first, as the staff use it."""
    return {**browser_context_args, "locale": "tr-TR", "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def town(transactional_db):
    from acikmasa.common.testing import make_town

    return make_town()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def login(page, live_server, username: str) -> None:
    """Log in with the keyboard alone: the user name field has the focus on load."""
    page.goto(f"{live_server.url}/login/")
    # Type only once the autofocus has landed; on a loaded machine keys pressed earlier are lost.
    expect(page.locator("#id_username")).to_be_focused()
    page.keyboard.type(username)
    page.keyboard.press("Tab")
    page.keyboard.type(f"pw-{username}")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def logout(page) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name="Çıkış yap").click()


def type_and_tab(page, text: str = "") -> None:
    if text:
        page.keyboard.type(text)
    page.keyboard.press("Tab")


def test_call_agent_registers_a_case_with_the_keyboard_alone(town, live_server, page):
    login(page, live_server, "caller")
    assert page.url.endswith("/call/")
    page.wait_for_function(
        "() => document.activeElement && document.activeElement.id === 'id_phone'"
    )
    type_and_tab(page, "0532 123 45 67")  # phone (autofocus)
    type_and_tab(page)  # T.C. Kimlik No: the caller did not give it
    type_and_tab(page, "Mehmet")
    type_and_tab(page, "Yılmaz")
    page.keyboard.type("isik")  # subject search folds Turkish: finds "ışık"
    page.wait_for_function(
        "() => document.querySelector('#id_subject option:checked').textContent.includes('ışık')"
    )
    page.keyboard.press("Tab")  # the subject list, first match already chosen
    page.keyboard.press("Tab")  # type: as the subject says
    page.keyboard.press("Tab")  # priority: normal
    page.keyboard.press("Tab")
    type_and_tab(page, "Sokak lambası iki gündür yanmıyor")
    page.keyboard.type("BIRLIK")  # mahalle search, folded: finds Birlik
    page.wait_for_function(
        "() => document.querySelector('#id_neighbourhood "
        "option:checked').textContent.includes('Birlik')"
    )
    page.wait_for_function(
        "() => document.querySelector('#id_street option[value]:not([value=\"\"])') !== null"
    )
    page.keyboard.press("Tab")  # mahalle list, Birlik chosen; its streets loaded
    page.keyboard.press("Tab")
    page.keyboard.type("atat")
    page.wait_for_function(
        "() => document.querySelector('#id_street option:checked').textContent.includes('Atatürk')"
    )
    page.keyboard.press("Tab")  # street list
    page.keyboard.press("Tab")
    type_and_tab(page, "No 5")
    assert page.evaluate("document.activeElement.type") == "submit"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_selector("#readback")
    case = Case.objects.get()
    assert case.subject == town.subjects["street_light"] and case.street == town.streets["ataturk"]
    assert case.citizen.phone == "+905321234567" and case.channel.code == "call_centre"
    year, number = case.tracking_number.split("-")
    assert f"{year} - {number[:3]} {number[3:]}" in page.locator("#readback").inner_text()
    shot(page, "call-centre-registered")


def test_staff_take_ask_and_resolve_then_the_desk_closes(town, live_server, page, tmp_path):
    case = with_citizen(
        town, neighbourhood=town.neighbourhoods["birlik"].pk, latitude=41.04, longitude=28.88
    )
    birlik = town.neighbourhoods["birlik"]
    birlik.boundary = {
        "type": "Polygon",
        "coordinates": [
            [[28.87, 41.03], [28.89, 41.031], [28.892, 41.05], [28.868, 41.048], [28.87, 41.03]]
        ],
    }
    birlik.save()
    login(page, live_server, "fen_staff")
    page.goto(f"{live_server.url}/cases/{case.pk}/")

    def tr(label) -> str:
        with override("tr"):
            return str(label)

    def act(action: str, text: str = "", **extra) -> None:
        label = tr(Action(action).label)
        page.locator(f"#action-{action} summary").click()
        form = page.locator("details[open] form")
        if text:
            form.locator("textarea").fill(text)
        if "photo" in extra:
            form.locator("input[type=file]").set_input_files(extra["photo"])
        if extra.get("confirm"):
            form.locator("input[name=confirm]").check()
        with page.expect_navigation():
            form.get_by_role("button", name=label).click()

    act(Action.START)
    assert tr(Status.IN_PROGRESS.label) in page.locator("h1").inner_text()
    act(Action.ASK_CITIZEN, "Lambanın direk numarasını söyler misiniz?")
    assert tr(Status.WAITING_CITIZEN.label) in page.locator("h1").inner_text()
    photo = tmp_path / "lamba.png"
    photo.write_bytes(tiny_png())
    act(Action.RESOLVE, "Lamba değiştirildi, sokak aydınlık.", photo=str(photo))
    assert tr(Status.RESOLVED.label) in page.locator("h1").inner_text()
    assert page.locator(".timeline").get_by_text(tr(EventKind.INFO_REQUESTED.label)).count() == 1
    shot(page, "case-resolved")
    logout(page)
    login(page, live_server, "desk")
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    act(Action.CLOSE, confirm=True)
    assert tr(Status.CLOSED.label) in page.locator("h1").inner_text()
    case.refresh_from_db()
    assert case.status == Status.CLOSED
    assert [e.kind for e in case.events.all()][-4:] == [
        "started",
        "info_requested",
        "resolved",
        "closed",
    ]
    shot(page, "case-closed")


def test_staff_of_another_directorate_are_refused(town, live_server, page):
    case = new_case(town)
    login(page, live_server, "temizlik_staff")
    page.goto(f"{live_server.url}/cases/")
    assert case.tracking_number not in page.content()
    response = page.goto(f"{live_server.url}/cases/{case.pk}/")
    assert response.status == 404
    token = page.context.cookies()
    csrf = next((c["value"] for c in token if c["name"] == "csrftoken"), "")
    refused = page.request.post(
        f"{live_server.url}/cases/{case.pk}/actions/resolve/",
        form={"text": "Başkasının işini çözdüm", "csrfmiddlewaretoken": csrf},
        headers={"X-CSRFToken": csrf, "Referer": live_server.url},
    )
    assert refused.status == 404
    case.refresh_from_db()
    assert case.status == Status.NEW


def test_main_screens_look_right(town, live_server, page, browser):
    region = Region.objects.create(municipality=town.municipality, code="r1", name="1. Bölge")
    for place in town.neighbourhoods.values():
        place.region, place.households = region, 1200
        place.save()
    for i in range(6):
        new_case(
            town,
            neighbourhood=town.neighbourhoods["birlik"].pk,
            street=town.streets["ataturk"].pk,
            priority=1 + i % 4,
        )
    Case.objects.filter(pk=Case.objects.order_by("pk").first().pk).update(
        due_at="2020-01-01T10:00:00+03:00"
    )
    login(page, live_server, "fen_manager")
    shot(page, "manager-home")
    page.goto(f"{live_server.url}/cases/")
    page.wait_for_selector("#counts a")
    assert re.search(r"Gecikmiş: 1", page.locator("#counts").inner_text())
    shot(page, "queue")
    page.goto(f"{live_server.url}/search/?q=cukur")
    shot(page, "search")
    logout(page)
    login(page, live_server, "desk")
    assert page.url.endswith("/walk-in/")
    shot(page, "walk-in")
    page.locator("#id_national_id").fill("12345678901")
    page.get_by_role("button", name="Kaydet ve alındı belgesini yazdır").click()
    assert "Geçersiz T.C. Kimlik No" in page.content()
    assert page.locator("#id_national_id").input_value() == "12345678901"
    shot(page, "walk-in-errors")
    page.locator("#id_national_id").fill("10000000146")
    page.locator("#id_first_name").fill("Zeynep")
    page.locator("#id_last_name").fill("Çelik")
    page.locator("#id_subject").select_option(str(town.subjects["pothole"].pk))
    page.locator("#id_description").fill("Evin önündeki yolda çukur var")
    page.locator("#id_papers").select_option("guardian")
    page.locator("#id_represented_name").fill("Ali Çelik")
    page.locator("#id_papers_number").fill("03.02.2025 / 2025-17")
    with page.expect_navigation():
        page.get_by_role("button", name="Kaydet ve alındı belgesini yazdır").click()
    receipt = Case.objects.get(channel__code="desk")
    assert receipt.tracking_number in page.locator(".receipt").inner_text()
    assert "Ali Çelik" in page.locator(".receipt").inner_text()
    shot(page, "receipt")
    page.goto(f"{live_server.url}/guidance/")
    shot(page, "guidance")
    logout(page)
    login(page, live_server, "pr")
    page.goto(f"{live_server.url}/field/coverage/")
    shot(page, "coverage")
    logout(page)
    phone = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="tr-TR", is_mobile=True
    ).new_page()
    profile = town.users["field"].staff
    profile.region = region
    profile.save()
    login(phone, live_server, "field")
    assert phone.url.endswith("/field/")
    shot(phone, "field-visit-phone")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
