"""Issue 20 on the analysis pages: guidance counted beside applications, the yearly report in the
seeds' form (page, public page, PDF) and the muhtar coverage."""

import io
import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from acikmasa.channels.models import Muhtar
from acikmasa.desk.services import guidance_log_create

from .conftest import T0

pytestmark = pytest.mark.django_db


def _guidance(town, wall, n: int, *, at, topic="Emlak vergisi nereye ödenir?"):
    wall.set(at)
    for _i in range(n):
        guidance_log_create(user=town.users["desk"], topic=topic)


def _row(page: str, key: str) -> str:
    found = re.search(rf'data-row="{key}"><th scope="row">[^<]*</th><td class="num">([^<]*)<', page)
    assert found, key
    return found.group(1)


def test_guidance_appears_on_the_dashboard_beside_applications(client, story, wall):
    town = story["town"]
    _guidance(town, wall, 3, at=T0 + timedelta(hours=2))
    _guidance(town, wall, 1, at=T0 - timedelta(days=90))  # outside the period
    client.force_login(town.users["pr"])
    page = client.get(
        reverse("insights:dashboard"), {"start": "2026-03-01", "end": "2026-03-31"}
    ).content.decode()
    assert re.search(r'data-figure="guidance">3<', page)
    assert "Emlak vergisi" in page


def test_guidance_on_the_public_page_and_in_the_monthly_report(client, story, wall):
    town = story["town"]
    _guidance(town, wall, 2, at=T0 + timedelta(hours=3))
    _guidance(town, wall, 5, at=T0 - timedelta(days=10))  # February: the month before
    public = client.get(
        reverse("insights:public"), {"start": "2026-03-01", "end": "2026-03-31"}
    ).content.decode()
    assert re.search(r'data-figure="guidance">2<', public)
    client.force_login(town.users["mayor"])
    monthly = client.get(
        reverse("insights:monthly_report"), {"month": "2026-03", "format": "html"}
    ).content.decode()
    assert re.search(r'data-figure="guidance">2</td><td class="num">5<', monthly)


def test_the_yearly_report_shows_the_seed_003_table(client, story, history, wall):
    town = story["town"]
    history.submit(at=T0 + timedelta(days=1), channel="petition", subject="waste")
    history.submit(at=T0 + timedelta(days=2), channel="cimer", subject="waste")
    _guidance(town, wall, 4, at=T0 + timedelta(days=3))
    client.force_login(town.users["mayor"])
    page = client.get(
        reverse("insights:yearly_report"), {"year": "2026", "format": "html"}
    ).content.decode()
    assert _row(page, "received") == "7"
    assert _row(page, "solved") == "3"  # a, b and e of the story
    assert _row(page, "guidance") == "4"
    assert _row(page, "petitions") == "1" and _row(page, "cimer") == "1"
    assert _row(page, "formal_interactive") == "2"
    assert "Fen İşleri Müdürlüğü" in page  # by unit
    last_year = client.get(
        reverse("insights:yearly_report"), {"year": "2025", "format": "html"}
    ).content.decode()
    assert _row(last_year, "received") == "0"


def test_the_public_page_shows_the_year_and_a_manager_may_not_print_the_municipality(client, story):
    town = story["town"]
    public = client.get(reverse("insights:public"), {"year": "2026"}).content.decode()
    assert _row(public, "received") == "5"
    client.force_login(town.users["fen_manager"])
    assert client.get(reverse("insights:yearly_report"), {"year": "2026"}).status_code == 403


def test_the_yearly_report_is_a_pdf(client, story):
    pytest.importorskip("weasyprint", reason="WeasyPrint is not installed")
    pypdf = pytest.importorskip("pypdf", reason="pypdf reads the PDF back")
    client.force_login(story["town"].users["mayor"])
    response = client.get(reverse("insights:yearly_report"), {"year": "2026"})
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(response.content)).pages)
    assert "2026" in text and "Müdürlüğü" in text


def test_muhtar_coverage_on_the_analysis_pages(client, story, history):
    town = story["town"]
    user = get_user_model().objects.create_user(username="muhtar_birlik", password="pw")
    Muhtar.objects.create(user=user, neighbourhood=town.neighbourhoods["birlik"])
    history.submit(at=T0 + timedelta(hours=5), channel="muhtar", neighbourhood="birlik")
    client.force_login(town.users["pr"])
    page = client.get(
        reverse("insights:muhtars"), {"start": "2026-03-01", "end": "2026-03-31"}
    ).content.decode()
    assert re.search(r'data-figure="by_muhtar">1<', page)
    assert "Birlik" in page
