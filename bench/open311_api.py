"""Server time of the Open311 GeoReport v2 API on a PostgreSQL demo database: p50 / p95 / max.

    .venv/bin/python bench/open311_api.py                          # bench_open311, made with 20,000
    demo cases
    .venv/bin/python bench/open311_api.py --database bench_demo    # the 1,000,000-case demo
    database .venv/bin/python bench/open311_api.py --make 100000 --requests 50

The database is created with `acikmasa demo --cases N` when missing (default `bench_open311` on
127.0.0.1:5432, or the server in BENCH_POSTGRES); `open311_demo_key` gives it the demo client.
Requests run in-process through Django's test Client (middleware, view, queries and rendering; no
network). Measured: services list, a service definition, the default request list (last 90 days,
up to 1000 items) in JSON and XML, with extensions=true, one request by id, and POSTs of new
requests (each a real case through the intake service) and idempotent replays. The query count of
one list page is printed too: it must not grow with the page size.
"""

import argparse
import os
import statistics
import subprocess
import time
import uuid

from _common import ACIKMASA, ROOT, SERVER, database_exists


def prepare(name: str, make: int) -> str:
    url = f"{SERVER}/{name}"
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "acikmasa.settings.local"}
    fresh = not database_exists(name)
    if fresh:
        import psycopg

        with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    subprocess.run([*ACIKMASA, "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    if fresh:
        subprocess.run([*ACIKMASA, "demo", "--cases", str(make)], cwd=ROOT, env=env, check=True)
    subprocess.run(
        [*ACIKMASA, "open311_demo_key"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )
    return url


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "acikmasa.settings.local"
    os.environ["ACIKMASA_DEBUG"] = "0"
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["testserver"]


def timed(call, rounds: int) -> list[float]:
    call(0)  # warm-up, not counted
    times = []
    for i in range(rounds):
        started = time.perf_counter()
        response = call(i + 1)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (response.status_code, response.content[:300])
    return times


def report(label: str, times: list[float]) -> None:
    ordered = sorted(times)
    p95 = ordered[max(int(len(ordered) * 0.95) - 1, 0)]
    print(
        f"  {label:<50} n={len(times):4}  p50 {statistics.median(ordered):7.1f} ms  p95 {p95:7.1f} "
        f"ms  max {ordered[-1]:7.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database", default="bench_open311")
    parser.add_argument(
        "--make", type=int, default=20_000, help="demo cases when the database is created"
    )
    parser.add_argument("--requests", type=int, default=30, help="requests per measured kind")
    args = parser.parse_args()
    setup_django(prepare(args.database, args.make))

    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from acikmasa.cases.models import Case
    from acikmasa.open311.models import ClientApp
    from acikmasa.open311.selectors import published_cases
    from acikmasa.open311.services import DEMO_KEY, hash_key

    app = ClientApp.objects.select_related("municipality").get(key_hash=hash_key(DEMO_KEY))
    ClientApp.objects.filter(pk=app.pk).update(
        rate_limit_per_minute=1_000_000
    )  # measure work, not the limiter
    m = app.municipality
    jurisdiction = {
        "jurisdiction_id": m.code,
        "api_key": DEMO_KEY,
    }  # keyed reads: the key's limit applies
    client, n = Client(), args.requests
    cache.clear()
    subject = (
        m.subjects.filter(is_active=True, default_case_type="request").order_by("code").first()
    )
    street = subject and m.neighbourhoods.first().streets.first()
    ids = list(
        published_cases(m)
        .order_by("-created_at")
        .values_list("tracking_number", flat=True)[: n + 1]
    )
    page = client.get("/open311/v2/requests.json", jurisdiction).json()
    print(
        f"Open311 on {args.database}: {Case.objects.count():,} cases; the default list "
        f"returns {len(page)} requests"
    )
    with CaptureQueriesContext(connection) as queries:
        client.get("/open311/v2/requests.json", jurisdiction)
    print(f"  queries for one default list page: {len(queries)}")

    def get(url, **q):
        return lambda i: client.get(url, {**jurisdiction, **q})

    report("GET services.json", timed(get("/open311/v2/services.json"), n))
    report(
        f"GET services/{subject.code}.json",
        timed(get(f"/open311/v2/services/{subject.code}.json"), n),
    )
    report("GET requests.json (90 days, ≤1000)", timed(get("/open311/v2/requests.json"), n))
    report("GET requests.xml (90 days, ≤1000)", timed(get("/open311/v2/requests.xml"), n))
    report(
        "GET requests.json extensions=true",
        timed(get("/open311/v2/requests.json", extensions="true"), n),
    )
    report(
        "GET requests.json page_size=50 status=open",
        timed(get("/open311/v2/requests.json", page_size=50, status="open"), n),
    )
    report(
        "GET requests/{id}.json",
        timed(
            lambda i: client.get(f"/open311/v2/requests/{ids[i % len(ids)]}.json", jurisdiction), n
        ),
    )

    form = {
        "api_key": DEMO_KEY,
        "service_code": subject.code,
        "lat": "41.04",
        "long": "28.87",
        "description": "Bench: kaldırım taşı kırık",
        "address_id": str(street.pk) if street else "",
    }
    if not street:
        form.pop("address_id")

    def post(headers):
        return lambda i: client.post("/open311/v2/requests.json", form, headers=headers(i))

    before = Case.objects.count()
    report("POST requests.json (new case each)", timed(post(lambda i: {}), n))
    key = str(uuid.uuid4())
    report(
        "POST requests.json, same Idempotency-Key",
        timed(post(lambda i: {"Idempotency-Key": key}), n),
    )
    print(f"  cases written by the POSTs: {Case.objects.count() - before} (expected {n + 2})")


if __name__ == "__main__":
    main()
