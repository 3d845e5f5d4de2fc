"""Security headers on every kind of page, no inline script anywhere, and the production
settings."""

import importlib
import re
import sys
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db
PACKAGE = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "url", ["/basvuru/takip/", "/login/", "/open311/v2/services.json", "/en/login/"]
)
def test_every_answer_carries_the_security_headers(client, town, url):
    response = client.get(url)
    csp = response["Content-Security-Policy"]
    assert (
        "default-src 'self'" in csp
        and "object-src 'none'" in csp
        and "frame-ancestors 'none'" in csp
    )
    assert re.search(r"script-src 'self'( 'nonce-[\w+/=-]+')?;", csp)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert (
        "camera=()" in response["Permissions-Policy"]
        and "geolocation=(self)" in response["Permissions-Policy"]
    )
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_staff_pages_are_not_cached(client, town):
    client.force_login(town.users["fen_staff"])
    assert client.get("/cases/")["Cache-Control"] == "private, no-store"


def test_no_template_has_an_inline_script_or_event_handler():
    """CSP forbids them: behaviour lives in static files (desk.js, portal.js), or gets the nonce."""
    offenders = []
    for path in PACKAGE.rglob("templates/**/*.html"):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"<script(?![^>]*\bsrc=)(?![^>]*nonce=)[^>]*>", text):
            offenders.append(f"{path}: {match.group()}")
        for match in re.finditer(r"\son[a-z]+\s*=\s*[\"']", text):
            offenders.append(f"{path}: {match.group().strip()}")
        if "javascript:" in text:
            offenders.append(f"{path}: javascript: URL")
    assert offenders == []


def test_production_settings_secure_cookies_and_transport(monkeypatch):
    monkeypatch.setenv("ACIKMASA_SECRET_KEY", "x" * 50)
    monkeypatch.setenv("ACIKMASA_ALLOWED_HOSTS", "masa.example.gov.tr")
    monkeypatch.setenv("DATABASE_URL", "postgres://u@localhost/db")
    saved = {
        name: sys.modules.pop(name, None)
        for name in ("acikmasa.settings.base", "acikmasa.settings.production")
    }
    try:
        production = importlib.import_module(
            "acikmasa.settings.production"
        )  # base re-read with this environment
    finally:
        for name, module in saved.items():
            sys.modules.pop(name, None)
            if module is not None:
                sys.modules[name] = module
    assert (
        production.SESSION_COOKIE_SECURE
        and production.CSRF_COOKIE_SECURE
        and production.SECURE_SSL_REDIRECT
    )
    assert production.SECURE_HSTS_SECONDS >= 31536000
    assert production.SESSION_COOKIE_NAME.startswith(
        "__Host-"
    ) and production.CSRF_COOKIE_NAME.startswith("__Host-")
    assert production.SESSION_COOKIE_HTTPONLY and production.SESSION_COOKIE_AGE <= 12 * 3600


def test_the_cache_is_shared_by_every_process_by_default():
    from acikmasa.settings.caches import cache_from_url

    assert cache_from_url("")["default"]["BACKEND"].endswith("DatabaseCache")
    assert cache_from_url("redis://127.0.0.1:6379/1")["default"]["BACKEND"].endswith("RedisCache")
    with pytest.raises(ValueError):
        cache_from_url("memcached://x")


@pytest.mark.django_db(transaction=True)
def test_migrate_creates_the_database_cache_table(settings):
    from django.core.cache import caches
    from django.db import connection

    from acikmasa.security.caches import create_cache_tables

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "test_shared_cache",
        }
    }
    try:
        create_cache_tables(using="default")
        caches["default"].set("k", "değer")
        assert caches["default"].get("k") == "değer"
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS test_shared_cache")


def test_csp_nonce_is_fresh_per_response(client, town):
    a, b = (
        client.get("/login/")["Content-Security-Policy"],
        client.get("/login/")["Content-Security-Policy"],
    )
    nonce = re.compile(r"'nonce-([^']+)'")
    if nonce.search(a):  # Django adds the nonce only when a template used it
        assert nonce.search(a).group(1) != nonce.search(b).group(1)
    assert settings.SECURE_CSP["script-src"][-1] == "<CSP_NONCE_SENTINEL>"
