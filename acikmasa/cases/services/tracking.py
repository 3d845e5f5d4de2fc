"""Tracking numbers people can read over the phone (2026-000123) and tokens nobody can guess."""

import secrets

from django.db import connection

from acikmasa.cases.models import TrackingSequence
from acikmasa.directory.models import Municipality


def next_tracking_number(municipality: Municipality, year: int) -> str:
    """Take the next number of the year. Call inside a transaction: the row lock serialises takers.

    Numbers stay gap-free (a rolled-back intake gives its number back), so the lock is held until
    commit; one `UPDATE ... RETURNING` statement keeps the round trips under the lock to one.
    """
    value = _increment(municipality.pk, year)
    if value is None:
        TrackingSequence.objects.get_or_create(municipality=municipality, year=year)
        value = _increment(municipality.pk, year)
    return format_tracking_number(year, value)


def _increment(municipality_id: int, year: int) -> int | None:
    table = connection.ops.quote_name(TrackingSequence._meta.db_table)
    with connection.cursor() as cursor:
        # RETURNING: PostgreSQL and SQLite ≥ 3.35 both have it.
        cursor.execute(
            f"UPDATE {table} SET last_value = last_value + 1 WHERE municipality_id = %s AND year = "
            "%s"
            " RETURNING last_value",
            [municipality_id, year],
        )
        row = cursor.fetchone()
    return row[0] if row else None


def format_tracking_number(year: int, value: int) -> str:
    return f"{year}-{value:06d}"


def new_public_token() -> str:
    return secrets.token_urlsafe(24)
