"""Keyset pagination: the next page starts after the last row seen, so page 1,000 costs what page 1
does.

An offset (`LIMIT 50 OFFSET 49950`) makes the database walk past every earlier row; a cursor holding
the sort values of the last row lets it seek straight there through the index.
"""

import base64
import json
from dataclasses import dataclass
from datetime import datetime
from functools import reduce
from operator import or_
from typing import Any

from django.db import connection
from django.db.models import F, Q, QuerySet
from django.utils.dateparse import parse_datetime


@dataclass(frozen=True)
class SortKey:
    field: str
    descending: bool = False
    nullable: bool = False  # nulls always sort last


@dataclass
class Page:
    rows: list[Any]
    next_cursor: str
    has_next: bool


def order_by(keys: list[SortKey]) -> list:
    """NULLS LAST only on nullable columns: on a NOT NULL column it would stop PostgreSQL from
    reading a plain index backwards (DESC means NULLS FIRST there)."""
    return [
        (F(k.field).desc(nulls_last=True) if k.nullable else F(k.field).desc())
        if k.descending
        else (F(k.field).asc(nulls_last=True) if k.nullable else F(k.field).asc())
        for k in keys
    ]


def _after(key: SortKey, value: Any) -> Q:
    """Rows strictly after `value` in this column's order (nulls last)."""
    if value is None:
        return Q(pk__in=[])  # nothing sorts after a null
    condition = Q(**{f"{key.field}__{'lt' if key.descending else 'gt'}": value})
    if key.nullable:
        condition |= Q(**{f"{key.field}__isnull": True})
    return condition


def _equal(key: SortKey, value: Any) -> Q:
    return Q(**{f"{key.field}__isnull": True}) if value is None else Q(**{key.field: value})


def after_condition(keys: list[SortKey], values: list[Any]) -> Q:
    """(k1 > v1) OR (k1 = v1 AND k2 > v2) OR ...: the row order's strict successor set."""
    condition = Q(pk__in=[])
    prefix = Q()
    for key, value in zip(keys, values, strict=True):
        condition |= prefix & _after(key, value)
        prefix &= _equal(key, value)
    return condition


MAX_PARTITIONS = 60


def _merged(
    queryset: QuerySet, partitions: list[Q], ordering: list, columns: list[str], limit: int
) -> QuerySet:
    """The rows of `queryset` inside the partitions; on PostgreSQL only each one's first `limit`."""
    if not partitions:
        return queryset.none()
    if (
        1 < len(partitions) <= MAX_PARTITIONS
        and connection.features.supports_slicing_ordering_in_compound
    ):
        parts = [
            queryset.filter(part).order_by(*ordering).values(*columns)[:limit]
            for part in partitions
        ]
        return queryset.filter(
            pk__in=[row["pk"] for row in parts[0].union(*parts[1:], all=True).order_by()]
        )
    return queryset.filter(reduce(or_, partitions))


def encode_cursor(values: list[Any]) -> str:
    plain = [v.isoformat() if isinstance(v, datetime) else v for v in values]
    return base64.urlsafe_b64encode(json.dumps(plain).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, keys: list[SortKey]) -> list[Any] | None:
    """The sort values in the cursor, or None if it is malformed (then the first page is shown)."""
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except ValueError:
        return None
    if not isinstance(raw, list) or len(raw) != len(keys):
        return None
    values = []
    for key, value in zip(keys, raw, strict=True):
        if isinstance(value, str) and key.field.endswith("_at"):
            value = parse_datetime(value)
            if value is None:
                return None
        elif value is not None and not isinstance(value, (int, str)):
            return None
        values.append(value)
    return values


def keyset_page(
    queryset: QuerySet,
    keys: list[SortKey],
    cursor: str,
    size: int,
    partitions: list[Q] | None = None,
) -> Page:
    """One page of `queryset` in `keys` order after `cursor` (empty: the first page).

    `partitions` (e.g. one per directorate and status) each match an index that is already in
    `keys` order; the page is then the merge of the first rows of every partition, so the database
    never sorts a whole queue (PostgreSQL only: SQLite cannot limit the parts of a UNION).
    """
    values = decode_cursor(cursor, keys) if cursor else None
    if values is not None:
        queryset = queryset.filter(after_condition(keys, values))
    ordering = order_by(keys)
    if partitions is not None:
        queryset = _merged(
            queryset, partitions, ordering, ["pk", *(k.field for k in keys)], size + 1
        )
    rows = list(queryset.order_by(*ordering)[: size + 1])
    has_next = len(rows) > size
    rows = rows[:size]
    next_cursor = encode_cursor([getattr(rows[-1], k.field) for k in keys]) if has_next else ""
    return Page(rows=rows, next_cursor=next_cursor, has_next=has_next)
