"""Cost of one rate-limit hit (security/ratelimit.py) on each store: SQLite file, PostgreSQL, Redis.

    .venv/bin/python bench/rate_limiter.py [hits]

Each store gets a fresh database (or Redis db 15), then `hits` calls on 50 keys; prints µs per hit.
"""

import os
import sys
import tempfile

import _common


def run(label: str, database_url: str, cache_url: str, hits: int) -> None:
    import subprocess

    code = f"""
import os, time, django
os.environ["DJANGO_SETTINGS_MODULE"] = "acikmasa.settings.local"
django.setup()
from django.core.management import call_command
call_command("migrate", "security", verbosity=0)
from acikmasa.security.ratelimit import rate_limit_take, rate_limits_reset
rate_limits_reset()
start = time.perf_counter()
for i in range({hits}):
    rate_limit_take("bench", f"198.51.100.{{i % 50}}", limit=10**9, window=60)
elapsed = time.perf_counter() - start
rate_limits_reset()
print(f"{label:<11} {{elapsed / {hits} * 1e6:8.0f}} µs per hit  ({hits} hits)")
"""
    env = {**os.environ, "DATABASE_URL": database_url, "ACIKMASA_CACHE_URL": cache_url}
    subprocess.run([sys.executable, "-c", code], env=env, check=True, cwd=_common.ROOT)


def main() -> None:
    hits = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as tmp:
        run("sqlite", f"sqlite:///{tmp}/bench.sqlite3", "", hits)
    db = "bench_ratelimit"
    import psycopg

    with psycopg.connect(f"{_common.SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {db}")
        conn.execute(f"CREATE DATABASE {db}")
    try:
        run("postgresql", f"{_common.SERVER}/{db}", "", hits)
        run("redis", f"{_common.SERVER}/{db}", "redis://127.0.0.1:6379/15", hits)
    finally:
        with psycopg.connect(f"{_common.SERVER}/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {db}")


if __name__ == "__main__":
    main()
