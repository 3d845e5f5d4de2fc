from pathlib import Path

import pytest

from acikmasa.settings.database import database_from_url

BASE = Path("/srv/acikmasa")


@pytest.mark.parametrize(
    "url, name",
    [
        ("sqlite:////var/lib/acikmasa/db.sqlite3", "/var/lib/acikmasa/db.sqlite3"),
        ("sqlite:///var/db.sqlite3", "var/db.sqlite3"),
        ("sqlite:///", str(BASE / "db.sqlite3")),
        ("sqlite:////tmp/a%20b.sqlite3", "/tmp/a b.sqlite3"),
    ],
)
def test_sqlite_urls_name_the_file(url, name):
    assert database_from_url(url, BASE)["NAME"] == name


def test_postgres_url_gives_every_connection_part():
    db = database_from_url("postgres://am:s%40cret@db.example:6432/acikmasa?sslmode=require", BASE)
    assert (db["ENGINE"], db["NAME"], db["USER"], db["PASSWORD"], db["HOST"], db["PORT"]) == (
        "django.db.backends.postgresql",
        "acikmasa",
        "am",
        "s@cret",
        "db.example",
        "6432",
    )
    assert db["OPTIONS"] == {"sslmode": "require"}


def test_an_unknown_scheme_is_refused():
    with pytest.raises(ValueError):
        database_from_url("mysql://x/y", BASE)
