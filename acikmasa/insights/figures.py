"""The figures of a set of cases, all derived from the history or from Case columns that cache it.

received: cases registered in the period; solved: now resolved or closed (status and resolved_at
are written by case_transition with the resolving event, and cleared by a reopening); open: in an
open status; overdue: open and past the due time the deadline engine keeps equal to its replay;
deadline met: solved at or before the due time; reopened: has at least one `reopened` event.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, F, Q, QuerySet, Sum

from acikmasa.cases.events import EventKind
from acikmasa.cases.lifecycle import OPEN_STATUSES, Status
from acikmasa.cases.models import Case, CaseEvent

SOLVED_STATUSES = frozenset({Status.RESOLVED, Status.CLOSED})
METRICS = ("received", "solved", "open", "overdue", "met", "missed", "reopened")
SATISFACTION = ("answered", "score_n", "score_sum", "said_unsolved")
DRILL_METRICS = (*METRICS, "answered", "said_unsolved")
SURVEY_ANSWERED = EventKind.SURVEY_ANSWERED


def reopened_q(since: datetime | None = None) -> Q:
    """Cases with a `reopened` event. An IN over the reopen events is hashed once by the database
    (a correlated EXISTS probed the history of every case: 250 ms of 350 at 1M cases). A case is
    reopened after it was registered, so only events from the period's start on can match, and the
    (kind, created_at) index reads just those."""
    events = CaseEvent.objects.filter(kind=EventKind.REOPENED)
    if since is not None:
        events = events.filter(created_at__gte=since)
    return Q(pk__in=events.values("case_id"))


def answered_q(since: datetime | None = None, **payload) -> Q:
    """Cases whose history holds a survey answer (optionally with the given payload values)."""
    events = CaseEvent.objects.filter(
        kind=SURVEY_ANSWERED, **{f"payload__{k}": v for k, v in payload.items()}
    )
    if since is not None:
        events = events.filter(created_at__gte=since)
    return Q(pk__in=events.values("case_id"))


def metric_q(metric: str, now: datetime, since: datetime | None = None) -> Q:
    """The condition behind one figure; the drill-down lists and the counts share it."""
    if metric == "answered":
        return answered_q(since)
    if metric == "said_unsolved":
        return answered_q(since, solved=False)
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
    """Aggregates for .aggregate() or .annotate(): one conditional count per metric, and the survey
    answers (the notify app's SurveyAnswer row is written with the survey_answered event)."""
    counts = {
        m: Count("id", filter=metric_q(m, now, since)) if m != "received" else Count("id")
        for m in METRICS
    }
    return counts | {
        "answered": Count("survey_answer"),
        "score_n": Count("survey_answer__score"),
        "score_sum": Sum("survey_answer__score"),
        "said_unsolved": Count("survey_answer", filter=Q(survey_answer__solved=False)),
    }


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
    answered: int = 0
    score_n: int = 0
    score_sum: int = 0
    said_unsolved: int = 0
    median_hours: float | None = None
    p90_hours: float | None = None
    extra: dict = field(default_factory=dict)

    @classmethod
    def of(cls, counts: dict, percentiles: tuple | None = None) -> "Figures":
        median, p90 = percentiles or (None, None)
        return cls(
            **{m: counts.get(m) or 0 for m in (*METRICS, *SATISFACTION)},
            median_hours=median,
            p90_hours=p90,
        )

    @property
    def solved_share(self) -> float | None:
        return _share(self.solved, self.received)

    @property
    def met_share(self) -> float | None:
        return _share(self.met, self.met + self.missed)

    @property
    def reopen_rate(self) -> float | None:
        return _share(self.reopened, self.received)

    @property
    def satisfaction(self) -> float | None:
        """Average survey score, 1 to 5."""
        return self.score_sum / self.score_n if self.score_n else None

    @property
    def said_solved_share(self) -> float | None:
        """Of the survey answers, the share saying the problem was solved."""
        return _share(self.answered - self.said_unsolved, self.answered)

    def value(self, name: str):
        return getattr(self, name)


def solved_of(cases: QuerySet[Case]) -> QuerySet[Case]:
    return cases.filter(status__in=SOLVED_STATUSES, resolved_at__isnull=False)
