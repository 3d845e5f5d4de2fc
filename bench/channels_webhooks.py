"""Webhook cost of the channels: how long a provider waits, and how long processing into a case
takes.

    .venv/bin/python bench/channels_webhooks.py                 # throwaway SQLite file, 300
    messages per figure
    .venv/bin/python bench/channels_webhooks.py --postgres postgres://postgres@127.0.0.1:5432
    --messages 500

A fresh database gets the demo municipality (`acikmasa demo --cases 2000`). Signed WhatsApp
payloads go through Django's test Client (middleware, signature check, JSON, storage; no network).
Figures, per request, p50 / p95 / max in milliseconds:
  - webhook answer with the database task backend (what Meta waits for in production: store raw
    + enqueue the processing task);
  - processing one stored message into a new case (the worker's share: parse, thread lookup,
    case_submit with routing and deadline);
  - a provider retry of a message already stored;
  - a follow-up in the same conversation (threaded MESSAGE_RECEIVED event);
  - the whole path in one request (immediate task backend).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
ACIKMASA = [sys.executable, "-c", "from acikmasa.cli import main; main()"]
SECRET = "demo-whatsapp-secret"


def prepare(url: str) -> None:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "acikmasa.settings.local",
        "ACIKMASA_DEBUG": "0",
    }
    subprocess.run([*ACIKMASA, "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run(
        [*ACIKMASA, "demo", "--seed", "1", "--cases", "2000", "--if-empty"],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def payload(sender: str, message_id: str, text: str) -> bytes:
    return json.dumps(
        {
            "object": "whatsapp_business_account",
            "entry": [
                {
                    "id": "1",
                    "changes": [
                        {
                            "field": "messages",
                            "value": {
                                "messaging_product": "whatsapp",
                                "metadata": {
                                    "display_phone_number": "904440000000",
                                    "phone_number_id": "1",
                                },
                                "contacts": [
                                    {"profile": {"name": "Bench Vatandaş"}, "wa_id": sender}
                                ],
                                "messages": [
                                    {
                                        "from": sender,
                                        "id": message_id,
                                        "timestamp": str(int(time.time())),
                                        "type": "text",
                                        "text": {"body": text},
                                    }
                                ],
                            },
                        }
                    ],
                }
            ],
        },
        ensure_ascii=False,
    ).encode()


def figures(name: str, samples: list[float]) -> None:
    ms = sorted(s * 1000 for s in samples)
    p95 = ms[max(0, int(len(ms) * 0.95) - 1)]
    print(
        f"{name:<58} n={len(ms):>4}  p50 {statistics.median(ms):7.2f} ms  p95 {p95:7.2f} ms  "
        f"max {ms[-1]:7.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--postgres", help="server URL; a database bench_channels is created there")
    parser.add_argument("--messages", type=int, default=300)
    args = parser.parse_args()
    if args.postgres:
        import psycopg

        with psycopg.connect(f"{args.postgres}/postgres", autocommit=True) as conn:
            if not conn.execute(
                "SELECT 1 FROM pg_database WHERE datname='bench_channels'"
            ).fetchone():
                conn.execute('CREATE DATABASE "bench_channels"')
        url = f"{args.postgres}/bench_channels"
    else:
        url = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    prepare(url)
    os.environ.update(
        DATABASE_URL=url,
        DJANGO_SETTINGS_MODULE="acikmasa.settings.local",
        ACIKMASA_DEBUG="0",
        ACIKMASA_CHANNELS="all",
    )
    import django

    django.setup()
    import logging

    logging.getLogger("django.tasks").setLevel(
        logging.WARNING
    )  # one line per task would drown the figures
    from django.test import Client, override_settings

    from acikmasa.channels.meta import sign
    from acikmasa.channels.models import InboundMessage
    from acikmasa.channels.services.inbound import inbound_process

    client = Client()
    run = uuid.uuid4().hex[:8]
    print(f"database: {url.split('@')[-1]}  messages per figure: {args.messages}")

    def post(body: bytes) -> float:
        started = time.perf_counter()
        response = client.post(
            "/hooks/whatsapp/",
            data=body,
            content_type="application/json",
            HTTP_X_HUB_SIGNATURE_256=sign(SECRET, body),
            HTTP_HOST="localhost",
        )
        elapsed = time.perf_counter() - started
        assert response.status_code == 200, response.content
        return elapsed

    senders = [f"90532{run[:2].encode().hex()[:2]}{i:05d}"[:12] for i in range(args.messages)]
    bodies = [
        payload(s, f"wamid.bench-{run}-{i}", "Sokak lambası yanmıyor, Birlik Mahallesi")
        for i, s in enumerate(senders)
    ]
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        figures(
            "webhook answer, database task backend (store + enqueue)", [post(b) for b in bodies]
        )
    stored = list(
        InboundMessage.objects.filter(external_id__startswith=f"wamid.bench-{run}-").values_list(
            "pk", flat=True
        )
    )
    samples = []
    for pk in stored:
        started = time.perf_counter()
        inbound_process(message_id=pk)
        samples.append(time.perf_counter() - started)
    figures("processing one stored message into a new case (worker)", samples)
    created = InboundMessage.objects.filter(pk__in=stored, outcome="created").count()
    figures("provider retry of a stored message", [post(b) for b in bodies[: args.messages // 2]])
    with override_settings(
        TASKS={"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    ):
        replies = [
            payload(s, f"wamid.bench-{run}-reply-{i}", "Fotoğraf da gönderiyorum")
            for i, s in enumerate(senders)
        ]
        figures(
            "follow-up in the conversation (threaded event), whole path", [post(b) for b in replies]
        )
        fresh = [
            payload(f"90533{i:07d}"[:12], f"wamid.bench-{run}-new-{i}", "Çöp alınmadı")
            for i in range(args.messages)
        ]
        figures(
            "new message to new case in one request (immediate backend)", [post(b) for b in fresh]
        )
    threaded = InboundMessage.objects.filter(
        external_id__startswith=f"wamid.bench-{run}-reply-", outcome="threaded"
    ).count()
    print(
        f"cases opened by the first batch: {created}/{len(stored)}; follow-ups "
        f"threaded: {threaded}/{len(senders)}"
    )


if __name__ == "__main__":
    main()
