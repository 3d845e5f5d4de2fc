"""The figures of a set of cases, all derived from the history or from Case columns that cache it.

received: cases registered in the period; solved: now resolved or closed (status and resolved_at
are written by case_transition with the resolving event, and cleared by a reopening); open: in an
open status; overdue: open and past the due time the deadline engine keeps equal to its replay;
deadline met: solved at or before the due time; reopened: has at least one `reopened` event.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, F, Q, QuerySet

from acikmasa.cases.events import EventKind
from acikmasa.cases.lifecycle import OPEN_STATUSES, Status
from acikmasa.cases.models import Case, CaseEvent

SOLVED_STATUSES = frozenset({Status.RESOLVED, Status.CLOSED})
METRICS = ("received", "solved", "open", "overdue", "met", "missed", "reopened")


def reopened_q(since: datetime | None = None) -> Q:
    """Cases with a `reopened` event. An IN over the reopen events is hashed once by the database
    (a correlated EXISTS probed the history of every case: 250 ms of 350 at 1M cases). A case is
    reopened after it was registered, so only events from the period's start on can match, and the
    (kind, created_at) index reads just those."""
    events = CaseEvent.objects.filter(kind=EventKind.REOPENED)
    if since is not None:
        events = events.filter(created_at__gte=since)
    return Q(pk__in=events.values("case_id"))


def metric_q(metric: str, now: datetime, since: datetime | None = None) -> Q:
    """The condition behind one figure; the drill-down lists and the counts share it."""
    solved = Q(status__in=SOLVED_STATUSES)
    open_ = Q(status__in=OPEN_STATUSES)
    return {
        "received": Q(),
        "solved": solved,
        "open": open_,
        "overdue": open_ & Q(due_at__lt=now),
        "met": solved & Q(resolved_at__lte=F("due_at")),
        "missed": solved & Q(resolved_at__gt=F("due_at")),
        "reopened": reopened_q(since),
    }[metric]


def counting(now: datetime, since: datetime | None = None) -> dict:
    """Aggregates for .aggregate() or .annotate(): one conditional count per metric."""
    return {m: Count("id", filter=metric_q(m, now, since)) if m != "received" else Count("id") for m in METRICS}


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass
class Figures:
    received: int = 0
    solved: int = 0
    open: int = 0
    overdue: int = 0
    met: int = 0
    missed: int = 0
    reopened: int = 0
    median_hours: float | None = None
    p90_hours: float | None = None
    extra: dict = field(default_factory=dict)

    @classmethod
    def of(cls, counts: dict, percentiles: tuple | None = None) -> "Figures":
        median, p90 = percentiles or (None, None)
        return cls(**{m: counts.get(m) or 0 for m in METRICS}, median_hours=median, p90_hours=p90)

    @property
    def solved_share(self) -> float | None:
        return _share(self.solved, self.received)

    @property
    def met_share(self) -> float | None:
        return _share(self.met, self.met + self.missed)

    @property
    def reopen_rate(self) -> float | None:
        return _share(self.reopened, self.received)

    def value(self, name: str):
        return getattr(self, name)


def solved_of(cases: QuerySet[Case]) -> QuerySet[Case]:
    return cases.filter(status__in=SOLVED_STATUSES, resolved_at__isnull=False)
