"""Test helper: a fingerprint of every table, to prove that a refused request wrote nothing."""

import hashlib

from django.apps import apps
from django.db import connection

# Tables a refused request may legitimately touch: the limiter's counters and login locks (they
# count the refusals), sessions (CSRF/messages) and the cache.
VOLATILE = {"security_ratecounter", "security_loginthrottle", "django_session", "acikmasa_cache"}


def _tables() -> list[str]:
    names = set()
    for model in apps.get_models(include_auto_created=True):
        names.add(model._meta.db_table)
    return sorted(n for n in names if n not in VOLATILE)


def database_snapshot() -> dict[str, tuple[int, str]]:
    """{table: (row count, SHA-256 of every row in primary-key order)} for every model's table."""
    snapshot = {}
    with connection.cursor() as cursor:
        for table in _tables():
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT * FROM {quoted} ORDER BY 1")
            digest, count = hashlib.sha256(), 0
            for row in cursor.fetchall():
                digest.update(repr(row).encode())
                count += 1
            snapshot[table] = (count, digest.hexdigest())
    return snapshot


def snapshot_difference(before: dict, after: dict) -> dict[str, tuple]:
    return {
        t: (before.get(t), after.get(t))
        for t in set(before) | set(after)
        if before.get(t) != after.get(t)
    }
