"""Keeping the roll-ups equal to the history, one case at a time, inside the case's transaction.

A case's *state* (what the roll-ups need to know of it) gives one contribution per grain: its key
(municipality, local day or month of registration, directorate, ...) and its counts. When an event
changes the state, the old contribution is taken away and the new one added, with one upsert
(`INSERT … ON CONFLICT … DO UPDATE SET n = n + excluded.n`) per grain: the database adds under the
row lock, so two transactions touching the same row never lose a count, on SQLite or PostgreSQL.
"""

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING

from django.db import connection
from django.utils import timezone

from acikmasa.cases.events import EventKind
from acikmasa.cases.lifecycle import Status

from .figures import SURVEY_ANSWERED
from .histogram import FIELDS as HISTOGRAM_FIELDS
from .histogram import bucket_of
from .models import (
    VALUE_FIELDS,
    ChannelRollup,
    DirectorateRollup,
    PlaceRollup,
    Rollup,
    Span,
    SubjectRollup,
)

if TYPE_CHECKING:
    from acikmasa.cases.models import Case
    from acikmasa.cases.reactions import CaseChange

SOLVED = frozenset({Status.RESOLVED, Status.CLOSED})


@dataclass(frozen=True)
class Grain:
    model: type[Rollup]
    keys: tuple[str, ...]  # beyond municipality, span, day and directorate

    @property
    def columns(self) -> tuple[str, ...]:
        return ("municipality", "span", "day", "directorate", *self.keys)


GRAINS = (
    Grain(DirectorateRollup, ()),
    Grain(ChannelRollup, ("channel", "case_type")),
    Grain(SubjectRollup, ("subject",)),
    Grain(PlaceRollup, ("neighbourhood",)),
)


@dataclass(frozen=True)
class CaseState:
    """What the roll-ups know of one case. Ids are 0 for "none"."""

    municipality: int
    created_at: datetime
    directorate: int
    channel: int
    case_type: str
    subject: int
    neighbourhood: int
    solved: bool = False
    resolved_at: datetime | None = None
    due_at: datetime | None = None
    reopened: bool = False
    answered: bool = False
    answer_solved: bool = True
    score: int | None = None

    def counts(self) -> Counter:
        counts = Counter(received=1)
        if self.solved and self.resolved_at is not None:
            counts["solved"] = 1
            hours = max(0.0, (self.resolved_at - self.created_at).total_seconds() / 3600)
            counts[HISTOGRAM_FIELDS[bucket_of(hours)]] = 1
            if self.due_at is not None:
                counts["met" if self.resolved_at <= self.due_at else "missed"] = 1
        if self.reopened:
            counts["reopened"] = 1
        if self.answered:
            counts["answered"] = 1
            counts["said_unsolved"] = 0 if self.answer_solved else 1
            if self.score is not None:
                counts["score_n"], counts["score_sum"] = 1, self.score
        return counts

    @cached_property
    def day(self) -> date:
        return local_day(self.created_at)

    def key(self, grain: Grain, span: int) -> tuple:
        day = self.day.replace(day=1) if span == Span.MONTH else self.day
        return (
            self.municipality,
            span,
            day,
            self.directorate,
            *(getattr(self, k) for k in grain.keys),
        )


def local_day(moment: datetime) -> date:
    return moment.astimezone(timezone.get_default_timezone()).date()


Delta = dict[tuple[int, tuple], Counter]  # (grain index, key) -> counts to add


def contributions(state: CaseState | None, sign: int = 1, into: Delta | None = None) -> Delta:
    """Add `sign` × the state's contribution to every grain and span into `into`."""
    into = {} if into is None else into
    if state is None:
        return into
    counts = state.counts()
    for index, grain in enumerate(GRAINS):
        for span in (Span.DAY, Span.MONTH):
            bucket = into.setdefault((index, state.key(grain, span)), Counter())
            for name, n in counts.items():
                bucket[name] += sign * n
    return into


def state_of_case(case: "Case", **history) -> CaseState:
    """The state of a case row (its cached status, directorate and times) plus what the history
    adds."""
    return CaseState(
        municipality=case.municipality_id,
        created_at=case.created_at,
        directorate=case.directorate_id or 0,
        channel=case.channel_id or 0,
        case_type=case.case_type,
        subject=case.subject_id or 0,
        neighbourhood=case.neighbourhood_id or 0,
        solved=case.status in SOLVED,
        resolved_at=case.resolved_at,
        due_at=case.due_at,
        **history,
    )


def _upsert(grain: Grain, rows: list[tuple[tuple, Counter]]) -> None:
    table = connection.ops.quote_name(grain.model._meta.db_table)
    columns = [*grain.columns, *VALUE_FIELDS]
    quoted = [connection.ops.quote_name(c) for c in columns]
    one = "(" + ", ".join(["%s"] * len(columns)) + ")"
    updates = ", ".join(f"{q} = {table}.{q} + EXCLUDED.{q}" for q in quoted[len(grain.columns) :])
    sql = (
        f"INSERT INTO {table} ({', '.join(quoted)}) VALUES {', '.join([one] * len(rows))} "
        f"ON CONFLICT ({', '.join(quoted[: len(grain.columns)])}) DO UPDATE SET {updates}"
    )
    params = [v for key, counts in rows for v in (*key, *(counts.get(f, 0) for f in VALUE_FIELDS))]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def apply(delta: Delta) -> None:
    """Write the non-zero parts of `delta`, one statement per grain, rows in key order (so that two
    transactions lock shared rows in the same order and cannot deadlock on them)."""
    for index, grain in enumerate(GRAINS):
        rows = sorted(
            (key, counts)
            for (i, key), counts in delta.items()
            if i == index and any(counts.values())
        )
        if rows:
            _upsert(grain, rows)


def rollup_change(before: CaseState | None, after: CaseState | None) -> None:
    """Replace a case's contribution `before` by `after` (None: not counted)."""
    if before == after:
        return
    apply(contributions(after, 1, contributions(before, -1)))


# ---- the reaction (settings.ACIKMASA_CASE_REACTIONS) -----------------------------------------

RELEVANT = ("status", "directorate_id", "resolved_at", "due_at")


def _survey(case_id: int) -> dict:
    from acikmasa.cases.models import CaseEvent

    event = (
        CaseEvent.objects.filter(case_id=case_id, kind=SURVEY_ANSWERED)
        .order_by("-sequence")
        .values("payload")
        .first()
    )
    return survey_fields(event["payload"] if event else None)


def survey_fields(payload: dict | None) -> dict:
    if payload is None:
        return {}
    score = payload.get("score")
    return {
        "answered": True,
        "answer_solved": bool(payload.get("solved", True)),
        "score": score if isinstance(score, int) else None,
    }


def on_case_change(change: "CaseChange") -> None:
    """Keep the roll-ups equal to the history: a new case, a transition, a survey answer.

    Runs in the case's transaction after the door saved the case (and after the deadline engine
    set due_at): `change.case` is the case as saved, `change.previous` as it was; nothing re-read.
    """
    if change.created:
        rollup_change(None, state_of_case(change.case))
    elif change.event.kind == SURVEY_ANSWERED:
        plain = state_of_case(change.case)
        rollup_change(plain, replace(plain, **survey_fields(change.event.payload)))
    else:
        _transition(change)


def _transition(change: "CaseChange") -> None:
    """Move the case's contribution when the transition changed what the roll-ups count."""
    from acikmasa.cases.models import CaseEvent

    case, event, old = change.case, change.event, change.previous
    reopening = event.kind == EventKind.REOPENED
    if not reopening and all(getattr(old, f) == getattr(case, f) for f in RELEVANT):
        return
    was_reopened = CaseEvent.objects.filter(
        case_id=case.pk, kind=EventKind.REOPENED, sequence__lt=event.sequence
    ).exists()
    survey = _survey(case.pk)
    before = state_of_case(old, reopened=was_reopened, **survey)
    rollup_change(
        before, replace(state_of_case(case, **survey), reopened=was_reopened or reopening)
    )
