"""Random histories through the real case_transition: the caches always equal the replayed truth."""

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from acikmasa.cases.lifecycle import Action
from acikmasa.common.errors import DomainError
from acikmasa.deadlines.clock import Promise, replay
from acikmasa.deadlines.models import Clock

from .conftest import act, at, information_request, pothole

MOVES = st.lists(
    st.tuples(
        st.sampled_from(
            [
                Action.ASK_CITIZEN,
                Action.RESUME,
                Action.START,
                Action.FORWARD,
                Action.RESOLVE,
                Action.REOPEN,
            ]
        ),
        st.integers(min_value=1, max_value=6 * 24),  # hours after the previous move
    ),
    max_size=8,
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    moves=MOVES, information=st.booleans(), opened_hour=st.integers(min_value=0, max_value=23 * 7)
)
def test_random_histories_keep_due_at_and_the_clock_equal_to_the_replay(
    town, wall, moves, information, opened_hour
):
    opened = at(2026, 11, 2, 0) + timedelta(hours=opened_hour)
    case = (information_request if information else pothole)(town, wall, opened)
    pr = town.users["pr"]
    when = opened
    for action, gap in moves:
        when += timedelta(hours=gap)
        params = {}
        if action == Action.FORWARD:
            params["directorate_id"] = town.directorates[
                "temizlik" if case.directorate_id == town.directorates["fen"].pk else "fen"
            ].pk
        try:
            act(case, action, when, wall, actor=pr, text="Gerekçe: ayrıntılı açıklama", **params)
        except DomainError:
            continue
        state = replay(case)
        clock = Clock.objects.get(pk=case.pk)
        assert case.due_at == state.due_at == clock.due_at
        assert clock.number == state.number and clock.stopped_at == state.stopped_at
        assert (clock.paused_since is not None) == state.is_paused
        if state.stopped_at is not None:
            assert state.promise(when) in (Promise.MET, Promise.MISSED)
        # The due time never comes before the clock's start plus its full budget (pauses only add).
        assert state.due_at >= replay_without_pauses(state)


def replay_without_pauses(state):
    from acikmasa.deadlines.calculator import budget_of, calendar_for, due_from_budget

    calendar = calendar_for()
    return due_from_budget(
        calendar, state.started_at, budget_of(state.amount, state.unit), state.unit
    )
