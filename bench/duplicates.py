"""Speed of the duplicate search: candidate_search on a large table, and its share of case_submit.

    .venv/bin/python bench/duplicates.py                      # throwaway SQLite file, 50,000 cases
    .venv/bin/python bench/duplicates.py --cases 200000
    .venv/bin/python bench/duplicates.py --postgres postgres://postgres@127.0.0.1:5432 --cases
    200000

A fresh database (bench_duplicates on PostgreSQL, dropped and recreated) gets a small town and N
cases written in bulk over two years (street lights 40 %, potholes 35 %, waste 25 %; pins in a
6 x 6 km square; most older cases closed, about half of the last two months open). Figures, p50 /
p95 / max in milliseconds: candidate_search for a new report at a random place (the intake's
search), the same with the mahalle only (no pin), and case_submit with and without the hook.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = {
    "street_light": [
        "sokak lambası yanmıyor",
        "direk lambası arızalı",
        "aydınlatma çalışmıyor",
        "gece zifiri karanlık",
        "ışık yok",
    ],
    "pothole": [
        "yolda derin çukur var",
        "asfalt çökmüş",
        "araçlar zarar görüyor",
        "yama yapılmalı",
        "çukur büyüdü",
    ],
    "waste": [
        "çöp konteyneri taştı",
        "çöpler alınmadı",
        "koku var",
        "konteyner kırık",
        "sokak kirli",
    ],
}
SHARES = [("street_light", 0.40), ("pothole", 0.35), ("waste", 0.25)]
LAT0, LNG0, SPAN = 41.02, 28.85, 0.054  # about 6 km


def figures(name: str, samples: list[float]) -> None:
    ms = sorted(s * 1000 for s in samples)
    cpu = sorted(c * 1000 for c in CPU[-len(samples) :])
    p95 = ms[max(0, int(len(ms) * 0.95) - 1)]
    print(
        f"{name:<44} n={len(ms):>4}  wall p50 {statistics.median(ms):7.2f} p95 {p95:7.2f} "
        f"max {ms[-1]:7.2f} ms"
        f"  | CPU p50 {statistics.median(cpu):6.2f} "
        f"p95 {cpu[max(0, int(len(cpu) * 0.95) - 1)]:6.2f} ms"
    )


CPU: list[
    float
] = []  # this process's CPU time of each timed call: less distorted by a busy machine


def timed(fn, *args, **kwargs) -> float:
    started, cpu = time.perf_counter(), time.process_time()
    fn(*args, **kwargs)
    CPU.append(time.process_time() - cpu)
    return time.perf_counter() - started


def text(rng: random.Random, subject: str) -> str:
    return ", ".join(rng.sample(WORDS[subject], 2)).capitalize() + rng.choice(
        ["", ".", " lütfen ilgilenin.", " acil!"]
    )


def fill(town, n: int, rng: random.Random) -> None:
    from django.utils import timezone

    from acikmasa.cases.models import Case
    from acikmasa.directory.models import Channel

    channel = Channel.objects.get(code="web")
    now = timezone.now()
    mahalleler = list(town.neighbourhoods.values())
    codes, weights = zip(*SHARES, strict=True)
    batch = []
    for i in range(n):
        subject = rng.choices(codes, weights)[0]
        age = rng.uniform(0, 730)
        is_open = rng.random() < (0.5 if age < 60 else 0.03)
        created = now - timedelta(days=age)
        batch.append(
            Case(
                municipality=town.municipality,
                tracking_number=f"B-{i:07d}",
                public_token=f"bench-{i}",
                channel=channel,
                subject=town.subjects[subject],
                directorate=town.subjects[subject].directorate,
                status="new" if is_open else "closed",
                description=text(rng, subject),
                neighbourhood=rng.choice(mahalleler),
                latitude=LAT0 + rng.random() * SPAN if rng.random() < 0.7 else None,
                longitude=None,
                created_at=created,
                updated_at=created,
            )
        )
        if batch[-1].latitude is not None:
            batch[-1].longitude = LNG0 + rng.random() * SPAN
        if len(batch) == 5000:
            Case.objects.bulk_create(batch)
            batch = []
    Case.objects.bulk_create(batch)


def plan(connection, probe) -> None:
    """How the database runs the main query of one search (proof that it uses the index)."""
    from django.test.utils import CaptureQueriesContext

    from acikmasa.duplicates.search import candidate_search

    with CaptureQueriesContext(connection) as queries:
        candidate_search(probe)
    sql = queries.captured_queries[-1]["sql"]
    prefix = "EXPLAIN ANALYZE " if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN "
    with connection.cursor() as cursor:
        cursor.execute(prefix + sql)
        print("plan of the main query:")
        for row in cursor.fetchall():
            print("   ", row[-1])


def reused_town():
    from acikmasa.common.testing import Town
    from acikmasa.directory.models import Municipality

    municipality = Municipality.objects.get(code="benchkent")
    return Town(
        municipality,
        subjects={s.code: s for s in municipality.subjects.all()},
        neighbourhoods={n.name: n for n in municipality.neighbourhoods.all()},
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--postgres", help="server URL; the database bench_duplicates is recreated there"
    )
    parser.add_argument("--cases", type=int, default=50_000)
    parser.add_argument("--probes", type=int, default=300)
    parser.add_argument(
        "--reuse", help="measure on this DATABASE_URL as a previous run left it (no rewrite)"
    )
    args = parser.parse_args()
    tmp = tempfile.mkdtemp()
    if args.reuse:
        url = args.reuse
    elif args.postgres:
        import psycopg

        with psycopg.connect(f"{args.postgres}/postgres", autocommit=True) as conn:
            conn.execute('DROP DATABASE IF EXISTS "bench_duplicates"')
            conn.execute('CREATE DATABASE "bench_duplicates"')
        url = f"{args.postgres}/bench_duplicates"
    else:
        url = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.update(
        DATABASE_URL=url,
        DJANGO_SETTINGS_MODULE="acikmasa.settings.local",
        ACIKMASA_DEBUG="0",
        ACIKMASA_TASK_BACKEND="django.tasks.backends.immediate.ImmediateBackend",
    )
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    from acikmasa.cases import hooks
    from acikmasa.cases.models import Case
    from acikmasa.cases.services.intake import case_submit
    from acikmasa.common.testing import make_town
    from acikmasa.directory.models import Neighbourhood
    from acikmasa.duplicates.search import Probe, candidate_search
    from acikmasa.duplicates.services import on_case_submitted

    rng = random.Random(1)
    started = time.perf_counter()
    if args.reuse:
        town = reused_town()
    else:
        town = make_town("benchkent")
        for name in ["Kemer", "Menderes", "Oruçreis", "Fatih", "Davutpaşa", "Nine Hatun"]:
            town.neighbourhoods[name] = Neighbourhood.objects.create(
                municipality=town.municipality, name=name
            )
        fill(town, args.cases, rng)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE cases_case")
    print(
        f"database: {url.split('@')[-1]}  cases: {Case.objects.count()}  "
        f"open: {Case.objects.filter(status='new').count()}"
        f"  (written in {time.perf_counter() - started:.1f} s)"
    )
    load = os.getloadavg()
    print(f"load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")

    def probe(pin: bool) -> Probe:
        subject = rng.choices([c for c, _ in SHARES], [w for _, w in SHARES])[0]
        return Probe(
            municipality_id=town.municipality.pk,
            subject=town.subjects[subject],
            description=text(rng, subject),
            latitude=LAT0 + rng.random() * SPAN if pin else None,
            longitude=LNG0 + rng.random() * SPAN if pin else None,
            neighbourhood_id=rng.choice(list(town.neighbourhoods.values())).pk,
        )

    for _ in range(20):
        candidate_search(probe(True))
    found = []
    figures(
        "candidate_search, pinned report",
        [
            timed(lambda p: found.append(len(candidate_search(p))), probe(True))
            for _ in range(args.probes)
        ],
    )
    print(f"  candidates per pinned report: mean {statistics.mean(found):.2f}, max {max(found)}")
    figures(
        "candidate_search, mahalle only (no pin)",
        [timed(candidate_search, probe(False)) for _ in range(args.probes)],
    )
    plan(connection, probe(True))

    def submit(i: int) -> None:
        subject = rng.choice(["street_light", "pothole"])
        case_submit(
            municipality=town.municipality,
            channel="web",
            subject=subject,
            description=text(rng, subject),
            latitude=LAT0 + rng.random() * SPAN,
            longitude=LNG0 + rng.random() * SPAN,
        )

    hooks._after_submit.remove(on_case_submitted)
    figures(
        "case_submit without the duplicates hook",
        [timed(submit, i) for i in range(args.probes // 3)],
    )
    hooks.on_submit(on_case_submitted)
    figures(
        "case_submit with the duplicates hook", [timed(submit, i) for i in range(args.probes // 3)]
    )
    load = os.getloadavg()
    print(f"load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
