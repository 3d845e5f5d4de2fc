"""Deadline arithmetic: hours, calendar days and working days from a start time.

A clock has a start and a budget in its unit (seconds for hours, days otherwise); pauses and
extensions only grow the budget, so the due time is always `due_from_budget(start, budget)`.
A day-based deadline ends at the end of its last day in the municipality's time zone; one that would
end on a non-working day (weekend, holiday, half day by default) moves to the next working day.
"""

from collections.abc import Iterable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.conf import settings

from .calendar import BusinessCalendar
from .holidays import DayOff, day_off

HOURS = "hours"
CALENDAR_DAYS = "calendar_days"
WORKING_DAYS = "working_days"
UNITS = (HOURS, CALENDAR_DAYS, WORKING_DAYS)


def local_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def is_working_day(day: date) -> bool:
    """A weekday that is not an official holiday (statutory calendar, default half-day rule)."""
    return BusinessCalendar().is_working_day(day)


def is_holiday(day: date) -> bool:
    return day_off(day) is not None


def is_half_day(day: date) -> bool:
    return day_off(day) is DayOff.HALF


def next_working_day(day: date) -> date:
    return BusinessCalendar().next_working_day(day)


def add_working_days(day: date, amount: int) -> date:
    """The `amount`-th working day after `day` (the start day itself does not count)."""
    return BusinessCalendar().add_working_days(day, amount)


def end_of_day(day: date) -> datetime:
    return BusinessCalendar().end_of(day)


def calendar_for(
    *, municipality=None, statutory: bool = True, closures: Iterable[date] | None = None
) -> BusinessCalendar:
    """The calendar a standard runs on: closure days pause only the municipality's own standards."""
    if closures is None:
        closures = ()
        if municipality is not None and not statutory:
            from .models import ClosureDay  # the calculator must import without the app registry

            closures = ClosureDay.objects.filter(municipality=municipality).values_list(
                "day", flat=True
            )
            # `municipality` may be an instance or a primary key: the filter takes either.
    return BusinessCalendar(closures=closures)


def due_from_budget(
    calendar: BusinessCalendar, start: datetime, budget: float, unit: str
) -> datetime:
    """When a clock that started at `start` with `budget` units (seconds for hours) runs out."""
    if budget < 0:
        raise ValueError("a deadline cannot be negative")
    if unit == HOURS:
        return calendar.add_hours(start, budget)
    start_day = calendar.local_date(start)
    if unit == CALENDAR_DAYS:
        last = calendar.add_calendar_days(start_day, int(budget))
        return calendar.end_of(calendar.next_working_day(last))
    if unit == WORKING_DAYS:
        return calendar.end_of(calendar.add_working_days(start_day, int(budget)))
    raise ValueError(f"unknown deadline unit: {unit!r}")


def budget_of(amount: int, unit: str) -> float:
    """A standard's amount as a clock budget (hours are counted in seconds)."""
    return amount * 3600 if unit == HOURS else amount


def pause_length(
    calendar: BusinessCalendar, paused_at: datetime, resumed_at: datetime, unit: str
) -> float:
    """How much budget a pause from `paused_at` to `resumed_at` gives back, in the unit's measure.

    Working days: the working days in (pause day, resume day]; calendar days: whole dates crossed;
    hours: the seconds between.
    """
    if resumed_at <= paused_at:
        return 0
    if unit == HOURS:
        return (resumed_at - paused_at).total_seconds()
    first, last = calendar.local_date(paused_at), calendar.local_date(resumed_at)
    if unit == CALENDAR_DAYS:
        return (last - first).days
    if unit == WORKING_DAYS:
        return calendar.working_days_between(first, last)
    raise ValueError(f"unknown deadline unit: {unit!r}")


def compute_due_at(
    start: datetime,
    amount: int,
    unit: str,
    *,
    municipality=None,
    statutory: bool = True,
    calendar: BusinessCalendar | None = None,
) -> datetime:
    """When a deadline of `amount` `unit`s that starts at `start` runs out.

    Without a municipality (or for a statutory standard) only weekends and official holidays count;
    with one, its closure days pause a non-statutory standard.
    """
    if amount < 0:
        raise ValueError("a deadline cannot be negative")
    calendar = calendar or calendar_for(municipality=municipality, statutory=statutory)
    return due_from_budget(calendar, start, budget_of(amount, unit), unit)
