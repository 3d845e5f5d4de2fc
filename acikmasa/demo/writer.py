"""Write generated cases in chunks: PostgreSQL COPY on PostgreSQL, batched INSERTs elsewhere.

Memory stays bounded by the chunk size. Ids are reserved before a chunk is generated (events and
duplicates point at case ids), from the table's own sequence on PostgreSQL. Case events are only
ever inserted: the append-only trigger (UPDATE/DELETE) stays in place.
"""

import json
import queue
import threading
from collections.abc import Callable, Sequence
from datetime import datetime
from functools import partial

from django.db import connection, models, transaction
from django.utils import timezone

from acikmasa.cases.models import Case, CaseEvent, Citizen, TrackingSequence
from acikmasa.deadlines.sweep import clocks_adopt

from .cases import CASE_COLUMNS, CITIZEN_COLUMNS, EVENT_COLUMNS, CaseGenerator, day_span
from .context import build_context
from .reference import Reference


class _Sink:
    def reserve(self, model: type[models.Model], count: int) -> list[int]:
        raise NotImplementedError

    def write(self, model: type[models.Model], columns: Sequence[str], rows: list[tuple]) -> None:
        raise NotImplementedError


class PostgresSink(_Sink):
    def reserve(self, model, count):
        if count == 0:
            return []
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [model._meta.db_table, count],
            )
            return [row[0] for row in cursor.fetchall()]

    def write(self, model, columns, rows):
        if not rows:
            return
        json_positions = [
            i for i, name in enumerate(columns) if isinstance(_field(model, name), models.JSONField)
        ]
        names = ", ".join(connection.ops.quote_name(_field(model, c).column) for c in columns)
        connection.ensure_connection()
        table = connection.ops.quote_name(model._meta.db_table)
        with (
            connection.connection.cursor() as cursor,
            cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy,
        ):
            if not json_positions:
                for row in rows:
                    copy.write_row(row)
                return
            for row in rows:
                row = list(row)
                for i in json_positions:
                    row[i] = json.dumps(row[i], ensure_ascii=False, separators=(",", ":"))
                copy.write_row(row)


class InsertSink(_Sink):
    """SQLite and others: explicit ids after the current maximum (the write lock is held)."""

    def reserve(self, model, count):
        top = model.objects.aggregate(top=models.Max("id"))["top"] or 0
        return list(range(top + 1, top + 1 + count))

    def write(self, model, columns, rows):
        if not rows:
            return
        fields = [_field(model, c) for c in columns]
        table = connection.ops.quote_name(model._meta.db_table)
        names = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(fields))})"
        prepared = [
            [f.get_db_prep_save(value, connection) for f, value in zip(fields, row, strict=True)]
            for row in rows
        ]
        with connection.cursor() as cursor:
            for start in range(0, len(prepared), 2000):
                cursor.executemany(sql, prepared[start : start + 2000])


def _field(model: type[models.Model], attname: str) -> models.Field:
    for f in model._meta.concrete_fields:
        if f.attname == attname:
            return f
    raise LookupError(f"{model.__name__} has no column {attname}")


def _write_chunk(sink: _Sink, municipality, chunk, tracking: dict[int, int]) -> None:
    sink.write(Citizen, CITIZEN_COLUMNS, chunk.citizens)
    sink.write(Case, CASE_COLUMNS, chunk.cases)
    sink.write(CaseEvent, EVENT_COLUMNS, chunk.events)
    # The tracking sequences move on in the chunk's transaction: later numbers continue after it.
    for year, value in tracking.items():
        TrackingSequence.objects.update_or_create(
            municipality=municipality, year=year, defaults={"last_value": value}
        )


class _ChunkWriter:
    """One background thread with its own connection; at most two chunks wait, so memory stays
    bounded."""

    def __init__(self, sink: _Sink, municipality) -> None:
        self.sink, self.municipality = sink, municipality
        self.queue: queue.Queue = queue.Queue(maxsize=1)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="demo-writer", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            while (item := self.queue.get()) is not None:
                if self.error is None:
                    with transaction.atomic():
                        _write_chunk(self.sink, self.municipality, *item)
        except BaseException as exc:
            self.error = exc
            while self.queue.get() is not None:
                pass
        finally:
            connection.close()

    def put(self, chunk, tracking: dict[int, int]) -> None:
        if self.error:
            raise self.error
        self.queue.put((chunk, tracking))

    def finish(self) -> None:
        self.queue.put(None)
        self.thread.join()
        if self.error:
            raise self.error


def sink_for_connection() -> _Sink:
    return PostgresSink() if connection.vendor == "postgresql" else InsertSink()


def cases_load(
    *,
    ref: Reference,
    users: dict,
    seed: int,
    count: int,
    years: int,
    until: datetime | None,
    existing: int,
    chunk_size: int = 20_000,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[int, int]:
    """Generate `count` cases over the last `years` years up to `until` and write them; (cases,
    events).

    Each chunk is its own transaction, so a million cases never sit in one; the tracking sequences
    are moved on in the same transaction so numbers handed out later continue after the demo's.
    """
    ctx = build_context(ref)
    until = until or timezone.now().replace(second=0, microsecond=0)
    start, end = day_span(until, years)
    municipality = ref.municipality
    generator = CaseGenerator(
        ctx,
        seed=seed,
        count=count,
        start=start,
        end=end,
        first_index=existing,
        citizen_index=Citizen.objects.filter(municipality=municipality).count(),
        tracking=dict(
            TrackingSequence.objects.filter(municipality=municipality).values_list(
                "year", "last_value"
            )
        ),
    )
    sink = sink_for_connection()
    # Outside a transaction on PostgreSQL, a second thread writes chunk n while chunk n+1 is being
    # generated: the server and Python then each keep one core busy. Inside a transaction (tests),
    # or on SQLite, everything runs in this thread.
    pipelined = (
        connection.vendor == "postgresql" and not connection.in_atomic_block and count > chunk_size
    )
    writer = _ChunkWriter(sink, municipality) if pipelined else None
    events = done = 0
    try:
        while generator.remaining:
            size = min(chunk_size, generator.remaining)
            if writer:
                case_ids, citizen_ids = sink.reserve(Case, size), iter(sink.reserve(Citizen, size))
                chunk = generator.chunk(size, case_ids, partial(next, citizen_ids))
                writer.put(chunk, dict(generator.tracking))
            else:
                with transaction.atomic():
                    case_ids, citizen_ids = (
                        sink.reserve(Case, size),
                        iter(sink.reserve(Citizen, size)),
                    )
                    chunk = generator.chunk(size, case_ids, partial(next, citizen_ids))
                    _write_chunk(sink, municipality, chunk, generator.tracking)
            done += len(chunk.cases)
            events += len(chunk.events)
            if progress:
                progress(done, count)
    finally:
        if writer:
            writer.finish()
    if count:
        # Bulk rows skip the event door: give the open cases their deadline clocks in one go.
        clocks_adopt()
    if count:
        # Fresh bulk rows have no planner statistics; without them both databases scan whole tables.
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("ANALYZE cases_citizen, cases_case, cases_caseevent")
            else:
                cursor.execute("ANALYZE")
    return done, events
