"""Tracking numbers people can read over the phone (2026-000123) and tokens nobody can guess."""

import secrets

from django.db.models import F

from acikmasa.cases.models import TrackingSequence
from acikmasa.directory.models import Municipality


def next_tracking_number(municipality: Municipality, year: int) -> str:
    """Take the next number of the year. Call inside a transaction: the row lock serialises takers."""
    updated = TrackingSequence.objects.filter(municipality=municipality, year=year).update(
        last_value=F("last_value") + 1
    )
    if not updated:
        TrackingSequence.objects.get_or_create(municipality=municipality, year=year)
        TrackingSequence.objects.filter(municipality=municipality, year=year).update(
            last_value=F("last_value") + 1
        )
    value = TrackingSequence.objects.get(municipality=municipality, year=year).last_value
    return format_tracking_number(year, value)


def format_tracking_number(year: int, value: int) -> str:
    return f"{year}-{value:06d}"


def new_public_token() -> str:
    return secrets.token_urlsafe(24)
