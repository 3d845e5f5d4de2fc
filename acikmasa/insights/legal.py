"""Law 4982 Art. 30: the yearly statistics of information requests, derived from each case's history.

The Board of Review (Bilgi Edinme Değerlendirme Kurulu) asks each institution every year for the
number of applications received, granted, partly granted, refused (by legal ground), forwarded to
another institution, and appealed. The outcome of a request is its last outcome event:
- `resolved` → granted, or partly granted when the answer says so ("kısmen"/"partly"), since the
  core records no structured outcome yet;
- `rejected` → refused; the ground is the article of Law 4982 the refusal text cites (Art. 15–28
  are the exceptions, Art. 7 "research needed", Art. 11 "not answered in time"), else "not stated";
- `forwarded_out` → forwarded to another institution (Art. 13);
- none of them → still pending.
An objection (the applicant reopened the request after a refusal or an answer) counts as appealed.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from acikmasa.cases.events import EventKind
from acikmasa.cases.models import CaseEvent, CaseType
from acikmasa.cases.permissions import visible_cases
from acikmasa.common.turkish import fold

from .access import insights_profile

OUTCOME_KINDS = (EventKind.RESOLVED, EventKind.REJECTED, EventKind.FORWARDED_OUT, EventKind.REOPENED)
ARTICLE = re.compile(r"(?:md|madde|maddesi|art|article)\.?\s*(\d{1,2})|(\d{1,2})\s*\.?\s*(?:md|madde|maddesi)\b")
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
    requests = visible_cases(user).filter(case_type=CaseType.INFORMATION, created_at__gte=since, created_at__lt=until)
    stats = InformationStats(year=year, received=requests.count())
    events = (
        CaseEvent.objects.filter(case__in=requests.values("pk"), kind__in=OUTCOME_KINDS)
        .order_by("case_id", "sequence").values_list("case_id", "kind", "text")
    )
    last: dict[int, tuple[str, str]] = {}
    appealed: set[int] = set()
    for case_id, kind, text in events.iterator(2000):
        if kind == EventKind.REOPENED:
            appealed.add(case_id)
        last[case_id] = (kind, text)
    for kind, text in last.values():
        if kind == EventKind.RESOLVED:
            if any(word in fold(text) for word in PARTLY):
                stats.partly_granted += 1
            else:
                stats.granted += 1
        elif kind == EventKind.REJECTED:
            stats.refused += 1
            stats.refused_by_ground[legal_ground(text)] += 1
    stats.forwarded = sum(1 for kind, _ in last.values() if kind == EventKind.FORWARDED_OUT)
    stats.appealed = len(appealed)
    stats.pending = stats.received - stats.granted - stats.partly_granted - stats.refused - stats.forwarded
    return stats
