"""Grow the demo district to 10,000,000 cases with their events on PostgreSQL, and time it.

    .venv/bin/python bench/demo_load.py --cases 1000000 --years 1 --database bench_10m   # the base
    year .venv/bin/python bench/load_10m.py                      # copies into earlier years up to
    10 M .venv/bin/python bench/load_10m.py --target 3000000     # fewer

How the cases are made: the base is one year of realistic demo cases written by the generator
(`acikmasa demo`: every history replayed through the lifecycle table). Each earlier year is a copy
of the base's *finished* cases (closed, rejected, duplicate, forwarded out: an old year has no open
case) with every time moved back by k × 364 days (whole weeks, so weekdays and office hours stay as
generated), new ids, tracking numbers `YYYY-<id>` of the new year, fresh public tokens and external
ids; events are copied with their cases. Duplicates whose master is not copied lose the link.
Citizens, staff and reference data are shared. Each copy is two INSERT … SELECT statements run by
the server (cases, then events) in one transaction; foreign keys are not re-checked
(session_replication_role = replica: the rows come from rows that passed them). As any bulk load
does, the secondary indexes and unique constraints of the two tables are dropped first and built
again at the end (sorted builds instead of 20 random index insertions per row: on the shared
machine one copy took over 20 minutes with them in place); primary keys stay. Their definitions are
saved to a file first, so an interrupted run restores them when run again. Then VACUUM ANALYZE, the
roll-up rebuild (`acikmasa insights_rebuild`) and the database size.
"""

import argparse
import json
import os
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

from _common import ACIKMASA, ROOT, SERVER

CASE_STEP, EVENT_STEP = 10_000_000, 100_000_000
FINISHED = "('closed', 'rejected', 'duplicate', 'forwarded_out')"
CASE_COLUMNS = (
    "id,tracking_number,public_token,case_type,external_id,status,priority,description,address,latitude,longitude,"
    "created_at,due_at,resolved_at,closed_at,updated_at,version,assignee_id,channel_id,directorate_id,"
    "duplicate_of_id,forwarded_to_id,municipality_id,neighbourhood_id,service_standard_id,street_id,subject_id,citizen_id"
)
EVENT_COLUMNS = (
    "id,sequence,kind,actor_kind,created_at,from_status,to_status,is_public,text,payload,actor_id,"
    "case_id,directorate_id"
)


def copy_sql(k: int, case_offset: int, event_offset: int, last_id: int) -> tuple[str, str]:
    shift = f"interval '{364 * k} days'"
    cases = f"""
        INSERT INTO cases_case ({CASE_COLUMNS})
        SELECT c.id + {case_offset},
               to_char((c.created_at - {shift}) AT TIME ZONE 'Europe/Istanbul', 'YYYY')
                   || '-' || (c.id + {case_offset}),
               md5(c.public_token || ':{k}'), c.case_type,
               CASE WHEN c.external_id = '' THEN '' ELSE c.external_id || ':{k}' END,
               c.status, c.priority, c.description, c.address, c.latitude, c.longitude,
               c.created_at - {shift}, c.due_at - {shift}, c.resolved_at - {shift},
               c.closed_at - {shift},
               c.updated_at - {shift}, c.version, c.assignee_id, c.channel_id, c.directorate_id,
               CASE WHEN m.status IN {FINISHED} AND m.id <= {last_id}
                    THEN c.duplicate_of_id + {case_offset} END,
               c.forwarded_to_id, c.municipality_id, c.neighbourhood_id, c.service_standard_id,
               c.street_id, c.subject_id, c.citizen_id
        FROM cases_case c LEFT JOIN cases_case m ON m.id = c.duplicate_of_id
        WHERE c.id <= {last_id} AND c.status IN {FINISHED}"""
    events = f"""
        INSERT INTO cases_caseevent ({EVENT_COLUMNS})
        SELECT e.id + {event_offset}, e.sequence, e.kind, e.actor_kind, e.created_at - {shift},
               e.from_status, e.to_status, e.is_public, e.text, e.payload, e.actor_id,
               e.case_id + {case_offset}, e.directorate_id
        FROM cases_caseevent e JOIN cases_case c ON c.id = e.case_id
        WHERE c.id <= {last_id} AND c.status IN {FINISHED}"""
    return cases, events


TABLES = ("cases_case", "cases_caseevent")
SAVED = ROOT / "var" / "bench" / "load_10m_indexes.json"


def indexes_drop(conn) -> None:
    """Save and drop the tables' unique constraints and secondary indexes (primary keys stay)."""
    if SAVED.exists():
        return  # dropped by an earlier, interrupted run: the file holds the definitions
    constraints = conn.execute(
        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE contype = 'u' AND conrelid::regclass::text = ANY(%s)",
        [list(TABLES)],
    ).fetchall()
    indexes = conn.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s) AND indexname NOT IN "
        "(SELECT conname FROM pg_constraint WHERE contype IN ('p', 'u'))",
        [list(TABLES)],
    ).fetchall()
    SAVED.parent.mkdir(parents=True, exist_ok=True)
    SAVED.write_text(json.dumps({"constraints": constraints, "indexes": indexes}, indent=1))
    for table, name, _definition in constraints:
        conn.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    for name, _definition in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    print(f"dropped {len(constraints)} unique constraints and {len(indexes)} indexes", flush=True)


def indexes_restore(conn, only: set[str] | None = None) -> None:
    """Build again what indexes_drop saved (those in `only`, or all); ones that exist are
    skipped."""
    if not SAVED.exists():
        return
    saved = json.loads(SAVED.read_text())
    conn.execute("SET maintenance_work_mem = '1GB'")
    conn.execute("SET max_parallel_maintenance_workers = 2")
    existing = {
        row[0]
        for row in conn.execute(
            "SELECT conname FROM pg_constraint UNION SELECT indexname FROM pg_indexes"
        )
    }
    t0 = time.monotonic()
    built = 0
    for table, name, definition in saved["constraints"]:
        if name not in existing and (only is None or name in only):
            conn.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
            built += 1
    for name, definition in saved["indexes"]:
        if name not in existing and (only is None or name in only):
            conn.execute(definition)
            built += 1
    if only is None:
        SAVED.unlink()
    print(
        f"built {built} unique constraints and indexes in {time.monotonic() - t0:.0f} s, "
        f"load {os.getloadavg()[0]:.1f}",
        flush=True,
    )


# What the roll-up rebuild and the insights pages read: built first, so they can run before the
# rest.
FIRST_INDEXES = {
    "case_event_sequence_unique",
    "cases_case_created_at_1f9faaa8",
    "case_open_due_idx",
    "case_queue_idx",
}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database", default="bench_10m")
    parser.add_argument("--target", type=int, default=10_000_000)
    parser.add_argument("--skip-rebuild", action="store_true")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--first-indexes-only",
        action="store_true",
        help="build only the indexes the rebuild and the insights pages need; run again "
        "without it for the rest",
    )
    parser.add_argument(
        "--indexes-only",
        action="store_true",
        help="only build the saved indexes (after --first-indexes-only)",
    )
    args = parser.parse_args()

    import psycopg

    url = f"{SERVER}/{args.database}"
    if args.indexes_only:
        with psycopg.connect(url, autocommit=True) as conn:
            indexes_restore(conn)
            conn.execute("VACUUM ANALYZE")
        return
    started = time.monotonic()
    with psycopg.connect(url, autocommit=True) as conn:
        # Copy k of case i gets id i + k × CASE_STEP (events likewise): the base must stay below the
        # step.
        case_step, event_step = CASE_STEP, EVENT_STEP
        base_max = conn.execute(
            "SELECT max(id) FROM cases_case WHERE id < %s", [case_step]
        ).fetchone()[0]
        total = conn.execute("SELECT count(*) FROM cases_case").fetchone()[0]
        finished_ids = [
            row[0]
            for row in conn.execute(
                f"SELECT id FROM cases_case WHERE id <= %s AND status IN {FINISHED} ORDER BY id",
                [base_max],
            )
        ]
        print(
            f"base: {total:,} cases, {len(finished_ids):,} finished (copied per earlier year), "
            f"case id step {case_step:,}, event id step {event_step:,}",
            flush=True,
        )
        if total < args.target:
            indexes_drop(conn)
        plan, remaining, k = [], args.target - total, 0
        while remaining > 0:
            k += 1
            if conn.execute(
                "SELECT 1 FROM cases_case WHERE id > %s AND id <= %s LIMIT 1",
                [k * case_step, (k + 1) * case_step],
            ).fetchone():
                print(f"copy {k}: already loaded", flush=True)
                continue
            n = min(remaining, len(finished_ids))
            plan.append((k, finished_ids[n - 1]))
            remaining -= n

        def copy_one(k: int, last_id: int) -> None:
            cases_sql, events_sql = copy_sql(k, k * case_step, k * event_step, last_id)
            t0 = time.monotonic()
            with psycopg.connect(url) as worker, worker.transaction():
                worker.execute("SET LOCAL session_replication_role = replica")
                copied = worker.execute(cases_sql).rowcount
                events = worker.execute(events_sql).rowcount
            elapsed = time.monotonic() - t0
            print(
                f"copy {k}: {copied:,} cases, {events:,} events in {elapsed:.0f} s "
                f"({copied / elapsed:,.0f} cases/s), load {os.getloadavg()[0]:.1f}",
                flush=True,
            )

        # Two copies at a time: each INSERT … SELECT is one backend; the server has two cores.
        with ThreadPoolExecutor(args.workers) as pool:
            for future in [pool.submit(copy_one, k, last_id) for k, last_id in plan]:
                future.result()
        for table in TABLES:
            conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) "
                f"FROM {table}))"
            )
        indexes_restore(conn, only=FIRST_INDEXES if args.first_indexes_only else None)
        conn.execute("ANALYZE cases_case")
        conn.execute("ANALYZE cases_caseevent")
        loaded = time.monotonic() - started
    rebuilt = 0.0
    if not args.skip_rebuild:
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": "acikmasa.settings.local",
        }
        subprocess.run(
            [*ACIKMASA, "migrate", "--noinput", "-v", "0", "--skip-checks"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        t0 = time.monotonic()
        subprocess.run(
            [*ACIKMASA, "insights_rebuild", "--skip-checks"], cwd=ROOT, env=env, check=True
        )
        rebuilt = time.monotonic() - t0
    t0 = time.monotonic()
    with psycopg.connect(url, autocommit=True) as conn:
        if args.first_indexes_only:  # what the pages read; the rest with --indexes-only
            for table in (
                "cases_case",
                "insights_directoraterollup",
                "insights_channelrollup",
                "insights_subjectrollup",
                "insights_placerollup",
            ):
                conn.execute(f"VACUUM ANALYZE {table}")
        else:
            conn.execute("VACUUM ANALYZE")
    vacuumed = time.monotonic() - t0
    with psycopg.connect(url) as conn:
        cases = conn.execute("SELECT count(*) FROM cases_case").fetchone()[0]
        events = conn.execute("SELECT count(*) FROM cases_caseevent").fetchone()[0]
        span = conn.execute(
            "SELECT min(created_at)::date, max(created_at)::date FROM cases_case"
        ).fetchone()
        size = conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
        tables = conn.execute(
            "SELECT relname, pg_total_relation_size(oid) FROM pg_class WHERE relkind = 'r' "
            "AND (relname LIKE 'cases_%%' OR relname LIKE 'insights_%%') ORDER BY 2 DESC LIMIT 8"
        ).fetchall()
    print()
    print(
        f"bench_10m: {cases:,} cases, {events:,} events ({events / cases:.2f} per case), {span[0]} "
        f".. {span[1]}"
    )
    print(
        f"  copies and indexes {loaded:8.0f} s   roll-up rebuild {rebuilt:6.0f} s   VACUUM "
        f"ANALYZE {vacuumed:6.0f} s"
    )
    print(f"  database     {size / 2**30:8.1f} GiB")
    for name, bytes_ in tables:
        print(f"    {name:32} {bytes_ / 2**30:6.2f} GiB")
    print(f"  load average {os.getloadavg()}")
    print(f"  DATABASE_URL={url}")


if __name__ == "__main__":
    main()
