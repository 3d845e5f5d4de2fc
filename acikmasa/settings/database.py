"""Turn DATABASE_URL into Django's DATABASES entry (sqlite:///path or postgres://user@host:port/name)."""

from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse


def database_from_url(url: str, base_dir: Path) -> dict:
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        # sqlite:////abs/path.db is absolute (four slashes); sqlite:///rel.db is relative.
        path = unquote(parsed.path)
        name = "/" + path.lstrip("/") if path.startswith("//") else path.lstrip("/")
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": name or str(base_dir / "db.sqlite3"),
            "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE"},
        }
    if parsed.scheme in ("postgres", "postgresql"):
        options = {key: values[-1] for key, values in parse_qs(parsed.query).items()}
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")) or "postgres",
            "USER": unquote(parsed.username or "postgres"),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            "OPTIONS": options,
            "CONN_MAX_AGE": 60,
        }
    raise ValueError(f"DATABASE_URL has an unsupported scheme: {parsed.scheme!r}")
