"""Keyword rules: admins' words per subject, matched on normalised and stemmed Turkish text."""

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from acikmasa.directory.models import Subject

from .models import KeywordRule
from .text import normalise, stem

SUBJECT_KEYWORD_WEIGHT = 1.0
# A keyword this long also matches words that start with it ("konteyner" in "konteynerlar") and,
# from FUZZY_MIN letters, a word one typo away ("aydinlatma" ~ "aydinaltma").
PREFIX_MIN = 4
FUZZY_MIN = 6
# Mass kept for "none of these": one weight-1 hit alone gives 1/(1+1) = 50 %, never certainty.
UNKNOWN_MASS = 1.0


@dataclass(frozen=True)
class Rule:
    subject_id: int
    words: tuple[str, ...]  # normalised, not stemmed
    weight: float


def rules_for(municipality_id: int) -> list[Rule]:
    """Active rules of the municipality's active subjects: admins' rows and the subjects'
    keywords."""
    rules: list[Rule] = []
    subjects = Subject.objects.filter(municipality_id=municipality_id, is_active=True).values_list(
        "pk", "keywords"
    )
    active = set()
    for subject_id, keywords in subjects:
        active.add(subject_id)
        for phrase in (keywords or "").split(","):
            words = _words(phrase)
            if words:
                rules.append(Rule(subject_id, words, SUBJECT_KEYWORD_WEIGHT))
    rows = KeywordRule.objects.filter(municipality_id=municipality_id, is_active=True).values_list(
        "subject_id", "phrase", "weight"
    )
    for subject_id, phrase, weight in rows:
        words = _words(phrase)
        if words and subject_id in active:
            rules.append(Rule(subject_id, words, weight))
    return rules


@lru_cache(maxsize=16_384)
def _words(phrase: str) -> tuple[str, ...]:
    return tuple(normalise(phrase).split())


_indexes: dict[int, "RuleIndex"] = {}


def rule_index(municipality_id: int) -> "RuleIndex":
    """The municipality's rules, indexed; rebuilt only when a rule or a subject's keywords
    changed."""
    rules = rules_for(municipality_id)
    cached = _indexes.get(municipality_id)
    if cached is None or cached.rules != rules:
        cached = _indexes[municipality_id] = RuleIndex(rules)
    return cached


def _one_edit_apart(a: str, b: str) -> bool:
    """Damerau distance of at most one (a swapped, missing, extra or wrong letter)."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return a == b
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[i:] == long_[i + 1 :]


class RuleIndex:
    """The rules of one municipality, indexed so that a text is scored in about a millisecond."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        keywords = {word for rule in rules for word in rule.words}
        self.exact: dict[str, set[str]] = defaultdict(
            set
        )  # a word or stem -> keywords it is a form of
        self.prefixes = {k for k in keywords if len(k) >= PREFIX_MIN}
        self.fuzzy: dict[str, list[str]] = defaultdict(list)  # first letter -> long keywords
        for keyword in keywords:
            self.exact[keyword].add(keyword)
            self.exact[stem(keyword)].add(keyword)
            if len(keyword) >= FUZZY_MIN:
                self.fuzzy[keyword[0]].append(keyword)

    def _keywords_of(self, word: str) -> set[str]:
        found = self.exact.get(word, set()) | self.exact.get(stem(word), set())
        found |= {word[:n] for n in range(PREFIX_MIN, len(word)) if word[:n] in self.prefixes}
        word_stem = stem(word)
        for keyword in self.fuzzy.get(word[:1], ()):
            if (
                keyword not in found
                and abs(len(word_stem) - len(stem(keyword))) <= 1
                and _one_edit_apart(word_stem, stem(keyword))
            ):
                found.add(keyword)
        return found

    def scores(self, words: list[str]) -> dict[int, float]:
        """Sum of the weights of the rules found in `words`, per subject (each rule counts once)."""
        positions: dict[str, set[int]] = defaultdict(set)
        cache: dict[str, set[str]] = {}
        for i, word in enumerate(words):
            if word not in cache:
                cache[word] = self._keywords_of(word)
            for keyword in cache[word]:
                positions[keyword].add(i)
        result: dict[int, float] = defaultdict(float)
        for rule in self.rules:
            first = positions.get(rule.words[0])
            if not first:
                continue
            if len(rule.words) == 1 or any(
                all(i + k in positions.get(w, ()) for k, w in enumerate(rule.words)) for i in first
            ):
                result[rule.subject_id] += rule.weight
        return dict(result)


def rule_confidences(scores: dict[int, float]) -> dict[int, float]:
    """Scores as shares, with UNKNOWN_MASS held back; subjects with a score of 0 or less drop
    out."""
    positive = {s: v for s, v in scores.items() if v > 0}
    total = sum(positive.values()) + UNKNOWN_MASS
    return {s: v / total for s, v in positive.items()}
