"""Two people acting on one case at once never overwrite each other."""

import threading
from collections.abc import Callable

import pytest
from django.db import connection

from acikmasa.cases.events import EventKind
from acikmasa.cases.lifecycle import Action, Status
from acikmasa.cases.models import Case, CaseEvent
from acikmasa.cases.services.history import case_append
from acikmasa.cases.services.intake import case_submit
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.common.errors import ConcurrentChange, DomainError
from acikmasa.common.testing import make_town

from .helpers import RESOLUTION, case_in, case_row, event_rows, submit


def test_a_stale_expected_version_is_refused_and_writes_nothing(town):
    case = case_in(town, Status.NEW)
    seen = case.version
    # someone else starts the work meanwhile
    case_transition(
        case_id=case.pk,
        actor=town.users["fen_manager"],
        request=TransitionRequest(action=Action.START),
    )
    before_row, before_events = case_row(case), event_rows(case)
    with pytest.raises(ConcurrentChange):
        case_transition(
            case_id=case.pk,
            actor=town.users["fen_staff"],
            request=TransitionRequest(
                action=Action.RESOLVE, text=RESOLUTION, expected_version=seen
            ),
        )
    assert case_row(case) == before_row and event_rows(case) == before_events


def test_the_current_expected_version_is_accepted(town):
    case = case_in(town, Status.NEW)
    case_transition(
        case_id=case.pk,
        actor=town.users["fen_staff"],
        request=TransitionRequest(action=Action.START, expected_version=case.version),
    )
    case.refresh_from_db()
    assert case.status == Status.IN_PROGRESS and case.version == 3


def test_a_stale_version_posted_to_the_desk_writes_nothing(client, town):
    from django.urls import reverse

    case = case_in(town, Status.NEW)
    stale = case.version
    case_transition(
        case_id=case.pk,
        actor=town.users["fen_manager"],
        request=TransitionRequest(action=Action.START),
    )
    before = event_rows(case)
    client.force_login(town.users["fen_staff"])
    response = client.post(
        reverse("desk:case_action", args=[case.pk, Action.RESOLVE]),
        {"text": RESOLUTION, "version": stale},
    )
    assert response.status_code in (302, 409)
    assert event_rows(case) == before


def _race(workers: list[Callable[[], object]]) -> list[object]:
    """Run the callables in threads released at the same moment; return results or errors."""
    barrier = threading.Barrier(len(workers))
    results: list[object] = [None] * len(workers)

    def run(index: int, work: Callable[[], object]) -> None:
        try:
            barrier.wait(timeout=10)
            results[index] = work()
        except Exception as error:
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, w)) for i, w in enumerate(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def _assert_contiguous(case: Case) -> list[CaseEvent]:
    case.refresh_from_db()
    events = list(CaseEvent.objects.filter(case=case).order_by("sequence"))
    assert [e.sequence for e in events] == list(range(1, case.version + 1))
    return events


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_resolutions_write_one_resolution():
    town = make_town()
    case = submit(town)
    texts = [f"{name}: çukur asfaltla kapatıldı." for name in ("Ali", "Veli")]
    results = _race(
        [
            lambda t=t, u=u: case_transition(
                case_id=case.pk,
                actor=town.users[u],
                request=TransitionRequest(action=Action.RESOLVE, text=t),
            )
            for t, u in zip(texts, ["fen_staff", "fen_manager"], strict=True)
        ]
    )
    # the row lock serialises them: the second sees a resolved case and is refused
    assert sum(isinstance(r, CaseEvent) for r in results) == 1
    assert sum(isinstance(r, DomainError) for r in results) == 1, results
    events = _assert_contiguous(case)
    assert [e.kind for e in events].count(EventKind.RESOLVED) == 1
    assert case.status == Status.RESOLVED


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_simultaneous_actions_with_the_same_expected_version_let_exactly_one_through():
    town = make_town()
    case = submit(town)
    seen = case.version
    workers = [
        lambda: case_transition(
            case_id=case.pk,
            actor=town.users["fen_manager"],
            request=TransitionRequest(
                action=Action.ASSIGN,
                params={"assignee_id": town.users["fen_staff"].pk},
                expected_version=seen,
            ),
        ),
        lambda: case_transition(
            case_id=case.pk,
            actor=town.users["fen_staff"],
            request=TransitionRequest(
                action=Action.NOTE, text="Ekip yola çıktı", expected_version=seen
            ),
        ),
        lambda: case_transition(
            case_id=case.pk,
            actor=town.users["admin"],
            request=TransitionRequest(
                action=Action.REJECT, text="Mükerrer başvuru", expected_version=seen
            ),
        ),
    ]
    results = _race(workers)
    assert sum(isinstance(r, CaseEvent) for r in results) == 1, results
    assert sum(isinstance(r, ConcurrentChange) for r in results) == 2, results
    events = _assert_contiguous(case)
    assert case.version == seen + 1 and len(events) == seen + 1


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_many_simultaneous_notes_are_all_kept_in_order():
    town = make_town()
    case = submit(town)
    results = _race(
        [
            lambda i=i: case_transition(
                case_id=case.pk,
                actor=town.users["fen_staff"],
                request=TransitionRequest(action=Action.NOTE, text=f"not {i}"),
            )
            for i in range(6)
        ]
    )
    assert all(isinstance(r, CaseEvent) for r in results), results
    events = _assert_contiguous(case)
    assert sorted(e.text for e in events if e.kind == EventKind.NOTE_ADDED) == [
        f"not {i}" for i in range(6)
    ]


def test_system_bookkeeping_since_loading_does_not_refuse_the_users_action(town):
    # given a case a staff member loaded at version v

    case = case_submit(
        municipality=town.municipality,
        channel="call_centre",
        description="Çukur var",
        subject="pothole",
    ).case
    loaded = case.version
    # when the deadline sweep escalates it meanwhile
    case_append(case.pk, EventKind.ESCALATED, payload={"level": 1})
    # then the user's action still goes through
    event = case_transition(
        case_id=case.pk,
        actor=town.users["fen_staff"],
        request=TransitionRequest(action=Action.START, expected_version=loaded),
    )
    assert event.sequence == loaded + 2


def test_a_colleagues_note_since_loading_refuses_the_users_action(town):

    case = case_submit(
        municipality=town.municipality,
        channel="call_centre",
        description="Çukur var",
        subject="pothole",
    ).case
    loaded = case.version
    case_transition(
        case_id=case.pk,
        actor=town.users["fen_manager"],
        request=TransitionRequest(action=Action.NOTE, text="Ekip yolda"),
    )
    with pytest.raises(ConcurrentChange):
        case_transition(
            case_id=case.pk,
            actor=town.users["fen_staff"],
            request=TransitionRequest(action=Action.START, expected_version=loaded),
        )
