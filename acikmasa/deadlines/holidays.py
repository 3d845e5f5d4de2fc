"""Turkish official holidays (Law 2429), as a data table in code.

The religious holidays follow the lunar Hijri calendar and move about 11 days a year, so they are a
per-year table: the first day of Ramazan Bayramı (3 days) and of Kurban Bayramı (4 days), each
preceded by a half-day arife. The dates follow Diyanet İşleri Başkanlığı's published Hijri-Gregorian
conversion table (Hicri-Miladi takvim); docs/deadlines.md says which years are confirmed and which
are estimates to re-check when Diyanet publishes them.
"""

from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

FIRST_YEAR = 2020
LAST_YEAR = 2035


class DayOff(StrEnum):
    FULL = "full"  # no work all day
    HALF = "half"  # no work from the half-day hour (13:00 by default)


# First day of Ramazan Bayramı. 2033 has two (January and December).
RAMAZAN_BAYRAMI: dict[int, tuple[date, ...]] = {
    2020: (date(2020, 5, 24),),
    2021: (date(2021, 5, 13),),
    2022: (date(2022, 5, 2),),
    2023: (date(2023, 4, 21),),
    2024: (date(2024, 4, 10),),
    2025: (date(2025, 3, 30),),
    2026: (date(2026, 3, 20),),
    2027: (date(2027, 3, 9),),
    2028: (date(2028, 2, 26),),
    2029: (date(2029, 2, 14),),
    2030: (date(2030, 2, 4),),
    2031: (date(2031, 1, 24),),
    2032: (date(2032, 1, 14),),
    2033: (date(2033, 1, 2), date(2033, 12, 23)),
    2034: (date(2034, 12, 12),),
    2035: (date(2035, 12, 1),),
}

# First day of Kurban Bayramı.
KURBAN_BAYRAMI: dict[int, tuple[date, ...]] = {
    2020: (date(2020, 7, 31),),
    2021: (date(2021, 7, 20),),
    2022: (date(2022, 7, 9),),
    2023: (date(2023, 6, 28),),
    2024: (date(2024, 6, 16),),
    2025: (date(2025, 6, 6),),
    2026: (date(2026, 5, 27),),
    2027: (date(2027, 5, 16),),
    2028: (date(2028, 5, 5),),
    2029: (date(2029, 4, 24),),
    2030: (date(2030, 4, 13),),
    2031: (date(2031, 4, 2),),
    2032: (date(2032, 3, 22),),
    2033: (date(2033, 3, 11),),
    2034: (date(2034, 3, 1),),
    2035: (date(2035, 2, 18),),
}

# Years whose religious dates are Diyanet's computed table but were not cross-checked (see the doc).
ESTIMATED_YEARS = frozenset({2033, 2034, 2035})

# (month, day, name) of the fixed full-day holidays; 28 October is a half day (from 13:00).
FIXED_FULL_DAYS = (
    (1, 1, "Yılbaşı"),
    (4, 23, "Ulusal Egemenlik ve Çocuk Bayramı"),
    (5, 1, "Emek ve Dayanışma Günü"),
    (5, 19, "Atatürk'ü Anma, Gençlik ve Spor Bayramı"),
    (7, 15, "Demokrasi ve Milli Birlik Günü"),
    (8, 30, "Zafer Bayramı"),
    (10, 29, "Cumhuriyet Bayramı"),
)


class OutsideCalendar(ValueError):
    """A date outside the years the table covers: better to refuse than to guess a holiday."""


@lru_cache(maxsize=64)
def official_days_off(year: int) -> dict[date, tuple[DayOff, str]]:
    """Every official holiday of `year`: date → (full or half day, Turkish name)."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise OutsideCalendar(f"the holiday table covers {FIRST_YEAR}-{LAST_YEAR}, not {year}")
    days: dict[date, tuple[DayOff, str]] = {}
    for month, day, name in FIXED_FULL_DAYS:
        days[date(year, month, day)] = (DayOff.FULL, name)
    days[date(year, 10, 28)] = (DayOff.HALF, "Cumhuriyet Bayramı arifesi")
    for table, length, name in (
        (RAMAZAN_BAYRAMI, 3, "Ramazan Bayramı"),
        (KURBAN_BAYRAMI, 4, "Kurban Bayramı"),
    ):
        # A bayram near New Year spills into the neighbouring year; look one year either side.
        for first in (*table.get(year - 1, ()), *table.get(year, ()), *table.get(year + 1, ())):
            eve = first - timedelta(days=1)
            if eve.year == year and eve not in days:
                days[eve] = (DayOff.HALF, f"{name} arifesi")
            for offset in range(length):
                current = first + timedelta(days=offset)
                if current.year == year:
                    days[current] = (DayOff.FULL, f"{name} {offset + 1}. gün")
    return days


def day_off(day: date) -> DayOff | None:
    found = official_days_off(day.year).get(day)
    return found[0] if found else None


@lru_cache(maxsize=64)
def days_off(year: int, *, half_days_work: bool) -> frozenset[date]:
    """The dates of `year` that never count towards a deadline (full holidays, and half days unless
    they are working days): a set, so the calendar's day loop is one lookup per day."""
    return frozenset(
        d
        for d, (kind, _) in official_days_off(year).items()
        if kind is DayOff.FULL or not half_days_work
    )
