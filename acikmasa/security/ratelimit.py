"""The one rate limiter: fixed windows counted where every web process sees them.

The database (an atomic `count = count + 1` on a unique row) by default; Redis's atomic INCR when
ACIKMASA_CACHE_URL points at Redis. Callers name a scope and a key (an address, an API key id).
"""

import hashlib
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F

from .caches import uses_redis
from .models import RateCounter


@dataclass(frozen=True)
class Decision:
    allowed: bool
    count: int
    limit: int
    retry_after: int  # seconds until the window ends


def _now() -> float:
    return time.time()


def _key(scope: str, key: str) -> str:
    # Hashed: addresses and user names are personal data and must not sit in the table or in Redis.
    return f"{scope[:40]}:{hashlib.sha256(key.encode('utf-8', 'replace')).hexdigest()[:32]}"


def rate_limit_take(scope: str, key: str, *, limit: int, window: int) -> Decision:
    """Count one hit for (scope, key) in the current window of `window` seconds.

    Rule: the hit that makes the count exceed `limit` and every later one in the window are refused.
    Callers: the request guard middleware, Open311, the login lockout. Side effect: one counter
    write.
    """
    now = _now()
    start = int(now // window) * window
    name = _key(scope, key)
    count = (
        _redis_hit(name, start, window) if uses_redis() else _database_hit(name, start, window, now)
    )
    return Decision(
        allowed=count <= limit,
        count=count,
        limit=limit,
        retry_after=max(1, int(start + window - now)),
    )


def _redis_hit(name: str, start: int, window: int) -> int:
    key = f"rate:{name}:{start}"
    if cache.add(key, 1, timeout=window + 5):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr: this hit opens a new window
        cache.add(key, 1, timeout=window + 5)
        return 1


def _database_hit(name: str, start: int, window: int, now: float) -> int:
    rows = RateCounter.objects.filter(key=name, window_start=start)
    if not rows.update(count=F("count") + 1):
        expires = datetime.fromtimestamp(start + window, UTC)
        try:
            with transaction.atomic():
                RateCounter.objects.create(
                    key=name, window_start=start, count=1, expires_at=expires
                )
        except IntegrityError:  # another process opened the window first
            rows.update(count=F("count") + 1)
        else:
            # A new window is rare (once per key and window): the moment to sweep finished ones.
            RateCounter.objects.filter(
                expires_at__lt=datetime.fromtimestamp(now, UTC) - timedelta(seconds=60)
            ).delete()
            return 1
    return rows.values_list("count", flat=True).first() or 1


def rate_limits_reset() -> None:
    """Forget every counter (tests, and an administrator after a false alarm)."""
    if uses_redis():
        # Only our keys: clear() would flush the whole Redis database, other tenants' keys included.
        client = cache._cache.get_client(write=True)
        for found in client.scan_iter(match=cache.make_key("rate:*")):
            client.delete(found)
    else:
        RateCounter.objects.all().delete()
