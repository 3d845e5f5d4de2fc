"""Pages: scope, refusals, query bounds, exports read back, no personal data where none may be."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.insights.exports import OPEN_DATA_COLUMNS
from acikmasa.insights.filters import InsightFilters
from acikmasa.insights.selectors import dashboard_get

from .conftest import T0

pytestmark = pytest.mark.django_db
QUERY = {"start": "2026-03-01", "end": "2026-03-31"}
PERSON = CitizenInput(
    first_name="Zeynep",
    last_name="Kılıçarslan",
    national_id="10000000146",
    phone="+905321234567",
    email="zeynep@example.org",
    address="Birlik Mah. Gül Sok. No:17 D:4",
    gender="female",
    birth_year=1988,
)


def login(client, town, name):
    client.force_login(town.users[name])
    return client


def test_directorate_manager_sees_only_own_directorate(story):
    t = story["town"]
    f = dashboard_get(user=t.users["fen_manager"], filters=InsightFilters.from_query(QUERY)).figures
    assert f.received == 4
    f = dashboard_get(
        user=t.users["temizlik_manager"], filters=InsightFilters.from_query(QUERY)
    ).figures
    assert f.received == 1


def test_drill_down_of_a_manager_never_lists_another_directorates_case(client, story):
    t = story["town"]
    page = login(client, t, "fen_manager").get(
        reverse("insights:drill"), QUERY | {"metric": "received"}
    )
    assert page.status_code == 200
    assert story["a"].tracking_number in page.content.decode()
    assert story["e"].tracking_number not in page.content.decode()


@pytest.mark.parametrize("name", ["desk", "caller", "field", "fen_staff"])
def test_insights_pages_are_refused_to_roles_that_do_not_audit(client, town, name):
    assert login(client, town, name).get(reverse("insights:dashboard")).status_code == 403


def test_insights_pages_need_a_login(client, town):
    response = client.get(reverse("insights:dashboard"))
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize("url", ["dashboard", "scorecard", "where", "who", "information", "drill"])
def test_every_page_opens_for_the_pr_manager_and_in_english(client, story, url):
    client = login(client, story["town"], "pr")
    assert client.get(reverse("insights:" + url), QUERY).status_code == 200
    path = reverse("insights:" + url)
    english = client.get("/en" + path, QUERY)
    assert english.status_code == 200 and 'lang="en"' in english.content.decode()


def test_dashboard_numbers_link_to_their_drill_down(client, story):
    body = (
        login(client, story["town"], "pr")
        .get(reverse("insights:dashboard"), QUERY)
        .content.decode()
    )
    assert 'data-figure="overdue">1<' in body
    assert "metric=overdue" in body and "start=2026-03-01" in body


def test_dashboard_query_count_is_bounded_however_many_cases(
    client, history, story, django_assert_max_num_queries
):
    for i in range(15):
        history.submit(
            at=T0 + timedelta(hours=i), subject=["pothole", "waste"][i % 2], neighbourhood="tuna"
        )
    client = login(client, story["town"], "pr")
    with django_assert_max_num_queries(18):
        assert client.get(reverse("insights:dashboard"), QUERY).status_code == 200
    with django_assert_max_num_queries(18):
        assert client.get(reverse("insights:scorecard"), QUERY).status_code == 200
    with django_assert_max_num_queries(18):
        assert client.get(reverse("insights:where"), QUERY).status_code == 200


def test_xlsx_export_has_typed_cells(client, story):
    response = login(client, story["town"], "pr").get(reverse("insights:export_xlsx"), QUERY)
    book = load_workbook(io.BytesIO(response.content))
    summary = book["Summary"]
    assert summary["A2"].value.date() == date(2026, 3, 1) and summary["A2"].is_date
    assert summary["C2"].value == 5 and summary["C2"].data_type == "n"
    assert summary["G2"].value == pytest.approx(0.6) and summary["G2"].number_format == "0.0%"
    assert summary["H2"].value == pytest.approx(30, abs=0.01)
    directorates = {
        row[0]: row for row in book["Directorates"].iter_rows(min_row=2, values_only=True)
    }
    assert directorates["Fen İşleri Müdürlüğü"][1] == 4


def test_open_data_csv_holds_no_personal_data(client, history, story):
    case = history.submit(
        at=T0 + timedelta(hours=1),
        citizen=PERSON,
        neighbourhood="birlik",
        street="ataturk",
        description="Evimin önündeki çukur; ben Zeynep, 0532 123 45 67",
    )
    response = login(client, story["town"], "pr").get(reverse("insights:export_csv"), QUERY)
    text = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == OPEN_DATA_COLUMNS
    assert len(rows) == 1 + 6
    for secret in (
        "Zeynep",
        "Kılıçarslan",
        "10000000146",
        "5321234567",
        "example.org",
        "Gül Sok",
        "17",
        case.tracking_number,
        case.public_token,
        "çukur;",
    ):
        assert secret not in text
    assert any(row[5] == "Birlik" and row[6] == "Atatürk Caddesi" for row in rows[1:])


def test_public_page_needs_no_login_and_shows_no_personal_data(client, history, story):
    history.submit(at=T0 + timedelta(hours=1), citizen=PERSON)
    response = client.get(reverse("insights:public"), QUERY)
    body = response.content.decode()
    assert response.status_code == 200
    assert 'data-figure="received">6<' in body
    assert "Fen İşleri Müdürlüğü" in body and "Birlik" in body
    for secret in (
        "Zeynep",
        "Kılıçarslan",
        "10000000146",
        "5321234567",
        story["a"].tracking_number,
        "çukur",
    ):
        assert secret not in body


def test_public_page_hides_times_of_groups_smaller_than_the_minimum(story):
    from acikmasa.insights.public import public_figures_get

    figures = public_figures_get(
        municipality=story["town"].municipality, filters=InsightFilters.from_query(QUERY)
    )
    by_name = {d.code: f for d, f in figures.directorates}
    assert by_name["fen"].solved == 2 and by_name["fen"].median_hours is None


def test_turkish_labels_are_ours_even_where_another_app_translates_the_same_word(client, story):
    body = (
        login(client, story["town"], "pr")
        .get(reverse("insights:dashboard"), QUERY)
        .content.decode()
    )
    assert "<dt>Gelen</dt>" in body and "<dt>Süresi geçen</dt>" in body


def test_public_open_data_needs_no_login_and_holds_no_personal_data(client, history, story):
    case = history.submit(
        at=T0 + timedelta(hours=1),
        citizen=PERSON,
        description="Zeynep Hanım'ın kapısı önünde çukur",
    )
    response = client.get(reverse("insights:public_open_data"), QUERY)
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    assert text.splitlines()[0] == ",".join(OPEN_DATA_COLUMNS) and len(text.splitlines()) == 1 + 6
    for secret in ("Zeynep", "Kılıçarslan", "10000000146", case.tracking_number, case.public_token):
        assert secret not in text


def test_public_open_data_of_more_than_a_year_is_refused_with_a_clear_error(client, town):
    response = client.get(
        reverse("insights:public_open_data"), {"start": "2024-01-01", "end": "2026-01-01"}
    )
    assert response.status_code == 400 and "error" in response.json()


def test_shares_and_hours_are_written_the_turkish_way_in_turkish_and_the_english_way_in_english(
    client, story
):
    client = login(client, story["town"], "pr")
    assert (
        'data-figure="solved_share">%60,0<'
        in client.get(reverse("insights:dashboard"), QUERY).content.decode()
    )
    english = client.get("/en" + reverse("insights:dashboard"), QUERY).content.decode()
    assert 'data-figure="solved_share">60.0%<' in english
    assert 'data-figure="median">30.0 h<' in english
