"""Top subjects for a description: keyword rules, the trained model, and how the two are combined.

Combined confidence, per subject s (docs/routing.md):
    with a model:    (1 - w) * P_model(s) + w * P_rules(s)      w = RoutingSettings.rules_weight
    without a model: P_rules(s) = score(s) / (sum of positive scores + 1)
"""

import threading
from dataclasses import dataclass, field
from typing import Literal

from acikmasa.directory.models import Subject

from . import learn
from .models import (
    DEFAULT_AUTO_ROUTE_THRESHOLD,
    DEFAULT_RULES_WEIGHT,
    RoutingSettings,
    SubjectModel,
)
from .rules import RuleIndex, rule_confidences, rule_index
from .text import tokens

TOP = 3
MAX_TEXT = 2_000  # a suggestion reads the beginning of a long text; the rest rarely changes it


@dataclass(frozen=True)
class Suggestion:
    subject: Subject
    confidence: float
    from_rules: float
    from_model: float | None


@dataclass
class Suggestions:
    items: list[Suggestion] = field(default_factory=list)
    source: str = "none"  # "none", "rules", "model"
    model_id: int | None = None

    @property
    def best(self) -> Suggestion | None:
        return self.items[0] if self.items else None

    def as_details(self) -> dict:
        """What the history keeps of a suggestion (the CREATED event's payload)."""
        return {
            "confidence": round(self.best.confidence, 4) if self.best else 0.0,
            "source": self.source,
            "model": self.model_id,
            "top": [
                {"subject": s.subject.code, "confidence": round(s.confidence, 4)}
                for s in self.items
            ],
        }


def settings_for(municipality_id: int) -> RoutingSettings:
    """The municipality's routing settings, or the defaults (unsaved) when it has none."""
    found = RoutingSettings.objects.filter(municipality_id=municipality_id).first()
    return found or RoutingSettings(
        municipality_id=municipality_id,
        auto_route_threshold=DEFAULT_AUTO_ROUTE_THRESHOLD,
        rules_weight=DEFAULT_RULES_WEIGHT,
    )


# municipality -> ((model id, trained at), classifier); models are never changed, only added.
_loaded: dict[int, tuple[tuple, learn.Classifier]] = {}
_lock = threading.Lock()


def current_classifier(municipality_id: int) -> tuple[int, learn.Classifier] | None:
    """The newest trained model of the municipality, unpickled once per process and model."""
    latest = (
        SubjectModel.objects.filter(municipality_id=municipality_id)
        .values_list("pk", "trained_at")
        .first()
    )
    if latest is None:
        return None
    cached = _loaded.get(municipality_id)
    if cached is None or cached[0] != latest:
        with _lock:
            blob = SubjectModel.objects.filter(pk=latest[0]).values_list("blob", flat=True).first()
            classifier = learn.loads(blob) if blob is not None else None  # None: deleted meanwhile
            if classifier is None:
                return None
            cached = _loaded[municipality_id] = (latest, classifier)
    return latest[0], cached[1]


def combine(
    rules: dict[int, float], model: dict[int, float] | None, rules_weight: float
) -> dict[int, float]:
    if model is None:
        return dict(rules)
    keys = rules.keys() | model.keys()
    return {
        s: (1 - rules_weight) * model.get(s, 0.0) + rules_weight * rules.get(s, 0.0) for s in keys
    }


def suggest_subjects(
    *,
    municipality_id: int,
    text: str,
    channel: str = "",
    neighbourhood_id: int | None = None,
    limit: int = TOP,
    index: RuleIndex | None = None,
    classifier: tuple[int, learn.Classifier] | Literal[False] | None = None,
    rules_weight: float | None = None,
) -> Suggestions:
    """Up to `limit` active subjects of the municipality for `text`, most likely first.

    `index`, `classifier` (False: no model) and `rules_weight` may be given by a caller that scores
    many texts (evaluation, the triage page); by default they are read for this call. Reads only.
    """
    text = (text or "")[:MAX_TEXT]
    words = tokens(text)
    if not words:
        return Suggestions()
    index = index or rule_index(municipality_id)
    rules = rule_confidences(index.scores(words))
    loaded = classifier if classifier is not None else current_classifier(municipality_id)
    model = loaded[1].probabilities(text, channel, neighbourhood_id) if loaded else None
    weight = settings_for(municipality_id).rules_weight if rules_weight is None else rules_weight
    combined = combine(rules, model, weight)
    ranked = sorted(((c, s) for s, c in combined.items() if c > 0), reverse=True)
    subjects = (
        Subject.objects.filter(
            municipality_id=municipality_id,
            is_active=True,
            pk__in=[s for _, s in ranked[: limit * 3]],
        )
        .select_related("directorate")
        .in_bulk()
    )
    items = [
        Suggestion(subjects[s], c, rules.get(s, 0.0), model.get(s) if model is not None else None)
        for c, s in ranked
        if s in subjects
    ][:limit]
    return Suggestions(
        items, "model" if loaded else ("rules" if items else "none"), loaded[0] if loaded else None
    )
