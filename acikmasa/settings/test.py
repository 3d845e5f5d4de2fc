"""Test settings: SQLite by default, PostgreSQL when DATABASE_URL says so; tasks run inline."""

import os

from .base import *  # noqa: F403
from .base import DATABASES

SECRET_KEY = "test-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
# Per-process cache in tests so query-count tests measure the pages, not cache reads; the rate
# limits still count in the database (security.RateCounter), the production default.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["NAME"] = ":memory:"
    DATABASES["default"]["TEST"] = {"NAME": None}
else:
    # Separate test databases let several test runs share one server without clashing.
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("ACIKMASA_TEST_DB", "test_acikmasa")}
