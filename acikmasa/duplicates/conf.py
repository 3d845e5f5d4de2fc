"""Defaults for the duplicate search; each subject may override them (SubjectDuplicateRule)."""

from django.conf import settings

DEFAULTS = {
    # a street light or a pothole: the same thing is rarely reported from further away
    "RADIUS_M": 150,
    "WINDOW_DAYS": 30,
    "MIN_SCORE": 0.5,
    "MAX_SCAN": 300,  # rows read per search at most: a cap on the worst case, newest first
    "MAX_STORED": 10,  # candidate links kept per new case
}


def get(name: str) -> int | float:
    return getattr(settings, f"ACIKMASA_DUPLICATES_{name}", DEFAULTS[name])
