"""Which shared cache runs, and the database cache's table created by `migrate`."""

from typing import Any

from django.conf import settings
from django.core.management import call_command

from acikmasa.settings.caches import DATABASE_CACHE, REDIS_CACHE


def uses_redis(alias: str = "default") -> bool:
    return settings.CACHES.get(alias, {}).get("BACKEND") == REDIS_CACHE


def create_cache_tables(using: str = "default", verbosity: int = 0, **_: Any) -> None:
    """post_migrate receiver: create the database cache's table when that backend is configured."""
    if any(c.get("BACKEND") == DATABASE_CACHE for c in settings.CACHES.values()):
        call_command("createcachetable", database=using, verbosity=verbosity)
