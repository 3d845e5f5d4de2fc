"""Law 4982 Art. 30: the yearly statistics of information requests, derived from each case's
history.

The Board of Review (Bilgi Edinme Değerlendirme Kurulu) asks each institution every year for the
number of applications received, granted, partly granted, refused (by legal ground), forwarded to
another institution, and appealed. The outcome of a request is its last outcome event, read from
the structured outcome the resolve/reject payload records (cases/outcomes.py):
- `resolved` with outcome granted / partly_granted; `rejected` (outcome refused) with the article
  of Law 4982 it rests on (`legal_ground`);
- `forwarded_out` → forwarded to another institution (Art. 13); none of them → still pending;
- appealed: an event with an `appeal` code (objection, Board of Review, court).
Requests decided before outcomes were recorded have none: for them alone the old text heuristic
stands in, and the page says how many figures it estimated: "kısmen"/"partly" in the answer means
partly granted, the article the refusal text cites is the ground, a reopening counts as an appeal.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q
from django.utils import timezone

from acikmasa.cases import outcomes
from acikmasa.cases.events import EventKind
from acikmasa.cases.models import CaseEvent, CaseType
from acikmasa.cases.permissions import visible_cases
from acikmasa.common.turkish import fold

from .access import insights_profile

OUTCOME_KINDS = (
    EventKind.RESOLVED,
    EventKind.REJECTED,
    EventKind.FORWARDED_OUT,
    EventKind.REOPENED,
)
ARTICLE = re.compile(
    r"(?:md|madde|maddesi|art|article)\.?\s*(\d{1,2})|(\d{1,2})\s*\.?\s*(?:md|madde|maddesi)\b"
)
PARTLY = ("kismen", "partly", "partially", "kismi")
NOT_STATED = "not_stated"


@dataclass
class InformationStats:
    year: int
    received: int = 0
    granted: int = 0
    partly_granted: int = 0
    refused: int = 0
    refused_by_ground: Counter = field(default_factory=Counter)
    forwarded: int = 0
    pending: int = 0
    appealed: int = 0
    appealed_by: Counter = field(default_factory=Counter)  # structured appeals by kind
    estimated_outcomes: int = 0  # decisions without a structured outcome (text heuristic)
    estimated_grounds: int = 0  # refusals whose ground was read from the text
    estimated_appeals: int = 0  # reopenings of undecided-structure requests counted as appeals


def legal_ground(text: str) -> str:
    """The article a refusal cites ("art_25"), or "not_stated"."""
    match = ARTICLE.search(fold(text or ""))
    if not match:
        return NOT_STATED
    return f"art_{int(match.group(1) or match.group(2))}"


def _year_bounds(year: int) -> tuple[datetime, datetime]:
    return (
        timezone.make_aware(datetime.combine(date(year, 1, 1), time.min)),
        timezone.make_aware(datetime.combine(date(year + 1, 1, 1), time.min)),
    )


def information_stats_get(*, user: AbstractBaseUser, year: int) -> InformationStats:
    """Art. 30 figures for requests registered in `year`, within what `user` may see."""
    insights_profile(user)
    since, until = _year_bounds(year)
    requests = visible_cases(user).filter(
        case_type=CaseType.INFORMATION, created_at__gte=since, created_at__lt=until
    )
    stats = InformationStats(year=year, received=requests.count())
    events = (
        CaseEvent.objects.filter(case__in=requests.values("pk"))
        .filter(Q(kind__in=OUTCOME_KINDS) | Q(kind=EventKind.NOTE_ADDED, payload__has_key="appeal"))
        .order_by("case_id", "sequence")
        .values_list("case_id", "kind", "text", "payload")
    )
    last: dict[int, tuple[str, str, dict]] = {}
    appeals: dict[int, str] = {}
    reopened: set[int] = set()
    for case_id, kind, text, payload in events.iterator(2000):
        payload = payload or {}
        if payload.get("appeal"):
            appeals[case_id] = payload["appeal"]
        if kind == EventKind.REOPENED:
            reopened.add(case_id)
        if kind in OUTCOME_KINDS:
            last[case_id] = (kind, text, payload)
    for kind, text, payload in last.values():
        _count_outcome(stats, kind, text, payload)
    stats.forwarded = sum(1 for kind, _t, _p in last.values() if kind == EventKind.FORWARDED_OUT)
    stats.appealed_by = Counter(appeals.values())
    structured = {case_id for case_id, (_k, _t, payload) in last.items() if "outcome" in payload}
    guessed = {case_id for case_id in reopened - appeals.keys() if case_id not in structured}
    stats.estimated_appeals = len(guessed)
    stats.appealed = len(appeals) + len(guessed)
    stats.pending = (
        stats.received - stats.granted - stats.partly_granted - stats.refused - stats.forwarded
    )
    return stats


def _count_outcome(stats: InformationStats, kind: str, text: str, payload: dict) -> None:
    """One request's last decision: the structured outcome, else (old cases) the text heuristic."""
    outcome = payload.get("outcome")
    if kind == EventKind.RESOLVED:
        if outcome is None:
            stats.estimated_outcomes += 1
            outcome = (
                outcomes.PARTLY_GRANTED
                if any(word in fold(text) for word in PARTLY)
                else outcomes.GRANTED
            )
        if outcome == outcomes.PARTLY_GRANTED:
            stats.partly_granted += 1
        else:
            stats.granted += 1
    elif kind == EventKind.REJECTED:
        stats.refused += 1
        if outcome is None:
            stats.estimated_outcomes += 1
        ground = payload.get("legal_ground")
        if ground is None:
            stats.estimated_grounds += 1
            ground = legal_ground(text)
        stats.refused_by_ground[ground] += 1
