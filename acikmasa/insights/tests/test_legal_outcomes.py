"""Law 4982 Art. 30 from structured outcomes: recorded by the resolve/reject/note payload, chosen on
the desk."""

from datetime import timedelta

import pytest
from django.urls import reverse

from acikmasa.cases.models import CaseEvent
from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.common.errors import TransitionRefused
from acikmasa.insights.legal import information_stats_get

from .conftest import T0

pytestmark = pytest.mark.django_db
PERSON = CitizenInput(first_name="Ali", last_name="Veli", address="Tuna Mah. 3. Sok. No:5")


def request(history):
    return history.submit(
        at=T0,
        subject=None,
        channel="information_request",
        case_type="information",
        citizen=PERSON,
        description="Belediyenin ihale listesini öğrenmek istiyorum.",
    )


def test_structured_outcomes_and_grounds_are_counted_as_recorded(town, history):
    partly, refused, appealed, old = (request(history) for _ in range(4))
    # The text says nothing of "partly" and cites Art. 25: the structured codes win over the text.
    history.act(
        partly,
        "resolve",
        at=T0 + timedelta(hours=5),
        text="İstenen liste ekte gönderilmiştir.",
        outcome="partly_granted",
    )
    history.act(
        refused,
        "reject",
        at=T0 + timedelta(hours=6),
        text="25. madde gereğince verilemez.",
        legal_ground="art_21",
    )
    history.act(
        appealed,
        "resolve",
        at=T0 + timedelta(hours=5),
        text="İstenen liste ekte gönderilmiştir.",
        outcome="granted",
    )
    history.act(
        appealed, "note", at=T0 + timedelta(hours=30), text="Kurula itiraz edildi.", appeal="board"
    )
    history.resolve(
        old, after_hours=5, text="Bilgiler kısmen verilmiştir."
    )  # no outcome: the heuristic
    stats = information_stats_get(user=town.users["pr"], year=2026)
    assert (stats.received, stats.granted, stats.partly_granted, stats.refused) == (4, 1, 2, 1)
    assert dict(stats.refused_by_ground) == {"art_21": 1}
    assert (stats.appealed, dict(stats.appealed_by)) == (1, {"board": 1})
    assert (stats.estimated_outcomes, stats.estimated_grounds, stats.estimated_appeals) == (1, 0, 0)
    payload = CaseEvent.objects.get(case=refused, kind="rejected").payload
    assert payload == {"outcome": "refused", "legal_ground": "art_21"}


def test_an_unknown_outcome_code_is_refused_and_writes_nothing(town, history):
    case = request(history)
    before = CaseEvent.objects.filter(case=case).count()
    with pytest.raises(TransitionRefused) as refused:
        history.act(
            case,
            "resolve",
            at=T0 + timedelta(hours=5),
            text="İstenen liste ekte gönderilmiştir.",
            outcome="maybe",
        )
    assert refused.value.field == "outcome"
    with pytest.raises(TransitionRefused):
        history.act(
            case,
            "reject",
            at=T0 + timedelta(hours=5),
            text="Verilemez, gizli bilgi.",
            legal_ground="art_99",
        )
    assert CaseEvent.objects.filter(case=case).count() == before


def test_other_cases_record_no_outcome(town, history):
    case = history.resolve(history.submit(at=T0), after_hours=3, text="Çukur asfaltla kapatıldı.")
    assert CaseEvent.objects.get(case=case, kind="resolved").payload == {}


def test_the_desk_asks_for_the_legal_ground_of_a_refusal(client, town, history):
    case = request(history)
    client.force_login(town.users["pr"])
    url = reverse("desk:case_action", args=[case.pk, "reject"])
    page = client.get(reverse("desk:case", args=[case.pk]))
    assert b'name="legal_ground"' in page.content
    missing = client.post(url, {"text": "Kişisel veri içeriyor."})
    assert (
        missing.status_code == 400
        and not CaseEvent.objects.filter(case=case, kind="rejected").exists()
    )
    done = client.post(url, {"text": "Kişisel veri içeriyor.", "legal_ground": "art_21"})
    assert done.status_code == 302
    assert CaseEvent.objects.get(case=case, kind="rejected").payload["legal_ground"] == "art_21"
