"""Deadline arithmetic: hours, calendar days and working days from a start time.

A day-based deadline ends at the end of its last day in the municipality's time zone; a deadline
that would end on a non-working day moves to the end of the next working day.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings

HOURS = "hours"
CALENDAR_DAYS = "calendar_days"
WORKING_DAYS = "working_days"
UNITS = (HOURS, CALENDAR_DAYS, WORKING_DAYS)


def local_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def is_working_day(day: date) -> bool:
    """Monday to Friday. (Official holidays come with the deadline engine.)"""
    return day.weekday() < 5


def next_working_day(day: date) -> date:
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def add_working_days(day: date, amount: int) -> date:
    """The `amount`-th working day after `day` (the start day itself does not count)."""
    while amount > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            amount -= 1
    return day


def end_of_day(day: date) -> datetime:
    return datetime.combine(day, time(23, 59, 59), tzinfo=local_zone())


def compute_due_at(start: datetime, amount: int, unit: str) -> datetime:
    """When a deadline of `amount` `unit`s that starts at `start` runs out."""
    if amount < 0:
        raise ValueError("a deadline cannot be negative")
    if unit == HOURS:
        return start + timedelta(hours=amount)
    start_day = start.astimezone(local_zone()).date()
    if unit == CALENDAR_DAYS:
        return end_of_day(next_working_day(start_day + timedelta(days=amount)))
    if unit == WORKING_DAYS:
        return end_of_day(add_working_days(start_day, amount))
    raise ValueError(f"unknown deadline unit: {unit!r}")
