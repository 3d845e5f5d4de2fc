"""The subject classifier: TF-IDF over character n-grams of the normalised text, plus channel and
mahalle, into a linear model with probabilities. Trained here, on the municipality's own cases."""

import logging
import pickle
import time
from dataclasses import dataclass, field

import numpy as np
import sklearn
from scipy.sparse import hstack
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier

from .text import normalise

logger = logging.getLogger(__name__)

# How much the channel and the mahalle count next to the words (the words' vector has length 1).
CONTEXT_WEIGHT = 0.3
MIN_EXAMPLES = 20
EPOCHS = 10


@dataclass
class Example:
    text: str
    subject_id: int
    channel: str = ""
    neighbourhood_id: int | None = None
    weight: float = 1.0


@dataclass
class Classifier:
    """A fitted pipeline; pickled into SubjectModel.blob."""

    words: TfidfVectorizer
    context: DictVectorizer
    model: SGDClassifier
    labels: list[int] = field(default_factory=list)
    # A model pickled by another scikit-learn may load wrongly: such a model is not used
    # (suggest.py).
    sklearn_version: str = sklearn.__version__

    def _features(self, texts: list[str], contexts: list[dict]):
        return hstack(
            [self.words.transform(texts), self.context.transform(contexts) * CONTEXT_WEIGHT]
        ).tocsr()

    def probabilities(
        self, text: str, channel: str = "", neighbourhood_id: int | None = None
    ) -> dict[int, float]:
        """P(subject | text, channel, mahalle) for every learnt subject."""
        return self.probabilities_many([text], [(channel, neighbourhood_id)])[0]

    def probabilities_many(
        self, texts: list[str], contexts: list[tuple[str, int | None]]
    ) -> list[dict[int, float]]:
        rows = self.model.predict_proba(
            self._features([normalise(t) for t in texts], [_context(*c) for c in contexts])
        )
        return [dict(zip(self.labels, map(float, row), strict=True)) for row in rows]

    def dumps(self) -> bytes:
        return pickle.dumps(self, protocol=pickle.HIGHEST_PROTOCOL)


def _context(channel: str, neighbourhood_id: int | None) -> dict:
    found = {f"channel={channel}": 1.0} if channel else {}
    if neighbourhood_id:
        found[f"mahalle={neighbourhood_id}"] = 1.0
    return found


class TooFewExamples(ValueError):
    pass


def train(examples: list[Example], *, seed: int = 0) -> tuple[Classifier, float]:
    """Fit a classifier on `examples`; returns it and the seconds it took.

    Character n-grams inside word boundaries (2-5 letters) see through typos, missing Turkish
    letters and suffixes; the logistic loss gives probabilities for the confidence. Raises
    TooFewExamples when fewer than MIN_EXAMPLES cases or fewer than two subjects are given.
    """
    if len(examples) < MIN_EXAMPLES or len({e.subject_id for e in examples}) < 2:
        raise TooFewExamples(
            f"{len(examples)} cases of {len({e.subject_id for e in examples})} subjects"
        )
    started = time.perf_counter()
    words = TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=(2, 5),
        min_df=2,
        max_features=300_000,
        sublinear_tf=True,
        dtype=np.float32,
    )
    context = DictVectorizer(dtype=np.float32)
    text_matrix = words.fit_transform([normalise(e.text) for e in examples])
    context_matrix = context.fit_transform(
        [_context(e.channel, e.neighbourhood_id) for e in examples]
    )
    features = hstack([text_matrix, context_matrix * CONTEXT_WEIGHT]).tocsr()
    # A fixed number of passes (no tolerance): on 16,000 demo cases 8-10 passes score as well as 30
    # and train three times faster; the same data and seed give the same model.
    model = SGDClassifier(loss="log_loss", alpha=1e-5, max_iter=EPOCHS, tol=None, random_state=seed)
    model.fit(
        features,
        np.array([e.subject_id for e in examples]),
        sample_weight=np.array([e.weight for e in examples]),
    )
    classifier = Classifier(
        words=words, context=context, model=model, labels=[int(c) for c in model.classes_]
    )
    return classifier, time.perf_counter() - started


def loads(blob: bytes) -> Classifier | None:
    """The stored classifier, or None when it was made by another scikit-learn (retrain it)."""
    # Only blobs this code wrote into the municipality's own database are ever loaded.
    try:
        found = pickle.loads(bytes(blob))
    except Exception:
        logger.warning("routing: a stored subject model could not be loaded; using the rules only")
        return None
    if getattr(found, "sklearn_version", None) != sklearn.__version__:
        logger.warning(
            "routing: the stored subject model needs retraining (acikmasa routing_train)"
        )
        return None
    return found
