"""Demographics with KVKK suppression, the map, and the Law 4982 Art. 30 figures."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.urls import reverse

from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.directory.models import Neighbourhood
from acikmasa.insights.filters import InsightFilters
from acikmasa.insights.geo import SHADES, map_shapes
from acikmasa.insights.legal import information_stats_get, legal_ground
from acikmasa.insights.who import demographics_get

from .conftest import T0

pytestmark = pytest.mark.django_db
PERIOD = InsightFilters.from_query({"start": "2026-03-01", "end": "2026-03-31"})


def applicants(history, n, gender, birth_year):
    for i in range(n):
        phone = f"+90532{int(gender == 'female')}{birth_year % 100:02d}{i:04d}"
        history.submit(
            at=T0 + timedelta(minutes=i),
            citizen=CitizenInput(phone=phone, gender=gender, birth_year=birth_year),
        )


def test_demographic_groups_below_the_minimum_are_suppressed(town, history):
    applicants(history, 6, "female", 1990)  # 36 in 2026: band 30–44
    applicants(history, 2, "male", 1990)
    breakdown = demographics_get(user=town.users["pr"], filters=PERIOD)
    assert breakdown.cell("30–44", "female").count == 6
    hidden = breakdown.cell("30–44", "male")
    assert hidden.suppressed and hidden.count is None


def test_minimum_group_size_is_configurable(town, history):
    applicants(history, 2, "male", 1950)
    with override_settings(INSIGHTS_MIN_GROUP_SIZE=2):
        assert (
            demographics_get(user=town.users["pr"], filters=PERIOD).cell("65+", "male").count == 2
        )


def test_who_page_never_prints_a_suppressed_count(client, town, history):
    applicants(history, 3, "male", 2000)
    client.force_login(town.users["pr"])
    body = client.get(
        reverse("insights:who"), {"start": "2026-03-01", "end": "2026-03-31"}
    ).content.decode()
    assert 'data-suppressed="1">&lt;5<' in body
    assert ">3<" not in body


SQUARE = {
    "type": "Polygon",
    "coordinates": [[[28.0, 41.0], [28.01, 41.0], [28.01, 41.01], [28.0, 41.01], [28.0, 41.0]]],
}
SQUARE_EAST = {
    "type": "Polygon",
    "coordinates": [[[28.01, 41.0], [28.02, 41.0], [28.02, 41.01], [28.01, 41.01], [28.01, 41.0]]],
}


def test_map_shades_the_busiest_neighbourhood_darkest(town):
    Neighbourhood.objects.filter(pk=town.neighbourhoods["birlik"].pk).update(boundary=SQUARE)
    Neighbourhood.objects.filter(pk=town.neighbourhoods["tuna"].pk).update(boundary=SQUARE_EAST)
    shapes, height = map_shapes(
        Neighbourhood.objects.filter(municipality=town.municipality),
        {town.neighbourhoods["birlik"].pk: 10},
    )
    by_name = {s.name: s for s in shapes}
    assert by_name["Birlik"].shade == SHADES[-1] and by_name["Tuna"].shade == SHADES[0]
    assert by_name["Birlik"].path.startswith("M") and height > 0


def test_where_page_draws_the_map_without_any_tile_server(client, story):
    t = story["town"]
    Neighbourhood.objects.filter(pk=t.neighbourhoods["birlik"].pk).update(boundary=SQUARE)
    client.force_login(t.users["pr"])
    body = client.get(
        reverse("insights:where"), {"start": "2026-03-01", "end": "2026-03-31"}
    ).content.decode()
    assert (
        "<svg" in body
        and f'data-neighbourhood="{t.neighbourhoods["birlik"].pk}" data-value="2"' in body
    )
    # Coordinates are never written with a Turkish decimal comma (SVG would read two numbers).
    import re

    assert not re.search(r'<text x="\d+,\d', body)
    assert "http" not in body.split("<svg", 1)[1].split("</svg>", 1)[0].replace(
        "http://www.w3.org", ""
    )


@pytest.mark.parametrize(
    "text,ground",
    [
        ("4982 sayılı Kanunun 25. maddesi gereğince verilemez", "art_25"),
        ("Bilgi Edinme Kanunu md. 26 kapsamında reddedildi", "art_26"),
        ("Talep reddedildi.", "not_stated"),
    ],
)
def test_legal_ground_is_the_cited_article(text, ground):
    assert legal_ground(text) == ground


def test_information_request_statistics_follow_each_requests_last_outcome(town, history):
    person = CitizenInput(first_name="Ali", last_name="Veli", address="Tuna Mah. 3. Sok. No:5")

    def request():
        return history.submit(
            at=T0,
            subject=None,
            channel="information_request",
            case_type="information",
            citizen=person,
            description="Belediyenin ihale listesini öğrenmek istiyorum.",
        )

    granted, partly, refused, appealed, _pending = (request() for _ in range(5))
    history.resolve(granted, after_hours=5, text="İstenen liste ekte gönderilmiştir.")
    history.resolve(
        partly, after_hours=5, text="Bilgiler kısmen verilmiştir; kalan kısım ticari sırdır."
    )
    history.act(
        refused,
        "reject",
        at=T0 + timedelta(hours=6),
        text="4982 sayılı Kanunun 25. maddesi gereğince.",
    )
    history.act(appealed, "reject", at=T0 + timedelta(hours=6), text="Talep reddedildi.")
    history.act(appealed, "reopen", at=T0 + timedelta(hours=9), text="Başvuru sahibi itiraz etti.")
    history.submit(at=T0, subject="pothole")  # not an information request
    stats = information_stats_get(user=town.users["pr"], year=2026)
    assert (stats.received, stats.granted, stats.partly_granted, stats.refused) == (5, 1, 1, 1)
    assert dict(stats.refused_by_ground) == {"art_25": 1}
    assert (stats.appealed, stats.pending, stats.forwarded) == (1, 2, 0)


def test_information_statistics_download_as_excel(client, town):
    client.force_login(town.users["mayor"])
    response = client.get(reverse("insights:information"), {"year": "2026", "format": "xlsx"})
    assert response.status_code == 200 and response.content[:2] == b"PK"
