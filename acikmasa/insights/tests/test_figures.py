"""Each figure against hand-built histories; run on SQLite and PostgreSQL alike."""

from datetime import timedelta

import pytest

from acikmasa.cases.models import Case
from acikmasa.insights.filters import InsightFilters
from acikmasa.insights.selectors import dashboard_get, drill_down, scorecard_get
from acikmasa.insights.stats import interpolated

from .conftest import T0

pytestmark = pytest.mark.django_db
PERIOD = InsightFilters.from_query({"start": "2026-03-01", "end": "2026-03-31"})


def test_story_preconditions_hold(story):
    # The 48-hour standard binds potholes; waste has no standard, so no deadline figure counts it.
    assert story["a"].due_at == T0 + timedelta(hours=48)
    assert story["e"].due_at is None
    assert story["d"].status == "new"


def test_dashboard_counts_received_solved_open_overdue_from_history(story):
    f = dashboard_get(user=story["town"].users["pr"], filters=PERIOD).figures
    assert (f.received, f.solved, f.open, f.overdue) == (5, 3, 1, 1)
    assert f.solved_share == pytest.approx(3 / 5)


def test_deadline_met_share_counts_solved_cases_with_a_deadline_only(story):
    f = dashboard_get(user=story["town"].users["pr"], filters=PERIOD).figures
    assert (f.met, f.missed) == (1, 1)
    assert f.met_share == pytest.approx(0.5)


def test_reopen_rate_counts_cases_with_a_reopened_event(story):
    f = dashboard_get(user=story["town"].users["pr"], filters=PERIOD).figures
    assert f.reopened == 1
    assert f.reopen_rate == pytest.approx(1 / 5)


def test_median_and_90th_percentile_interpolate_like_percentile_cont(story):
    # Solved durations: A 10 h, E 30 h (its last resolution), B 60 h.
    f = dashboard_get(user=story["town"].users["pr"], filters=PERIOD).figures
    assert f.median_hours == pytest.approx(30, abs=0.01)
    assert f.p90_hours == pytest.approx(54, abs=0.01)


def test_interpolated_quantiles_of_small_lists():
    assert interpolated([], 0.5) is None
    assert interpolated([7.0], 0.9) == 7.0
    assert interpolated([1.0, 2.0, 3.0, 4.0], 0.5) == 2.5


def test_cases_outside_the_period_are_not_counted(story):
    april = InsightFilters.from_query({"start": "2026-04-01", "end": "2026-04-30"})
    assert dashboard_get(user=story["town"].users["pr"], filters=april).figures.received == 0


def test_time_series_top_subjects_and_channel_mix(story):
    board = dashboard_get(user=story["town"].users["pr"], filters=PERIOD)
    assert [(row["at"].isoformat(), row["received"], row["solved"]) for row in board.series] == [
        ("2026-03-02", 5, 3)
    ]
    assert [(s.code, n) for s, n in board.subjects] == [("pothole", 4), ("waste", 1)]
    assert sorted((c.code, n) for c, n in board.channels) == [("call_centre", 1), ("web", 4)]


@pytest.mark.parametrize(
    "bucket,first", [("day", "2026-03-02"), ("week", "2026-03-02"), ("month", "2026-03-01")]
)
def test_series_buckets_by_local_day_week_and_month(history, wall, bucket, first):
    # 00:30 in Istanbul is still the previous day in UTC: the bucket must follow local time.
    history.submit(at=T0.replace(hour=0, minute=30))
    history.submit(at=T0 + timedelta(days=8))
    filters = InsightFilters.from_query({**PERIOD.as_query(), "bucket": bucket})
    series = dashboard_get(user=history.town.users["pr"], filters=filters).series
    assert series[0]["at"].isoformat() == first and series[0]["received"] >= 1
    assert sum(row["received"] for row in series) == 2
    assert len(series) == {"day": 2, "week": 2, "month": 1}[bucket]


def test_filters_slice_by_subject_and_neighbourhood(story):
    t = story["town"]
    user = t.users["pr"]
    waste = InsightFilters.from_query({**PERIOD.as_query(), "subject": str(t.subjects["waste"].pk)})
    assert dashboard_get(user=user, filters=waste).figures.received == 1
    birlik = InsightFilters.from_query(
        {**PERIOD.as_query(), "neighbourhood": str(t.neighbourhoods["birlik"].pk)}
    )
    assert dashboard_get(user=user, filters=birlik).figures.received == 2


@pytest.mark.parametrize(
    "metric,cases",
    [
        ("received", "abcde"),
        ("solved", "abe"),
        ("open", "d"),
        ("overdue", "d"),
        ("met", "a"),
        ("missed", "b"),
        ("reopened", "e"),
    ],
)
def test_drill_down_lists_exactly_the_cases_behind_each_figure(story, metric, cases):
    listed = set(
        drill_down(user=story["town"].users["pr"], filters=PERIOD, metric=metric).values_list(
            "pk", flat=True
        )
    )
    assert listed == {story[k].pk for k in cases}


def test_scorecard_has_one_row_per_directorate_with_previous_period(story, history):
    t = story["town"]
    history.submit(
        at=T0 - timedelta(days=10), subject="waste"
    )  # 20 February: inside the previous period (29 Jan - 28 Feb)
    rows = {r.directorate.code: r for r in scorecard_get(user=t.users["pr"], filters=PERIOD)}
    assert rows["fen"].current.received == 4 and rows["fen"].current.solved == 2
    assert rows["temizlik"].current.received == 1 and rows["temizlik"].previous.received == 1
    assert rows["fen"].previous.received == 0


def test_scorecard_sorts_by_any_figure_both_ways(story):
    user = story["town"].users["pr"]
    assert [
        r.directorate.code for r in scorecard_get(user=user, filters=PERIOD, sort="received")
    ] == ["fen", "temizlik"]
    assert [
        r.directorate.code for r in scorecard_get(user=user, filters=PERIOD, sort="-received")
    ] == ["temizlik", "fen"]
    assert [
        r.directorate.code for r in scorecard_get(user=user, filters=PERIOD, sort="solved_share")
    ] == ["temizlik", "fen"]


def test_every_figure_matches_a_recount_from_the_events(story):
    """Truth: the figures equal what the event log alone says."""
    from acikmasa.cases.events import EventKind
    from acikmasa.cases.models import CaseEvent

    f = dashboard_get(user=story["town"].users["pr"], filters=PERIOD).figures
    ids = list(Case.objects.values_list("pk", flat=True))
    last = {}
    for event in CaseEvent.objects.filter(case_id__in=ids).order_by("case_id", "sequence"):
        if event.to_status:
            last[event.case_id] = event
    solved = [e for e in last.values() if e.to_status in ("resolved", "closed")]
    assert f.solved == len(solved)
    assert (
        f.reopened
        == CaseEvent.objects.filter(kind=EventKind.REOPENED).values("case").distinct().count()
    )


def test_scorecard_percentiles_are_computed_per_directorate(story):
    rows = {
        r.directorate.code: r for r in scorecard_get(user=story["town"].users["pr"], filters=PERIOD)
    }
    # fen solved A (10 h) and B (60 h); temizlik solved E (30 h).
    assert rows["fen"].current.median_hours == pytest.approx(35, abs=0.01)
    assert rows["fen"].current.p90_hours == pytest.approx(55, abs=0.01)
    assert rows["temizlik"].current.median_hours == pytest.approx(30, abs=0.01)
    assert (
        rows["fen"].current.met_share == pytest.approx(0.5)
        and rows["temizlik"].current.met_share is None
    )
