"""The whole table: for every (status, action) pair the move happens iff TRANSITIONS lists it."""

import pytest

from acikmasa.cases.events import ACTION_EVENT_KINDS
from acikmasa.cases.lifecycle import (
    FINAL_STATUSES,
    OPEN_STATUSES,
    TRANSITIONS,
    Action,
    Status,
    allowed_actions,
    target_status,
)
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.common.errors import NotFound, PermissionRefused, TransitionRefused

from .helpers import case_in, case_row, event_rows, valid_params, valid_text

PAIRS = [(status, action) for status in Status.values for action in Action.values]


@pytest.mark.parametrize(("status", "action"), PAIRS)
def test_a_move_is_allowed_exactly_when_the_table_lists_it(town, status, action):
    # given a case in `status`, a permitted actor (the admin may do every action) and valid inputs
    case = case_in(town, status)
    params = valid_params(town, case, action)
    before_row, before_events = case_row(case), event_rows(case)
    request = TransitionRequest(action=action, text=valid_text(action), params=params)
    if status in TRANSITIONS[action].sources:
        # when
        event = case_transition(case_id=case.pk, request=request, actor=town.users["admin"])
        # then exactly one event of the action's kind, and the table's target status
        case.refresh_from_db()
        assert case.status == target_status(action, status)
        assert event.kind == ACTION_EVENT_KINDS[action] and event.sequence == case.version
        assert len(event_rows(case)) == len(before_events) + 1
    else:
        with pytest.raises(TransitionRefused) as refused:
            case_transition(case_id=case.pk, request=request, actor=town.users["admin"])
        # then the message names the action and the status in the user's words, and nothing moved
        assert str(Action(action).label) in refused.value.message
        assert str(Status(status).label) in refused.value.message
        assert case_row(case) == before_row and event_rows(case) == before_events


def test_every_status_but_a_final_one_has_a_way_out_and_notes_are_always_possible():
    for status in Status.values:
        actions = allowed_actions(status)
        assert Action.NOTE in actions
        has_way_out = any(TRANSITIONS[a].target not in (None, status) for a in actions)
        assert has_way_out or status in FINAL_STATUSES, status
    # a closed or rejected case can come back when the citizen says it was not solved
    assert Action.REOPEN in allowed_actions(Status.CLOSED) and Action.REOPEN in allowed_actions(
        Status.REJECTED
    )


def test_an_unknown_action_is_refused_with_a_clear_message(town):
    case = case_in(town, Status.NEW)
    with pytest.raises(TransitionRefused, match=r"."):  # any message, as long as there is one
        case_transition(
            case_id=case.pk, request=TransitionRequest(action="fly"), actor=town.users["admin"]
        )


@pytest.mark.parametrize("action", [a for a, move in TRANSITIONS.items() if move.needs_text])
def test_an_action_that_needs_a_text_without_one_is_refused(town, action):
    status = next(
        s
        for s in (Status.NEW, Status.RESOLVED, Status.CLOSED, Status.DUPLICATE)
        if s in TRANSITIONS[action].sources
    )
    case = case_in(town, status)
    before = event_rows(case)
    with pytest.raises(TransitionRefused) as refused:
        case_transition(
            case_id=case.pk,
            actor=town.users["admin"],
            request=TransitionRequest(
                action=action, text="   ", params=valid_params(town, case, action)
            ),
        )
    assert refused.value.field == "text" and event_rows(case) == before


def test_resolving_with_a_too_short_text_is_refused(town):
    case = case_in(town, Status.IN_PROGRESS)
    with pytest.raises(TransitionRefused) as refused:
        case_transition(
            case_id=case.pk,
            actor=town.users["fen_staff"],
            request=TransitionRequest(action=Action.RESOLVE, text="oldu"),
        )
    assert refused.value.field == "text"


@pytest.mark.parametrize(
    "status", sorted(OPEN_STATUSES - {Status.WAITING_CITIZEN, Status.WAITING_OTHER})
)
def test_closing_an_unresolved_case_is_refused(town, status):
    case = case_in(town, status)
    with pytest.raises(TransitionRefused):
        case_transition(
            case_id=case.pk,
            actor=town.users["admin"],
            request=TransitionRequest(action=Action.CLOSE),
        )


@pytest.mark.parametrize(
    ("action", "params", "field"),
    [
        (Action.ASSIGN, {"assignee_id": "abc"}, "assignee"),
        (Action.ASSIGN, {}, "assignee"),
        (Action.FORWARD, {"directorate_id": "12abc"}, "directorate"),
        (Action.MARK_DUPLICATE, {"master_id": [1]}, "master"),
        (Action.FORWARD_OUT, {"external_body_id": -3}, "external_body"),
    ],
)
def test_an_action_with_a_malformed_parameter_is_refused_not_crashed(town, action, params, field):
    case = case_in(town, Status.NEW)
    with pytest.raises(TransitionRefused) as refused:
        case_transition(
            case_id=case.pk,
            actor=town.users["admin"],
            request=TransitionRequest(action=action, text="Gerekçe metni", params=params),
        )
    assert refused.value.field == field


def test_assigning_to_staff_of_another_directorate_is_refused(town):
    case = case_in(town, Status.NEW)  # a fen case
    with pytest.raises(TransitionRefused):
        case_transition(
            case_id=case.pk,
            actor=town.users["fen_manager"],
            request=TransitionRequest(
                action=Action.ASSIGN, params={"assignee_id": town.users["temizlik_staff"].pk}
            ),
        )


def test_marking_a_case_duplicate_of_itself_or_of_its_own_duplicate_is_refused(town):
    master = case_in(town, Status.NEW)
    copy = case_in(town, Status.NEW)
    admin = town.users["admin"]
    with pytest.raises(TransitionRefused):
        case_transition(
            case_id=master.pk,
            actor=admin,
            request=TransitionRequest(
                action=Action.MARK_DUPLICATE, params={"master_id": master.pk}
            ),
        )
    case_transition(
        case_id=copy.pk,
        actor=admin,
        request=TransitionRequest(action=Action.MARK_DUPLICATE, params={"master_id": master.pk}),
    )
    with pytest.raises(TransitionRefused):
        case_transition(
            case_id=master.pk,
            actor=admin,
            request=TransitionRequest(action=Action.MARK_DUPLICATE, params={"master_id": copy.pk}),
        )


def test_a_citizen_may_only_resume_or_reopen(town):
    case = case_in(town, Status.WAITING_CITIZEN)
    with pytest.raises(PermissionRefused):
        case_transition(
            case_id=case.pk,
            actor=None,
            by_citizen=True,
            request=TransitionRequest(action=Action.NOTE, text="Merhaba"),
        )
    event = case_transition(
        case_id=case.pk,
        actor=None,
        by_citizen=True,
        request=TransitionRequest(action=Action.RESUME),
    )
    assert event.actor_kind == "citizen"


def test_acting_on_a_case_that_does_not_exist_is_a_domain_error(town):
    with pytest.raises(NotFound):
        case_transition(
            case_id=987_654,
            actor=town.users["admin"],
            request=TransitionRequest(action=Action.NOTE, text="Not"),
        )
