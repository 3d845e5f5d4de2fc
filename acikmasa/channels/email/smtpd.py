"""Inbound SMTP: aiosmtpd receives, the main thread stores, and only then the sender hears 250.

aiosmtpd runs its event loop in a thread; database work stays on the thread that runs Django
(`serve`), and the SMTP answer waits for it so that a mail is never acknowledged and then lost.
"""

import asyncio
import queue
import threading
from dataclasses import dataclass, field

from aiosmtpd.controller import Controller

STORE_TIMEOUT_SECONDS = 30


@dataclass
class Job:
    raw: bytes
    mail_from: str
    rcpt_tos: list[str]
    done: threading.Event = field(default_factory=threading.Event)
    ok: bool = False


class QueueHandler:
    def __init__(self, jobs: "queue.Queue[Job]") -> None:
        self.jobs = jobs

    async def handle_DATA(self, server, session, envelope) -> str:
        job = Job(
            raw=envelope.original_content or envelope.content,
            mail_from=envelope.mail_from or "",
            rcpt_tos=list(envelope.rcpt_tos),
        )
        self.jobs.put(job)
        await asyncio.to_thread(job.done.wait, STORE_TIMEOUT_SECONDS)
        return "250 Message accepted" if job.ok else "451 Requested action aborted: try again later"


def start(host: str, port: int, *, max_bytes: int) -> tuple[Controller, "queue.Queue[Job]"]:
    jobs: queue.Queue[Job] = queue.Queue()
    controller = Controller(QueueHandler(jobs), hostname=host, port=port, data_size_limit=max_bytes)
    controller.start()
    return controller, jobs


def store_next(jobs: "queue.Queue[Job]", *, timeout: float | None = None) -> Job | None:
    """Take one received mail off the queue and store it; the SMTP client is answered after this."""
    from .adapter import email_receive

    try:
        job = jobs.get(timeout=timeout)
    except queue.Empty:
        return None
    try:
        email_receive(job.raw, mail_from=job.mail_from, rcpt_tos=job.rcpt_tos)
        job.ok = True
    finally:
        job.done.set()
    return job
