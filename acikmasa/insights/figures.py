"""The figures of a set of cases, all derived from the history or from Case columns that cache it.

received: cases registered in the period; solved: now resolved or closed (status and resolved_at
are written by case_transition with the resolving event, and cleared by a reopening); open: in an
open status; overdue: open and past the due time the deadline engine keeps equal to its replay;
deadline met: solved at or before the due time; reopened: has at least one `reopened` event.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet

from acikmasa.cases.events import EventKind
from acikmasa.cases.lifecycle import OPEN_STATUSES, Status
from acikmasa.cases.models import Case, CaseEvent

SOLVED_STATUSES = frozenset({Status.RESOLVED, Status.CLOSED})
METRICS = ("received", "solved", "open", "overdue", "met", "missed", "reopened")


def reopened_exists() -> Exists:
    return Exists(CaseEvent.objects.filter(case_id=OuterRef("pk"), kind=EventKind.REOPENED))


def metric_q(metric: str, now: datetime) -> Q:
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
        "reopened": Q(reopened_exists()),
    }[metric]


def counting(now: datetime) -> dict:
    """Aggregates for .aggregate() or .annotate(): one conditional count per metric."""
    return {m: Count("id", filter=metric_q(m, now)) if m != "received" else Count("id") for m in METRICS}


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
