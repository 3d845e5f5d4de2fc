"""The truth of a case's deadline, replayed from its history.

Rules (docs/deadlines.md): the clock starts when the case is registered, with the budget of its
binding service standard; it pauses while the case waits for the citizen and while a copying-cost
notice is unpaid (Law 4982 regulation), and a pause that began before the due time gives its length
back; an extension adds budget (Law 4982 Art. 11); forwarding inside the municipality changes
nothing; resolving or ending the case stops the clock; reopening starts a new clock; undoing a
mistaken duplicate marking lets the original clock run on.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from acikmasa.cases.events import EventKind
from acikmasa.cases.lifecycle import Status
from acikmasa.cases.models import Case, CaseEvent

from .calculator import budget_of, calendar_for, due_from_budget, pause_length
from .calendar import BusinessCalendar
from .conf import deadline_settings

CLOCK_STOPPED = EventKind.CLOCK_STOPPED  # a copying-cost notice went out (Law 4982 regulation)
CLOCK_RESUMED = EventKind.CLOCK_RESUMED  # the fee was paid: the clock runs again

STOPPING_KINDS = frozenset(
    {
        EventKind.RESOLVED,
        EventKind.CLOSED,
        EventKind.REJECTED,
        EventKind.MARKED_DUPLICATE,
        EventKind.FORWARDED_OUT,
    }
)
WAITING_FOR_CITIZEN = "citizen"
COPYING_COST = "copying_cost"


class Promise(StrEnum):
    ON_TRACK = "on_track"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    MET = "met"
    MISSED = "missed"


@dataclass
class ClockState:
    unit: str
    amount: int
    number: int = 0
    started_at: datetime | None = None
    budget: float = 0
    due_at: datetime | None = None
    pauses: set[str] = field(default_factory=set)
    paused_since: datetime | None = None
    stopped_at: datetime | None = None
    extended: bool = False

    @property
    def is_paused(self) -> bool:
        return bool(self.pauses) and self.stopped_at is None

    def warn_at(self, share: float | None = None) -> datetime | None:
        """When the clock becomes "due soon": that share of the wall-clock time from start to
        due."""
        if self.started_at is None or self.due_at is None:
            return None
        share = deadline_settings().due_soon_share if share is None else share
        return self.started_at + (self.due_at - self.started_at) * share

    def promise(self, now: datetime) -> Promise | None:
        """On track, due soon, overdue, met or missed at `now` (None: no promise was made)."""
        if self.due_at is None:
            return None
        if self.stopped_at is not None and self.stopped_at <= now:
            return Promise.MET if self.stopped_at <= self.due_at else Promise.MISSED
        # A paused clock does not age: it is judged where the pause began (its due time moves on).
        moment = min(now, self.paused_since) if self.is_paused and self.paused_since else now
        if moment > self.due_at:
            return Promise.OVERDUE
        return Promise.DUE_SOON if moment >= self.warn_at() else Promise.ON_TRACK


class ClockReplay:
    """Applies events one by one to a ClockState."""

    def __init__(self, calendar: BusinessCalendar, unit: str, amount: int) -> None:
        self.calendar = calendar
        self.state = ClockState(unit=unit, amount=amount)

    def _recompute(self) -> None:
        s = self.state
        s.due_at = due_from_budget(self.calendar, s.started_at, s.budget, s.unit)

    def start(self, at: datetime) -> None:
        s = self.state
        s.number += 1
        s.started_at, s.budget, s.stopped_at, s.extended = (
            at,
            budget_of(s.amount, s.unit),
            None,
            False,
        )
        s.pauses, s.paused_since = set(), None
        self._recompute()

    def pause(self, reason: str, at: datetime) -> None:
        s = self.state
        if s.started_at is None or s.stopped_at is not None or reason in s.pauses:
            return
        if not s.pauses:
            s.paused_since = at
        s.pauses.add(reason)

    def resume(self, reason: str, at: datetime) -> None:
        s = self.state
        if reason not in s.pauses:
            return
        s.pauses.discard(reason)
        if s.pauses:
            return
        # A pause that began after the due time gives nothing back: the promise was already missed.
        if s.paused_since < s.due_at:
            s.budget += pause_length(self.calendar, s.paused_since, at, s.unit)
            self._recompute()
        s.paused_since = None

    def extend(self, added: float) -> None:
        s = self.state
        s.budget += added
        s.extended = True
        self._recompute()

    def stop(self, at: datetime) -> None:
        s = self.state
        for reason in list(s.pauses):
            self.resume(reason, at)
        if s.stopped_at is None:
            s.stopped_at = at

    def apply(self, event: CaseEvent) -> None:
        at, kind = event.created_at, event.kind
        if kind == EventKind.CREATED:
            self.start(at)
            return
        if kind == EventKind.REOPENED:
            self.start(at)
            return
        if event.from_status == Status.WAITING_CITIZEN and event.to_status not in (
            "",
            Status.WAITING_CITIZEN,
        ):
            self.resume(WAITING_FOR_CITIZEN, at)
        if event.to_status == Status.WAITING_CITIZEN:
            self.pause(WAITING_FOR_CITIZEN, at)
        if kind == CLOCK_STOPPED:
            self.pause(COPYING_COST, at)
        elif kind == CLOCK_RESUMED:
            self.resume(COPYING_COST, at)
        elif kind == EventKind.DEADLINE_EXTENDED:
            self.extend(float(event.payload.get("added", 0)))
        elif kind in STOPPING_KINDS:
            self.stop(at)
        elif kind == EventKind.DUPLICATE_UNMARKED:
            # A merge made by mistake is undone: the original promise stands, as if never stopped.
            self.state.stopped_at = None


def replay(
    case: Case,
    events: Iterable[CaseEvent] | None = None,
    *,
    calendar: BusinessCalendar | None = None,
) -> ClockState | None:
    """The case's clock as its history says; None when no service standard binds it."""
    standard = case.service_standard
    if standard is None:
        return None
    calendar = calendar or calendar_for(
        municipality=case.municipality_id, statutory=standard.is_statutory
    )
    replayer = ClockReplay(calendar, standard.deadline_unit, standard.deadline_amount)
    for event in case.events.order_by("sequence") if events is None else events:
        replayer.apply(event)
    if replayer.state.started_at is None:  # no CREATED event (imported rows): start at registration
        replayer.start(case.created_at)
    return replayer.state


def next_check(state: ClockState, level: int) -> datetime | None:
    """When the sweep must look at this clock again: the time of the next escalation level."""
    if state.stopped_at is not None or state.is_paused or state.due_at is None:
        return None
    if level < 1:
        return state.warn_at()
    if level < 2:
        return state.due_at
    if level < 3:
        return state.due_at + deadline_settings().second_escalation_after
    return None
