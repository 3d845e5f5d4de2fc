"""The roll-ups stay equal to a recount from the events, whatever the history (SQLite and
PostgreSQL)."""

import io
import threading
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from acikmasa.cases.models import Case
from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.cases.services.intake import case_submit
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.common.errors import DomainError
from acikmasa.common.testing import make_town
from acikmasa.insights import recount
from acikmasa.insights.figures import Figures
from acikmasa.insights.filters import InsightFilters
from acikmasa.insights.histogram import BUCKETS, bounds, bucket_of, quantile
from acikmasa.insights.models import DirectorateRollup, PlaceRollup, Span
from acikmasa.insights.rollup import GRAINS
from acikmasa.insights.rollup_read import grain_for
from acikmasa.insights.selectors import (
    dashboard_get,
    figures_of,
    grouped_figures,
    scope_of,
    scoped_cases,
    summary,
)
from acikmasa.notify.models import Survey
from acikmasa.notify.services.surveys import survey_answer_submit

from .conftest import T0

pytestmark = pytest.mark.django_db


def totals(model=DirectorateRollup, span=Span.DAY, **where) -> dict:
    rows = model.objects.filter(span=span, **where)
    return {
        f: sum(getattr(r, f) for r in rows)
        for f in ("received", "solved", "met", "missed", "reopened", "answered")
    }


def test_the_story_is_counted_once_per_span_and_equals_the_recount(story):
    for span in (Span.DAY, Span.MONTH):
        assert totals(span=span) == {
            "received": 5,
            "solved": 3,
            "met": 1,
            "missed": 1,
            "reopened": 1,
            "answered": 0,
        }
    assert recount.verify().ok


def test_forwarding_moves_the_case_to_the_other_directorates_rows(history, town):
    case = history.submit(at=T0)
    history.act(
        case,
        "forward",
        at=T0 + timedelta(hours=1),
        text="Temizlik işi.",
        directorate_id=town.directorates["temizlik"].pk,
    )
    fen, temizlik = town.directorates["fen"].pk, town.directorates["temizlik"].pk
    assert totals(directorate=fen)["received"] == 0
    assert totals(directorate=temizlik)["received"] == 1
    assert recount.verify().ok


def test_a_survey_answer_counts_in_satisfaction(history, town):
    case = history.resolve(history.submit(at=T0), after_hours=5)
    Survey.objects.get_or_create(case=case)
    survey_answer_submit(case_id=case.pk, solved=True, score=4)
    row = DirectorateRollup.objects.get(span=Span.MONTH)
    assert (row.answered, row.score_n, row.score_sum, row.said_unsolved) == (1, 1, 4, 0)
    assert recount.verify().ok


def test_verify_finds_a_tampered_row_and_rebuild_repairs_it(story):
    DirectorateRollup.objects.filter(span=Span.DAY).update(received=99)
    PlaceRollup.objects.create(
        municipality=story["town"].municipality.pk,
        span=Span.DAY,
        day=T0.date() - timedelta(days=400),
        received=1,
    )
    result = recount.verify()
    assert not result.ok and {m.grain for m in result.mismatches} == {
        "DirectorateRollup",
        "PlaceRollup",
    }
    with pytest.raises(CommandError):
        call_command("insights_verify", stdout=None, stderr=io.StringIO())
    call_command("insights_rebuild", stdout=io.StringIO())
    assert recount.verify().ok
    assert totals()["received"] == 5


def test_histogram_buckets_and_quantiles():
    assert bucket_of(0) == 0 and bucket_of(0.25) == 1 and bucket_of(10**9) == BUCKETS - 1
    for hours in (0.3, 1, 7.5, 48, 1000):
        low, high = bounds(bucket_of(hours))
        assert low <= hours < high
    assert quantile([0] * BUCKETS, 0.5) is None
    # 1,000 durations spread evenly from 1 h to 1,000 h: the histogram's median is within a bucket's
    # width.
    counts = [0] * BUCKETS
    values = [1 + i * 0.999 for i in range(1000)]
    for v in values:
        counts[bucket_of(v)] += 1
    ordered = sorted(values)
    assert quantile(counts, 0.5) == pytest.approx(ordered[500], rel=0.05)
    assert quantile(counts, 0.9) == pytest.approx(ordered[900], rel=0.05)


ACTIONS = (
    "start",
    "resolve",
    "close",
    "reopen",
    "reject",
    "forward",
    "ask_citizen",
    "resume",
    "mark_duplicate",
    "forward_out",
    "survey",
)
STEP = st.tuples(
    st.sampled_from(("submit", *ACTIONS)), st.integers(0, 7), st.integers(0, 300), st.booleans()
)


def _play(town, wall, steps) -> None:
    cases: list[Case] = []
    now = T0
    subjects, channels, hoods = (
        ("pothole", "street_light", "waste"),
        ("web", "call_centre", "cimer"),
        (None, "birlik", "tuna"),
    )
    for op, pick, hours, flag in steps:
        now = wall.set(now + timedelta(hours=hours, minutes=7))
        if op == "submit" or not cases:
            cases.append(
                case_submit(
                    municipality=town.municipality,
                    channel=channels[pick % 3],
                    subject=subjects[pick % 3],
                    description="Sokakta derin bir çukur var.",
                    received_at=now,
                    neighbourhood=town.neighbourhoods[hoods[pick % 3]].pk
                    if hoods[pick % 3]
                    else None,
                    case_type="information" if flag and pick % 2 else None,
                    citizen=CitizenInput(
                        first_name="Ayşe", last_name="Işık", email="ayse@example.org"
                    )
                    if flag
                    else None,
                ).case
            )
            continue
        case = cases[pick % len(cases)]
        try:
            if op == "survey":
                Survey.objects.get_or_create(case=case)
                survey_answer_submit(
                    case_id=case.pk, solved=flag, score=(pick % 5) + 1 if pick else None
                )
                continue
            params = {
                "forward": {"directorate_id": town.directorates["temizlik" if flag else "fen"].pk},
                "mark_duplicate": {"master_id": cases[0].pk},
                "forward_out": {"external_body_id": town.external_bodies["elektrik"].pk},
            }.get(op, {})
            case_transition(
                case_id=case.pk,
                actor=None,
                request=TransitionRequest(
                    action=op, text="Ekip yerinde inceledi ve işi tamamladı.", params=params
                ),
            )
        except DomainError:
            pass  # a move the lifecycle refuses: the history simply goes on


class Rollback(Exception):
    pass


FIELDS = (
    "received",
    "solved",
    "open",
    "overdue",
    "met",
    "missed",
    "reopened",
    "answered",
    "score_sum",
    "said_unsolved",
    "median_hours",
    "p90_hours",
)


def _as_tuple(figures) -> tuple:
    return tuple(
        round(v, 6) if isinstance(v, float) else v for v in (getattr(figures, f) for f in FIELDS)
    )


def _same_as_live(user, filters, now) -> None:
    """The roll-up answer of every page's question equals the count from the case rows."""
    cases = scoped_cases(user=user, filters=filters)
    scope = scope_of(user)
    got = summary(scope=scope, filters=filters, cases=cases, now=now)
    want = figures_of(cases, now, filters.since)
    assert _as_tuple(got.get(None, Figures())) == _as_tuple(want)
    for group in ("directorate_id", "neighbourhood_id", "channel_id", "subject_id"):
        got = summary(scope=scope, filters=filters, cases=cases, now=now, group=group)
        want = grouped_figures(cases, group, now, since=filters.since)
        assert {k: _as_tuple(f) for k, f in got.items()} == {
            k: _as_tuple(f) for k, f in want.items()
        }, group


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    steps=st.lists(STEP, min_size=1, max_size=25),
    start=st.integers(0, 60),
    length=st.integers(0, 120),
)
def test_random_histories_keep_the_rollups_equal_to_the_recount(town, wall, steps, start, length):
    try:
        with transaction.atomic():
            _play(town, wall, steps)
            result = recount.verify()
            assert result.ok, result.mismatches[:3]
            # And equal to the case rows themselves: every case counted once per grain and span.
            assert totals(span=Span.MONTH)["received"] == Case.objects.count()
            # Any window (whole months from month rows, the ends from day rows) gives the live
            # figures.
            first = T0.date() + timedelta(days=start - 20)
            window = InsightFilters(start=first, end=first + timedelta(days=length))
            for user in ("pr", "fen_manager"):
                _same_as_live(town.users[user], window, wall.now)
            # The rebuild (set-based SQL on PostgreSQL) writes exactly what the hooks kept.
            kept = {
                g.model.__name__: sorted(
                    g.model.objects.filter(received__gt=0).values_list(
                        *g.columns, "received", "solved", "h10"
                    )
                )
                for g in GRAINS
            }
            recount.rebuild()
            assert recount.verify().ok
            assert kept == {
                g.model.__name__: sorted(
                    g.model.objects.values_list(*g.columns, "received", "solved", "h10")
                )
                for g in GRAINS
            }
            raise Rollback
    except Rollback:
        pass


def test_a_filter_pair_no_grain_holds_is_counted_from_the_cases(story):
    both = InsightFilters.from_query(
        {
            "start": "2026-03-01",
            "end": "2026-03-31",
            "subject": str(story["a"].subject_id),
            "channel": str(story["a"].channel_id),
        }
    )
    assert grain_for(both) is None
    _same_as_live(story["town"].users["pr"], both, T0 + timedelta(hours=100))


def test_large_sets_take_percentiles_from_the_histogram(story, settings):
    settings.INSIGHTS_EXACT_PERCENTILES_MAX = 0
    march = InsightFilters.from_query({"start": "2026-03-01", "end": "2026-03-31"})
    f = dashboard_get(user=story["town"].users["pr"], filters=march).figures
    # Exact: 30 h (test_figures); the histogram's median is within a bucket's width of it.
    assert f.median_hours == pytest.approx(30, rel=0.13)
    assert f.median_hours != 30


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_concurrent_transactions_on_the_same_rollup_rows_lose_no_count():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL)")
    town = make_town()
    per_thread, threads_n = 6, 4
    barrier = threading.Barrier(threads_n)
    errors: list[Exception] = []

    def work() -> None:
        try:
            barrier.wait(timeout=10)
            for _ in range(per_thread):
                # Same subject, channel and day for everyone: every transaction updates the same
                # rows.
                case = case_submit(
                    municipality=town.municipality,
                    channel="web",
                    subject="pothole",
                    description="Sokakta derin bir çukur var.",
                ).case
                case_transition(
                    case_id=case.pk,
                    actor=None,
                    request=TransitionRequest(action="resolve", text="Çukur asfaltla kapatıldı."),
                )
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(threads_n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    expected = per_thread * threads_n
    for span in (Span.DAY, Span.MONTH):
        got = totals(span=span)
        assert (got["received"], got["solved"]) == (expected, expected)
    assert recount.verify().ok
