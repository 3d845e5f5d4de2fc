"""Recounting the roll-ups from the case history: `insights_rebuild` writes them, `insights_verify` compares.

Each case's state is read from its events, not from the row's caches: registered at its `created`
event; its directorate is the one its last event was recorded in (forwarding records the new one);
its status is the target of its last status-moving event; solved at its last `resolved` event; ever
reopened when it has a `reopened` event; its survey answer is the payload of its `survey_answered`
event. The facts fixed at registration (municipality, channel, type, subject, mahalle) come from
the case row, which nothing changes after intake, and the due time from `Case.due_at`, which the
deadline engine keeps equal to its replay of the same history (deadlines tests).

Cases come in registration order, so a month's rows are complete once the next month begins: each
month is written (or compared) and forgotten, and memory stays bounded whatever the history's size.
"""

import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date

from django.db import connection, transaction
from django.utils.dateparse import parse_datetime

from .models import VALUE_FIELDS
from .rollup import GRAINS, SOLVED, CaseState, Delta, contributions, local_day, survey_fields

CASES_SQL = """
SELECT c.municipality_id, a.created, COALESCE(l.directorate_id, 0), c.channel_id, c.case_type,
       COALESCE(c.subject_id, 0), COALESCE(c.neighbourhood_id, 0), m.to_status, r.created_at, c.due_at,
       a.reopens, sv.payload
FROM (
    SELECT case_id,
           MIN(CASE WHEN kind = 'created' THEN created_at END) AS created,
           MAX(sequence) AS s_last,
           MAX(CASE WHEN to_status <> '' THEN sequence END) AS s_move,
           MAX(CASE WHEN kind = 'resolved' THEN sequence END) AS s_resolved,
           SUM(CASE WHEN kind = 'reopened' THEN 1 ELSE 0 END) AS reopens,
           MAX(CASE WHEN kind = 'survey_answered' THEN sequence END) AS s_survey
    FROM cases_caseevent GROUP BY case_id
) a
JOIN cases_case c ON c.id = a.case_id
JOIN cases_caseevent l ON l.case_id = a.case_id AND l.sequence = a.s_last
LEFT JOIN cases_caseevent m ON m.case_id = a.case_id AND m.sequence = a.s_move
LEFT JOIN cases_caseevent r ON r.case_id = a.case_id AND r.sequence = a.s_resolved
LEFT JOIN cases_caseevent sv ON sv.case_id = a.case_id AND sv.sequence = a.s_survey
WHERE a.created IS NOT NULL
ORDER BY a.created, a.case_id
"""


def _aware(value):
    """SQLite hands raw SQL datetimes back naive (UTC), as text or as datetime."""
    if isinstance(value, str):
        value = parse_datetime(value)
    if value is not None and value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value


def case_states() -> Iterator[CaseState]:
    """Every case's state from its history, in registration order (one streaming query)."""
    # A server-side cursor on PostgreSQL: ten million rows stream instead of landing in memory.
    with connection.chunked_cursor() as cursor:
        cursor.execute(CASES_SQL)
        while rows := cursor.fetchmany(5000):
            for (municipality, created, directorate, channel, case_type, subject, hood, status, resolved_at,
                 due_at, reopens, payload) in rows:
                if isinstance(payload, str):
                    payload = json.loads(payload)
                solved = status in SOLVED
                yield CaseState(
                    municipality=municipality, created_at=_aware(created), directorate=directorate, channel=channel,
                    case_type=case_type, subject=subject, neighbourhood=hood, solved=solved,
                    resolved_at=_aware(resolved_at) if solved else None, due_at=_aware(due_at),
                    reopened=bool(reopens), **survey_fields(payload),
                )


def recount_by_month() -> Iterator[tuple[date, Delta]]:
    """(first day of a month, the roll-up rows of the cases registered in it), month after month."""
    month, delta = None, {}
    for state in case_states():
        this = local_day(state.created_at).replace(day=1)
        if this != month:
            if month is not None:
                yield month, delta
            month, delta = this, {}
        contributions(state, 1, delta)
    if month is not None:
        yield month, delta


def _rows(delta: Delta, index: int) -> list[tuple[tuple, Counter]]:
    return sorted((key, counts) for (i, key), counts in delta.items() if i == index)


def rebuild() -> int:
    """Empty the roll-up tables and fill them from the history; returns the number of rows written.

    Callers: `acikmasa insights_rebuild` (after a bulk load that bypassed case_submit and
    case_transition, or to repair). Runs in one transaction, so readers see the old or the new tables.
    """
    written = 0
    with transaction.atomic():
        for grain in GRAINS:
            grain.model.objects.all().delete()
        for _month, delta in recount_by_month():
            for index, grain in enumerate(GRAINS):
                objects = [grain.model(**dict(zip(grain.columns, key)), **counts) for key, counts in _rows(delta, index)]
                grain.model.objects.bulk_create(objects, batch_size=2000)
                written += len(objects)
    return written


@dataclass
class Mismatch:
    grain: str
    key: tuple
    stored: dict
    recounted: dict


@dataclass
class Verification:
    rows: int = 0
    mismatches: list[Mismatch] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.mismatches


def _stored(index: int, month: date) -> dict[tuple, dict]:
    """The stored rows of one grain for one month (its day rows and its month row)."""
    grain = GRAINS[index]
    following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    rows = grain.model.objects.filter(day__gte=month, day__lt=following)
    return {tuple(r[c] for c in grain.columns): {f: r[f] for f in VALUE_FIELDS}
            for r in rows.values(*grain.columns, *VALUE_FIELDS)}


def verify(report: Callable[[Mismatch], None] | None = None, limit: int = 100) -> Verification:
    """Recount from the history and compare with every stored roll-up row (rows that should be
    zero included); at most `limit` mismatches are kept. Read-only. Callers: `insights_verify`, tests."""
    result = Verification()
    seen_months: set[date] = set()

    def compare(index: int, stored: dict[tuple, dict], recounted: dict[tuple, Counter]) -> None:
        for key in stored.keys() | recounted.keys():
            want = {f: recounted.get(key, Counter()).get(f, 0) for f in VALUE_FIELDS}
            have = stored.get(key, dict.fromkeys(VALUE_FIELDS, 0))
            result.rows += 1
            if want != have and len(result.mismatches) < limit:
                mismatch = Mismatch(GRAINS[index].model.__name__, key, have, want)
                result.mismatches.append(mismatch)
                if report:
                    report(mismatch)

    for month, delta in recount_by_month():
        seen_months.add(month)
        for index in range(len(GRAINS)):
            compare(index, _stored(index, month), dict(_rows(delta, index)))
    # Rows of months without any case must add up to nothing.
    for index, grain in enumerate(GRAINS):
        for month in grain.model.objects.dates("day", "month"):
            if month not in seen_months:
                compare(index, _stored(index, month), {})
    return result
