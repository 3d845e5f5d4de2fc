"""The citizen's whole path in a real Chromium: submit with a photo and a pin, track, see the
staff answer, say "not solved", see the case reopened. Screenshots go to test-results/screenshots/.
"""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings

from acikmasa.cases.lifecycle import Action, Status
from acikmasa.cases.models import Case
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.common.testing import make_town

from .conftest import jpeg_with_gps

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = pytest.mark.browser
SHOTS = Path(settings.BASE_DIR) / "test-results" / "screenshots"


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"portal-{name}.png"), full_page=True)


def test_citizen_submits_tracks_and_reopens(live_server, transactional_db, page, tmp_path):
    town = make_town()
    photo = tmp_path / "cukur.jpg"
    photo.write_bytes(jpeg_with_gps((320, 240)))
    page.set_viewport_size({"width": 390, "height": 844})  # a phone

    # Submit: search the subject without Turkish letters, a photo, a pin on the map.
    page.goto(live_server.url + "/basvuru/")
    page.fill("#subject-search", "cukur")
    page.wait_for_function(
        "() => document.getElementById('id_subject').options.length === 2"
    )  # a function: CSP forbids eval of a string
    assert page.input_value("#id_subject") == str(town.subjects["pothole"].pk)
    page.fill("#id_description", "Okulun önünde derin bir çukur var.")
    page.set_input_files("#id_photos", str(photo))
    page.select_option("#id_neighbourhood", str(town.neighbourhoods["birlik"].pk))
    page.locator("#map").click(position={"x": 180, "y": 150})
    assert re.match(r"^\d+\.\d+$", page.input_value("#id_latitude"))
    page.fill("#id_phone", "0532 123 45 67")
    page.check("#id_privacy_read")
    shot(page, "1-form")
    page.click("#submit-button")
    page.wait_for_selector("#tracking-number")
    number = page.text_content("#tracking-number").strip()
    shot(page, "2-submitted")
    case = Case.objects.get(tracking_number=number)
    assert (
        case.latitude is not None and case.attachments.count() == 1 and case.channel.code == "web"
    )

    # Track by number and the phone's last four digits.
    page.goto(live_server.url + "/basvuru/takip/")
    page.fill("#id_tracking_number", number)
    page.fill("#id_phone_last4", "4567")
    page.click("button[type=submit].p-primary")
    page.wait_for_selector("#case-status")
    assert page.locator(".p-photos img").count() == 1

    # Staff answer and resolve through the service layer.
    staff = town.users["fen_staff"]
    case_transition(
        case_id=case.pk,
        actor=staff,
        request=TransitionRequest(Action.ANSWER, text="Ekibimiz çukuru yarın kapatacak."),
    )
    case_transition(
        case_id=case.pk,
        actor=staff,
        request=TransitionRequest(Action.RESOLVE, text="Çukur asfaltla kapatıldı."),
    )
    page.reload()
    assert "Çukur asfaltla kapatıldı." in page.text_content("#answer")
    assert page.get_attribute("#case-status", "class").endswith("p-status-resolved")
    shot(page, "3-answered")

    # "Not solved" reopens it.
    page.fill("#reopen-text", "Çukur hâlâ orada, yağmurda doldu.")
    page.click("#not-solved")
    page.wait_for_selector(".p-status-reopened")
    shot(page, "4-reopened")
    case.refresh_from_db()
    assert case.status == Status.REOPENED
    assert "Çukur hâlâ orada" in page.text_content("#timeline")


def test_citizen_adds_a_voice_to_a_nearby_case_instead_of_a_duplicate(
    live_server, transactional_db, page
):
    from acikmasa.cases.services.intake import case_submit
    from acikmasa.portal.selectors import map_centre

    town = make_town()
    lat, lng = map_centre(town.municipality)
    birlik = town.neighbourhoods["birlik"]
    d = 0.01
    birlik.boundary = {
        "type": "Polygon",
        "coordinates": [
            [
                [lng - d, lat - d],
                [lng + d, lat - d],
                [lng + d, lat + d],
                [lng - d, lat + d],
                [lng - d, lat - d],
            ]
        ],
    }
    birlik.save()
    existing = case_submit(
        municipality=town.municipality,
        channel="web",
        subject="pothole",
        description="Aynı çukur, market önünde",
        latitude=lat,
        longitude=lng,
    ).case
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + "/en/basvuru/")
    page.wait_for_selector("#map[data-ready='1']")  # the outlines are drawn
    page.select_option("#id_subject", str(town.subjects["pothole"].pk))
    box = page.locator("#map").bounding_box()
    page.locator("#map").click(position={"x": box["width"] / 2, "y": box["height"] / 2})
    page.wait_for_selector(".p-nearby")
    assert page.input_value("#id_neighbourhood") == str(
        birlik.pk
    )  # the outline under the pin picks the mahalle
    assert existing.tracking_number in page.text_content(".p-nearby")
    shot(page, "5-nearby")
    page.click(".p-nearby button")
    page.wait_for_selector("text=Your voice was added")
    assert existing.supporters.count() == 1 and Case.objects.count() == 1
