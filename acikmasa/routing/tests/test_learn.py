import pytest

from acikmasa.routing import learn
from acikmasa.routing.models import SubjectModel
from acikmasa.routing.services import KEEP_MODELS, routing_train
from acikmasa.routing.suggest import combine, suggest_subjects

from .helpers import history


def test_a_model_trained_on_the_towns_history_suggests_from_words_no_rule_knows(town):
    # given a history where "ampul" and "sönük" only ever describe street lights
    history(town, per_subject=25)
    assert suggest_subjects(municipality_id=town.municipality.pk, text="ampul sönük").items == []
    # when the model is trained
    row = routing_train(municipality=town.municipality)
    # then it is stored with its figures, and it suggests street lights for those words
    assert row.examples == 75 and row.subjects == 3 and row.size == len(bytes(row.blob)) > 0
    found = suggest_subjects(
        municipality_id=town.municipality.pk, text="AMPUL patlak, her yer SÖNÜK"
    )
    assert found.source == "model" and found.model_id == row.pk
    assert found.best.subject.code == "street_light"
    assert [s.confidence for s in found.items] == sorted(
        (s.confidence for s in found.items), reverse=True
    )
    assert 0 < found.best.confidence <= 1


def test_too_little_history_writes_no_model_and_rules_keep_working(town):
    history(town, per_subject=3)
    with pytest.raises(learn.TooFewExamples):
        routing_train(municipality=town.municipality)
    assert not SubjectModel.objects.exists()
    found = suggest_subjects(municipality_id=town.municipality.pk, text="çöp toplanmadı")
    assert found.source == "rules" and found.best.subject.code == "waste"


def test_training_again_keeps_only_the_newest_models(town):
    history(town, per_subject=10)
    rows = [routing_train(municipality=town.municipality) for _ in range(KEEP_MODELS + 1)]
    kept = list(
        SubjectModel.objects.filter(municipality=town.municipality).values_list("pk", flat=True)
    )
    assert sorted(kept) == sorted(r.pk for r in rows[1:])


def test_another_towns_model_is_never_used(town):
    from acikmasa.common.testing import make_town

    other = make_town("oteki")
    history(other, per_subject=10)
    routing_train(municipality=other.municipality)
    assert (
        suggest_subjects(municipality_id=town.municipality.pk, text="ampul sönük").source != "model"
    )


def test_combination_weights_rules_against_the_model():
    assert combine({1: 0.5}, None, 0.3) == {1: 0.5}
    mixed = combine({1: 0.5}, {1: 0.2, 2: 0.8}, 0.25)
    assert mixed[1] == pytest.approx(0.75 * 0.2 + 0.25 * 0.5) and mixed[2] == pytest.approx(
        0.75 * 0.8
    )


def test_a_model_from_another_scikit_learn_is_not_used_and_rules_carry_on(town):
    history(town, per_subject=10)
    row = routing_train(municipality=town.municipality)
    assert suggest_subjects(municipality_id=town.municipality.pk, text="çöp").source == "model"
    classifier = learn.loads(row.blob)
    classifier.sklearn_version = "0.0"
    _store(row, classifier.dumps(), minutes=1)
    found = suggest_subjects(municipality_id=town.municipality.pk, text="çöp toplanmadı")
    assert found.source == "rules" and found.best.subject.code == "waste"
    _store(row, b"not a pickle", minutes=2)
    assert suggest_subjects(municipality_id=town.municipality.pk, text="çöp").source == "rules"


def _store(row, blob, *, minutes):
    from datetime import timedelta

    SubjectModel.objects.create(
        municipality=row.municipality,
        trained_at=row.trained_at + timedelta(minutes=minutes),
        examples=row.examples,
        subjects=row.subjects,
        seconds=row.seconds,
        blob=blob,
        size=len(blob),
    )
