from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from acikmasa.cases.lifecycle import Action, Status
from acikmasa.cases.models import Case
from acikmasa.desk.forms import queue_filters_from
from acikmasa.desk.selectors import QueueFilters, queue_counts, queue_page

from .helpers import act, new_case


def _numbers(response):
    return [c.tracking_number for c in response.context["page"].rows]


def test_queue_shows_directorate_staff_only_their_directorates_open_cases(town, client):
    pothole = new_case(town)
    waste = new_case(town, subject="waste", description="Çöp alınmadı")
    client.force_login(town.users["fen_staff"])
    response = client.get(reverse("desk:queue"))
    assert response.status_code == 200
    assert _numbers(response) == [pothole.tracking_number]
    assert waste.tracking_number not in response.content.decode()


def test_queue_filters_live_in_the_url(town, client):
    birlik = new_case(
        town, neighbourhood=town.neighbourhoods["birlik"].pk, street=town.streets["ataturk"].pk
    )
    tuna = new_case(town, neighbourhood=town.neighbourhoods["tuna"].pk)
    light = new_case(town, subject="street_light", description="Lamba yanmıyor")
    client.force_login(town.users["pr"])
    url = reverse("desk:queue")
    assert _numbers(client.get(url, {"neighbourhood": town.neighbourhoods["tuna"].pk})) == [
        tuna.tracking_number
    ]
    assert _numbers(client.get(url, {"street": town.streets["ataturk"].pk})) == [
        birlik.tracking_number
    ]
    assert _numbers(client.get(url, {"subject": town.subjects["street_light"].pk})) == [
        light.tracking_number
    ]
    assert set(_numbers(client.get(url, {"case_type": "request"}))) >= {tuna.tracking_number}
    act(town, tuna, "fen_manager", Action.ASSIGN, assignee_id=town.users["fen_staff"].pk)
    assert _numbers(client.get(url, {"assignee": town.users["fen_staff"].pk})) == [
        tuna.tracking_number
    ]
    assert tuna.tracking_number not in _numbers(client.get(url, {"assignee": "none"}))
    assert _numbers(client.get(url, {"status": Status.ASSIGNED})) == [tuna.tracking_number]


def test_queue_overdue_and_due_soon_filters(town, client):
    late, soon, later = new_case(town), new_case(town), new_case(town)
    now = timezone.now()
    Case.objects.filter(pk=late.pk).update(due_at=now - timedelta(hours=2))
    Case.objects.filter(pk=soon.pk).update(due_at=now + timedelta(hours=3))
    Case.objects.filter(pk=later.pk).update(due_at=now + timedelta(days=5))
    client.force_login(town.users["fen_staff"])
    assert _numbers(client.get(reverse("desk:queue"), {"overdue": "1"})) == [late.tracking_number]
    assert _numbers(client.get(reverse("desk:queue"), {"due_soon": "1"})) == [soon.tracking_number]
    page = client.get(reverse("desk:queue")).content.decode()
    assert "Gecikmiş" in page or "late by" in page  # lateness said in words, not only colour


def test_queue_sorts_by_due_time_by_default_and_by_created_or_priority_on_request(town, client):
    a, b, c = new_case(town), new_case(town), new_case(town, priority=4)
    now = timezone.now()
    Case.objects.filter(pk=a.pk).update(due_at=now + timedelta(days=3))
    Case.objects.filter(pk=b.pk).update(due_at=now + timedelta(days=1))
    Case.objects.filter(pk=c.pk).update(due_at=None)
    client.force_login(town.users["fen_staff"])
    assert _numbers(client.get(reverse("desk:queue"))) == [
        b.tracking_number,
        a.tracking_number,
        c.tracking_number,
    ]
    assert _numbers(client.get(reverse("desk:queue"), {"sort": "created"})) == [
        c.tracking_number,
        b.tracking_number,
        a.tracking_number,
    ]
    assert _numbers(client.get(reverse("desk:queue"), {"sort": "priority"}))[0] == c.tracking_number


@pytest.mark.parametrize("sort", ["due", "created", "priority"])
def test_keyset_pages_cover_every_case_once_in_order(town, sort):
    cases = [new_case(town, priority=1 + i % 4) for i in range(23)]
    now = timezone.now()
    for i, case in enumerate(cases):  # some ties, some nulls
        Case.objects.filter(pk=case.pk).update(
            due_at=None if i % 5 == 0 else now + timedelta(hours=i % 7)
        )
    user, filters = town.users["fen_staff"], QueueFilters(sort=sort)
    seen, cursor = [], ""
    while True:
        page = queue_page(user=user, filters=filters, cursor=cursor, size=4)
        seen += [c.pk for c in page.rows]
        if not page.has_next:
            break
        cursor = page.next_cursor
    whole = queue_page(user=user, filters=filters, size=100).rows
    assert seen == [c.pk for c in whole]
    assert sorted(seen) == sorted(c.pk for c in cases)


def test_a_malformed_cursor_shows_the_first_page(town, client):
    case = new_case(town)
    client.force_login(town.users["fen_staff"])
    response = client.get(reverse("desk:queue"), {"after": "not-a-cursor!!"})
    assert response.status_code == 200 and _numbers(response) == [case.tracking_number]


def test_queue_next_page_link_keeps_the_filters(town, client):
    for _ in range(51):
        new_case(town)
    client.force_login(town.users["fen_staff"])
    response = client.get(
        reverse("desk:queue"), {"sort": "created", "subject": town.subjects["pothole"].pk}
    )
    page = response.context["page"]
    assert page.has_next and len(page.rows) == 50
    html = response.content.decode()
    assert "sort=created" in html and f"after={page.next_cursor}" in html
    second = client.get(
        reverse("desk:queue"),
        {"sort": "created", "subject": town.subjects["pothole"].pk, "after": page.next_cursor},
    )
    assert len(second.context["page"].rows) == 1


def test_queue_counts_per_filter_are_shown(town, client):
    new_case(town)
    new_case(town)
    done = new_case(town)
    act(town, done, "fen_staff", Action.RESOLVE, "Asfalt yamandı, çukur kapandı.")
    client.force_login(town.users["fen_staff"])
    counts = queue_counts(user=town.users["fen_staff"], filters=QueueFilters())
    assert {v: n for v, _, n in counts.by_status}["open"] == 2
    assert {v: n for v, _, n in counts.by_status}[Status.RESOLVED] == 1
    html = client.get(reverse("desk:queue_counts")).content.decode()
    assert "Çözüldü: 1" in html or "Resolved: 1" in html


def test_counts_stop_at_the_cap(town, monkeypatch):
    from acikmasa.desk import selectors

    monkeypatch.setattr(selectors, "COUNT_CAP", 2)
    for _ in range(4):
        new_case(town)
    counts = queue_counts(user=town.users["fen_staff"], filters=QueueFilters())
    assert {v: n for v, _, n in counts.by_status}["open"] == 3  # cap + 1 means "more than the cap"


def test_queue_page_query_count_does_not_grow_with_rows(town, client):
    client.force_login(town.users["fen_manager"])
    for _ in range(3):
        new_case(
            town, neighbourhood=town.neighbourhoods["birlik"].pk, street=town.streets["ataturk"].pk
        )
    cache.clear()  # both measurements start with the option lists uncached
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("desk:queue"))
    for _ in range(20):
        new_case(
            town, neighbourhood=town.neighbourhoods["birlik"].pk, street=town.streets["ataturk"].pk
        )
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("desk:queue"))
    assert len(many) == len(few) <= 16
    with CaptureQueriesContext(connection) as warm:
        client.get(reverse("desk:queue"))
    assert len(warm) <= len(many) - 4  # the option lists come from the cache for a minute


def test_unknown_filter_values_are_ignored():
    filters = queue_filters_from(
        {"status": "bogus", "subject": "x1", "sort": "drop table", "assignee": "'; --"}
    )
    assert filters == QueueFilters()


def test_manager_bulk_assigns_cases_of_their_directorate(town, client):
    a, b = new_case(town), new_case(town)
    client.force_login(town.users["fen_manager"])
    response = client.post(
        reverse("desk:bulk_assign"),
        {"case": [a.pk, b.pk], "assignee_id": town.users["fen_staff"].pk, "back": "?sort=created"},
    )
    assert response.status_code == 302 and response["Location"].endswith("?sort=created")
    for case in (a, b):
        case.refresh_from_db()
        assert case.assignee == town.users["fen_staff"] and case.status == Status.ASSIGNED
        assert case.events.filter(kind="assigned").count() == 1


def test_bulk_assign_skips_cases_outside_the_managers_directorates(town, client):
    waste = new_case(town, subject="waste", description="Çöp")
    client.force_login(town.users["fen_manager"])
    client.post(
        reverse("desk:bulk_assign"), {"case": [waste.pk], "assignee_id": town.users["fen_staff"].pk}
    )
    waste.refresh_from_db()
    assert waste.assignee is None and waste.status == Status.NEW


def test_bulk_assign_by_directorate_staff_is_refused(town, client):
    case = new_case(town)
    client.force_login(town.users["fen_staff"])
    response = client.post(
        reverse("desk:bulk_assign"), {"case": [case.pk], "assignee_id": town.users["fen_staff"].pk}
    )
    assert response.status_code == 403
    case.refresh_from_db()
    assert case.assignee is None


def test_bulk_assign_checkboxes_shown_only_to_managers(town, client):
    new_case(town)
    client.force_login(town.users["fen_staff"])
    assert 'name="case"' not in client.get(reverse("desk:queue")).content.decode()
    client.force_login(town.users["fen_manager"])
    assert 'name="case"' in client.get(reverse("desk:queue")).content.decode()


def test_queue_needs_login(client):
    response = client.get(reverse("desk:queue"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_overdue_filter_with_a_closed_status_shows_nothing_and_counts_no_closed_cases(town, client):
    case = new_case(town)
    act(town, case, "fen_staff", Action.RESOLVE, "Asfalt yamandı, çukur kapandı.")
    Case.objects.filter(pk=case.pk).update(due_at=timezone.now() - timedelta(days=1))
    client.force_login(town.users["fen_staff"])
    assert (
        _numbers(client.get(reverse("desk:queue"), {"status": Status.RESOLVED, "overdue": "1"}))
        == []
    )
    counts = queue_counts(user=town.users["fen_staff"], filters=QueueFilters(overdue=True))
    assert {v: n for v, _, n in counts.by_status}[Status.RESOLVED] == 0


@pytest.mark.parametrize(
    "params", [{}, {"status": "all"}, {"overdue": "1"}, {"status": Status.NEW}]
)
def test_partitioned_and_plain_queues_agree(town, client, params):
    late, soon, done = new_case(town), new_case(town), new_case(town)
    act(town, done, "fen_staff", Action.RESOLVE, "Asfalt yamandı, çukur kapandı.")
    Case.objects.filter(pk=late.pk).update(due_at=timezone.now() - timedelta(hours=1))
    expected = {
        frozenset(): {late, soon},
        frozenset({"status"}): {late, soon, done},
        frozenset({"overdue"}): {late},
        frozenset({"status_new"}): {late, soon},
    }
    key = frozenset({"status_new"}) if params.get("status") == Status.NEW else frozenset(params)
    client.force_login(town.users["fen_staff"])
    assert set(_numbers(client.get(reverse("desk:queue"), params))) == {
        c.tracking_number for c in expected[key]
    }
