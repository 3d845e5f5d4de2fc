"""The holiday table: Law 2429's fixed days and Diyanet's bayram dates, 2020-2035."""

from datetime import date, timedelta
from itertools import pairwise

import pytest

from acikmasa.deadlines.holidays import (
    FIRST_YEAR,
    KURBAN_BAYRAMI,
    LAST_YEAR,
    RAMAZAN_BAYRAMI,
    DayOff,
    OutsideCalendar,
    day_off,
    official_days_off,
)

YEARS = range(FIRST_YEAR, LAST_YEAR + 1)


@pytest.mark.parametrize("year", YEARS)
def test_every_year_has_the_fixed_holidays_and_the_28_october_half_day(year):
    days = official_days_off(year)
    for month, day in [(1, 1), (4, 23), (5, 1), (5, 19), (7, 15), (8, 30), (10, 29)]:
        assert days[date(year, month, day)][0] is DayOff.FULL
    assert days[date(year, 10, 28)][0] is DayOff.HALF


@pytest.mark.parametrize("year", YEARS)
def test_bayrams_have_three_and_four_days_after_a_half_day_arife(year):
    for table, length in ((RAMAZAN_BAYRAMI, 3), (KURBAN_BAYRAMI, 4)):
        for first in table[year]:
            for offset in range(length):
                assert day_off(first + timedelta(days=offset)) is DayOff.FULL
            assert day_off(first + timedelta(days=length)) in (
                None,
                DayOff.FULL,
            )  # 4th/5th day only if fixed
            eve = first - timedelta(days=1)
            assert day_off(eve) in (
                DayOff.HALF,
                DayOff.FULL,
            )  # an arife on 1 May stays a full holiday


def test_religious_holidays_move_about_eleven_days_a_year():
    for table in (RAMAZAN_BAYRAMI, KURBAN_BAYRAMI):
        firsts = sorted(d for year in YEARS for d in table[year])
        gaps = {(b - a).days for a, b in pairwise(firsts)}
        assert gaps <= {353, 354, 355, 356}


def test_the_2026_holidays_are_the_published_ones():
    days = official_days_off(2026)
    assert {d for d, (kind, _) in days.items() if kind is DayOff.HALF} == {
        date(2026, 3, 19),
        date(2026, 5, 26),
        date(2026, 10, 28),
    }
    assert {d for d, (kind, _) in days.items() if kind is DayOff.FULL} == {
        date(2026, 1, 1),
        date(2026, 3, 20),
        date(2026, 3, 21),
        date(2026, 3, 22),
        date(2026, 4, 23),
        date(2026, 5, 1),
        date(2026, 5, 19),
        date(2026, 5, 27),
        date(2026, 5, 28),
        date(2026, 5, 29),
        date(2026, 5, 30),
        date(2026, 7, 15),
        date(2026, 8, 30),
        date(2026, 10, 29),
    }


def test_a_ramazan_bayrami_near_new_year_spills_its_arife_into_the_year_before():
    # 2033 has two Ramazan Bayramı; the first one's arife is 1 January, already a full holiday.
    assert day_off(date(2033, 1, 1)) is DayOff.FULL
    assert day_off(date(2033, 12, 22)) is DayOff.HALF
    assert [day_off(date(2033, 12, d)) for d in (23, 24, 25)] == [DayOff.FULL] * 3


def test_a_year_outside_the_table_is_refused_rather_than_guessed():
    with pytest.raises(OutsideCalendar):
        official_days_off(LAST_YEAR + 1)
