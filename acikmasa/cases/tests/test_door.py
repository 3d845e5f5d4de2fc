"""The event door: one append, in order, with the declared reactions in their phases."""

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from acikmasa.cases.events import ACTION_EVENT_KINDS, EventKind
from acikmasa.cases.lifecycle import Action, Status
from acikmasa.cases.models import Case, CaseEvent
from acikmasa.cases.reactions import (
    AFTER_COMMIT,
    BEFORE_SAVE,
    IN_TRANSACTION,
    compile_reactions,
    reactions_for,
)
from acikmasa.cases.services.history import (
    EventDraft,
    case_append,
    case_lock,
    cases_append,
    cases_lock,
)
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.cases.testing import reaction_added

from .helpers import case_in, case_row, event_rows, row_counts, submit


class Boom(Exception):
    pass


def _saved_version(case_id: int) -> int:
    return Case.objects.values_list("version", flat=True).get(pk=case_id)


# ---- one append ---------------------------------------------------------------------------------


def test_appends_take_the_next_sequence_and_bump_the_saved_version(town):
    case = submit(town)
    start = case.version
    first = case_append(case.pk, EventKind.NOTE_ADDED, text="bir")
    second = case_append(case.pk, EventKind.NOTE_ADDED, text="iki")
    assert (first.sequence, second.sequence) == (start + 1, start + 2)
    assert _saved_version(case.pk) == start + 2
    assert [e.sequence for e in case.events.order_by("sequence")] == list(range(1, start + 3))


def test_the_kind_decides_the_visibility(town):
    case = submit(town)
    assert case_append(case.pk, EventKind.DEADLINE_EXTENDED, text="x").is_public
    assert not case_append(case.pk, EventKind.MESSAGE_SENT, text="x").is_public


def test_field_changes_are_saved_with_the_event_and_nothing_else(town):
    case = submit(town)
    before = case_row(case)
    case_append(case.pk, EventKind.NOTE_ADDED, text="adres", changes={"address": "Cumhuriyet Cd."})
    after = case_row(case)
    assert after["address"] == "Cumhuriyet Cd." and after["version"] == before["version"] + 1
    assert {k for k in after if after[k] != before[k]} == {"address", "version"}


def test_a_callable_change_sees_the_locked_row(town):
    case = submit(town)
    seen = []

    def change(locked: Case) -> None:
        seen.append(locked.version)
        locked.priority = 4

    case_append(case.pk, EventKind.NOTE_ADDED, text="acil", changes=change)
    assert seen == [case.version] and case_row(case)["priority"] == 4


def test_an_unlocked_case_or_an_undeclared_kind_is_refused(town):
    case = submit(town)
    with pytest.raises(RuntimeError, match="case_lock"):
        case_append(Case.objects.get(pk=case.pk), EventKind.NOTE_ADDED, text="x")
    with pytest.raises(ValueError, match="not declared"):
        case_append(case.pk, "moon_landed")
    assert event_rows(case) == event_rows(Case.objects.get(pk=case.pk))
    assert _saved_version(case.pk) == case.version


def test_a_locked_case_takes_several_appends_in_one_transaction(town):
    case = submit(town)
    with transaction.atomic():
        locked = case_lock(case.pk)
        case_append(locked, EventKind.NOTE_ADDED, text="bir")
        case_append(locked, EventKind.NOTE_ADDED, text="iki", changes={"address": "Köşe"})
    assert _saved_version(case.pk) == case.version + 2 == locked.version
    assert case_row(case)["address"] == "Köşe"


def test_many_cases_are_appended_with_one_insert_and_one_update(town):
    cases = [submit(town, description=f"Çukur {i}") for i in range(3)]
    with transaction.atomic():
        locked = cases_lock(Case.objects.filter(pk__in=[c.pk for c in cases]).order_by("pk"))
        with CaptureQueriesContext(connection) as queries:
            written = cases_append(
                [(c, [EventDraft(EventKind.ESCALATED, payload={"level": 1})]) for c in locked]
            )
    sql = [q["sql"].upper() for q in queries.captured_queries]
    assert sum(s.startswith("INSERT") for s in sql) == 1
    assert sum(s.startswith("UPDATE") for s in sql) == 1
    assert [e.sequence for e in written] == [c.version for c in locked]
    assert [_saved_version(c.pk) for c in cases] == [c.version + 1 for c in cases]


def test_intake_writes_its_first_events_in_one_insert(town):
    with CaptureQueriesContext(connection) as queries:
        case = submit(town)  # a subject: CREATED and ROUTED
    inserts = [q["sql"] for q in queries.captured_queries if q["sql"].upper().startswith("INSERT")]
    event_table = CaseEvent._meta.db_table
    assert sum(event_table in q.split("(")[0] for q in inserts) == 1
    assert [e.kind for e in case.events.order_by("sequence")] == ["created", "routed"]
    assert _saved_version(case.pk) == 2


# ---- the reactions: order, phases, rollback -----------------------------------------------------


def test_reactions_run_in_the_declared_order_and_phases(town, django_capture_on_commit_callbacks):
    calls = []

    def react(name):
        def reaction(change):
            calls.append((name, change.event.kind, _saved_version(change.case.pk)))

        return reaction

    case = submit(town)
    version = case.version
    with (
        reaction_added(react("late"), on=["note_added"], phase=AFTER_COMMIT),
        reaction_added(react("second"), on=["note_added"]),
        reaction_added(react("first"), on=["note_added"], first=True),
        reaction_added(react("before"), on=["note_added"], phase=BEFORE_SAVE),
        reaction_added(react("other kind"), on=["resolved"]),
        django_capture_on_commit_callbacks(execute=True),
    ):
        case_append(case.pk, EventKind.NOTE_ADDED, text="not")
    # before the save the row still holds the old version; afterwards the saved one
    assert calls == [
        ("before", "note_added", version),
        ("first", "note_added", version + 1),
        ("second", "note_added", version + 1),
        ("late", "note_added", version + 1),
    ]


def test_in_transaction_reactions_see_the_case_as_saved_and_as_it_was(town):
    seen = []

    def reaction(change):
        seen.append((change.previous.status, change.case.status, change.changed("status")))

    case = submit(town)
    with reaction_added(reaction, on=["@transitions"]):
        case_transition(
            case_id=case.pk,
            actor=town.users["fen_staff"],
            request=TransitionRequest(action=Action.START),
        )
    assert seen == [(Status.NEW, Status.IN_PROGRESS, True)]


def test_a_new_case_is_told_as_created_with_its_whole_first_history(town):
    seen = []

    def reaction(change):
        seen.append((change.created, change.previous, [e.kind for e in change.events]))

    with reaction_added(reaction, on=["created"]):
        submit(town)
    assert seen == [(True, None, ["created", "routed"])]


def test_a_before_save_reaction_may_set_fields_that_are_saved_with_the_event(town):
    def reaction(change):
        change.case.due_at = None

    case = submit(town)
    assert case.due_at is not None
    with reaction_added(reaction, on=["started"], phase=BEFORE_SAVE):
        case_transition(
            case_id=case.pk,
            actor=town.users["fen_staff"],
            request=TransitionRequest(action=Action.START),
        )
    assert case_row(case)["due_at"] is None


def test_a_before_save_reaction_may_not_append(town):
    def reaction(change):
        case_append(change.case, EventKind.NOTE_ADDED, text="içeriden")

    case = submit(town)
    before = event_rows(case)
    with (
        reaction_added(reaction, on=["started"], phase=BEFORE_SAVE),
        pytest.raises(RuntimeError, match="before_save"),
    ):
        case_transition(
            case_id=case.pk,
            actor=town.users["fen_staff"],
            request=TransitionRequest(action=Action.START),
        )
    assert event_rows(case) == before


def test_an_in_transaction_reaction_may_append_to_the_same_case(town):
    def reaction(change):
        case_append(change.case, EventKind.NOTE_ADDED, text="ardından")

    with reaction_added(reaction, on=["created"]):
        case = submit(town)
    assert [e.kind for e in case.events.order_by("sequence")] == ["created", "routed", "note_added"]
    assert _saved_version(case.pk) == case.version == 3


def test_a_failing_reaction_at_intake_leaves_no_case_behind(town):
    def reaction(change):
        raise Boom

    before = row_counts()
    with reaction_added(reaction, on=["created"]), pytest.raises(Boom):
        submit(town, external_id="m-7", channel="sms")
    assert row_counts() == before


@pytest.mark.parametrize("phase", [BEFORE_SAVE, IN_TRANSACTION])
def test_a_failing_reaction_leaves_the_case_and_the_instance_as_they_were(town, phase):
    def reaction(change):
        raise Boom

    case = case_in(town, Status.NEW)
    before_row, before_events = case_row(case), event_rows(case)
    with reaction_added(reaction, on=["started"], phase=phase), pytest.raises(Boom):
        case_transition(
            case_id=case.pk,
            actor=town.users["fen_staff"],
            request=TransitionRequest(action=Action.START),
        )
    assert case_row(case) == before_row and event_rows(case) == before_events
    with transaction.atomic():
        locked = case_lock(case.pk)
        with reaction_added(reaction, on=["note_added"], phase=phase), pytest.raises(Boom):
            case_append(locked, EventKind.NOTE_ADDED, text="x", changes={"address": "Yeni"})
        assert (locked.version, locked.address) == (before_row["version"], before_row["address"])


def test_after_commit_reactions_never_run_after_a_rollback(
    town, django_capture_on_commit_callbacks
):
    ran = []
    case = submit(town)
    with (
        reaction_added(
            lambda change: ran.append(change.event.text), on=["note_added"], phase=AFTER_COMMIT
        ),
        django_capture_on_commit_callbacks(execute=True),
    ):
        with pytest.raises(Boom), transaction.atomic():
            case_append(case.pk, EventKind.NOTE_ADDED, text="geri alınan")
            raise Boom
        case_append(case.pk, EventKind.NOTE_ADDED, text="kalan")
    assert ran == ["kalan"]


def test_a_failing_after_commit_reaction_does_not_stop_the_others(
    town, django_capture_on_commit_callbacks
):
    ran = []

    def failing(change):
        raise Boom

    case = submit(town)
    with (
        reaction_added(failing, on=["note_added"], phase=AFTER_COMMIT),
        reaction_added(lambda change: ran.append("next"), on=["note_added"], phase=AFTER_COMMIT),
        django_capture_on_commit_callbacks(execute=True),
    ):
        case_append(case.pk, EventKind.NOTE_ADDED, text="x")
    assert ran == ["next"] and _saved_version(case.pk) == case.version + 1


# ---- the declared list --------------------------------------------------------------------------


def test_the_declared_list_loads_and_names_only_known_kinds_and_phases():
    entries = compile_reactions(settings.ACIKMASA_CASE_REACTIONS)
    assert len(entries) == len(settings.ACIKMASA_CASE_REACTIONS) > 0
    with pytest.raises(ImproperlyConfigured, match="not an EventKind"):
        compile_reactions([{"reaction": print, "phase": IN_TRANSACTION, "on": ["moon_landed"]}])
    with pytest.raises(ImproperlyConfigured, match="phase"):
        compile_reactions([{"reaction": print, "phase": "sometime", "on": ["created"]}])


def test_the_deadline_engine_sets_due_at_before_anything_reads_it():
    names = [line["reaction"] for line in settings.ACIKMASA_CASE_REACTIONS]
    clock = "acikmasa.deadlines.reactions.clock_follow"
    rollups = "acikmasa.insights.rollup.on_case_change"
    assert names.index(clock) < names.index(rollups)
    for kind in ["created", *ACTION_EVENT_KINDS.values(), "deadline_extended", "clock_stopped"]:
        assert [e.name for e in reactions_for(BEFORE_SAVE, kind)] == [clock]
        assert rollups not in [e.name for e in reactions_for(BEFORE_SAVE, kind)]
