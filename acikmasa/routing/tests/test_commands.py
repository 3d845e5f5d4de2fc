import json

import pytest
from django.core.management import CommandError, call_command

from acikmasa.routing.models import SubjectModel

from .helpers import history


def test_routing_train_trains_each_town_and_says_when_history_is_too_short(town, capsys):
    from acikmasa.common.testing import make_town

    history(town, per_subject=10)
    make_town("bos")
    call_command("routing_train")
    out = capsys.readouterr().out
    assert "testkent" in out and "30" in out and "bos" in out
    assert SubjectModel.objects.filter(municipality=town.municipality).count() == 1
    assert not SubjectModel.objects.exclude(municipality=town.municipality).exists()


def test_routing_train_if_missing_leaves_a_trained_model_alone(town):
    history(town, per_subject=10)
    call_command("routing_train", "--if-missing")
    first = SubjectModel.objects.get(municipality=town.municipality)
    call_command("routing_train", "--if-missing")  # make run's second start: nothing retrained
    assert list(SubjectModel.objects.values_list("pk", flat=True)) == [first.pk]
    call_command("routing_train")
    assert SubjectModel.objects.filter(municipality=town.municipality).count() == 2


def test_routing_evaluate_reports_accuracy_on_the_newer_cases(town, capsys):
    history(town, per_subject=20)
    call_command("routing_evaluate", "--municipality", "testkent", "--json")
    report = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert report["train_cases"] == 48 and report["test_cases"] == 12
    for figures in (report["rules"], report["model"]):
        assert 0 <= figures["top1"] <= figures["top3"] <= 1
    assert report["model"]["top3"] == 1.0  # three subjects: the true one is always among three
    assert report["model"]["top1"] >= 0.75  # each subject's words are its own in this history
    assert set(report["latency_ms"]) == {"median", "p95"}
    assert not SubjectModel.objects.exists()  # evaluation stores nothing


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--municipality", "nowhere"], "nowhere"),
        (["--test-share", "1.5"], "--test-share"),
    ],
)
def test_bad_arguments_are_refused_clearly(town, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("routing_evaluate", *args)
