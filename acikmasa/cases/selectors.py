"""Reads of cases, always through `permissions.visible_cases` so that scope is enforced in one
place."""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from acikmasa.common.turkish import fold, turkish_lower, turkish_upper

from .events import PUBLIC_KINDS
from .lifecycle import OPEN_STATUSES
from .models import Case, CaseEvent
from .permissions import visible_cases


@dataclass
class CaseFilters:
    status: str = ""
    directorate_id: int | None = None
    subject_id: int | None = None
    neighbourhood_id: int | None = None
    channel_id: int | None = None
    case_type: str = ""
    assignee_id: int | None = None
    only_open: bool = False
    overdue: bool = False
    due_within_hours: int | None = None
    text: str = ""


def case_list(
    *, user: AbstractBaseUser | None, filters: CaseFilters | None = None
) -> QuerySet[Case]:
    """The cases `user` may see, filtered; ordered by due time (soonest first)."""
    f = filters or CaseFilters()
    queryset = visible_cases(user).select_related(
        "subject", "directorate", "channel", "neighbourhood", "assignee"
    )
    exact = {
        "status": f.status,
        "directorate_id": f.directorate_id,
        "subject_id": f.subject_id,
        "neighbourhood_id": f.neighbourhood_id,
        "channel_id": f.channel_id,
        "case_type": f.case_type,
        "assignee_id": f.assignee_id,
    }
    queryset = queryset.filter(**{k: v for k, v in exact.items() if v not in (None, "")})
    if f.only_open or f.overdue or f.due_within_hours:
        queryset = queryset.filter(status__in=OPEN_STATUSES)
    now = timezone.now()
    if f.overdue:
        queryset = queryset.filter(due_at__lt=now)
    if f.due_within_hours:
        queryset = queryset.filter(
            due_at__gte=now, due_at__lt=now + timedelta(hours=f.due_within_hours)
        )
    if f.text:
        queryset = queryset.filter(_text_query(f.text))
    return queryset.order_by("due_at", "id")


def _text_query(text: str) -> Q:
    text = text.strip()
    query = Q(tracking_number=text)
    # SQLite's LIKE folds ASCII letters only, so "IŞIK" must also be tried as "ışık"; descriptions
    # are not stored folded, so a query typed without Turkish letters matches only ASCII words.
    for variant in {
        text,
        turkish_lower(text),
        turkish_upper(text),
        turkish_lower(text).capitalize(),
        fold(text),
    }:
        if variant:
            query |= Q(description__icontains=variant)
    return query


def case_get(*, user: AbstractBaseUser | None, case_id: int) -> Case:
    """One case the user may see; 404 otherwise (no hint that it exists)."""
    case = (
        visible_cases(user)
        .select_related(
            "subject",
            "directorate",
            "channel",
            "citizen",
            "neighbourhood",
            "street",
            "assignee",
            "service_standard",
            "forwarded_to",
            "duplicate_of",
        )
        .filter(pk=case_id)
        .first()
    )
    if case is None:
        raise Http404
    return case


def case_timeline(case: Case, *, public_only: bool = False) -> QuerySet[CaseEvent]:
    events = case.events.select_related("actor", "directorate").order_by("sequence")
    if public_only:
        events = events.filter(is_public=True, kind__in=PUBLIC_KINDS)
    return events


def replay_status(events: list[CaseEvent]) -> str:
    """The status the history leads to: the last event that set one."""
    status = ""
    for event in events:
        if event.to_status:
            status = event.to_status
    return status
