"""Analysis reads on a streaming replica, everything else on the primary.

With `DATABASE_REPLICA_URL` set, settings add a "replica" database. GET/HEAD requests to the URL
namespaces in `DATABASE_REPLICA_NAMESPACES` (the insights dashboard, scorecards and exports) read
from it; every write, every other page (the desk above all) and every transaction stay on the
primary. A user who has just written something (any POST, login included) is pinned to the primary
for `DATABASE_REPLICA_PIN_SECONDS`, so a figure never lags behind what they did themselves.
Without a replica this module changes nothing.
"""

import contextvars
import time
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse

REPLICA = "replica"
PIN_COOKIE = "acikmasa_primary_until"
# Sessions, users and the task queue are read where they are written: a login or a queued task must
# never look missing because the replica is a moment behind.
PRIMARY_ONLY_APPS = frozenset({"sessions", "auth", "contenttypes", "django_tasks_db", "admin"})

_replica_reads: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "acikmasa_replica_reads", default=False
)


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


@contextmanager
def replica_reads() -> Iterator[None]:
    """Inside this block ORM reads go to the replica when one is configured (and no transaction is
    open)."""
    token = _replica_reads.set(True)
    try:
        yield
    finally:
        _replica_reads.reset(token)


class ReplicaRouter:
    """Django database router: reads to the replica only inside `replica_reads()`; writes to the
    primary."""

    def db_for_read(self, model, **hints) -> str | None:
        if not _replica_reads.get() or not replica_configured():
            return None
        if model._meta.app_label in PRIMARY_ONLY_APPS:
            return None
        if transaction.get_connection("default").in_atomic_block:
            return None  # a transaction reads its own writes
        return REPLICA

    def db_for_write(self, model, **hints) -> str:
        return "default"

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        return True  # the replica holds the same rows as the primary

    def allow_migrate(
        self, db: str, app_label: str, model_name: str | None = None, **hints
    ) -> bool:
        return db != REPLICA  # a replica gets its schema by streaming


def _pinned(request: HttpRequest) -> bool:
    try:
        return float(request.COOKIES.get(PIN_COOKIE, "0")) > time.time()
    except ValueError:
        return False


def _wants_replica(request: HttpRequest) -> bool:
    match = request.resolver_match
    return (
        replica_configured()
        and request.method in ("GET", "HEAD")
        and match is not None
        and bool(set(match.namespaces) & set(settings.DATABASE_REPLICA_NAMESPACES))
        and not _pinned(request)
    )


def _streamed(content: Iterator[bytes]) -> Iterator[bytes]:
    with replica_reads():  # a streamed export is read after the view returned
        yield from content


class ReplicaReadsMiddleware:
    """Runs analysis views inside `replica_reads()`; pins a user to the primary after a write."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if replica_configured() and request.method not in ("GET", "HEAD", "OPTIONS"):
            pin = time.time() + settings.DATABASE_REPLICA_PIN_SECONDS
            response.set_cookie(
                PIN_COOKIE,
                f"{pin:.0f}",
                max_age=settings.DATABASE_REPLICA_PIN_SECONDS,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
        return response

    def process_view(self, request: HttpRequest, view, args, kwargs) -> HttpResponse | None:
        if not _wants_replica(request):
            return None
        with replica_reads():
            response = view(request, *args, **kwargs)
            if (
                hasattr(response, "render")
                and callable(response.render)
                and not response.is_rendered
            ):
                response.render()
        if response.streaming:
            response.streaming_content = _streamed(response.streaming_content)
        return response
