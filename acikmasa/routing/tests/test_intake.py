"""Cases that arrive without a subject: routed when the suggestion is confident, else triage."""

import pytest

from acikmasa.cases.events import EventKind
from acikmasa.cases.services.intake import case_submit
from acikmasa.routing.models import KeywordRule, RoutingSettings
from acikmasa.routing.selectors import triage_cases

from .helpers import whatsapp


@pytest.fixture
def decisive(town):
    """Two decisive words for rubbish: rules alone reach 4/(4+1) = 80 %."""
    KeywordRule.objects.create(
        municipality=town.municipality,
        subject=town.subjects["waste"],
        phrase="çöp kamyonu",
        weight=3,
    )
    return town


def test_a_confident_suggestion_routes_the_case_through_the_intake(decisive):
    town = decisive
    case = whatsapp(town, "Çöp kamyonu iki gündür gelmedi, konteyner taştı")
    assert (
        case.subject == town.subjects["waste"] and case.directorate == town.directorates["temizlik"]
    )
    created, routed = case.events.order_by("sequence")[:2]
    assert created.kind == EventKind.CREATED and created.payload["suggestion"]["auto"] is True
    assert created.payload["suggestion"]["top"][0]["subject"] == "waste"
    assert routed.kind == EventKind.ROUTED and routed.payload["reason"] == "suggestion"
    assert routed.payload["confidence"] >= 0.6
    assert case not in triage_cases(town.users["desk"])


def test_below_the_threshold_the_case_waits_in_triage_with_its_suggestions_kept(decisive):
    town = decisive
    RoutingSettings.objects.create(municipality=town.municipality, auto_route_threshold=0.9)
    case = whatsapp(town, "Çöp kamyonu iki gündür gelmedi")
    assert case.subject is None and case.directorate is None
    assert not case.events.filter(kind=EventKind.ROUTED).exists()
    suggestion = case.events.get(kind=EventKind.CREATED).payload["suggestion"]
    assert suggestion["auto"] is False and suggestion["threshold"] == 0.9
    assert suggestion["top"][0]["subject"] == "waste"
    assert list(triage_cases(town.users["desk"])) == [case]


def test_a_weak_single_keyword_is_not_enough_by_default(town):
    case = whatsapp(town, "lamba")
    assert case.subject is None
    assert case.events.get(kind=EventKind.CREATED).payload["suggestion"][
        "confidence"
    ] == pytest.approx(0.5)


def test_automatic_routing_can_be_switched_off(decisive):
    RoutingSettings.objects.create(municipality=decisive.municipality, auto_route=False)
    assert whatsapp(decisive, "Çöp kamyonu gelmedi, çöp konteyner").subject is None


def test_a_chosen_subject_is_never_second_guessed(decisive):
    town = decisive
    case = case_submit(
        municipality=town.municipality,
        channel="call_centre",
        subject="pothole",
        description="Çöp kamyonu çukura düştü",
    ).case
    assert case.subject == town.subjects["pothole"]
    assert "suggestion" not in case.events.get(kind=EventKind.CREATED).payload
    assert case.events.get(kind=EventKind.ROUTED).payload["reason"] == "subject"


def test_nothing_recognisable_leaves_an_empty_suggestion(town):
    case = whatsapp(town, "Merhaba, bilgi almak istiyorum")
    suggestion = case.events.get(kind=EventKind.CREATED).payload["suggestion"]
    assert case.subject is None and suggestion["top"] == [] and suggestion["auto"] is False


def test_a_failing_suggestion_never_costs_the_citizen_the_case(town, monkeypatch):
    from acikmasa.routing import hooks

    def broken(**kwargs):
        raise ValueError("feature mismatch")

    monkeypatch.setattr(hooks, "suggest_subjects", broken)
    case = whatsapp(town, "Çöp kamyonu gelmedi")
    assert case.pk and case.subject is None
    assert case.events.get(kind=EventKind.CREATED).payload["suggestion"]["error"]
