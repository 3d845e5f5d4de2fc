"""Cost of telling citizens: the hook's share of a case change, outbox throughput, survey figures.

    .venv/bin/python bench/notify_outbox.py                     # throwaway SQLite file, 300 cases
    .venv/bin/python bench/notify_outbox.py --postgres postgres://postgres@127.0.0.1:5432 --cases
    1000

A fresh database (bench_notify on PostgreSQL, dropped and recreated) gets a small town
(acikmasa.common.testing.make_town). The file backend writes the messages (no network), tasks run
inline (immediate backend) except where the figure says the outbox is drained by the sweep.
Figures, per operation, p50 / p95 / max in milliseconds, and throughput:
  - case_submit without the notify hook, with it while the message waits (the hook's cost inside the
    case transaction: policy, template rendering, one outbox row), and with the message sent inline;
  - resolve (transition + outbox row + survey row);
  - due_send draining N pending messages (claim, backend, MESSAGE_SENT on the history);
  - survey_answer_submit (half "not solved": these reopen the case and alert the directorate);
  - survey_figures over every answer.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def figures(name: str, samples: list[float]) -> None:
    ms = sorted(s * 1000 for s in samples)
    p95 = ms[max(0, int(len(ms) * 0.95) - 1)]
    print(
        f"{name:<52} n={len(ms):>5}  p50 {statistics.median(ms):7.2f} ms  p95 {p95:7.2f} ms  "
        f"max {ms[-1]:7.2f} ms"
    )


def timed(fn, *args, **kwargs) -> float:
    started = time.perf_counter()
    fn(*args, **kwargs)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--postgres", help="server URL; the database bench_notify is recreated there"
    )
    parser.add_argument("--cases", type=int, default=300)
    args = parser.parse_args()
    tmp = tempfile.mkdtemp()
    if args.postgres:
        import psycopg

        with psycopg.connect(f"{args.postgres}/postgres", autocommit=True) as conn:
            conn.execute('DROP DATABASE IF EXISTS "bench_notify"')
            conn.execute('CREATE DATABASE "bench_notify"')
        url = f"{args.postgres}/bench_notify"
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
    import logging

    logging.getLogger("django.tasks").setLevel(logging.WARNING)
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    settings.ACIKMASA_NOTIFY_BACKENDS = {"email": "file", "sms": "file", "whatsapp": "file"}
    settings.ACIKMASA_NOTIFY_FILE_DIR = f"{tmp}/notify"
    settings.ACIKMASA_NOTIFY_QUIET_START = settings.ACIKMASA_NOTIFY_QUIET_END = "00:00"

    from acikmasa.cases import hooks
    from acikmasa.cases.services.citizens import CitizenInput
    from acikmasa.cases.services.intake import case_submit
    from acikmasa.cases.services.transitions import TransitionRequest, case_transition
    from acikmasa.common.testing import make_town
    from acikmasa.notify.models import Notification
    from acikmasa.notify.selectors import survey_figures
    from acikmasa.notify.services.outbox import due_send, on_case_event
    from acikmasa.notify.services.surveys import survey_answer_submit

    town = make_town("benchkent")
    n = args.cases
    print(f"database: {url.split('@')[-1]}  cases per figure: {n}")

    def submit(i: int, offset: int):
        return case_submit(
            municipality=town.municipality,
            channel="sms",
            subject="pothole",
            description="Sokakta derin bir çukur var, araçlar zarar görüyor.",
            citizen=CitizenInput(phone=f"+90532{offset + i:07d}", contact_consent=True),
        ).case

    hooks._after_submit.remove(
        on_case_event
    )  # the same submit without the hook, for the difference
    for i in range(10):  # warm caches and connections before any figure
        submit(i, 3_000_000)
    figures("case_submit without the notify hook", [timed(submit, i, 0) for i in range(n)])
    hooks.on_submit(on_case_event)
    settings.ACIKMASA_NOTIFY_QUIET_START, settings.ACIKMASA_NOTIFY_QUIET_END = (
        "00:00",
        "23:59",
    )  # nothing is sent
    figures(
        "case_submit with the hook, message waiting (row only)",
        [timed(submit, i, 2_000_000) for i in range(n)],
    )
    settings.ACIKMASA_NOTIFY_QUIET_START = settings.ACIKMASA_NOTIFY_QUIET_END = "00:00"
    cases = []

    def submit_keep(i: int) -> None:
        cases.append(submit(i, 1_000_000))

    figures(
        "case_submit with the notify hook (sent inline)", [timed(submit_keep, i) for i in range(n)]
    )
    staff = town.users["fen_staff"]
    figures(
        "resolve with the notify hook (sent inline)",
        [
            timed(
                case_transition,
                case_id=c.pk,
                actor=staff,
                request=TransitionRequest(action="resolve", text="Çukur asfaltla kapatıldı."),
            )
            for c in cases
        ],
    )
    settings.ACIKMASA_NOTIFY_QUIET_START, settings.ACIKMASA_NOTIFY_QUIET_END = (
        "00:00",
        "23:59",
    )  # everything waits
    for c in cases:
        case_transition(
            case_id=c.pk, actor=town.users["fen_manager"], request=TransitionRequest(action="close")
        )
    pending = Notification.objects.filter(status="pending").count()
    settings.ACIKMASA_NOTIFY_QUIET_START = settings.ACIKMASA_NOTIFY_QUIET_END = "00:00"
    from datetime import timedelta

    from django.utils import timezone

    started = time.perf_counter()
    drained = due_send(now=timezone.now() + timedelta(days=1), limit=pending)
    elapsed = time.perf_counter() - started
    print(
        f"{'due_send draining the quiet-hours backlog':<52} {drained} messages in {elapsed:.2f} s "
        f"= {drained / elapsed:.0f} messages/s"
    )
    figures(
        "survey_answer_submit (half not solved → reopen + alert)",
        [
            timed(
                survey_answer_submit,
                case_id=c.pk,
                solved=i % 2 == 0,
                score=1 + i % 5,
                comment="bench",
            )
            for i, c in enumerate(cases)
        ],
    )
    figures(
        "survey_figures over every answer",
        [timed(survey_figures, town.users["pr"]) for _ in range(20)],
    )
    print(
        f"outbox rows: {Notification.objects.count()}, "
        f"sent: {Notification.objects.filter(status='sent').count()}"
    )


if __name__ == "__main__":
    main()
