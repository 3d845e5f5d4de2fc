"""Time one full deadline sweep over many open cases on PostgreSQL and print cases per second.

    .venv/bin/python bench/deadline_sweep.py                 # 1,000,000 open cases
    .venv/bin/python bench/deadline_sweep.py --cases 200000 --hot 0.01

It uses the demo generator's database `bench_demo` when it exists (bench/demo_load.py), otherwise it
(re)creates a database of its own, `bench_deadlines`, and fills it with open cases in one
INSERT … SELECT. About `--hot` of the cases are 48-hour cases opened in the last days, so that the
sweep has real escalations to write; the rest are 15-working-day and 30-day cases opened within the
last ten days, which need nothing yet. Three sweeps are timed:

0. adoption: every open case gets its clock (one INSERT … SELECT into deadlines_clock);
1. the first sweep: escalates the hot ones;
2. the same sweep again: idempotent, nothing to do;
3. a sweep five minutes later, as the repeating task would run it;
4. the hourly variant that looks at every open case for a missing clock.
"""

import argparse
import os
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")


def database_exists(name: str) -> bool:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        return (
            conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            is not None
        )


def recreate(name: str) -> None:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def setup_django(name: str) -> None:
    os.environ["DATABASE_URL"] = f"{SERVER}/{name}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "acikmasa.settings.local")
    os.environ["ACIKMASA_LOG_LEVEL"] = "WARNING"
    import django

    django.setup()


def fill(cases: int, hot: float) -> None:
    """Open cases in one statement: created in the last days, due times from their standards."""
    from django.core.management import call_command
    from django.db import connection

    from acikmasa.common.testing import make_town

    call_command("migrate", verbosity=0)
    town = make_town("bench")
    fast, info, cimer = town.standards["fast"], town.standards["info"], town.standards["cimer"]
    channel = town.standards["call"].channels.first()
    fen = town.directorates["fen"]
    sql = """
        INSERT INTO cases_case (municipality_id, tracking_number, public_token, case_type,
            channel_id, external_id, subject_id, directorate_id, status, priority, description,
            address, service_standard_id, created_at, due_at, updated_at, version)
        SELECT %(m)s, '2026-' || lpad(g::text, 7, '0'), md5(g::text || 'bench'), 'request',
            %(channel)s, '', NULL, %(fen)s,
            (ARRAY['new','assigned','in_progress','waiting_other','reopened'])[1 + g %% 5], 2,
            'Bench case', '', k.standard, k.created, k.created + k.span, k.created, 0
        FROM generate_series(1, %(n)s) AS g
        CROSS JOIN LATERAL (
            SELECT CASE WHEN g %% 1000 < %(hot)s THEN %(fast)s WHEN g %% 2 = 0 THEN %(info)s
                        ELSE %(cimer)s END AS standard,
                   now() - CASE WHEN g %% 1000 < %(hot)s THEN interval '96 hours'
                                ELSE interval '10 days' END
                               * ((g::bigint * 7919) %% 1000) / 1000.0 AS created,
                   CASE WHEN g %% 1000 < %(hot)s THEN interval '48 hours'
                        WHEN g %% 2 = 0 THEN interval '21 days' ELSE interval '30 days' END AS span
        ) AS k
    """
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            {
                "m": town.municipality.pk,
                "channel": channel.pk,
                "fen": fen.pk,
                "n": cases,
                "hot": round(hot * 1000),
                "fast": fast.pk,
                "info": info.pk,
                "cimer": cimer.pk,
            },
        )
        cursor.execute("ANALYZE cases_case")


def forget_sweeps() -> None:
    """Start again from cases without clocks (the ESCALATED events of earlier runs stay: history
    is append-only; they do not change what the sweep reads)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE deadlines_escalationnotice, deadlines_escalation, deadlines_clock, "
            "deadlines_adoptionmark"
        )


def timed_sweep(label: str, now, open_cases: int, adopt_all: bool = False) -> None:
    from django.db import connection

    from acikmasa.deadlines.sweep import sweep_run

    started = time.perf_counter()
    result = sweep_run(now=now, batch_size=500, adopt_all=adopt_all)
    seconds = time.perf_counter() - started
    if result.adopted:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE deadlines_clock")
    print(
        f"{label}: {seconds:.2f} s, {open_cases / seconds:,.0f} open cases/s; "
        f"adopted {result.adopted:,}, "
        f"examined {result.examined:,}, escalations {result.escalations:,}"
        + (f" ({result.escalations / seconds:,.0f}/s)" if result.escalations else ""),
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument(
        "--hot", type=float, default=0.01, help="share of 48-hour cases with work due"
    )
    parser.add_argument(
        "--own", action="store_true", help="ignore bench_demo, build bench_deadlines"
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the cases of an earlier bench_deadlines run; forget its clocks and escalations",
    )
    args = parser.parse_args()
    use_demo = not args.own and database_exists("bench_demo")
    name = "bench_demo" if use_demo else "bench_deadlines"
    reuse = use_demo or (args.reuse and database_exists(name))
    if not reuse:
        recreate(name)
    setup_django(name)
    if reuse and not use_demo:
        forget_sweeps()
    if not reuse:
        started = time.perf_counter()
        fill(args.cases, args.hot)
        took = time.perf_counter() - started
        print(f"filled {args.cases:,} open cases into {name} in {took:.1f} s", flush=True)

    # Mail goes nowhere: the bench measures the sweep, not an SMTP server.
    from django.conf import settings
    from django.utils import timezone

    from acikmasa.cases.lifecycle import OPEN_STATUSES
    from acikmasa.cases.models import Case

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}

    open_cases = Case.objects.filter(status__in=OPEN_STATUSES).count()
    print(f"database {name}: {open_cases:,} open cases", flush=True)
    from acikmasa.deadlines.sweep import clocks_adopt

    now = timezone.now()
    started = time.perf_counter()
    adopted = clocks_adopt(full=True)
    seconds = time.perf_counter() - started
    print(
        f"adoption of clockless open cases: {seconds:.2f} s for {adopted:,} "
        f"({adopted / seconds:,.0f}/s)",
        flush=True,
    )
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE deadlines_clock")
    timed_sweep("first sweep (escalations due now)", now, open_cases)
    timed_sweep("same sweep again (idempotent)", now, open_cases)
    timed_sweep("sweep 5 minutes later", now + timedelta(minutes=5), open_cases)
    timed_sweep(
        "hourly sweep (looks at every open case for a missing clock)",
        now + timedelta(minutes=10),
        open_cases,
        adopt_all=True,
    )


if __name__ == "__main__":
    main()
