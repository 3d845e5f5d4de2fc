"""Reads for staff and citizens, always within what the reader may see."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q
from django.utils import timezone

from acikmasa.cases.lifecycle import OPEN_STATUSES, is_open
from acikmasa.cases.models import Case
from acikmasa.cases.permissions import visible_cases

from .models import DuplicateCandidate
from .search import Match, Probe, candidate_search

P = DuplicateCandidate.State


@dataclass
class PanelRow:
    case: Case
    score: float
    distance_m: int | None
    reasons: list[str]
    link_id: int | None  # None: found now by a live search, not stored


@dataclass
class Panel:
    case: Case
    candidates: list[PanelRow]
    master: Case | None
    joined: list[Case]


def duplicate_panel(*, user: AbstractBaseUser, case: Case) -> Panel:
    """Possible duplicates of `case` (stored both ways, plus a live search of today's open cases),
    its master when it is a duplicate, and the cases joined to it. Only cases `user` may see."""
    visible = visible_cases(user)
    rows: dict[int, PanelRow] = {}
    if is_open(case.status):
        links = DuplicateCandidate.objects.filter(Q(case=case) | Q(candidate=case), state=P.PENDING)
        for link in links:
            other = link.candidate_id if link.case_id == case.pk else link.case_id
            rows[other] = PanelRow(None, link.score, link.distance_m, link.reasons, link.pk)
        if case.subject_id:
            probe = Probe.of(case)
            probe.at = timezone.now()
            for match in candidate_search(probe):
                rows.setdefault(match.case_id, _row(match))
        dismissed = DuplicateCandidate.objects.filter(
            Q(case=case) | Q(candidate=case), state=P.DISMISSED
        )
        for a, b in dismissed.values_list("case_id", "candidate_id"):
            rows.pop(b if a == case.pk else a, None)
    others = {
        c.pk: c
        for c in visible.filter(pk__in=rows, status__in=OPEN_STATUSES).select_related(
            "subject", "neighbourhood", "street"
        )
    }
    candidates = []
    for pk, row in rows.items():
        if pk in others:
            row.case = others[pk]
            candidates.append(row)
    candidates.sort(key=lambda r: -r.score)
    master = visible.filter(pk=case.duplicate_of_id).first() if case.duplicate_of_id else None
    joined = list(visible.filter(duplicate_of=case).order_by("created_at"))
    return Panel(case, candidates, master, joined)


def _row(match: Match) -> PanelRow:
    return PanelRow(None, match.score, match.distance_m, match.reasons, None)


@dataclass
class HotSpot:
    size: int
    master: Case
    cases: list[Case] = field(default_factory=list)
    open_count: int = 0


def hot_spots(
    *, user: AbstractBaseUser, days: int = 30, min_size: int = 3, limit: int = 50
) -> list[HotSpot]:
    """Groups of reports of one problem (joined, or suggested and not dismissed) registered in the
    last `days`, largest first: the same broken street light reported twenty times."""
    since = timezone.now() - timedelta(days=days)
    visible = visible_cases(user)
    scope = visible.filter(created_at__gte=since)
    pairs = list(
        DuplicateCandidate.objects.filter(
            state__in=[P.PENDING, P.MERGED],
            case__in=scope.values("pk"),
            candidate__in=visible.values("pk"),
        ).values_list("case_id", "candidate_id")
    )
    pairs += list(scope.filter(duplicate_of__isnull=False).values_list("pk", "duplicate_of_id"))
    groups = _components(pairs)
    big = [g for g in groups if len(g) >= min_size]
    wanted = {pk for g in big for pk in g}
    cases = {
        c.pk: c
        for c in visible.filter(pk__in=wanted).select_related("subject", "neighbourhood", "street")
    }
    spots = []
    for group in big:
        members = sorted((cases[pk] for pk in group if pk in cases), key=lambda c: c.created_at)
        if len(members) < min_size:
            continue
        roots = [c for c in members if c.duplicate_of_id is None and is_open(c.status)]
        spots.append(
            HotSpot(
                len(members),
                (roots or members)[0],
                members,
                sum(1 for c in members if is_open(c.status)),
            )
        )
    spots.sort(key=lambda s: (-s.size, -s.open_count))
    return spots[:limit]


def _components(pairs: list[tuple[int, int]]) -> list[set[int]]:
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        parent[find(a)] = find(b)
    groups: dict[int, set[int]] = {}
    for x in list(parent):
        groups.setdefault(find(x), set()).add(x)
    return list(groups.values())
