"""Intake throughput through the HTTP API: gunicorn workers + a load generator, all on loopback.

    .venv/bin/python bench/intake_throughput.py                       # 4 workers, 20 s, wrk if
    installed .venv/bin/python bench/intake_throughput.py --workers 6 --connections 24 --duration 30
    .venv/bin/python bench/intake_throughput.py --loader python       # the Python client instead of
    wrk .venv/bin/python bench/intake_throughput.py --profile             # py-spy samples one
    worker .venv/bin/python bench/intake_throughput.py --queries-only        # SQL of one POST,
    in-process

The database (default `bench_intake` on 127.0.0.1:5432, or the server in BENCH_POSTGRES) is created
and loaded with the demo municipality (2,000 cases) when missing. gunicorn serves the production
settings on 127.0.0.1:PORT; the load generator POSTs GeoReport v2 requests (a subject, a point
inside a mahalle, a citizen with a phone for half of them, a unique Idempotency-Key each) for
`--duration` seconds. Each accepted POST is a full intake: citizen, routing, deadline clock, the
created/routed history, the notify outbox row and its task, the Open311 record.

Afterwards the database is checked: every case of the run has exactly one created and one routed
event, a clock and an Open311 record; no Idempotency-Key was used twice; the number of cases is
the number of 200 answers (plus at most the requests in flight when the loader stopped). Prints
cases/s, latency percentiles, the load average, and with --profile where a worker spent its time.
"""

import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid

from _common import ACIKMASA, ROOT, SERVER, database_exists

from acikmasa.common.tests import processes

DEMO_KEY = "acikmasa-demo-open311-key"
PATH = "/open311/v2/requests.json"
DESCRIPTIONS = [
    "Sokak lambası yanmıyor, gece çok karanlık",
    "Kaldırımda büyük çukur var, yaşlılar düşüyor",
    "Çöp konteyneri iki gündür boşaltılmadı",
    "Parktaki salıncak kırık, çocuklar için tehlikeli",
    "İşyeri önüne kaçak tabela asılmış",
]


def prepare(name: str, make: int) -> str:
    """Create, migrate and load the database once; give the demo key an unlimited rate."""
    import psycopg

    url = f"{SERVER}/{name}"
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "acikmasa.settings.local"}
    if not database_exists(name):
        with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    subprocess.run([*ACIKMASA, "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run(
        [*ACIKMASA, "demo", "--cases", str(make), "--if-empty", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    subprocess.run(
        [*ACIKMASA, "open311_demo_key"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )
    with psycopg.connect(url, autocommit=True) as conn:
        # Measure the intake, not the limiter: the demo client may post as fast as it can.
        conn.execute("UPDATE open311_clientapp SET rate_limit_per_minute = 1000000000")
        conn.execute("ANALYZE")
    return url


def workload(url: str) -> tuple[int, list[str], list[tuple[float, float]]]:
    """The demo client's id, the subject codes it may use, and one point inside each mahalle."""
    import psycopg

    with psycopg.connect(url) as conn:
        client_id, municipality_id = conn.execute(
            "SELECT id, municipality_id FROM open311_clientapp WHERE name = 'Demo client'"
        ).fetchone()
        codes = [
            r[0]
            for r in conn.execute(
                "SELECT code FROM directory_subject WHERE municipality_id = %s AND is_active"
                # Law 4982 asks for name and address
                " AND default_case_type <> 'information' ORDER BY code",
                [municipality_id],
            )
        ]
        points = conn.execute(
            "SELECT DISTINCT ON (neighbourhood_id) latitude, longitude FROM cases_case"
            " WHERE municipality_id = %s AND latitude IS NOT NULL AND neighbourhood_id IS NOT NULL"
            " ORDER BY neighbourhood_id, id",
            [municipality_id],
        ).fetchall()
    return client_id, codes, [(float(a), float(b)) for a, b in points]


def form_body(i: int, codes: list[str], points: list[tuple[float, float]]) -> str:
    lat, lng = points[i % len(points)]
    data = {
        "api_key": DEMO_KEY,
        "service_code": codes[i % len(codes)],
        "lat": f"{lat:.6f}",
        "long": f"{lng:.6f}",
        "description": DESCRIPTIONS[i % len(DESCRIPTIONS)],
    }
    if i % 2 == 0:
        data |= {"first_name": "Ayşe", "last_name": "Yılmaz", "phone": f"0532{i % 10_000_000:07d}"}
    return urllib.parse.urlencode(data)


# ---------------------------------------------------------------------------------------------
# The server


def start_server(
    url: str, port: int, workers: int, worker_class: str, threads: int
) -> subprocess.Popen:
    if processes.gunicorn_path() is None:
        sys.exit("gunicorn is not installed: .venv/bin/pip install -e .")
    env = processes.production_env(url)
    server = processes.start_gunicorn(
        env, port, workers=workers, worker_class=worker_class, threads=threads
    )
    processes.wait_ready(port, server)
    return server


def worker_pids(master: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def _process_cpu(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def cpu_seconds(master: int, url: str, database: str) -> tuple[float, float]:
    """CPU seconds used so far by the gunicorn workers and by the database's backends (from
    /proc)."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        backends = [
            r[0]
            for r in conn.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                [database],
            )
        ]
    return sum(_process_cpu(p) for p in worker_pids(master)), sum(_process_cpu(p) for p in backends)


# ---------------------------------------------------------------------------------------------
# Load generators

LUA = r"""
local run, bodies, n = "%(run)s", {}, 0
%(bodies)s
local threads = {}
function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end
function init(args)
  counter, ok, other = 0, 0, 0
end
function request()
  counter = counter + 1
  local key = run .. "-" .. tid .. "-" .. counter
  local body = bodies[(counter %% #bodies) + 1]
  return wrk.format("POST", "%(path)s", {["Content-Type"] = "application/x-www-form-urlencoded",
    ["Idempotency-Key"] = key}, body)
end
function response(status, headers, body)
  if status == 200 then ok = ok + 1 else other = other + 1 end
end
function done(summary, latency, requests)
  local sent, good, bad = 0, 0, 0
  for _, t in ipairs(threads) do
    sent = sent + t:get("counter"); good = good + t:get("ok"); bad = bad + t:get("other")
  end
  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d %%d %%d\n", sent, good, bad,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""


def run_wrk(port: int, run: str, bodies: list[str], connections: int, duration: int) -> dict:
    lua_bodies = "\n".join(f'bodies[{i + 1}] = "{b}"' for i, b in enumerate(bodies))
    script = LUA % {"run": run, "bodies": lua_bodies, "path": PATH}
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    threads = min(2, connections)
    out = subprocess.run(
        [
            "wrk",
            "-t",
            str(threads),
            "-c",
            str(connections),
            "-d",
            f"{duration}s",
            "--timeout",
            "10s",
            "-s",
            handle.name,
            f"http://127.0.0.1:{port}{PATH}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    os.unlink(handle.name)
    line = next(line for line in out.splitlines() if line.startswith("RESULT"))
    sent, good, bad, p50, p90, p99, worst, socket_errors = (int(v) for v in line.split()[1:])
    return {
        "sent": sent,
        "ok": good,
        "failed": bad,
        "p50": p50 / 1000,
        "p90": p90 / 1000,
        "p99": p99 / 1000,
        "max": worst / 1000,
        "socket_errors": socket_errors,
    }


def run_python(port: int, run: str, bodies: list[str], connections: int, duration: int) -> dict:
    """Threads with keep-alive connections; each records status and latency of every request."""
    import http.client

    stop_at = time.monotonic() + duration
    latencies: list[float] = []
    counts = collections.Counter()
    lock = threading.Lock()

    def client(tid: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine, i = [], 0
        while time.monotonic() < stop_at:
            i += 1
            headers = {
                "Content-Type": "application/x-www-form-urlencoded",
                "Idempotency-Key": f"{run}-{tid}-{i}",
            }
            started = time.perf_counter()
            try:
                conn.request("POST", PATH, bodies[i % len(bodies)], headers)
                answer = conn.getresponse()
                answer.read()
                status = answer.status
            except OSError:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                status = 0
            mine.append((time.perf_counter() - started) * 1000)
            with lock:
                counts["sent"] += 1
                counts["ok" if status == 200 else "failed"] += 1
        with lock:
            latencies.extend(mine)

    workers = [threading.Thread(target=client, args=(t,)) for t in range(connections)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    latencies.sort()

    def pick(q: float) -> float:
        return latencies[min(int(len(latencies) * q), len(latencies) - 1)] if latencies else 0.0

    return {
        **counts,
        "p50": pick(0.5),
        "p90": pick(0.9),
        "p99": pick(0.99),
        "max": latencies[-1] if latencies else 0,
        "socket_errors": 0,
    }


# ---------------------------------------------------------------------------------------------
# Checks and reports


def verify(url: str, client_id: int, run: str) -> dict:
    """What the run wrote, read back from the database: nothing lost, nothing doubled."""
    import psycopg

    pattern = f"{client_id}:{run}-%"
    with psycopg.connect(url) as conn:

        def one(sql: str):
            return conn.execute(sql, {"p": pattern}).fetchone()[0]

        run_cases = "SELECT id FROM cases_case WHERE external_id LIKE %(p)s"
        return {
            "cases": one("SELECT count(*) FROM cases_case WHERE external_id LIKE %(p)s"),
            "keys_doubled": one(
                "SELECT count(*) FROM (SELECT external_id FROM cases_case"
                " WHERE external_id LIKE %(p)s GROUP BY external_id HAVING count(*) > 1) d"
            ),
            "created_events": one(
                "SELECT count(*) FROM cases_caseevent WHERE kind = 'created' AND case_id IN "
                f"({run_cases})"
            ),
            "routed_events": one(
                "SELECT count(*) FROM cases_caseevent WHERE kind = 'routed' AND case_id IN "
                f"({run_cases})"
            ),
            "events_doubled": one(
                "SELECT count(*) FROM (SELECT case_id, kind FROM cases_caseevent WHERE case_id IN "
                f"({run_cases})"
                " AND kind IN ('created', 'routed') GROUP BY case_id, kind HAVING count(*) > 1) d"
            ),
            "clocks": one(f"SELECT count(*) FROM deadlines_clock WHERE case_id IN ({run_cases})"),
            "with_due_at": one(
                "SELECT count(*) FROM cases_case WHERE external_id LIKE %(p)s AND due_at IS NOT "
                "NULL"
            ),
            "routed_cases": one(
                "SELECT count(*) FROM cases_case WHERE external_id LIKE %(p)s AND directorate_id "
                "IS NOT NULL"
            ),
            "records": one(
                f"SELECT count(*) FROM open311_requestrecord WHERE case_id IN ({run_cases})"
            ),
            "notifications": one(
                f"SELECT count(*) FROM notify_notification WHERE case_id IN ({run_cases})"
            ),
            "tracking_doubled": one(
                "SELECT count(*) - count(DISTINCT tracking_number) FROM cases_case"
            ),
        }


def sql_of_one_post(url: str, codes: list[str], points: list[tuple[float, float]]) -> None:
    """In-process: the statements one POST runs (production settings, real database)."""
    os.environ.update(
        {
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": "acikmasa.settings.production",
            "ACIKMASA_SECRET_KEY": "bench-only",
            "ACIKMASA_ALLOWED_HOSTS": "testserver",
        }
    )
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    for i in (1, 0):  # the last one, measured, has a citizen (even bodies carry one)
        with CaptureQueriesContext(connection) as queries:
            answer = client.post(
                PATH,
                form_body(i, codes, points),
                content_type="application/x-www-form-urlencoded",
                headers={"Idempotency-Key": f"sql-{uuid.uuid4()}"},
            )
        assert answer.status_code == 200, answer.content[:300]
    shapes = collections.Counter(
        re.sub(r"\s+", " ", q["sql"])[:110] for q in queries.captured_queries
    )
    print(f"SQL statements of one POST (with a citizen): {len(queries.captured_queries)}")
    for text, n in shapes.most_common():
        print(f"  {n} × {text}")


class ActivitySampler(threading.Thread):
    """Samples pg_stat_activity of the bench database every 50 ms: what its backends wait for."""

    def __init__(self, url: str, database: str) -> None:
        super().__init__(daemon=True)
        self.url, self.database, self.samples = url, database, collections.Counter()
        self.halt = threading.Event()

    def run(self) -> None:
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            while not self.halt.wait(0.05):
                for state, kind, event in conn.execute(
                    "SELECT state, wait_event_type, wait_event FROM pg_stat_activity"
                    " WHERE datname = %s AND pid <> pg_backend_pid() AND backend_type = 'client "
                    "backend'",
                    [self.database],
                ):
                    label = (
                        "idle (waiting for the web worker)"
                        if state in ("idle", "idle in transaction")
                        else (f"waiting: {kind}/{event}" if kind else "running on CPU")
                    )
                    self.samples[label] += 1

    def report(self) -> None:
        total = sum(self.samples.values()) or 1
        print("  PostgreSQL backends of the run (pg_stat_activity every 50 ms):")
        for label, n in self.samples.most_common(6):
            print(f"    {n / total:6.1%}  {label}")


def profile(pid: int, seconds: int, out: str) -> subprocess.Popen | None:
    spy = shutil.which("py-spy", path=str(ROOT / ".venv" / "bin")) or shutil.which("py-spy")
    if spy is None:
        print("py-spy not installed (.venv/bin/pip install py-spy): no profile")
        return None
    return subprocess.Popen(
        [
            spy,
            "record",
            "--pid",
            str(pid),
            "--duration",
            str(seconds),
            "--format",
            "raw",
            "--output",
            out,
            "--nonblocking",
            "--rate",
            "200",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def summarise_profile(path: str) -> None:
    """Inclusive share of the samples per part of the intake (collapsed stacks from py-spy)."""
    parts = {
        "HTTP/WSGI + middleware (outside the view)": None,
        "view: parse form, authenticate, rate limit": (
            "client_app_authenticate",
            "rate_limit_take",
            "form_params",
            "_posted",
        ),
        "mahalle from the point (neighbourhood_at)": ("neighbourhood_at",),
        "_check subject + _place": ("_check (", "_place ("),
        "case_submit: validate": ("_validate (",),
        "case_submit: citizen": ("citizen_find_or_create",),
        "case_submit: binding standard + due time": ("binding_standard",),
        "case_submit: tracking number": ("next_tracking_number",),
        "case_submit: history events": ("record_created", "record_routed"),
        "hook: deadline clock": ("on_case_submitted",),
        "hook: notify outbox": ("on_case_event",),
        "task enqueue (on commit)": ("_enqueue (",),
        "commit": ("commit (",),
        "render JSON answer": ("render (acikmasa/open311/formats",),
    }
    totals, total = collections.Counter(), 0
    sql, leaf = 0, collections.Counter()
    with open(path) as handle:
        for line in handle:
            stack, _, count = line.rstrip().rpartition(" ")
            if not count.isdigit():
                continue
            n = int(count)
            total += n
            if "execute (django/db/backends" in stack or "psycopg" in stack:
                sql += n
            frames = stack.split(";")
            leaf[frames[-1].split(" (")[0] + " (" + frames[-1].split(" (")[-1].split(":")[0]] += n
            for part, needles in parts.items():
                if needles and any(needle in stack for needle in needles):
                    totals[part] += n
            if "request_collection" not in stack:
                totals["HTTP/WSGI + middleware (outside the view)"] += n
    if not total:
        print("profile: no samples")
        return
    print(
        f"\nProfile of one worker ({total} samples, inclusive shares; a sample can count in two "
        "parts):"
    )
    for part in parts:
        print(f"  {totals[part] / total:6.1%}  {part}")
    print(f"  {sql / total:6.1%}  of all samples inside a database call (psycopg / cursor.execute)")
    print("  top leaf functions:")
    for name, n in leaf.most_common(12):
        print(f"    {n / total:6.1%}  {name}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database", default="bench_intake")
    parser.add_argument(
        "--make", type=int, default=2000, help="demo cases when the database is created"
    )
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--worker-class", default="sync", choices=["sync", "gthread"])
    parser.add_argument("--threads", type=int, default=1, help="threads per worker (gthread)")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--duration", type=int, default=20, help="seconds of load (bounded)")
    parser.add_argument("--port", type=int, default=8600)
    parser.add_argument("--loader", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument("--profile", action="store_true", help="sample one worker with py-spy")
    parser.add_argument("--queries-only", action="store_true")
    args = parser.parse_args()

    url = prepare(args.database, args.make)
    client_id, codes, points = workload(url)
    if args.queries_only:
        sql_of_one_post(url, codes, points)
        return
    loader = args.loader if args.loader != "auto" else ("wrk" if shutil.which("wrk") else "python")
    run = "b" + uuid.uuid4().hex[:10]
    bodies = [form_body(i, codes, points) for i in range(200)]
    server = start_server(url, args.port, args.workers, args.worker_class, args.threads)
    spy = None
    try:
        warm = run_python(
            args.port, run + "w", bodies, min(args.connections, 4), 2
        )  # open connections, fill caches
        if args.profile:
            spy = profile(worker_pids(server.pid)[0], args.duration, "var/intake_profile.txt")
        sampler = ActivitySampler(url, args.database)
        sampler.start()
        cpu_before = cpu_seconds(server.pid, url, args.database)
        load_before = os.getloadavg()
        started = time.monotonic()
        result = (run_wrk if loader == "wrk" else run_python)(
            args.port, run, bodies, args.connections, args.duration
        )
        elapsed = time.monotonic() - started
        load_after = os.getloadavg()
        cpu_after = cpu_seconds(server.pid, url, args.database)
        sampler.halt.set()
        if spy:
            spy.wait(timeout=args.duration + 30)
    finally:
        processes.stop(server)
    found = verify(url, client_id, run)
    rate = found["cases"] / elapsed
    print(
        f"\nIntake through {PATH}: gunicorn {args.workers} × {args.worker_class}"
        f"{f' ({args.threads} threads)' if args.worker_class == 'gthread' else ''}, "
        f"loader {loader} with"
        f" {args.connections} connections, {elapsed:.1f} s (warm-up {warm['sent']} requests not "
        "counted)"
    )
    print(f"  load average before {load_before[0]:.2f}, after {load_after[0]:.2f} (1 min)")
    print(
        f"  requests sent {result['sent']:,}, answered 200: {result['ok']:,}, "
        f"other: {result['failed']:,},"
        f" socket errors {result['socket_errors']}"
    )
    print(f"  cases written {found['cases']:,} = {rate:,.0f} cases/s")
    print(
        f"  latency p50 {result['p50']:.1f} ms, p90 {result['p90']:.1f} ms, "
        f"p99 {result['p99']:.1f} ms,"
        f" max {result['max']:.1f} ms"
    )
    web_cpu, db_cpu = (cpu_after[0] - cpu_before[0]), (cpu_after[1] - cpu_before[1])
    if found["cases"]:
        per_case = (web_cpu + db_cpu) / found["cases"] * 1000
        print(
            f"  CPU per case: web workers {web_cpu / found['cases'] * 1000:.2f} ms + PostgreSQL "
            "backends"
            f" {db_cpu / found['cases'] * 1000:.2f} ms = {per_case:.2f} ms"
            f" (so about {1000 / per_case:,.0f} cases/s per fully available core)"
        )
    sampler.report()
    print("  check: " + json.dumps(found))
    in_flight = found["cases"] - result["ok"]
    problems = []
    if not 0 <= in_flight <= args.connections:
        problems.append(
            f"cases written minus 200 answers = {in_flight} (expected 0..{args.connections})"
        )
    if found["keys_doubled"] or found["tracking_doubled"] or found["events_doubled"]:
        problems.append("doubled work")
    expected = {
        "created_events": "cases",
        "records": "cases",
        "routed_events": "routed_cases",
        "clocks": "with_due_at",
    }
    for name, other in expected.items():
        if found[name] != found[other]:
            problems.append(f"{name} {found[name]} != {other} {found[other]}")
    print(
        "  verdict: "
        + (
            "every accepted request is one case with its history, clock and record"
            if not problems
            else "PROBLEMS: " + "; ".join(problems)
        )
    )
    if spy:
        summarise_profile("var/intake_profile.txt")


if __name__ == "__main__":
    main()
