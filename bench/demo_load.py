"""Time the demo generator into a fresh PostgreSQL database and print what it produced.

    .venv/bin/python bench/demo_load.py                  # 1,000,000 cases into bench_demo
    .venv/bin/python bench/demo_load.py --cases 100000 --database bench_demo_small

It drops and recreates the database (default `bench_demo` on 127.0.0.1:5432, or the server in
BENCH_POSTGRES), migrates it, runs `acikmasa demo --cases N`, prints the elapsed time, cases per
second, the number of events and the database size, and leaves the database for other benches
(bench/deadline_sweep.py uses it when it exists).
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
ACIKMASA = [sys.executable, "-c", "from acikmasa.cli import main; main()"]


def recreate(name: str) -> None:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def figures(url: str) -> tuple[int, int, int, int]:
    import psycopg

    with psycopg.connect(url) as conn:
        cases = conn.execute("SELECT count(*) FROM cases_case").fetchone()[0]
        events = conn.execute("SELECT count(*) FROM cases_caseevent").fetchone()[0]
        citizens = conn.execute("SELECT count(*) FROM cases_citizen").fetchone()[0]
        size = conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
    return cases, events, citizens, size


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database", default="bench_demo")
    parser.add_argument(
        "--years", type=int, default=2, help="spread the cases over the last N years"
    )
    args = parser.parse_args()

    url = f"{SERVER}/{args.database}"
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "acikmasa.settings.local"}
    recreate(args.database)
    subprocess.run(
        [*ACIKMASA, "migrate", "--noinput", "-v", "0", "--skip-checks"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    started = time.monotonic()
    subprocess.run(
        [
            *ACIKMASA,
            "demo",
            "--cases",
            str(args.cases),
            "--seed",
            str(args.seed),
            "--years",
            str(args.years),
            "--skip-checks",
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )
    elapsed = time.monotonic() - started
    cases, events, citizens, size = figures(url)
    print()
    print(f"acikmasa demo --cases {args.cases:,} into PostgreSQL ({args.database})")
    print(
        f"  elapsed        {elapsed:10.1f} s  ({elapsed / 60:.1f} min, including reference data "
        "and staff)"
    )
    print(f"  cases          {cases:10,}  ({cases / elapsed:,.0f} cases/s)")
    print(f"  events         {events:10,}  ({events / max(cases, 1):.2f} per case)")
    print(f"  citizens       {citizens:10,}")
    print(f"  database size  {size / 2**20:10,.0f} MiB")
    print(f"  DATABASE_URL={url}")


if __name__ == "__main__":
    main()
