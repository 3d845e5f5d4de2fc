"""Recounting the roll-ups from the case history: `insights_rebuild` writes them, `insights_verify`
compares.

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

from .histogram import BUCKETS, LOWEST, PER_DOUBLING
from .models import VALUE_FIELDS, Span
from .rollup import GRAINS, SOLVED, CaseState, Delta, contributions, local_day, survey_fields

CASES_SQL = """
SELECT c.municipality_id, a.created, COALESCE(l.directorate_id, 0), c.channel_id, c.case_type,
       COALESCE(c.subject_id, 0), COALESCE(c.neighbourhood_id, 0), m.to_status, r.created_at,
       c.due_at, a.reopens, sv.payload
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
            for (
                municipality,
                created,
                directorate,
                channel,
                case_type,
                subject,
                hood,
                status,
                resolved_at,
                due_at,
                reopens,
                payload,
            ) in rows:
                if isinstance(payload, str):
                    payload = json.loads(payload)
                solved = status in SOLVED
                yield CaseState(
                    municipality=municipality,
                    created_at=_aware(created),
                    directorate=directorate,
                    channel=channel,
                    case_type=case_type,
                    subject=subject,
                    neighbourhood=hood,
                    solved=solved,
                    resolved_at=_aware(resolved_at) if solved else None,
                    due_at=_aware(due_at),
                    reopened=bool(reopens),
                    **survey_fields(payload),
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
    case_transition, or to repair). Runs in one transaction, so readers see the old or the new
    tables. On PostgreSQL the same rule runs set-based in the server (ten million cases through
    Python took hours on a busy machine); `verify` recounts in Python, so each path checks the other
    (tests).
    """
    with transaction.atomic():
        for grain in GRAINS:
            grain.model.objects.all().delete()
        if connection.vendor == "postgresql":
            return _rebuild_in_sql()
        return _rebuild_in_python()


def _rebuild_in_python() -> int:
    written = 0
    for _month, delta in recount_by_month():
        for index, grain in enumerate(GRAINS):
            written += _write(grain, _rows(delta, index))
    return written


def _states_sql() -> str:
    """Per case, from its events (CASES_SQL's rule), the columns the roll-ups group and count."""
    inner = CASES_SQL.split("ORDER BY")[0]  # the same joins over the events, unordered
    hours = "GREATEST(0, EXTRACT(EPOCH FROM (s.resolved_at - s.created)) / 3600.0)"
    bucket = (
        f"CASE WHEN {hours} < {LOWEST} THEN 0 ELSE LEAST({BUCKETS - 1}, "
        f"floor({PER_DOUBLING} * ln({hours} / {LOWEST}) / ln(2) + 1e-9)::int + 1) END"
    )
    return f"""
    SELECT s.municipality_id AS municipality, (s.created AT TIME ZONE %(tz)s)::date AS day,
           s.directorate, s.channel_id AS channel, s.case_type, s.subject, s.neighbourhood,
           s.solved, CASE WHEN s.solved THEN {bucket} END AS bucket,
           s.solved AND s.due_at IS NOT NULL AND s.resolved_at <= s.due_at AS met,
           s.solved AND s.due_at IS NOT NULL AND s.resolved_at > s.due_at AS missed,
           s.reopens > 0 AS reopened, s.payload IS NOT NULL AS answered,
           CASE WHEN jsonb_typeof(s.payload -> 'score') = 'number'
                THEN (s.payload ->> 'score')::int END AS score,
           COALESCE((s.payload ->> 'solved')::boolean, true) = false AS said_unsolved
    FROM (
        SELECT c.municipality_id, a.created, COALESCE(l.directorate_id, 0) AS directorate,
               c.channel_id, c.case_type, COALESCE(c.subject_id, 0) AS subject,
               COALESCE(c.neighbourhood_id, 0) AS neighbourhood,
               m.to_status IN ('resolved', 'closed') AND r.created_at IS NOT NULL AS solved,
               r.created_at AS resolved_at, c.due_at, a.reopens, sv.payload
        {inner[inner.index("FROM (") :]}
    ) s"""


def _rebuild_in_sql() -> int:
    """PostgreSQL: the case states into a temporary table, then one INSERT … GROUP BY per grain and
    span."""
    from django.conf import settings

    sums = [
        "count(*)",
        "count(*) FILTER (WHERE solved)",
        "count(*) FILTER (WHERE met)",
        "count(*) FILTER (WHERE missed)",
        "count(*) FILTER (WHERE reopened)",
        "count(*) FILTER (WHERE answered)",
        "count(score)",
        "COALESCE(sum(score), 0)",
        "count(*) FILTER (WHERE said_unsolved)",
        *(f"count(*) FILTER (WHERE bucket = {i})" for i in range(BUCKETS)),
    ]
    written = 0
    with connection.cursor() as cursor:
        # Dropped at commit; dropped here too when an outer transaction (a test, a second call)
        # still has it.
        cursor.execute("DROP TABLE IF EXISTS pg_temp.insights_states")
        cursor.execute(
            "CREATE TEMPORARY TABLE insights_states ON COMMIT DROP AS " + _states_sql(),
            {"tz": settings.TIME_ZONE},
        )
        for grain in GRAINS:
            table = connection.ops.quote_name(grain.model._meta.db_table)
            keys = ["directorate", *grain.keys]
            columns = ", ".join(
                connection.ops.quote_name(c) for c in (*grain.columns, *VALUE_FIELDS)
            )
            for span, day in ((Span.DAY, "day"), (Span.MONTH, "date_trunc('month', day)::date")):
                cursor.execute(
                    f"INSERT INTO {table} ({columns}) SELECT "
                    f"municipality, {int(span)}, {day}, {', '.join(keys)}, "
                    f"{', '.join(sums)} FROM insights_states GROUP BY "
                    f"municipality, {day}, {', '.join(keys)}"
                )
                written += cursor.rowcount
    return written


POSITION = {name: i for i, name in enumerate(VALUE_FIELDS)}


def _values(counts: Counter) -> list[int]:
    """The counters in column order (most are zero: only the set ones are placed)."""
    row = [0] * len(VALUE_FIELDS)
    for name, n in counts.items():
        row[POSITION[name]] = n
    return row


def _write(grain, rows: list[tuple[tuple, Counter]]) -> int:
    """Insert roll-up rows in bulk: COPY on PostgreSQL, executemany on SQLite (the ORM's per-field
    preparation of 66 columns cost more than everything else together)."""
    columns = [*grain.columns, *VALUE_FIELDS]
    values = [(*key, *_values(counts)) for key, counts in rows]
    if not values:
        return 0
    table = connection.ops.quote_name(grain.model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in values:
                    copy.write_row(row)
        else:
            cursor.executemany(
                f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))})", values
            )
    return len(values)


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
    return {
        tuple(r[c] for c in grain.columns): {f: r[f] for f in VALUE_FIELDS}
        for r in rows.values(*grain.columns, *VALUE_FIELDS)
    }


def verify(report: Callable[[Mismatch], None] | None = None, limit: int = 100) -> Verification:
    """Recount from the history and compare with every stored roll-up row (rows that should be
    zero included); at most `limit` mismatches are kept. Read-only. Callers: `insights_verify`,
    tests."""
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
