"""Golden deadlines with the real 2026 holidays, and the calendar's properties (hypothesis)."""

from datetime import date, datetime, timedelta

import pytest
from django.test import override_settings
from hypothesis import given, settings
from hypothesis import strategies as st

from acikmasa.deadlines.calculator import (
    CALENDAR_DAYS,
    HOURS,
    WORKING_DAYS,
    compute_due_at,
    due_from_budget,
    pause_length,
)
from acikmasa.deadlines.calendar import BusinessCalendar
from acikmasa.deadlines.clock import ClockReplay, Promise
from acikmasa.deadlines.holidays import day_off

from .conftest import IST, at

END = (23, 59, 59)


def ends(year, month, day, hms=END):
    return datetime(year, month, day, *hms, tzinfo=IST)


@pytest.mark.parametrize(
    "start, amount, unit, due",
    [
        # Opened on the arife of Kurban Bayramı 2026 (Tue 26 May): the bayram and the weekend do not
        # count.
        (at(2026, 5, 26, 10), 15, WORKING_DAYS, ends(2026, 6, 19)),
        (at(2026, 5, 26, 15), 15, WORKING_DAYS, ends(2026, 6, 19)),
        (at(2026, 5, 26, 10), 1, WORKING_DAYS, ends(2026, 6, 1)),
        (at(2026, 5, 26, 10), 30, CALENDAR_DAYS, ends(2026, 6, 25)),
        (at(2026, 5, 26, 10), 48, HOURS, at(2026, 5, 28, 10)),  # hours are clock time
        # Counting across 19 May, the arife and the bayram.
        (at(2026, 5, 18, 10), 15, WORKING_DAYS, ends(2026, 6, 15)),
        # 15 calendar days from 12 May end on the first bayram day: moved to the next working day.
        (at(2026, 5, 12, 10), 15, CALENDAR_DAYS, ends(2026, 6, 1)),
        # 14 calendar days end on the arife (a half day): moved past the bayram too.
        (at(2026, 5, 12, 10), 14, CALENDAR_DAYS, ends(2026, 6, 1)),
        # Opened on 28 October 2026 in the afternoon (half day) and the next day is Republic Day.
        (at(2026, 10, 28, 14), 15, WORKING_DAYS, ends(2026, 11, 19)),
        (at(2026, 10, 28, 14), 1, CALENDAR_DAYS, ends(2026, 10, 30)),
        (at(2026, 10, 28, 14), 48, HOURS, at(2026, 10, 30, 14)),
        # Before 1 January 2027: the new year's holiday does not count; a last day on it moves on.
        (at(2026, 12, 24, 10), 15, WORKING_DAYS, ends(2027, 1, 15)),
        (at(2026, 12, 24, 10), 8, CALENDAR_DAYS, ends(2027, 1, 4)),
        (at(2026, 12, 31, 16), 1, WORKING_DAYS, ends(2027, 1, 4)),
        (at(2026, 12, 31, 16), 30, CALENDAR_DAYS, ends(2027, 2, 1)),  # 30 Jan is a Saturday
        # Ramazan Bayramı 2026: arife Thu 19 March, bayram Fri-Sun.
        (at(2026, 3, 18, 9), 1, WORKING_DAYS, ends(2026, 3, 23)),
    ],
)
def test_golden_deadlines_with_the_2026_holidays(db, start, amount, unit, due):
    assert compute_due_at(start, amount, unit) == due


@override_settings(ACIKMASA_DEADLINES={"HALF_DAY_IS_WORKING_DAY": True})
def test_when_half_days_are_working_days_a_deadline_may_end_on_the_arife_at_13(db):
    assert compute_due_at(at(2026, 5, 22, 10), 2, WORKING_DAYS) == ends(2026, 5, 26, (12, 59, 59))
    assert compute_due_at(at(2026, 5, 18, 10), 15, WORKING_DAYS) == ends(2026, 6, 12)


def test_closure_days_pause_only_the_municipality_s_own_standards():
    bridge = date(2026, 10, 30)  # a Friday between Republic Day and the weekend
    own = BusinessCalendar(closures=[bridge])
    statutory = BusinessCalendar()
    assert due_from_budget(statutory, at(2026, 10, 27), 3, WORKING_DAYS) == ends(2026, 11, 3)
    assert due_from_budget(own, at(2026, 10, 27), 3, WORKING_DAYS) == ends(2026, 11, 4)
    assert due_from_budget(own, at(2026, 10, 26), 4, CALENDAR_DAYS) == ends(2026, 11, 2)
    assert due_from_budget(own, at(2026, 10, 29, 9), 24 * 3600, HOURS) == at(2026, 10, 31, 9)


# ---- properties -------------------------------------------------------------------------------

starts = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2034, 6, 30)).map(
    lambda d: d.replace(tzinfo=IST)
)
amounts = st.integers(min_value=1, max_value=60)
half_day_rules = st.booleans()
CHECKS = settings(max_examples=150, deadline=None)


def calendar_with(half_days_work: bool) -> BusinessCalendar:
    with override_settings(ACIKMASA_DEADLINES={"HALF_DAY_IS_WORKING_DAY": half_days_work}):
        return BusinessCalendar()


@CHECKS
@given(
    start=starts,
    amount=amounts,
    half=half_day_rules,
    unit=st.sampled_from([WORKING_DAYS, CALENDAR_DAYS]),
)
def test_a_day_deadline_never_ends_on_a_weekend_or_holiday(start, amount, half, unit):
    calendar = calendar_with(half)
    last = calendar.local_date(due_from_budget(calendar, start, amount, unit))
    assert last.weekday() < 5
    assert day_off(last) is None or (half and day_off(last).value == "half")


@CHECKS
@given(
    start=starts,
    amount=amounts,
    half=half_day_rules,
    pause_start=st.integers(min_value=0, max_value=40 * 24),
    pause_hours=st.integers(min_value=0, max_value=40 * 24),
)
def test_a_pause_of_d_working_days_moves_the_due_time_by_exactly_d_working_days(
    start, amount, half, pause_start, pause_hours
):
    calendar = calendar_with(half)
    due = due_from_budget(calendar, start, amount, WORKING_DAYS)
    paused = start + timedelta(hours=pause_start)
    resumed = paused + timedelta(hours=pause_hours)
    d = pause_length(calendar, paused, resumed, WORKING_DAYS)
    moved = due_from_budget(calendar, start, amount + d, WORKING_DAYS)
    assert calendar.working_days_between(calendar.local_date(due), calendar.local_date(moved)) == d
    assert (
        brute_force_working_days(
            calendar, paused.astimezone(IST).date(), resumed.astimezone(IST).date()
        )
        == d
    )


@CHECKS
@given(
    start=starts, a=amounts, b=amounts, unit=st.sampled_from([WORKING_DAYS, CALENDAR_DAYS, HOURS])
)
def test_due_times_are_monotonic_in_the_amount(start, a, b, unit):
    calendar = calendar_with(False)
    low, high = sorted((a, b))
    scale = 3600 if unit == HOURS else 1
    assert due_from_budget(calendar, start, low * scale, unit) <= due_from_budget(
        calendar, start, high * scale, unit
    )


def brute_force_working_days(calendar: BusinessCalendar, first: date, last: date) -> int:
    """Count day by day, straight from the rules (weekday, not a full holiday, half-day setting)."""
    count, day = 0, first + timedelta(days=1)
    while day <= last:
        kind = day_off(day)
        if day.weekday() < 5 and (
            kind is None or (kind.value == "half" and calendar.config.half_day_is_working_day)
        ):
            count += 1
        day += timedelta(days=1)
    return count


@CHECKS
@given(
    start=starts,
    amount=amounts,
    done_after_hours=st.integers(min_value=0, max_value=120 * 24),
    half=half_day_rules,
)
def test_met_or_missed_agrees_with_a_day_by_day_count(start, amount, done_after_hours, half):
    calendar = calendar_with(half)
    replay = ClockReplay(calendar, WORKING_DAYS, amount)
    replay.start(start)
    done = start + timedelta(hours=done_after_hours)
    replay.stop(done)
    status = replay.state.promise(done + timedelta(days=400))
    assert status == (
        Promise.MET if in_time_by_brute_force(calendar, start, amount, done) else Promise.MISSED
    )


def in_time_by_brute_force(calendar, start, amount, done) -> bool:
    """Walk day by day to the amount-th working day after the start day; was `done` within it?"""
    day, left = start.astimezone(IST).date(), amount
    while left:
        day += timedelta(days=1)
        kind = day_off(day)
        if day.weekday() < 5 and (
            kind is None or (kind.value == "half" and calendar.config.half_day_is_working_day)
        ):
            left -= 1
    local = done.astimezone(IST)
    if local.date() != day:
        return local.date() < day
    return not (day_off(day) is not None and local.hour >= 13)  # a last half day ends at 13:00


def test_a_deadline_running_past_the_holiday_table_is_refused_rather_than_guessed():
    from acikmasa.deadlines.holidays import OutsideCalendar

    with pytest.raises(OutsideCalendar):
        compute_due_at(at(2035, 12, 20), 15, WORKING_DAYS)
    with pytest.raises(OutsideCalendar):
        compute_due_at(at(2019, 12, 20), 1, WORKING_DAYS)
