"""Scale-out on one PostgreSQL primary: two gunicorn masters and three db_workers lose and double
nothing.

Real processes configured from the environment as in production: clients post Open311 requests,
each Idempotency-Key twice (a retry to the other web process, half of them at the same moment);
meanwhile three workers send the citizens' messages, and three deadline sweeps plus three notify
sweeps are queued at once over cases already past their deadline. Afterwards every key is one
case with one history, the tracking numbers have neither gap nor double, every message reached
the SMTP server once, every escalation happened once and its notice was mailed once.
"""

import threading
import time
import urllib.parse
import urllib.request
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from acikmasa.cases.models import Case, CaseEvent, Citizen
from acikmasa.cases.services.tracking import format_tracking_number
from acikmasa.cases.tests.helpers import submit
from acikmasa.channels.testing import LoopbackSmtpServer, free_port
from acikmasa.common.testing import make_town
from acikmasa.deadlines.models import Escalation, EscalationNotice
from acikmasa.notify.models import ContactPreference, Notification
from acikmasa.open311.services import client_app_create

from .processes import (
    gunicorn_path,
    production_env,
    start_db_worker,
    start_gunicorn,
    stop,
    wait_ready,
)

KEYS = 40
CLIENT_THREADS = 4
OVERDUE = 6

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.skipif(gunicorn_path() is None, reason="needs gunicorn (pip install -e .)"),
]


def _database_url() -> str:
    s = connection.settings_dict
    password = f":{urllib.parse.quote(s['PASSWORD'])}" if s.get("PASSWORD") else ""
    user, host, port = (
        s.get("USER") or "postgres",
        s.get("HOST") or "127.0.0.1",
        s.get("PORT") or 5432,
    )
    return f"postgres://{user}{password}@{host}:{port}/{s['NAME']}"


def _post(port: int, body: str, key: str) -> tuple[int, str, bool]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/open311/v2/requests.json",
        data=body.encode(),
        method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded", "Idempotency-Key": key},
    )
    for _attempt in range(5):  # a refused connection is retried, as a client library would
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                import json

                return (
                    answer.status,
                    json.loads(answer.read())[0]["service_request_id"],
                    answer.headers.get("Idempotent-Replayed") == "true",
                )
        except ConnectionError:
            time.sleep(0.2)
    raise AssertionError(f"no answer for {key}")


def _clients(ports: list[int], api_key: str) -> dict[str, list[tuple[int, str, bool]]]:
    """Each key is sent twice, to both web processes: even keys at the same moment, odd ones in
    turn."""
    answers: dict[str, list[tuple[int, str, bool]]] = {}
    lock = threading.Lock()

    def one_key(i: int) -> None:
        key = f"scale-{i}"
        body = urllib.parse.urlencode(
            {
                "api_key": api_key,
                "service_code": "pothole",
                "lat": "41.041",
                "long": "28.877",
                "description": f"Çukur {i}",
                "first_name": "Ayşe",
                "last_name": f"Deneme{i}",
                "phone": f"0532 000 {i // 100:02d} {i % 100:02d}",
            }
        )
        results: list[tuple[int, str, bool]] = []
        attempts = [
            lambda: results.append(_post(ports[0], body, key)),
            lambda: results.append(_post(ports[1], body, key)),
        ]
        if i % 2 == 0:
            threads = [threading.Thread(target=a) for a in attempts]
            [t.start() for t in threads]
            [t.join() for t in threads]
        else:
            [a() for a in attempts]
        with lock:
            answers[key] = results

    def client(n: int) -> None:
        for i in range(n, KEYS, CLIENT_THREADS):
            one_key(i)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENT_THREADS)]
    [t.start() for t in threads]
    [t.join(timeout=120) for t in threads]
    return answers


def _enqueue_sweeps(env: dict[str, str]) -> None:
    import subprocess
    import sys

    code = (
        "import django; django.setup()\n"
        "from acikmasa.deadlines.tasks import deadline_sweep\n"
        "from acikmasa.notify.tasks import sweep\n"
        "for _ in range(3):\n    deadline_sweep.enqueue(); sweep.enqueue()\n"
    )
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=60)


def _wait_queue_empty(timeout: float = 120) -> None:
    """Until no task is running or due (a task deferred to later, e.g. a retry, is not waited
    for)."""
    from django.db.models import Q
    from django_tasks_db.models import DBTaskResult, get_date_max

    deadline = time.monotonic() + timeout
    due = Q(run_after=get_date_max()) | Q(run_after__lte=timezone.now())  # the date max means "now"
    while DBTaskResult.objects.filter(Q(status="RUNNING") | (Q(status="READY") & due)).exists():
        if time.monotonic() > deadline:
            raise TimeoutError("the workers did not drain the queue")
        time.sleep(0.2)


@pytest.mark.django_db(transaction=True)
def test_two_web_processes_and_three_workers_lose_and_double_nothing():
    town = make_town()
    m = town.municipality
    for name in ("fen_manager", "temizlik_manager"):
        user = town.users[name]
        user.email = f"{name}@belediye.example"
        user.save(update_fields=["email"])
    _, api_key = client_app_create(
        municipality=m, name="scale-out", rate_limit_per_minute=1_000_000
    )
    for i in range(KEYS):  # citizens who agreed to e-mail: each request's phone finds one of them
        citizen = Citizen.objects.create(
            municipality=m,
            first_name="Ayşe",
            last_name=f"Deneme{i}",
            phone=f"+90532000{i // 100:02d}{i % 100:02d}",
            email=f"c{i}@example.org",
            contact_consent=True,
        )
        ContactPreference.objects.create(citizen=citizen, channel="email")
    overdue = [
        submit(town, received_at=timezone.now() - timedelta(days=10)) for _ in range(OVERDUE)
    ]
    smtp = LoopbackSmtpServer().start()
    env = production_env(
        _database_url(), ACIKMASA_SMTP_HOST="127.0.0.1", ACIKMASA_SMTP_PORT=str(smtp.port)
    )
    ports = [free_port(), free_port()]
    processes = [
        start_gunicorn(env, port, workers=1) for port in ports
    ]  # two web processes, kept light for CI
    try:
        for port, server in zip(ports, processes, strict=True):
            wait_ready(port, server)
        workers = [start_db_worker(env, f"scale-{n}") for n in range(3)]
        processes += workers
        answers = _clients(ports, api_key)
        _enqueue_sweeps(env)
        _wait_queue_empty()
    finally:
        for process in processes:
            stop(process)
        smtp.stop()

    # Every key: both attempts answered with the same case, exactly one of them created it.
    assert len(answers) == KEYS
    for key, results in answers.items():
        assert [r[0] for r in results] == [200, 200], key
        assert len({r[1] for r in results}) == 1, key
        assert sorted(r[2] for r in results) == [False, True], key
    posted = Case.objects.filter(channel__code="open311")
    assert posted.count() == KEYS
    assert sorted(posted.values_list("external_id", flat=True)) == sorted(
        f"{posted.first().open311_record.client_id}:scale-{i}" for i in range(KEYS)
    )
    # One history each, and tracking numbers with neither gap nor double across both processes.
    assert CaseEvent.objects.filter(case__in=posted, kind="created").count() == KEYS
    assert CaseEvent.objects.filter(case__in=posted, kind="routed").count() == KEYS
    year = timezone.localtime().year
    numbers = sorted(Case.objects.filter(municipality=m).values_list("tracking_number", flat=True))
    assert numbers == [format_tracking_number(year, n) for n in range(1, KEYS + OVERDUE + 1)]

    # Every citizen message sent, once, and the SMTP server got exactly one mail per message.
    received = Notification.objects.filter(case__in=posted, event="registered")
    assert received.count() == KEYS and set(received.values_list("status", flat=True)) == {"sent"}
    to_citizens = [
        e
        for e in smtp.messages
        if any(r.startswith("c") and r.endswith("@example.org") for r in e.rcpt_tos)
    ]
    assert sorted(r for e in to_citizens for r in e.rcpt_tos) == sorted(
        f"c{i}@example.org" for i in range(KEYS)
    )

    # Every overdue case escalated once per level, every notice mailed once.
    escalations = Escalation.objects.filter(case__in=overdue)
    assert set(escalations.values_list("case_id", flat=True)) == {c.pk for c in overdue}
    # Each escalation wrote its one history event; no sweep wrote one twice.
    escalation_events = CaseEvent.objects.filter(
        case__in=overdue, kind__in=["due_soon", "deadline_missed", "escalated"]
    )
    assert escalation_events.count() == escalations.count()
    # (notices for people without an e-mail address stay on their staff page and are not mailed)
    notices = EscalationNotice.objects.filter(escalation__in=escalations).exclude(email="")
    assert notices.exists() and not notices.filter(sent_at__isnull=True).exists()
    to_managers = [r for e in smtp.messages for r in e.rcpt_tos if r.endswith("@belediye.example")]
    assert len(to_managers) == notices.count()

    from django_tasks_db.models import DBTaskResult

    assert not DBTaskResult.objects.exclude(status="SUCCESSFUL").exists()
