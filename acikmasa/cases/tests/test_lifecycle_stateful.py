"""Random sequences of actions by random actors never break the lifecycle's invariants."""

from typing import Any

import pytest
from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, rule, run_state_machine_as_test

from acikmasa.cases.events import EventKind
from acikmasa.cases.lifecycle import TRANSITIONS, Action, Status, allowed_actions
from acikmasa.cases.models import Case, CaseEvent
from acikmasa.cases.selectors import replay_status
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.common.errors import DomainError
from acikmasa.common.testing import Town, make_town

from .helpers import case_row, event_rows, submit

TEXTS = st.sampled_from(
    ["", "   ", "tamam", "Asfalt yamandı, çukur kapatıldı.", "x" * 9, " " + "y" * 12 + " "]
)
JUNK = st.sampled_from([None, "", 0, -1, "abc", "12abc", 10**12, 3.5, [1], {"a": 1}])


def _params(town: Town, other: Town, cases: list[Case]) -> st.SearchStrategy[dict[str, Any]]:
    users = [u.pk for u in town.users.values()] + [other.users["fen_staff"].pk]
    directorates = [d.pk for d in town.directorates.values()] + [other.directorates["fen"].pk]
    bodies = [town.external_bodies["elektrik"].pk, other.external_bodies["elektrik"].pk]
    masters = [c.pk for c in cases]

    def pick(pks: list[int]) -> st.SearchStrategy[Any]:
        return st.one_of(st.sampled_from(pks), st.sampled_from([str(pk) for pk in pks]), JUNK)

    return st.fixed_dictionaries(
        {},
        optional={
            "assignee_id": pick(users),
            "directorate_id": pick(directorates),
            "master_id": pick(masters),
            "external_body_id": pick(bodies),
        },
    )


def _check_case(case: Case) -> None:
    events = list(CaseEvent.objects.filter(case=case).order_by("sequence"))
    assert [e.sequence for e in events] == list(range(1, len(events) + 1))
    assert case.version == len(events)
    assert replay_status(events) == case.status
    if case.status == Status.CLOSED:
        # closed => the last RESOLVED after the last REOPENED carries the resolution text
        since_reopen = events
        for i, event in enumerate(events):
            if event.kind == EventKind.REOPENED:
                since_reopen = events[i + 1 :]
        resolutions = [e for e in since_reopen if e.kind == EventKind.RESOLVED]
        assert resolutions and resolutions[-1].text.strip()
    assert (case.resolved_at is not None) == (case.status in {Status.RESOLVED, Status.CLOSED})
    assert (case.closed_at is not None) == (case.status == Status.CLOSED)
    if case.closed_at:
        assert case.resolved_at <= case.closed_at
    if case.status == Status.DUPLICATE:
        assert case.duplicate_of_id not in (None, case.pk)
    if case.status == Status.FORWARDED_OUT:
        assert case.forwarded_to.municipality_id == case.municipality_id
    if case.assignee_id is not None:
        assert case.assignee.staff.municipality_id == case.municipality_id


@pytest.mark.django_db
def test_random_action_sequences_never_break_the_lifecycle_invariants(town):
    other = make_town("baskakent")
    reached: set[str] = set()  # statuses the walk got to: proof that it went deep, not round in NEW
    actors: dict[str, Any] = {
        **town.users,
        "other_admin": other.users["admin"],
        "citizen": "citizen",
        "system": None,
    }

    class Lifecycle(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            # Each run lives in a savepoint rolled back in teardown: runs do not see each other.
            self.atomic = transaction.atomic()
            self.atomic.__enter__()
            self.cases = [
                submit(town, subject="pothole"),
                submit(town, subject="waste", channel="cimer"),
                submit(town, subject=None, description="Konu belirsiz başvuru"),
            ]
            self.seen = {c.pk: (case_row(c), event_rows(c)) for c in self.cases}
            self.params = _params(town, other, self.cases)

        def likely_params(self, code: str) -> st.SearchStrategy[dict[str, Any]]:
            other_code = "temizlik" if code == "fen" else "fen"
            return st.fixed_dictionaries(
                {
                    "assignee_id": st.sampled_from(
                        [town.users[f"{code}_staff"].pk, town.users[f"{code}_manager"].pk]
                    ),
                    "directorate_id": st.just(town.directorates[other_code].pk),
                    "master_id": st.sampled_from([c.pk for c in self.cases]),
                    "external_body_id": st.just(town.external_bodies["elektrik"].pk),
                }
            )

        def teardown(self) -> None:
            try:
                for case in self.cases:  # every case, acted on or not, ends consistent
                    self.verify(case)
            finally:
                transaction.set_rollback(True)
                self.atomic.__exit__(None, None, None)

        def verify(self, case: Case) -> None:
            row, rows = case_row(case), event_rows(case)
            # no event is ever edited or deleted: the history seen before is a prefix of today's
            assert rows[: len(self.seen[case.pk][1])] == self.seen[case.pk][1]
            self.seen[case.pk] = (row, rows)
            _check_case(
                Case.objects.select_related("assignee__staff", "forwarded_to").get(pk=case.pk)
            )

        @rule(
            data=st.data(),
            index=st.integers(0, 2),
            plausible=st.sampled_from([True, True, True, False]),
        )
        def act(self, data: st.DataObject, index: int, plausible: bool) -> None:
            case = self.cases[index]
            if plausible:  # a move the table lists, by someone likely allowed: the walk goes deep
                case.refresh_from_db()
                code = case.directorate.code if case.directorate else "fen"
                action = data.draw(st.sampled_from(allowed_actions(case.status)), label="action")
                actor = data.draw(
                    st.sampled_from(
                        ["system", "admin", f"{code}_staff", f"{code}_manager", "desk", "citizen"]
                    ),
                    label="actor",
                )
                text = data.draw(
                    st.sampled_from(
                        [
                            "Asfalt yamandı, çukur kapatıldı.",
                            "Ek bilgi gerekiyor, lütfen arayın",
                            "",
                        ]
                    ),
                    label="text",
                )
                params = data.draw(self.likely_params(code), label="params")
            else:  # anything at all, by anyone, with junk
                action = data.draw(st.sampled_from([*Action.values, "fly"]), label="action")
                actor = data.draw(st.sampled_from(sorted(actors)), label="actor")
                text = data.draw(TEXTS, label="text")
                params = data.draw(self.params, label="params")
            self.apply(case, action, actor, text, params)

        @rule(index=st.integers(0, 2))
        def settle(self, index: int) -> None:
            """Push a case round the loop (start, resolve, close, reopen) so closed and reopened
            cases are common."""
            case = self.cases[index]
            case.refresh_from_db()
            if case.status == Status.NEW:
                self.apply(case, Action.START, "system", "", {})
            elif case.status in TRANSITIONS[Action.RESOLVE].sources:
                self.apply(case, Action.RESOLVE, "system", "Ekip sorunu yerinde giderdi.", {})
            elif case.status == Status.RESOLVED:
                self.apply(case, Action.CLOSE, "desk", "", {})
            elif case.status == Status.CLOSED:
                self.apply(case, Action.REOPEN, "citizen", "Çukur yine açıldı, sorun sürüyor.", {})

        def apply(
            self, case: Case, action: str, actor: str, text: str, params: dict[str, Any]
        ) -> None:
            for (
                other
            ) in self.cases:  # a move may write on cases joined to the one moved (duplicates)
                self.verify(other)
            before_row, before_events = self.seen[case.pk]
            user = actors[actor]
            try:
                event = case_transition(
                    case_id=case.pk,
                    request=TransitionRequest(action=action, text=text, params=params),
                    actor=None if user in (None, "citizen") else user,
                    by_citizen=user == "citizen",
                )
            except DomainError as refusal:
                # a refused move says why and leaves the case and its history as they were
                assert str(refusal.message).strip()
                assert case_row(case) == before_row and event_rows(case) == before_events
                return
            self.verify(case)
            reached.add(case.status)
            after = self.seen[case.pk][1]
            assert len(after) == len(before_events) + 1  # exactly one event per move
            assert event.kind and event.sequence == len(after)

    run_state_machine_as_test(
        Lifecycle,
        settings=settings(
            max_examples=50,
            stateful_step_count=20,
            deadline=None,
            suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        ),
    )
    # the walk went deep: past the first steps to closure, and through most of the statuses
    assert {Status.IN_PROGRESS, Status.RESOLVED, Status.CLOSED} <= reached and len(reached) >= 7, (
        reached
    )
