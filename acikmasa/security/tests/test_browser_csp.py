"""In a real Chromium, the pages with scripts (portal map, desk, language menu, two-factor set-up)
run under the Content-Security-Policy without a single violation."""

import os

import pytest

from acikmasa.common.testing import make_town

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = pytest.mark.browser


def test_no_page_breaks_the_content_security_policy(live_server, transactional_db, page):
    town = make_town()
    user = town.users["fen_staff"]
    user.set_password("pw-browser-2026")
    user.save()
    violations = []
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.goto(live_server.url + "/basvuru/")
    page.wait_for_selector(".leaflet-container")  # Leaflet ran and drew the map
    page.goto(live_server.url + "/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "pw-browser-2026")
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/login/" not in url)
    page.goto(live_server.url + "/cases/")
    page.select_option("#lang", "en")  # data-autosubmit in desk.js (was an inline onchange)
    page.wait_for_url("**/en/cases/")
    page.goto(live_server.url + "/guvenlik/iki-adim/kur/")
    assert page.locator("code").first.inner_text()
    assert violations == []
