"""Percentiles of time to resolve, behind one function so each database does it its own way.

PostgreSQL computes them in SQL (percentile_cont over the filtered rows); SQLite has no percentile
aggregate, so the durations are read (one indexed column pair per solved case) and sorted in Python.
Both give the same figures: linear interpolation between closest ranks, as percentile_cont does.
"""

from collections import defaultdict
from collections.abc import Hashable, Iterable

from django.db import connections
from django.db.models import F, QuerySet

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
    return {key: tuple(interpolated(sorted(values), q) for q in QUANTILES) for key, values in groups.items()}


def resolve_percentiles(solved: QuerySet, group: str | None = None) -> dict[Hashable, tuple[float | None, ...]]:
    """Median and 90th percentile of hours from registration to resolution, per `group` value.

    `solved` must hold only cases with resolved_at set. Without `group` the only key is None.
    """
    key = F(group) if group else None
    rows = solved.order_by()
    if connections[rows.db].vendor == "postgresql":
        inner = rows.annotate(_key=key) if key is not None else rows
        inner = inner.values_list("_key" if key is not None else "id", "created_at", "resolved_at")
        sql, params = inner.query.sql_with_params()
        group_sql = "k" if key is not None else "NULL"
        query = (
            f"SELECT {group_sql}, percentile_cont(ARRAY[{','.join(str(q) for q in QUANTILES)}]) "
            "WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (r - c)) / 3600.0) "
            f"FROM ({sql}) AS s(k, c, r) GROUP BY 1"
        )
        with connections[rows.db].cursor() as cursor:
            cursor.execute(query, params)
            return {k: tuple(float(v) for v in values) for k, values in cursor.fetchall()}
    values = rows.values_list(group or "municipality_id", "created_at", "resolved_at")
    return _python(
        ((k if group else None), (r - c).total_seconds() / 3600.0) for k, c, r in values.iterator(2000)
    )
