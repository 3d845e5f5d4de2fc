"""Finding open cases that may report the same problem: the database cuts, Python scores a few.

The query is bounded by the subject (and its related subjects), the open statuses, the time
window and a bounding box around the pin (or the same street / mahalle when there is no pin), so
it reads at most MAX_SCAN rows through the (subject, created_at) index, never the whole table.
"""

import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Q

from acikmasa.cases.lifecycle import OPEN_STATUSES
from acikmasa.cases.models import Case
from acikmasa.directory.models import Subject

from . import conf
from .models import SubjectDuplicateRule
from .text import similarity

EARTH_RADIUS_M = 6_371_000
METRES_PER_DEGREE = 111_320
# Weights of the score (sum 1): what was written, where, and how close the subjects are.
W_TEXT, W_PLACE, W_SUBJECT = 0.5, 0.3, 0.2
SAME_STREET_PLACE, SAME_MAHALLE_PLACE = 0.7, 0.3
RELATED_SUBJECT = 0.5


@dataclass(frozen=True)
class Settings:
    radius_m: int
    window_days: int
    min_score: float


@dataclass
class Probe:
    """What we know of the new report (a saved case, or the portal's form before submitting)."""

    municipality_id: int
    subject: Subject
    description: str = ""
    latitude: float | None = None
    longitude: float | None = None
    street_id: int | None = None
    neighbourhood_id: int | None = None
    at: datetime | None = None
    exclude_id: int | None = None

    @classmethod
    def of(cls, case: Case) -> "Probe":
        return cls(
            municipality_id=case.municipality_id,
            subject=case.subject,
            description=case.description,
            latitude=case.latitude,
            longitude=case.longitude,
            street_id=case.street_id,
            neighbourhood_id=case.neighbourhood_id,
            at=case.created_at,
            exclude_id=case.pk,
        )


@dataclass
class Match:
    case_id: int
    score: float
    text_score: float
    distance_m: int | None
    reasons: list[str] = field(default_factory=list)


def settings_for(subject: Subject) -> tuple[Settings, set[int]]:
    """The subject's search settings and its related subjects, in two queries (one without a rule).

    Related are the subjects an admin set on either side (the relation works both ways) and, when
    the subject's setting says so, the other subjects of its directorate.
    """
    rule = (
        SubjectDuplicateRule.objects.filter(subject=subject)
        .values_list("radius_m", "window_days", "min_score", "same_directorate")
        .first()
    )
    through = SubjectDuplicateRule.related_subjects.through
    pairs = through.objects.filter(
        Q(subjectduplicaterule__subject=subject) | Q(subject=subject)
    ).values_list("subjectduplicaterule__subject_id", "subject_id")
    related = {b if a == subject.pk else a for a, b in pairs}
    if rule is None:
        return Settings(
            int(conf.get("RADIUS_M")), int(conf.get("WINDOW_DAYS")), float(conf.get("MIN_SCORE"))
        ), related - {subject.pk}
    radius_m, window_days, min_score, same_directorate = rule
    if same_directorate:
        related |= set(
            Subject.objects.filter(
                directorate_id=subject.directorate_id, is_active=True
            ).values_list("pk", flat=True)
        )
    return Settings(radius_m, window_days, min_score), related - {subject.pk}


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance in metres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def _where(probe: Probe, radius_m: int) -> Q | None:
    """The place condition: a bounding box around the pin, else the street, else the mahalle."""
    if probe.latitude is not None and probe.longitude is not None:
        dlat = radius_m / METRES_PER_DEGREE
        dlon = dlat / max(math.cos(math.radians(probe.latitude)), 0.01)
        box = Q(
            latitude__range=(probe.latitude - dlat, probe.latitude + dlat),
            longitude__range=(probe.longitude - dlon, probe.longitude + dlon),
        )
        if probe.street_id:  # a report on the same street without a pin still counts
            box |= Q(street_id=probe.street_id, latitude__isnull=True)
        return box
    if probe.street_id:
        return Q(street_id=probe.street_id)
    if probe.neighbourhood_id:
        return Q(neighbourhood_id=probe.neighbourhood_id)
    return None


def candidate_search(
    probe: Probe, *, limit: int | None = None, min_score: float | None = None
) -> list[Match]:
    """Open cases of the same or a related subject, inside the subject's radius and window, that
    score at least the subject's minimum (or `min_score`); best first. Reads only."""
    if probe.subject is None:
        return []
    rules, related = settings_for(probe.subject)
    if min_score is not None:
        rules = Settings(rules.radius_m, rules.window_days, min_score)
    where = _where(probe, rules.radius_m)
    if where is None:
        return []
    at = probe.at or _now()
    rows = (
        Case.objects.filter(
            where,
            municipality_id=probe.municipality_id,
            subject_id__in={probe.subject.pk, *related},
            status__in=OPEN_STATUSES,
            created_at__gte=at - timedelta(days=rules.window_days),
            created_at__lte=at,
        )
        .exclude(pk=probe.exclude_id)
        .order_by("-created_at")
        .values_list(
            "pk",
            "subject_id",
            "latitude",
            "longitude",
            "street_id",
            "neighbourhood_id",
            "description",
        )
    )[: int(conf.get("MAX_SCAN"))]
    found = [m for m in (_score(probe, row, rules) for row in rows) if m is not None]
    found.sort(key=lambda m: (-m.score, m.distance_m if m.distance_m is not None else 10**9))
    return found[: limit or int(conf.get("MAX_STORED"))]


def _score(probe: Probe, row: tuple, rules: Settings) -> Match | None:
    pk, subject_id, lat, lon, street_id, neighbourhood_id, description = row
    reasons = ["same_subject" if subject_id == probe.subject.pk else "related_subject"]
    distance = None
    if probe.latitude is not None and lat is not None:
        distance = distance_m(probe.latitude, probe.longitude, lat, lon)
        if distance > rules.radius_m:
            return None  # the box's corners lie outside the circle
        place = 1 - distance / rules.radius_m
        reasons.append("nearby")
    elif probe.street_id and street_id == probe.street_id:
        place = SAME_STREET_PLACE
        reasons.append("same_street")
    elif probe.neighbourhood_id and neighbourhood_id == probe.neighbourhood_id:
        place = SAME_MAHALLE_PLACE
        reasons.append("same_mahalle")
    else:
        place = 0.0
    text = similarity(probe.description, description) if probe.description else 0.0
    if text >= 0.3:
        reasons.append("similar_text")
    subject = 1.0 if subject_id == probe.subject.pk else RELATED_SUBJECT
    score = W_TEXT * text + W_PLACE * place + W_SUBJECT * subject
    if score < rules.min_score:
        return None
    return Match(
        pk,
        round(score, 3),
        round(text, 3),
        round(distance) if distance is not None else None,
        reasons,
    )


def _now() -> datetime:
    from django.utils import timezone

    return timezone.now()
