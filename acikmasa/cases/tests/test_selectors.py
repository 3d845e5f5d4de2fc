"""Reads: filters, Turkish text search, timelines and the replay of history."""

from datetime import timedelta

import pytest
from django.utils import timezone

from acikmasa.cases.events import EventKind
from acikmasa.cases.lifecycle import Action, Status
from acikmasa.cases.selectors import CaseFilters, case_list, case_timeline, replay_status

from .helpers import RESOLUTION, act, case_in, submit


@pytest.mark.parametrize("query", ["IŞIK", "ışık", "Işık"])
def test_text_search_finds_turkish_words_in_any_case(town, query):
    lamp = submit(town, subject="street_light", description="Sokak lambası ışık vermiyor")
    shout = submit(town, subject="street_light", description="LAMBA YANMIYOR, IŞIK YOK")
    submit(town, description="Çukur var")
    found = set(case_list(user=town.users["admin"], filters=CaseFilters(text=query)))
    assert found == {lamp, shout}


def test_text_search_by_tracking_number(town):
    case = submit(town)
    submit(town)
    assert list(
        case_list(user=town.users["admin"], filters=CaseFilters(text=f" {case.tracking_number} "))
    ) == [case]


def test_open_and_overdue_filters(town):
    late = submit(town, received_at=timezone.now() - timedelta(days=5))  # 48-hour standard: overdue
    fresh = submit(town)
    done = case_in(town, Status.RESOLVED, received_at=timezone.now() - timedelta(days=5))
    admin = town.users["admin"]
    assert set(case_list(user=admin, filters=CaseFilters(overdue=True))) == {late}
    assert set(case_list(user=admin, filters=CaseFilters(only_open=True))) == {late, fresh}
    assert set(case_list(user=admin, filters=CaseFilters(due_within_hours=49))) == {fresh}
    assert set(case_list(user=admin, filters=CaseFilters(status=Status.RESOLVED))) == {done}


def test_the_public_timeline_hides_notes_and_internal_moves(town):
    case = submit(town)
    act(case, Action.NOTE, actor=town.users["fen_staff"], text="Ekip yarın gidecek")
    act(case, Action.START, actor=town.users["fen_staff"])
    act(case, Action.RESOLVE, actor=town.users["fen_staff"], text=RESOLUTION)
    public = [e.kind for e in case_timeline(case, public_only=True)]
    assert public == [EventKind.CREATED, EventKind.RESOLVED]
    assert len(case_timeline(case)) == 5


def test_replaying_the_history_gives_the_current_status(town):
    case = case_in(town, Status.REOPENED)
    assert replay_status(list(case_timeline(case))) == case.status == Status.REOPENED
    assert replay_status([]) == ""
