"""Reads behind the insights pages, always built on visible_cases (scope is decided in one place)."""

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, QuerySet
from django.utils import timezone

from acikmasa.cases.models import Case
from acikmasa.cases.permissions import DIRECTORATE_ROLES, directorate_ids, visible_cases
from acikmasa.directory.models import Channel, Directorate, Neighbourhood, Street, Subject

from .access import insights_profile
from .figures import METRICS, Figures, counting, metric_q, solved_of
from .filters import InsightFilters
from .series import series_rows
from .stats import resolve_percentiles

TOP_SUBJECTS = 10
STREET_ROWS = 100


def scoped_cases(*, user: AbstractBaseUser, filters: InsightFilters) -> QuerySet[Case]:
    """The cases behind every figure: what the user may see, registered in the period, sliced."""
    insights_profile(user)
    return filters.apply(visible_cases(user))


def figures_of(cases: QuerySet[Case], now: datetime, since: datetime | None = None) -> Figures:
    """All figures of one set of cases (registered from `since` on): a counting and a percentile query."""
    counts = cases.order_by().aggregate(**counting(now, since))
    percentiles = resolve_percentiles(solved_of(cases)).get(None)
    return Figures.of(counts, percentiles)


def grouped_figures(
    cases: QuerySet[Case], group: str, now: datetime, *, since: datetime | None = None, limit: int | None = None,
) -> dict:
    """Figures per value of `group` (e.g. "directorate_id"), biggest first; two queries in all."""
    rows = cases.order_by().values(group).annotate(**counting(now, since)).order_by("-received")
    rows = list(rows[:limit] if limit else rows)
    keys = [row[group] for row in rows]
    solved = solved_of(cases)
    if limit:
        solved = solved.filter(**{f"{group}__in": keys})
    percentiles = resolve_percentiles(solved, group)
    return {row[group]: Figures.of(row, percentiles.get(row[group])) for row in rows}


@dataclass
class Dashboard:
    filters: InsightFilters
    figures: Figures
    series: list[dict]
    subjects: list[tuple[Subject | None, int]]
    channels: list[tuple[Channel | None, int]]
    choices: dict = field(default_factory=dict)


def dashboard_get(*, user: AbstractBaseUser, filters: InsightFilters) -> Dashboard:
    """The manager dashboard: figures, a time series, top subjects and channel mix (bounded queries)."""
    now = timezone.now()
    cases = scoped_cases(user=user, filters=filters)
    series = series_rows(cases, filters, metric_q("solved", now))
    top = list(cases.order_by().values("subject_id").annotate(n=Count("id")).order_by("-n")[:TOP_SUBJECTS])
    subjects = Subject.objects.in_bulk([row["subject_id"] for row in top if row["subject_id"]])
    mix = list(cases.order_by().values("channel_id").annotate(n=Count("id")).order_by("-n"))
    channels = Channel.objects.in_bulk([row["channel_id"] for row in mix])
    return Dashboard(
        filters=filters,
        figures=figures_of(cases, now, filters.since),
        series=series,
        subjects=[(subjects.get(row["subject_id"]), row["n"]) for row in top],
        channels=[(channels.get(row["channel_id"]), row["n"]) for row in mix],
    )


def filter_choices(*, user: AbstractBaseUser) -> dict:
    """The options of the filter form, limited to the user's municipality (and directorates)."""
    profile = insights_profile(user)
    directorates = Directorate.objects.filter(municipality_id=profile.municipality_id)
    if profile.role in DIRECTORATE_ROLES:
        directorates = directorates.filter(pk__in=directorate_ids(profile))
    return {
        "directorates": list(directorates.only("id", "name", "name_en")),
        "subjects": list(Subject.objects.filter(directorate__in=directorates).only("id", "name", "name_en")),
        "channels": list(Channel.objects.filter(is_active=True).only("id", "name", "name_en")),
        "neighbourhoods": list(Neighbourhood.objects.filter(municipality_id=profile.municipality_id).only("id", "name")),
    }


def drill_down(*, user: AbstractBaseUser, filters: InsightFilters, metric: str) -> QuerySet[Case]:
    """The cases behind one figure of the dashboard, newest first."""
    if metric not in METRICS:
        metric = "received"
    cases = scoped_cases(user=user, filters=filters).filter(metric_q(metric, timezone.now(), filters.since))
    return cases.select_related("subject", "directorate", "channel", "neighbourhood", "street").order_by("-created_at", "-id")


@dataclass
class ScoreRow:
    directorate: Directorate
    current: Figures
    previous: Figures

    def change(self, name: str) -> float | None:
        now, before = getattr(self.current, name), getattr(self.previous, name)
        return None if now is None or before is None else now - before

    @property
    def change_solved_share(self) -> float | None:
        return self.change("solved_share")

    @property
    def change_met_share(self) -> float | None:
        return self.change("met_share")


SCORE_SORTS = ("received", "solved", "open", "overdue", "solved_share", "met_share", "reopen_rate", "median_hours", "p90_hours")


def scorecard_get(*, user: AbstractBaseUser, filters: InsightFilters, sort: str = "received") -> list[ScoreRow]:
    """One row per directorate with this period's and the previous period's figures."""
    now = timezone.now()
    before = filters.previous()
    current = grouped_figures(scoped_cases(user=user, filters=filters), "directorate_id", now, since=filters.since)
    previous = grouped_figures(scoped_cases(user=user, filters=before), "directorate_id", now, since=before.since)
    names = Directorate.objects.in_bulk([k for k in {*current, *previous} if k is not None])
    rows = [
        ScoreRow(names[k], current.get(k, Figures()), previous.get(k, Figures()))
        for k in names
    ]
    key = sort.lstrip("-") if sort.lstrip("-") in SCORE_SORTS else "received"
    # "x" sorts biggest first, "-x" smallest first; unknown figures (nothing solved yet) always last.
    present = [r for r in rows if getattr(r.current, key) is not None]
    absent = [r for r in rows if getattr(r.current, key) is None]
    present.sort(key=lambda r: getattr(r.current, key), reverse=not sort.startswith("-"))
    return present + absent


@dataclass
class PlaceRow:
    place: Neighbourhood | Street | None
    figures: Figures


def where_get(*, user: AbstractBaseUser, filters: InsightFilters) -> tuple[list[PlaceRow], list[PlaceRow]]:
    """Per-mahalle rows (all mahalleler) and per-street rows (the busiest streets)."""
    now = timezone.now()
    cases = scoped_cases(user=user, filters=filters)
    by_hood = grouped_figures(cases, "neighbourhood_id", now, since=filters.since)
    by_street = grouped_figures(cases.exclude(street=None), "street_id", now, since=filters.since, limit=STREET_ROWS)
    hoods = Neighbourhood.objects.in_bulk([k for k in by_hood if k])
    streets = Street.objects.select_related("neighbourhood").in_bulk(list(by_street))
    return (
        [PlaceRow(hoods.get(k), f) for k, f in by_hood.items()],
        [PlaceRow(streets.get(k), f) for k, f in by_street.items()],
    )
