"""Guidance counted (issue 20): the Danışma desk's log beside the applications.

Guidance is not a case (seed 001: Danışma, a one-day service; Erzurum advised 230,000 people in a
year, seed 003), so it is counted from the desk's guidance log, never from the case roll-ups. The
period and the directorate, subject and mahalle filters apply (a directorate means "referred to");
channel and type do not, because guidance has neither.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, QuerySet

from acikmasa.cases.permissions import DIRECTORATE_ROLES, directorate_ids
from acikmasa.desk.models import GuidanceLog

from .access import insights_profile
from .filters import InsightFilters

TOP_TOPICS = 5


@dataclass
class GuidanceFigures:
    given: int = 0
    topics: list[tuple[str, int]] = field(default_factory=list)


def scoped_guidance(*, user: AbstractBaseUser) -> QuerySet[GuidanceLog]:
    """The log the user may count: the municipality's, or what was referred to a manager's
    directorates."""
    profile = insights_profile(user)
    logs = GuidanceLog.objects.filter(municipality_id=profile.municipality_id)
    if profile.role in DIRECTORATE_ROLES:
        logs = logs.filter(referred_to_id__in=directorate_ids(profile))
    return logs


def _sliced(logs: QuerySet[GuidanceLog], filters: InsightFilters) -> QuerySet[GuidanceLog]:
    logs = logs.filter(given_at__gte=filters.since, given_at__lt=filters.until)
    if filters.directorate:
        logs = logs.filter(referred_to_id=filters.directorate)
    if filters.subject:
        logs = logs.filter(subject_id=filters.subject)
    if filters.neighbourhood:
        logs = logs.filter(neighbourhood_id=filters.neighbourhood)
    return logs


def guidance_figures(
    logs: QuerySet[GuidanceLog], filters: InsightFilters, *, topics: bool = True
) -> GuidanceFigures:
    logs = _sliced(logs, filters).order_by()
    figures = GuidanceFigures(given=logs.count())
    if topics and figures.given:
        rows = logs.values("topic").annotate(n=Count("pk")).order_by("-n", "topic")[:TOP_TOPICS]
        figures.topics = [(row["topic"], row["n"]) for row in rows]
    return figures


def guidance_between(*, municipality_id: int, start: datetime, end: datetime) -> int:
    """People advised in [start, end) (the public page and the yearly report: aggregate only)."""
    return GuidanceLog.objects.filter(
        municipality_id=municipality_id, given_at__gte=start, given_at__lt=end
    ).count()
