"""CACHES from ACIKMASA_CACHE_URL: shared by every web process, whichever the backend."""

from typing import Any

DATABASE_CACHE = "django.core.cache.backends.db.DatabaseCache"
REDIS_CACHE = "django.core.cache.backends.redis.RedisCache"


def cache_from_url(url: str) -> dict[str, dict[str, Any]]:
    """Redis for a redis:// URL; otherwise Django's database cache (its table comes with
    `migrate`)."""
    url = url.strip()
    if not url:
        return {"default": {"BACKEND": DATABASE_CACHE, "LOCATION": "acikmasa_cache"}}
    if not url.startswith(("redis://", "rediss://", "unix://")):
        raise ValueError("ACIKMASA_CACHE_URL must be a redis://, rediss:// or unix:// URL.")
    return {"default": {"BACKEND": REDIS_CACHE, "LOCATION": url, "KEY_PREFIX": "acikmasa"}}
