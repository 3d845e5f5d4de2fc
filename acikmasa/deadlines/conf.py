"""The deadline engine's settings, with their documented defaults (docs/deadlines.md).

Override any key with `ACIKMASA_DEADLINES = {...}` in the settings module.
"""

from dataclasses import dataclass
from datetime import time, timedelta
from functools import lru_cache

from django.conf import settings

DEFAULTS = {
    # Half days (the arife of each bayram and 28 October) have no work from this hour.
    "HALF_DAY_STARTS_AT": "13:00",
    # False: a half day is neither counted as a working day nor a deadline's last day (a deadline
    # that would end on it moves to the next working day). True: it counts, and a deadline may end
    # on it at the half-day hour.
    "HALF_DAY_IS_WORKING_DAY": False,
    # A day-based deadline ends at this local time of its last day.
    "DAY_ENDS_AT": "23:59:59",
    # "Due soon" once this share of the clock's time (start to due, wall clock) has passed.
    "DUE_SOON_SHARE": 0.75,
    # The second place of application hears of an overdue case this long after the due time.
    "SECOND_ESCALATION_AFTER_HOURS": 72,
    # How often the sweep repeats itself on the database worker, and how many cases a batch locks.
    "SWEEP_INTERVAL_SECONDS": 300,
    "SWEEP_BATCH_SIZE": 500,
}


@dataclass(frozen=True)
class DeadlineSettings:
    half_day_starts_at: time
    half_day_is_working_day: bool
    day_ends_at: time
    due_soon_share: float
    second_escalation_after: timedelta
    sweep_interval: timedelta
    sweep_batch_size: int


def _time(value: str) -> time:
    return time.fromisoformat(value)


def deadline_settings() -> DeadlineSettings:
    overrides = getattr(settings, "ACIKMASA_DEADLINES", {})
    return _build(tuple(sorted(overrides.items())))


@lru_cache(maxsize=32)  # keyed by the overrides, so override_settings in tests still applies
def _build(overrides: tuple) -> DeadlineSettings:
    raw = {**DEFAULTS, **dict(overrides)}
    share = float(raw["DUE_SOON_SHARE"])
    if not 0 < share < 1:
        raise ValueError("ACIKMASA_DEADLINES['DUE_SOON_SHARE'] must be between 0 and 1")
    return DeadlineSettings(
        half_day_starts_at=_time(raw["HALF_DAY_STARTS_AT"]),
        half_day_is_working_day=bool(raw["HALF_DAY_IS_WORKING_DAY"]),
        day_ends_at=_time(raw["DAY_ENDS_AT"]),
        due_soon_share=share,
        second_escalation_after=timedelta(hours=float(raw["SECOND_ESCALATION_AFTER_HOURS"])),
        sweep_interval=timedelta(seconds=float(raw["SWEEP_INTERVAL_SECONDS"])),
        sweep_batch_size=int(raw["SWEEP_BATCH_SIZE"]),
    )
