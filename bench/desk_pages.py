"""Server time of the back office's busiest pages on a big PostgreSQL database: p50 / p95 / max.

    .venv/bin/python bench/desk_pages.py                         # bench_demo (1,000,000 cases)
    .venv/bin/python bench/desk_pages.py --database bench_desk --make 100000 --requests 100

The database is the demo engineer's `bench_demo` (bench/demo_load.py) unless --database names
another; with --make N a missing database is created with `acikmasa demo --cases N` first. Pending
migrations (e.g. the desk's own tables) are applied. Requests run in-process through Django's test
Client — the full middleware, view, queries and template rendering, no network — for:

- the queue page as directorate staff, a manager and the public-relations manager, with the
  default sort, other sorts, filters, and pages reached 20 cursors deep;
- the queue's counts fragment (loaded by htmx after the list);
- the case page of random visible cases, as staff of the case's directorate.
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import time

from _common import ACIKMASA, ROOT, SERVER, database_exists


def prepare(name: str, make: int) -> str:
    url = f"{SERVER}/{name}"
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "acikmasa.settings.local"}
    if not database_exists(name):
        if not make:
            sys.exit(
                f"database {name} does not exist: run bench/demo_load.py first, or pass --make N"
            )
        import psycopg

        with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        subprocess.run(
            [*ACIKMASA, "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True
        )
        subprocess.run([*ACIKMASA, "demo", "--cases", str(make)], cwd=ROOT, env=env, check=True)
    else:
        subprocess.run(
            [*ACIKMASA, "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True
        )
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            "ANALYZE"
        )  # planner statistics after a bulk load; without them plans are guesses
    return url


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "acikmasa.settings.local"
    os.environ["ACIKMASA_DEBUG"] = "0"  # no query log in memory, templates as in production
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["testserver"]


def timed(client, urls: list[str], rounds: int) -> list[float]:
    """Milliseconds per request; the first pass over the URLs warms caches and is not counted."""
    for url in urls[: min(len(urls), 5)]:
        assert client.get(url).status_code == 200, url
    times = []
    for i in range(rounds):
        url = urls[i % len(urls)]
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return times


def report(label: str, times: list[float]) -> None:
    ordered = sorted(times)
    p95 = ordered[max(int(len(ordered) * 0.95) - 1, 0)]
    print(
        f"  {label:<52} n={len(times):4}  p50 {statistics.median(ordered):7.1f} ms  p95 {p95:7.1f} "
        f"ms  max {ordered[-1]:7.1f} ms"
    )


def deep_cursor_urls(client, base: str, depth: int) -> list[str]:
    """Follow the "next page" cursor `depth` times and return the URLs of the pages reached."""
    import re

    url, seen = base, []
    for _ in range(depth):
        html = client.get(url).content.decode()
        found = re.search(r'href="([^"]*after=[^"]+)" rel="next"', html)
        if not found:
            break
        url = found.group(1).replace("&amp;", "&")
        seen.append(url)
    return seen


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database", default="bench_demo")
    parser.add_argument(
        "--make", type=int, default=0, help="create the database with N demo cases if missing"
    )
    parser.add_argument("--requests", type=int, default=200, help="requests per measured page kind")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    setup_django(prepare(args.database, args.make))

    from django.db.models import Count
    from django.test import Client

    from acikmasa.cases.lifecycle import OPEN_STATUSES
    from acikmasa.cases.models import Case
    from acikmasa.directory.models import Role, StaffProfile

    rng = random.Random(args.seed)
    total = Case.objects.count()
    busiest = (
        Case.objects.filter(status__in=OPEN_STATUSES)
        .values("directorate_id")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    directorate_id, open_in_busiest = busiest["directorate_id"], busiest["n"]
    profiles = StaffProfile.objects.filter(directorates=directorate_id).select_related("user")
    staff = profiles.filter(role=Role.DIRECTORATE_STAFF).first() or profiles.first()
    manager = profiles.filter(role=Role.DIRECTORATE_MANAGER).first() or staff
    pr = StaffProfile.objects.filter(role=Role.PR_MANAGER).select_related("user").first()
    print(
        f"Açık Masa back office on {args.database}: {total:,} cases; busiest directorate "
        f"has {open_in_busiest:,} open"
    )

    results: list[tuple[str, list[float]]] = []
    as_staff, as_manager, as_pr = Client(), Client(), Client()
    as_staff.force_login(staff.user)
    as_manager.force_login(manager.user)
    if pr:
        as_pr.force_login(pr.user)
    sample = (
        Case.objects.filter(directorate_id=directorate_id)
        .order_by("?")
        .values_list("neighbourhood_id", "subject_id")[:20]
    )
    places = [p for p, _ in sample if p]
    subjects = [s for _, s in sample if s]
    n = args.requests
    if pr:  # a floor for this machine right now: a logged-in page that reads no case
        results.append(
            (
                "calibration: guidance page (no case read), PR manager",
                timed(as_pr, ["/guidance/"], max(n // 4, 10)),
            )
        )

    results.append(("queue, staff, default (open, by due time)", timed(as_staff, ["/cases/"], n)))
    results.append(
        (
            "queue, staff, sorted by created / priority",
            timed(as_staff, ["/cases/?sort=created", "/cases/?sort=priority"], n),
        )
    )
    results.append(
        (
            "queue, staff, filtered (mahalle, subject, overdue)",
            timed(
                as_staff,
                [
                    *(f"/cases/?neighbourhood={p}" for p in places[:5]),
                    *(f"/cases/?subject={s}" for s in subjects[:5]),
                    "/cases/?overdue=1",
                    "/cases/?due_soon=1",
                    "/cases/?status=all&sort=created",
                ],
                n,
            ),
        )
    )
    deep = deep_cursor_urls(as_staff, "/cases/?status=all", 20)
    if deep:
        results.append(
            (f"queue, staff, pages 1-{len(deep)} deep by cursor", timed(as_staff, deep, n))
        )
    results.append(("queue, manager, default", timed(as_manager, ["/cases/"], n)))
    if pr:
        results.append(
            (
                "queue, PR manager (whole municipality), overdue",
                timed(as_pr, ["/cases/?overdue=1", "/cases/?status=all"], n),
            )
        )
    results.append(
        (
            "queue counts fragment (htmx), staff",
            timed(as_staff, ["/cases/counts/", "/cases/counts/?overdue=1"], max(n // 4, 10)),
        )
    )
    ids = list(
        Case.objects.filter(directorate_id=directorate_id)
        .values_list("id", flat=True)
        .order_by("?")[: max(n, 50)]
    )
    rng.shuffle(ids)
    results.append(
        (
            "case page, staff, random cases of the directorate",
            timed(as_staff, [f"/cases/{i}/" for i in ids], n),
        )
    )
    for label, times in results:
        report(label, times)
    print(
        f"  load average during the run: {' '.join(f'{x:.1f}' for x in os.getloadavg())} "
        f"on {os.cpu_count()} CPUs"
    )


if __name__ == "__main__":
    main()
