"""Reading figures from the roll-ups: the grain that can answer, the rows of the period, the sums.

A period is read as whole months from the month rows and the days at either end from the day rows,
so a year costs about twelve rows per key instead of 365. The filters must all be keys of one grain
(with the grouping); any other combination (e.g. subject and channel together) returns None and the
caller counts the case rows instead. Open and overdue are states of *now*, not of an event, so
they are always counted live from the open cases (an index keeps those few rows at hand).
"""

from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Q, QuerySet, Sum

from .filters import InsightFilters
from .histogram import FIELDS as HISTOGRAM_FIELDS
from .histogram import quantile
from .models import VALUE_FIELDS, Span
from .rollup import GRAINS, Grain

FILTER_KEYS = {
    "directorate": "directorate",
    "channel": "channel",
    "case_type": "case_type",
    "subject": "subject",
    "neighbourhood": "neighbourhood",
}
DEFAULT_EXACT_MAX = 5000


def exact_max() -> int:
    """Up to this many solved cases the percentiles are computed exactly from the case rows."""
    return int(getattr(settings, "INSIGHTS_EXACT_PERCENTILES_MAX", DEFAULT_EXACT_MAX))


@dataclass(frozen=True)
class Scope:
    """Whose cases: one municipality, and within it only some directorates (None: all)."""

    municipality: int
    directorates: frozenset[int] | None = None


def grain_for(filters: InsightFilters, group: str | None = None) -> Grain | None:
    """The smallest grain having every set filter (and the grouping) among its keys."""
    needed = {key for name, key in FILTER_KEYS.items() if getattr(filters, name) not in (None, "")}
    if group:
        needed.add(group)
    for grain in GRAINS:  # smallest first
        if needed <= {"directorate", *grain.keys}:
            return grain
    return None


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def period_q(start: date, end: date) -> Q:
    """Rows covering start..end exactly once: month rows for whole months, day rows for the rest."""
    first_full = start if start.day == 1 else _next_month(start)
    after_last_full = (
        end.replace(day=1) if _next_month(end) - timedelta(days=1) != end else _next_month(end)
    )
    if first_full >= after_last_full:
        return Q(span=Span.DAY, day__gte=start, day__lte=end)
    return (
        Q(span=Span.MONTH, day__gte=first_full, day__lt=after_last_full)
        | Q(span=Span.DAY, day__gte=start, day__lt=first_full)
        | Q(span=Span.DAY, day__gte=after_last_full, day__lte=end)
    )


def rows_of(
    grain: Grain, scope: Scope, filters: InsightFilters, *, days_only: bool = False
) -> QuerySet:
    rows = grain.model.objects.filter(municipality=scope.municipality)
    if scope.directorates is not None:
        rows = rows.filter(directorate__in=scope.directorates)
    for name, key in FILTER_KEYS.items():
        value = getattr(filters, name)
        if value not in (None, ""):
            rows = rows.filter(**{key: value})
    if days_only:
        return rows.filter(span=Span.DAY, day__gte=filters.start, day__lte=filters.end)
    return rows.filter(period_q(filters.start, filters.end))


SUMS = {f: Sum(f) for f in VALUE_FIELDS}


def summed(
    grain: Grain,
    scope: Scope,
    filters: InsightFilters,
    group: str | None = None,
    fields: tuple[str, ...] = VALUE_FIELDS,
) -> dict[Hashable, dict]:
    """{group value (None without grouping): {counter: total}} over the period; one query."""
    rows = rows_of(grain, scope, filters).order_by()
    sums = {f: SUMS[f] for f in fields}
    if group is None:
        totals = rows.aggregate(**sums)
        return {None: {f: v or 0 for f, v in totals.items()}} if totals["received"] else {}
    out = {}
    for row in rows.values(group).annotate(**sums):
        key = row.pop(group)
        if row["received"]:  # rows a forwarded case left behind add up to nothing
            out[key or None] = {f: v or 0 for f, v in row.items()}  # 0 is the roll-ups' "none"
    return out


def histogram_percentiles(totals: dict) -> tuple[float | None, float | None]:
    counts = [totals.get(f, 0) for f in HISTOGRAM_FIELDS]
    return quantile(counts, 0.5), quantile(counts, 0.9)


def day_series(scope: Scope, filters: InsightFilters, grain: Grain) -> list[tuple[date, int, int]]:
    """(day, received, solved) for every day of the period that has cases."""
    rows = (
        rows_of(grain, scope, filters, days_only=True)
        .order_by()
        .values("day")
        .annotate(r=Sum("received"), s=Sum("solved"))
    )
    return sorted((row["day"], row["r"], row["s"]) for row in rows)


def month_series(
    scope: Scope, filters: InsightFilters, grain: Grain
) -> list[tuple[date, int, int]]:
    """(first of month, received, solved): month rows where whole, day rows summed at the ends."""
    rows = (
        rows_of(grain, scope, filters)
        .order_by()
        .values("day")
        .annotate(r=Sum("received"), s=Sum("solved"))
    )
    months: dict[date, list[int]] = {}
    for row in rows:
        bucket = months.setdefault(row["day"].replace(day=1), [0, 0])
        bucket[0] += row["r"]
        bucket[1] += row["s"]
    return sorted((month, r, s) for month, (r, s) in months.items())
