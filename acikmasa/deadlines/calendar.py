"""The business calendar: which days count towards a deadline and when a day's deadline ends.

Weekends and official holidays never count. Half days (arife, 28 October) follow the
HALF_DAY_IS_WORKING_DAY setting: either they count and may be a last day (ending at the half-day
hour), or they are treated like holidays. Closure days (bridge days of administrative leave and the
like, set by an admin) count only for the municipality's own, non-statutory standards: a statutory
deadline runs through them (Law 2429 knows no bridge days).
"""

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from django.conf import settings

from .conf import DeadlineSettings, deadline_settings
from .holidays import FIRST_YEAR, LAST_YEAR, DayOff, OutsideCalendar, day_off, days_off

ONE_DAY = timedelta(days=1)


class BusinessCalendar:
    """Day arithmetic for one municipality and one kind of standard (statutory or not)."""

    def __init__(
        self, *, closures: Iterable[date] = (), config: DeadlineSettings | None = None
    ) -> None:
        self.closures = frozenset(closures)
        self.config = config or deadline_settings()
        self.zone = ZoneInfo(settings.TIME_ZONE)

    # --- days -----------------------------------------------------------------------------------
    def is_working_day(self, day: date) -> bool:
        """True when `day` counts towards a working-day deadline and may be a deadline's last
        day."""
        if day.weekday() >= 5 or day in self.closures:
            return False
        return day not in days_off(day.year, half_days_work=self.config.half_day_is_working_day)

    @property
    def _ordinals(self) -> list[int]:
        return working_day_ordinals(self.config.half_day_is_working_day, self.closures)

    def next_working_day(self, day: date) -> date:
        """`day` itself when it is a working day, else the first working day after it."""
        return self._at(bisect_left(self._ordinals, day.toordinal()), day)

    def add_working_days(self, day: date, amount: int) -> date:
        """The `amount`-th working day after `day` (the start day never counts, HMK Art. 92)."""
        if amount == 0:
            return self.next_working_day(day)
        return self._at(bisect_right(self._ordinals, day.toordinal()) + amount - 1, day)

    def working_days_between(self, start: date, end: date) -> int:
        """How many working days lie in (start, end]; 0 when end <= start."""
        if end <= start:
            return 0
        self._check(start)
        self._check(end)
        ordinals = self._ordinals
        return bisect_right(ordinals, end.toordinal()) - bisect_right(ordinals, start.toordinal())

    def _at(self, index: int, asked: date) -> date:
        self._check(asked)
        ordinals = self._ordinals
        if index >= len(ordinals):
            raise OutsideCalendar(
                f"a deadline from {asked} runs past the holiday table ({LAST_YEAR})"
            )
        return date.fromordinal(ordinals[index])

    @staticmethod
    def _check(day: date) -> None:
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise OutsideCalendar(f"the holiday table covers {FIRST_YEAR}-{LAST_YEAR}, not {day}")

    def add_calendar_days(self, day: date, amount: int) -> date:
        """`amount` days later; closure days (non-statutory standards only) pause the count."""
        if not self.closures:
            return day + ONE_DAY * amount
        while amount > 0:
            day += ONE_DAY
            if day not in self.closures:
                amount -= 1
        return day

    # --- times ----------------------------------------------------------------------------------
    def local_date(self, moment: datetime) -> date:
        return moment.astimezone(self.zone).date()

    def end_of(self, day: date) -> datetime:
        """When a deadline whose last day is `day` runs out."""
        if day_off(day) is DayOff.HALF:
            ends = datetime.combine(
                day, self.config.half_day_starts_at, tzinfo=self.zone
            ) - timedelta(seconds=1)
        else:
            ends = datetime.combine(day, self.config.day_ends_at, tzinfo=self.zone)
        return ends

    def add_hours(self, start: datetime, seconds: float) -> datetime:
        """Clock time; each closure day the span reaches adds a whole day (non-statutory only)."""
        end = start + timedelta(seconds=seconds)
        if not self.closures:
            return end
        counted = 0
        while True:
            first, last = self.local_date(start), self.local_date(end)
            inside = sum(1 for c in self.closures if first < c <= last)
            if inside == counted:
                return end
            end += ONE_DAY * (inside - counted)
            counted = inside


@lru_cache(maxsize=64)
def working_day_ordinals(half_days_work: bool, closures: frozenset[date]) -> list[int]:
    """Every working day of the table's years, as sorted ordinals: day arithmetic becomes
    bisection."""
    day, last, found = date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31), []
    while day <= last:
        if (
            day.weekday() < 5
            and day not in closures
            and day not in days_off(day.year, half_days_work=half_days_work)
        ):
            found.append(day.toordinal())
        day += ONE_DAY
    return found
