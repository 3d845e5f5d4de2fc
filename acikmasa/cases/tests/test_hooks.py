"""Hooks run inside the case's transaction: a hook that fails takes the whole change back."""

import pytest

from acikmasa.cases import hooks
from acikmasa.cases.lifecycle import Action, Status
from acikmasa.cases.services.transitions import TransitionRequest, case_transition

from .helpers import case_in, case_row, event_rows, row_counts, submit


class Boom(Exception):
    pass


@pytest.fixture
def failing_hook():
    def hook(case, event):
        raise Boom

    yield hook
    for registry in (hooks._after_submit, hooks._after_transition):
        if hook in registry:
            registry.remove(hook)


def test_a_failing_submit_hook_leaves_no_case_behind(town, failing_hook):
    before = row_counts()
    hooks.on_submit(failing_hook)
    with pytest.raises(Boom):
        submit(town, external_id="m-7", channel="sms")
    assert row_counts() == before


def test_a_failing_transition_hook_leaves_the_case_as_it_was(town, failing_hook):
    case = case_in(town, Status.NEW)
    before_row, before_events = case_row(case), event_rows(case)
    hooks.on_transition(failing_hook)
    with pytest.raises(Boom):
        case_transition(
            case_id=case.pk,
            actor=town.users["fen_staff"],
            request=TransitionRequest(action=Action.START),
        )
    assert case_row(case) == before_row and event_rows(case) == before_events


def test_hooks_see_the_new_event_and_may_move_the_due_time(town):
    seen = []

    def hook(case, event):
        seen.append((event.kind, case.status))
        case.due_at = None

    hooks.on_transition(hook)
    try:
        case = submit(town)
        case_transition(
            case_id=case.pk,
            actor=town.users["fen_staff"],
            request=TransitionRequest(action=Action.START),
        )
    finally:
        hooks._after_transition.remove(hook)
    case.refresh_from_db()
    assert seen == [("started", Status.IN_PROGRESS)] and case.due_at is None


def test_registering_a_hook_twice_runs_it_once(town):
    calls = []

    def hook(case, event):
        calls.append(event.kind)

    hooks.on_submit(hook)
    hooks.on_submit(hook)
    try:
        submit(town)
    finally:
        hooks._after_submit.remove(hook)
    assert calls == ["created"]
