"""Percentiles of time to resolve, behind one function so each database does it its own way.

PostgreSQL computes them in SQL (percentile_cont over the filtered rows); SQLite has no percentile
aggregate, so the durations are read (one indexed column pair per solved case) and sorted in Python.
Both give the same figures: linear interpolation between closest ranks, as percentile_cont does.
"""

from collections import defaultdict
from collections.abc import Hashable, Iterable

from django.db import connections
from django.db.models import F, IntegerField, QuerySet, Value

QUANTILES = (0.5, 0.9)


def interpolated(sorted_values: list[float], q: float) -> float | None:
    """The q-quantile by linear interpolation (PostgreSQL's percentile_cont)."""
    if not sorted_values:
        return None
    position = (len(sorted_values) - 1) * q
    low = int(position)
    high = min(low + 1, len(sorted_values) - 1)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (position - low)


def _python(pairs: Iterable[tuple[Hashable, float]]) -> dict[Hashable, tuple[float | None, ...]]:
    groups: dict[Hashable, list[float]] = defaultdict(list)
    for key, seconds in pairs:
        groups[key].append(seconds)
    return {
        key: tuple(interpolated(sorted(values), q) for q in QUANTILES)
        for key, values in groups.items()
    }


def resolve_percentiles(
    solved: QuerySet, group: str | None = None
) -> dict[Hashable, tuple[float | None, ...]]:
    """Median and 90th percentile of hours from registration to resolution, per `group` value.

    `solved` must hold only cases with resolved_at set. Without `group` the only key is None.
    """
    inner = (
        solved.order_by()
        .annotate(
            k=F(group) if group else Value(None, output_field=IntegerField()),
            c=F("created_at"),
            r=F("resolved_at"),
        )
        .values_list("k", "c", "r")
    )
    sql, params = inner.query.sql_with_params()
    connection = connections[inner.db]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"SELECT k, percentile_cont(ARRAY[{','.join(str(q) for q in QUANTILES)}]) "
                "WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (r - c)) / 3600.0) "
                f"FROM ({sql}) AS s GROUP BY 1",
                params,
            )
            return {k: tuple(float(v) for v in values) for k, values in cursor.fetchall()}
        # SQLite: hours computed by the database as plain floats (per-row datetime parsing in Python
        # cost more than the query itself), the quantiles in Python.
        cursor.execute(f"SELECT k, (julianday(r) - julianday(c)) * 24.0 FROM ({sql}) AS s", params)
        return _python(cursor.fetchall())
