"""Staff correct a wrong subject: through the state machine, deadline kept, lesson recorded."""

import pytest

from acikmasa.cases.events import EventKind
from acikmasa.cases.lifecycle import Action, Status
from acikmasa.cases.services.intake import case_submit
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.common.errors import (
    ConcurrentChange,
    PermissionRefused,
    TransitionRefused,
    ValidationFailed,
)
from acikmasa.deadlines.models import Clock
from acikmasa.routing.models import Correction
from acikmasa.routing.selectors import training_examples
from acikmasa.routing.services import case_reroute

from .helpers import whatsapp


def _pothole(town, description="Çöp konteyneri devrildi, her yer çöp"):
    return case_submit(
        municipality=town.municipality,
        channel="call_centre",
        subject="pothole",
        description=description,
    ).case


def _assign(town, case):
    case_transition(
        case_id=case.pk,
        actor=town.users["fen_manager"],
        request=TransitionRequest(
            action=Action.ASSIGN, params={"assignee_id": town.users["fen_staff"].pk}
        ),
    )
    case.refresh_from_db()


def test_rerouting_to_another_directorate_keeps_the_deadline_and_tells_the_history(town):
    # given a rubbish complaint filed as a pothole, assigned in Fen İşleri
    case = _pothole(town)
    _assign(town, case)
    due, standard, version = case.due_at, case.service_standard_id, case.version
    # when the Fen manager re-routes it to rubbish collection
    event = case_reroute(
        case_id=case.pk,
        subject_id=town.subjects["waste"].pk,
        reason="Konu çöp, yol değil",
        actor=town.users["fen_manager"],
        expected_version=version,
    )
    case.refresh_from_db()
    # then it starts again in Temizlik as new and unassigned, with the same deadline and standard
    assert (
        case.subject == town.subjects["waste"] and case.directorate == town.directorates["temizlik"]
    )
    assert case.status == Status.NEW and case.assignee is None
    assert case.due_at == due and case.service_standard_id == standard
    assert Clock.objects.get(case=case).due_at == due
    # and one REROUTED event holds the old and new subject and directorate and the reason
    assert event.kind == EventKind.REROUTED and event.sequence == version + 1 == case.version
    assert event.text == "Konu çöp, yol değil" and event.is_public
    assert event.payload["from_subject"] == town.subjects["pothole"].pk
    assert event.payload["to_subject"] == town.subjects["waste"].pk
    assert event.payload["from_directorate"] == town.directorates["fen"].pk
    assert event.payload["to_directorate"] == town.directorates["temizlik"].pk
    assert event.from_status == Status.ASSIGNED and event.to_status == Status.NEW


def test_a_subject_fixed_within_the_directorate_keeps_status_assignee_and_deadline(town):
    case = _pothole(town, description="Sokak lambası yanmıyor")
    _assign(town, case)
    due = case.due_at
    event = case_reroute(
        case_id=case.pk,
        subject_id=town.subjects["street_light"].pk,
        reason="Lamba arızası",
        actor=town.users["fen_staff"],
    )
    case.refresh_from_db()
    assert event.kind == EventKind.RECLASSIFIED and not event.is_public
    assert (
        case.subject == town.subjects["street_light"]
        and case.directorate == town.directorates["fen"]
    )
    assert (
        case.status == Status.ASSIGNED
        and case.assignee == town.users["fen_staff"]
        and case.due_at == due
    )


def test_a_correction_becomes_the_label_of_the_next_training(town):
    case = _pothole(town)
    case_reroute(
        case_id=case.pk,
        subject_id=town.subjects["waste"].pk,
        reason="çöp",
        actor=town.users["desk"],
    )
    correction = Correction.objects.get(case=case)
    assert (
        correction.from_subject == town.subjects["pothole"]
        and correction.to_subject == town.subjects["waste"]
    )
    assert correction.actor == town.users["desk"] and correction.was_suggested is False
    ((_, example),) = [(at, e) for at, e in training_examples(municipality_id=town.municipality.pk)]
    assert example.subject_id == town.subjects["waste"].pk and example.weight > 1


def test_correcting_an_automatic_route_is_marked_as_the_suggestions_mistake(town):
    from acikmasa.routing.models import KeywordRule

    KeywordRule.objects.create(
        municipality=town.municipality, subject=town.subjects["waste"], phrase="konteyner", weight=5
    )
    case = whatsapp(town, "konteyner yolun ortasında, çukura düştü")
    assert case.subject == town.subjects["waste"]
    case_reroute(
        case_id=case.pk,
        subject_id=town.subjects["pothole"].pk,
        reason="Asıl sorun çukur",
        actor=town.users["temizlik_manager"],
    )
    assert Correction.objects.get(case=case).was_suggested is True


def test_triage_routes_a_case_without_subject_to_its_directorate(town):
    case = whatsapp(town, "Merhaba, sokağımızda sorun var")
    assert case.directorate is None
    event = case_reroute(
        case_id=case.pk,
        subject_id=town.subjects["pothole"].pk,
        reason="Triyaj",
        actor=town.users["caller"],
    )
    case.refresh_from_db()
    assert event.kind == EventKind.REROUTED and event.payload["from_subject"] is None
    assert case.directorate == town.directorates["fen"] and case.status == Status.NEW
    assert Correction.objects.get(case=case).from_subject is None


@pytest.mark.parametrize(
    ("subject", "reason", "field"),
    [
        (None, "neden", "subject"),
        ("abc", "neden", "subject"),
        (-4, "neden", "subject"),
        (10**30, "neden", "subject"),
        ("waste", "   ", "reason"),
        ("waste", "x" * 2001, "reason"),
    ],
)
def test_bad_input_is_refused_clearly_and_changes_nothing(town, subject, reason, field):
    case = _pothole(town)
    before = list(case.events.values_list("pk", flat=True))
    subject_id = town.subjects[subject].pk if subject in town.subjects else subject
    with pytest.raises(ValidationFailed) as refused:
        case_reroute(
            case_id=case.pk, subject_id=subject_id, reason=reason, actor=town.users["desk"]
        )
    assert refused.value.errors.get(field)
    assert (
        list(case.events.values_list("pk", flat=True)) == before and not Correction.objects.exists()
    )


def test_the_same_subject_another_towns_subject_and_a_closed_case_are_refused(town):
    from acikmasa.common.testing import make_town

    other = make_town("oteki")
    case = _pothole(town)
    with pytest.raises(TransitionRefused):
        case_reroute(
            case_id=case.pk,
            subject_id=town.subjects["pothole"].pk,
            reason="aynı",
            actor=town.users["desk"],
        )
    with pytest.raises(ValidationFailed):
        case_reroute(
            case_id=case.pk,
            subject_id=other.subjects["waste"].pk,
            reason="başka",
            actor=town.users["desk"],
        )
    case_transition(
        case_id=case.pk,
        actor=town.users["fen_manager"],
        request=TransitionRequest(action=Action.REJECT, text="Yetki dışı"),
    )
    with pytest.raises(TransitionRefused):
        case_reroute(
            case_id=case.pk,
            subject_id=town.subjects["waste"].pk,
            reason="geç",
            actor=town.users["desk"],
        )


@pytest.mark.parametrize(
    ("user", "allowed"),
    [
        ("desk", True),
        ("caller", True),
        ("fen_staff", True),
        ("fen_manager", True),
        ("pr", True),
        ("admin", True),
        ("temizlik_staff", False),
        ("mayor", False),
        ("field", False),
    ],
)
def test_who_may_reroute_a_fen_case(town, user, allowed):
    case = _pothole(town)

    def call():
        return case_reroute(
            case_id=case.pk,
            subject_id=town.subjects["waste"].pk,
            reason="çöp",
            actor=town.users[user],
        )

    if allowed:
        assert call().kind == EventKind.REROUTED
    else:
        with pytest.raises(PermissionRefused):
            call()
        assert not Correction.objects.exists()


def test_a_stale_version_is_refused(town):
    case = _pothole(town)
    stale = case.version
    case_transition(
        case_id=case.pk,
        actor=town.users["fen_staff"],
        request=TransitionRequest(action=Action.NOTE, text="Not"),
    )
    with pytest.raises(ConcurrentChange):
        case_reroute(
            case_id=case.pk,
            subject_id=town.subjects["waste"].pk,
            reason="çöp",
            actor=town.users["desk"],
            expected_version=stale,
        )
