"""Reads for citizens. A citizen has no account: the scope is the case they hold the token of, or
the tracking number with the last digits of their phone, and the published view of nearby cases."""

import math
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Count, QuerySet
from django.utils import timezone

from acikmasa.cases.events import EventKind, citizen_label
from acikmasa.cases.lifecycle import OPEN_STATUSES, Status
from acikmasa.cases.models import Attachment, Case, CaseEvent
from acikmasa.cases.selectors import case_timeline
from acikmasa.common.turkish import fold
from acikmasa.directory.models import Municipality, Neighbourhood, Street, Subject
from acikmasa.open311.selectors import PUBLIC_TEXT_CHANNELS, PUBLISHED_TYPES, standard_notice

EARTH_RADIUS_M = 6_371_000
ANSWER_KINDS = (
    EventKind.ANSWER_WRITTEN,
    EventKind.RESOLVED,
    EventKind.REJECTED,
    EventKind.FORWARDED_OUT,
)


def portal_municipality() -> Municipality | None:
    """The municipality this portal serves: ACIKMASA_PORTAL_MUNICIPALITY, else "esenler", else the
    first."""
    active = Municipality.objects.filter(is_active=True)
    code = getattr(settings, "ACIKMASA_PORTAL_MUNICIPALITY", "")
    return (
        (active.filter(code=code).first() if code else None)
        or active.filter(code="esenler").first()
        or active.order_by("pk").first()
    )


def subject_search(municipality: Municipality, query: str, limit: int = 30) -> QuerySet[Subject]:
    """Every folded word must appear: "isik" finds "Işık arızası", "ÇÖP" finds "çöp"."""
    subjects = Subject.objects.filter(municipality=municipality, is_active=True)
    for word in fold(query).split()[:6]:
        subjects = subjects.filter(search_key__contains=word)
    return subjects.order_by("name")[:limit]


def streets_of(municipality: Municipality, neighbourhood_id: int) -> QuerySet[Street]:
    return Street.objects.filter(
        neighbourhood_id=neighbourhood_id, neighbourhood__municipality=municipality
    ).order_by("name")


def neighbourhood_geojson(municipality: Municipality) -> dict:
    features = []
    for n in Neighbourhood.objects.filter(municipality=municipality).order_by("name"):
        if n.boundary:
            features.append(
                {
                    "type": "Feature",
                    "geometry": n.boundary,
                    "properties": {"id": n.pk, "name": n.name},
                }
            )
        elif n.latitude is not None and n.longitude is not None:
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [n.longitude, n.latitude]},
                    "properties": {"id": n.pk, "name": n.name},
                }
            )
    return {"type": "FeatureCollection", "features": features}


def map_centre(municipality: Municipality) -> tuple[float, float]:
    points = list(
        Neighbourhood.objects.filter(
            municipality=municipality, latitude__isnull=False, longitude__isnull=False
        ).values_list("latitude", "longitude")
    )
    if not points:
        return 41.0434, 28.8768  # Esenler's town hall: a sensible default for the demo
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance in metres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


@dataclass
class NearbyCase:
    case: Case
    distance_m: int | None
    supporters: int
    summary: str


def nearby_open_cases(
    *,
    municipality: Municipality,
    subject: Subject,
    latitude: float | None = None,
    longitude: float | None = None,
    neighbourhood_id: int | None = None,
    limit: int = 10,
    description: str = "",
    exclude_id: int | None = None,
) -> list[NearbyCase]:
    """Open published cases that may be the same problem, found by the duplicate search (the subject
    and its related subjects, the subject's radius and time window; the pin, else the mahalle).
    Without a description every such case is listed; with one, only those alike enough."""
    from acikmasa.duplicates.search import Probe, candidate_search

    probe = Probe(
        municipality_id=municipality.pk,
        subject=subject,
        description=description,
        latitude=latitude,
        longitude=longitude,
        neighbourhood_id=neighbourhood_id,
        exclude_id=exclude_id,
    )
    matches = candidate_search(probe, limit=limit * 2, min_score=None if description else 0.0)
    cases = {
        c.pk: c
        for c in Case.objects.filter(
            pk__in=[m.case_id for m in matches], case_type__in=PUBLISHED_TYPES
        )
        .select_related("neighbourhood", "street", "channel")
        .annotate(n_supporters=Count("supporters"))
    }
    found = [
        NearbyCase(
            cases[m.case_id],
            m.distance_m,
            cases[m.case_id].n_supporters,
            _summary(cases[m.case_id]),
        )
        for m in matches
        if m.case_id in cases
    ]
    return found[:limit]


def _summary(case: Case) -> str:
    """Only what the citizen wrote on a public channel is shown to others, and only a little."""
    if case.channel.code not in PUBLIC_TEXT_CHANNELS:
        return ""
    text = " ".join(case.description.split())
    return text if len(text) <= 140 else text[:139] + "…"


def case_by_token(token: str) -> Case | None:
    if not token or len(token) > 40:
        return None
    return (
        Case.objects.select_related(
            "subject", "directorate", "service_standard", "neighbourhood", "street"
        )
        .filter(public_token=token)
        .first()
    )


def case_by_number_and_phone(municipality: Municipality, number: str, last4: str) -> Case | None:
    if len(last4) != 4 or not last4.isdigit():
        return None
    case = (
        Case.objects.select_related("citizen")
        .filter(municipality=municipality, tracking_number=number.strip())
        .first()
    )
    if case is None or case.citizen is None or not case.citizen.phone.endswith(last4):
        return None
    return case


@dataclass
class TimelineEntry:
    at: datetime
    label: str
    text: str
    by_citizen: bool


@dataclass
class Tracking:
    case: Case
    status_label: str
    is_open: bool
    timeline: list[TimelineEntry]
    answer: str
    photos: list[Attachment]
    deadline_state: str  # "kept", "missed", "running", "overdue", "none"
    question: str  # what staff asked while waiting for the citizen
    supporters: int
    place: str
    notice: str


def place_text(case: Case) -> str:
    parts = [
        case.address,
        case.street.name if case.street else "",
        case.neighbourhood.name if case.neighbourhood else "",
    ]
    return ", ".join(p for p in parts if p)


def _deadline_state(case: Case, now: datetime) -> str:
    if case.due_at is None:
        return "none"
    if case.status in OPEN_STATUSES:
        return "overdue" if now > case.due_at else "running"
    done_at = case.resolved_at or case.closed_at or case.updated_at
    return "kept" if done_at <= case.due_at else "missed"


def tracking_get(case: Case) -> Tracking:
    timeline = list(case_timeline(case, public_only=True))
    entries = [
        TimelineEntry(
            e.created_at, citizen_label(e.kind), e.text, e.actor_kind == CaseEvent.ActorKind.CITIZEN
        )
        for e in timeline
    ]
    answers = [e.text for e in timeline if e.kind in ANSWER_KINDS and e.text]
    questions = [e.text for e in timeline if e.kind == EventKind.INFO_REQUESTED]
    return Tracking(
        case=case,
        status_label=str(Status(case.status).label),
        is_open=case.status in OPEN_STATUSES,
        timeline=entries,
        answer=answers[-1] if answers else "",
        photos=list(
            case.attachments.filter(is_public=True, content_type__startswith="image/").order_by(
                "pk"
            )
        ),
        deadline_state=_deadline_state(case, timezone.now()),
        question=questions[-1] if questions and case.status == Status.WAITING_CITIZEN else "",
        supporters=case.supporters.count(),
        place=place_text(case),
        notice=standard_notice(case.service_standard) or "",
    )
