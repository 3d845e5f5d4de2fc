"""Server time of the insights dashboard and scorecard: p50 / p95 / max, and where the time goes.

    .venv/bin/python bench/insights_pages.py                                  # PostgreSQL
    bench_demo (1M cases)
    .venv/bin/python bench/insights_pages.py --url postgres://postgres@127.0.0.1:5432/bench_10m
    --no-analyze .venv/bin/python bench/insights_pages.py --url
    sqlite:///var/bench/insights_50k.sqlite3

The roll-ups must be filled (`acikmasa insights_rebuild` after a bulk load; bench/load_10m.py does
it).

Build the SQLite district first:
    DATABASE_URL=sqlite:///var/bench/insights_50k.sqlite3 .venv/bin/acikmasa migrate
    DATABASE_URL=sqlite:///var/bench/insights_50k.sqlite3 .venv/bin/acikmasa demo --seed 1 --cases
    50000

Requests run in-process through Django's test Client (middleware, view, queries, template), as the
public-relations manager (whole municipality) and a directorate manager, for the default 30-day
window and a 365-day window; the directorate manager is the one of the busiest directorate. The
load average is printed before and after (the machine is shared). The database is not migrated
(other benches share it); it is ANALYZEd first, as a bulk load needs before its plans are right. The
profile sums the time of each SQL statement (by its first words) over all requests.
"""

import argparse
import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--url",
        default=os.environ.get("BENCH_URL", "postgres://postgres@127.0.0.1:5432/bench_demo"),
    )
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument(
        "--no-analyze", action="store_true", help="skip ANALYZE (already done after the load)"
    )
    parser.add_argument("--pages", default="dashboard,scorecard,where")
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "acikmasa.settings.local")
    os.environ.setdefault("ACIKMASA_ALLOWED_HOSTS", "localhost")
    import django

    django.setup()
    from django.db import connection
    from django.db.models import Sum
    from django.test import Client
    from django.utils import timezone

    from acikmasa.cases.models import Case
    from acikmasa.directory.models import StaffProfile
    from acikmasa.insights.models import DirectorateRollup, Span

    if not args.no_analyze:
        with connection.cursor() as cursor:
            cursor.execute(
                "ANALYZE"
            )  # planner statistics after a bulk load; without them SQLite scans by municipality
    last = Case.objects.order_by("-created_at").values_list("created_at", flat=True).first()
    end = timezone.localtime(last).date()
    count = DirectorateRollup.objects.filter(span=Span.MONTH).aggregate(n=Sum("received"))["n"] or 0
    print(
        f"database: {connection.vendor} {args.url.rsplit('/', 1)[-1]}, {count:,} cases in the "
        f"roll-ups, newest {end}"
    )
    print(f"load average before: {os.getloadavg()}")
    busiest = (
        DirectorateRollup.objects.filter(span=Span.MONTH)
        .values("directorate")
        .annotate(n=Sum("received"))
        .order_by("-n")
        .first()
        or {}
    ).get("directorate")
    managers = StaffProfile.objects.filter(role="directorate_manager").select_related("user")
    users = {
        "pr_manager": StaffProfile.objects.filter(role="pr_manager")
        .select_related("user")
        .first()
        .user,
        "directorate_manager": (
            managers.filter(directorates=busiest).first() or managers.first()
        ).user,
    }
    windows = {"30 days": 29, "365 days": 364}
    every = {
        "dashboard": "/analiz/",
        "scorecard": "/analiz/directorates/",
        "where": "/analiz/where/",
    }
    pages = {name: every[name] for name in args.pages.split(",")}
    timings: dict[tuple, list[float]] = defaultdict(list)
    sql_time: dict[str, float] = defaultdict(float)
    sql_count: dict[str, int] = defaultdict(int)

    def timed(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            label = " ".join(sql.split()[:6])[:70]
            sql_time[label] += time.perf_counter() - started
            sql_count[label] += 1

    client = Client(HTTP_HOST="localhost")
    from datetime import timedelta

    for role, user in users.items():
        client.force_login(user)
        for window, days in windows.items():
            query = {"start": (end - timedelta(days=days)).isoformat(), "end": end.isoformat()}
            for page, path in pages.items():
                client.get(path, query)  # warm caches and connections
                for _ in range(args.requests):
                    started = time.perf_counter()
                    with connection.execute_wrapper(timed):
                        response = client.get(path, query)
                    assert response.status_code == 200, response.status_code
                    timings[(page, role, window)].append((time.perf_counter() - started) * 1000)
    print(f"{'page':10} {'role':20} {'window':9} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for (page, role, window), values in sorted(timings.items()):
        values.sort()
        p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
        median = statistics.median(values)
        print(f"{page:10} {role:20} {window:9} {median:8.1f} {p95:8.1f} {values[-1]:8.1f}")
    print(f"load average after: {os.getloadavg()}")
    total = sum(sum(v) for v in timings.values()) / 1000
    print(
        f"\nprofile: {total:.1f} s in all requests, {sum(sql_time.values()):.1f} s of it in SQL; "
        "slowest statements:"
    )
    for label, seconds in sorted(sql_time.items(), key=lambda kv: -kv[1])[:8]:
        print(f"  {seconds:7.2f} s  {sql_count[label]:5d}x  {label}")


if __name__ == "__main__":
    main()
