"""Merge and unmerge through the state machine; the master's outcome reaches every joined
citizen."""

import pytest

from acikmasa.cases.events import EventKind
from acikmasa.cases.lifecycle import Action, Status
from acikmasa.cases.models import Case, CaseEvent
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.common.errors import NotFound, PermissionRefused, TransitionRefused, ValidationFailed
from acikmasa.duplicates.models import DuplicateCandidate
from acikmasa.duplicates.services import duplicates_merge, duplicates_unmerge
from acikmasa.notify.models import Notification

from .helpers import report

pytestmark = pytest.mark.django_db
RESOLUTION = "Arızalı lamba değiştirildi, sokak aydınlık."


def kinds(case: Case) -> list[str]:
    return list(
        CaseEvent.objects.filter(case=case).order_by("sequence").values_list("kind", flat=True)
    )


def snapshot() -> tuple:
    return (
        list(Case.objects.order_by("pk").values_list("pk", "status", "duplicate_of_id", "version")),
        CaseEvent.objects.count(),
        Notification.objects.count(),
    )


def test_merging_marks_each_duplicate_through_the_state_machine_and_tells_its_citizen(town):
    master = report(town, phone="05321112233")
    first, second = report(town, phone="05321112244"), report(town, phone="05321112255")
    duplicates_merge(
        master_id=master.pk, duplicate_ids=[first.pk, str(second.pk)], actor=town.users["fen_staff"]
    )
    for case in (first, second):
        case.refresh_from_db()
        assert case.status == Status.DUPLICATE and case.duplicate_of_id == master.pk
        event = case.events.get(kind=EventKind.MARKED_DUPLICATE)
        assert (
            event.payload["master"] == master.pk
            and event.actor == town.users["fen_staff"]
            and event.is_public
        )
        assert master.tracking_number in event.text
        assert Notification.objects.filter(
            case=case, event="merged", recipient="+905321112" + case.citizen.phone[-3:]
        ).exists()
    merged = master.events.get(kind=EventKind.DUPLICATES_MERGED)
    assert merged.payload["duplicates"] == sorted([first.pk, second.pk]) and not merged.is_public
    assert set(DuplicateCandidate.objects.values_list("state", flat=True)) == {"merged"}


def test_resolving_the_master_tells_every_joined_citizen_even_through_a_chain(town):
    master = report(town, phone="05320000001")
    middle = report(town, phone="05320000002")
    late = report(town, phone="05320000003")
    anonymous = report(town)
    duplicates_merge(master_id=middle.pk, duplicate_ids=[late.pk], actor=town.users["admin"])
    duplicates_merge(
        master_id=master.pk, duplicate_ids=[middle.pk, anonymous.pk], actor=town.users["admin"]
    )
    case_transition(
        case_id=master.pk,
        actor=town.users["fen_staff"],
        request=TransitionRequest(Action.RESOLVE, text=RESOLUTION),
    )
    for joined in (middle, late, anonymous):
        event = CaseEvent.objects.get(case=joined, kind=EventKind.MASTER_RESOLVED)
        assert event.text == RESOLUTION and event.is_public and event.payload["master"] == master.pk
        joined.refresh_from_db()
        assert joined.version == joined.events.count()  # history and version stay in step
    sent = Notification.objects.filter(event="duplicate_resolved")
    assert sorted(sent.exclude(status="skipped").values_list("case_id", flat=True)) == sorted(
        [middle.pk, late.pk]
    )
    assert sent.get(case=anonymous).skip_reason == "anonymous"
    assert RESOLUTION in sent.get(case=late).text


def test_forwarding_the_master_out_is_passed_on_too(town):
    master, copy = report(town), report(town)
    duplicates_merge(master_id=master.pk, duplicate_ids=[copy.pk], actor=town.users["admin"])
    case_transition(
        case_id=master.pk,
        actor=town.users["admin"],
        request=TransitionRequest(
            Action.FORWARD_OUT,
            text="Elektrik dağıtım şirketine iletildi.",
            params={"external_body_id": town.external_bodies["elektrik"].pk},
        ),
    )
    assert CaseEvent.objects.filter(case=copy, kind=EventKind.MASTER_FORWARDED_OUT).exists()


def test_unmerging_reopens_the_case_with_its_original_deadline(town):
    master, copy = (
        report(town),
        report(town, subject="pothole", description="Lamba direği yanında çukur"),
    )
    due = Case.objects.get(pk=copy.pk).due_at
    assert due is not None
    duplicates_merge(master_id=master.pk, duplicate_ids=[copy.pk], actor=town.users["admin"])
    duplicates_unmerge(
        case_id=copy.pk, actor=town.users["fen_staff"], text="Farklı sorun: bu bir çukur."
    )
    copy.refresh_from_db()
    assert copy.status == Status.REOPENED and copy.duplicate_of_id is None and copy.due_at == due
    assert kinds(copy)[-2:] == [EventKind.MARKED_DUPLICATE, EventKind.DUPLICATE_UNMARKED]
    assert copy.events.last().payload == {"previous_master": master.pk}
    assert master.events.filter(kind=EventKind.DUPLICATE_UNLINKED, payload__case=copy.pk).exists()
    # and the master's resolution no longer reaches it
    case_transition(
        case_id=master.pk,
        actor=town.users["fen_staff"],
        request=TransitionRequest(Action.RESOLVE, text=RESOLUTION),
    )
    assert not CaseEvent.objects.filter(case=copy, kind=EventKind.MASTER_RESOLVED).exists()


def test_unmerging_a_case_that_is_not_a_duplicate_is_refused(town):
    case = report(town)
    before = snapshot()
    with pytest.raises(TransitionRefused):
        duplicates_unmerge(
            case_id=case.pk, actor=town.users["admin"], text="Yanlışlıkla birleştirildi"
        )
    assert snapshot() == before


def test_unmerging_needs_a_reason(town):
    master, copy = report(town), report(town)
    duplicates_merge(master_id=master.pk, duplicate_ids=[copy.pk], actor=town.users["admin"])
    before = snapshot()
    with pytest.raises(TransitionRefused) as refused:
        duplicates_unmerge(case_id=copy.pk, actor=town.users["admin"], text="  ")
    assert refused.value.field == "text" and snapshot() == before


@pytest.mark.parametrize("user", ["temizlik_staff", "mayor", "desk", "caller"])
def test_who_may_not_merge_gets_a_refusal_and_nothing_is_written(town, user):
    master, copy = report(town), report(town)
    before = snapshot()
    with pytest.raises((PermissionRefused, NotFound)):
        duplicates_merge(master_id=master.pk, duplicate_ids=[copy.pk], actor=town.users[user])
    assert snapshot() == before


@pytest.mark.parametrize("user", ["fen_staff", "fen_manager", "pr", "admin"])
def test_workers_of_the_case_may_merge(town, user):
    master, copy = report(town), report(town)
    duplicates_merge(master_id=master.pk, duplicate_ids=[copy.pk], actor=town.users[user])
    assert Case.objects.get(pk=copy.pk).status == Status.DUPLICATE


def test_a_merge_is_all_or_nothing_when_one_case_is_not_the_actors(town):
    master, mine = report(town), report(town)
    theirs = report(town, subject="waste", description="Çöp konteyneri taştı")
    before = snapshot()
    with pytest.raises(PermissionRefused):
        duplicates_merge(
            master_id=master.pk, duplicate_ids=[mine.pk, theirs.pk], actor=town.users["fen_staff"]
        )
    assert snapshot() == before


@pytest.mark.parametrize("ids", [["abc"], [""], ["-3"], ["1.5"], []])
def test_bad_case_numbers_are_a_clear_error(town, ids):
    master = report(town)
    before = snapshot()
    with pytest.raises(ValidationFailed) as refused:
        duplicates_merge(master_id=master.pk, duplicate_ids=ids, actor=town.users["admin"])
    assert "duplicates" in refused.value.errors and snapshot() == before


def test_a_case_cannot_join_itself_a_closed_master_or_another_towns_case(town):
    from acikmasa.common.testing import make_town

    master, copy = report(town), report(town)
    with pytest.raises(TransitionRefused):
        duplicates_merge(master_id=master.pk, duplicate_ids=[master.pk], actor=town.users["admin"])
    other = report(make_town("baskakent"))
    with pytest.raises(NotFound):
        duplicates_merge(master_id=master.pk, duplicate_ids=[other.pk], actor=town.users["admin"])
    case_transition(
        case_id=master.pk,
        actor=town.users["admin"],
        request=TransitionRequest(Action.RESOLVE, text=RESOLUTION),
    )
    before = snapshot()
    with pytest.raises(TransitionRefused) as refused:
        duplicates_merge(master_id=master.pk, duplicate_ids=[copy.pk], actor=town.users["admin"])
    assert refused.value.field == "master" and snapshot() == before
