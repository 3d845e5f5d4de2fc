"""Measure suggestions honestly: train on the older cases, score the newer ones (a time split)."""

import statistics
import time
from dataclasses import dataclass, field

from . import learn
from .rules import RuleIndex, rule_confidences, rules_for
from .selectors import training_examples
from .suggest import combine, suggest_subjects
from .text import tokens

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
RULES_WEIGHTS = (0.0, 0.1, 0.2, 0.3, 0.5)


@dataclass
class Accuracy:
    top1: float
    top3: float


@dataclass
class Report:
    train_cases: int
    test_cases: int
    subjects: int
    split_at: str
    rules: Accuracy
    model: Accuracy
    combined: dict[float, Accuracy]
    rules_weight: float
    training_seconds: float
    latency_ms: dict[str, float]
    # threshold -> (share routed automatically, top-1 accuracy of those routed)
    auto_route: dict[float, tuple[float, float]] = field(default_factory=dict)


def _accuracy(rankings: list[list[int]], truth: list[int]) -> Accuracy:
    n = len(truth) or 1
    top1 = sum(1 for r, t in zip(rankings, truth, strict=True) if r[:1] == [t]) / n
    top3 = sum(1 for r, t in zip(rankings, truth, strict=True) if t in r[:3]) / n
    return Accuracy(round(top1, 4), round(top3, 4))


def _ranked(scores: dict[int, float]) -> list[int]:
    return [s for s, c in sorted(scores.items(), key=lambda item: -item[1]) if c > 0][:3]


def evaluate(
    *,
    municipality_id: int,
    test_share: float = 0.2,
    limit: int | None = None,
    rules_weight: float = 0.3,
    latency_samples: int = 200,
) -> Report:
    """Time split of the municipality's history: the oldest (1 - test_share) train, the newest test.

    Reports top-1/top-3 for the rules alone, the model alone and combined (for several rule
    weights), the share routed automatically and its accuracy per threshold, training time and the
    latency of one full suggestion (rules from the database + model), median and 95th percentile.
    Reads only; the model trained here is never stored.
    """
    history = training_examples(municipality_id=municipality_id, limit=limit or 10**9)
    cut = int(len(history) * (1 - test_share))
    train, test = [e for _, e in history[:cut]], [e for _, e in history[cut:]]
    # Corrections weigh more in production; here every label counts the same.
    for example in train:
        example.weight = 1.0
    classifier, seconds = learn.train(train)
    truth = [e.subject_id for e in test]
    index = RuleIndex(rules_for(municipality_id))
    rule_scores = [rule_confidences(index.scores(tokens(e.text))) for e in test]
    model_scores = classifier.probabilities_many(
        [e.text for e in test], [(e.channel, e.neighbourhood_id) for e in test]
    )
    combined = {
        w: _accuracy(
            [_ranked(combine(r, m, w)) for r, m in zip(rule_scores, model_scores, strict=True)],
            truth,
        )
        for w in sorted({*RULES_WEIGHTS, rules_weight})
    }
    chosen = [combine(r, m, rules_weight) for r, m in zip(rule_scores, model_scores, strict=True)]
    return Report(
        train_cases=len(train),
        test_cases=len(test),
        subjects=len(set(truth) | {e.subject_id for e in train}),
        split_at=history[cut][0].isoformat() if test else "",
        rules=_accuracy([_ranked(r) for r in rule_scores], truth),
        model=_accuracy([_ranked(m) for m in model_scores], truth),
        combined=combined,
        rules_weight=rules_weight,
        training_seconds=round(seconds, 2),
        latency_ms=_latency(municipality_id, test[:latency_samples], (0, classifier), rules_weight),
        auto_route=_auto_route(chosen, truth),
    )


def _auto_route(
    scores: list[dict[int, float]], truth: list[int]
) -> dict[float, tuple[float, float]]:
    result = {}
    for threshold in THRESHOLDS:
        routed = [
            (max(s, key=s.get), t)
            for s, t in zip(scores, truth, strict=True)
            if s and max(s.values()) >= threshold
        ]
        share = len(routed) / (len(truth) or 1)
        right = sum(1 for guess, t in routed if guess == t) / (len(routed) or 1)
        result[threshold] = (round(share, 4), round(right, 4))
    return result


def _latency(
    municipality_id: int, sample: list[learn.Example], classifier, rules_weight: float
) -> dict[str, float]:
    timings = []
    for example in sample:
        started = time.perf_counter()
        suggest_subjects(
            municipality_id=municipality_id,
            text=example.text,
            channel=example.channel,
            neighbourhood_id=example.neighbourhood_id,
            classifier=classifier,
            rules_weight=rules_weight,
        )
        timings.append((time.perf_counter() - started) * 1000)
    if not timings:
        return {}
    timings.sort()
    return {
        "median": round(statistics.median(timings), 2),
        "p95": round(timings[int(len(timings) * 0.95) - 1], 2),
    }
