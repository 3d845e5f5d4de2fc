"""Reads behind the insights pages, always built on visible_cases (scope is decided in one
place)."""

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from acikmasa.cases.lifecycle import OPEN_STATUSES
from acikmasa.cases.models import Case
from acikmasa.cases.permissions import DIRECTORATE_ROLES, directorate_ids, visible_cases
from acikmasa.directory.models import Channel, Directorate, Neighbourhood, Street, Subject

from . import rollup_read as rr
from .access import insights_profile
from .figures import DRILL_METRICS, Figures, counting, metric_q, solved_of
from .filters import InsightFilters
from .series import series_rows, week_start
from .stats import resolve_percentiles

TOP_SUBJECTS = 10
STREET_ROWS = 100


def scoped_cases(*, user: AbstractBaseUser, filters: InsightFilters) -> QuerySet[Case]:
    """The cases behind every figure: what the user may see, registered in the period, sliced."""
    insights_profile(user)
    return filters.apply(visible_cases(user))


def scope_of(user: AbstractBaseUser) -> rr.Scope:
    """The roll-up rows the user may read: the same cases as visible_cases."""
    profile = insights_profile(user)
    if profile.role in DIRECTORATE_ROLES:
        return rr.Scope(profile.municipality_id, frozenset(directorate_ids(profile)))
    return rr.Scope(profile.municipality_id)


def _open_counts(cases: QuerySet[Case], now: datetime, group: str | None) -> dict:
    """Open and overdue, counted live: they are states of now (the open-case indexes serve them)."""
    open_cases = cases.filter(status__in=OPEN_STATUSES).order_by()
    counts = {"open": Count("id"), "overdue": Count("id", filter=Q(due_at__lt=now))}
    if group is None:
        return {None: open_cases.aggregate(**counts)}
    return {row.pop(group): row for row in open_cases.values(group).annotate(**counts)}


def summary(
    *,
    scope: rr.Scope,
    filters: InsightFilters,
    cases: QuerySet[Case],
    now: datetime,
    group: str | None = None,
    limit: int | None = None,
) -> dict:
    """Figures of the scoped cases of the period, per `group` value (a Case field such as
    "directorate_id") or in total (key None), biggest first. From the roll-ups when one grain has
    every filter and the grouping as keys; else counted from the case rows (`cases`)."""
    key = group.removesuffix("_id") if group else None
    grain = rr.grain_for(filters, key)
    if grain is None:
        if group is None:
            return {None: figures_of(cases, now, filters.since)}
        return grouped_figures(cases, group, now, since=filters.since, limit=limit)
    totals = rr.summed(grain, scope, filters, key)
    ordered = sorted(totals.items(), key=lambda item: -item[1]["received"])[:limit]
    exact = None
    if sum(t["solved"] for _k, t in ordered) <= rr.exact_max():
        solved = solved_of(cases)
        if limit and group:
            solved = solved.filter(**{f"{group}__in": [k for k, _t in ordered]})
        exact = resolve_percentiles(solved, group)
    live = _open_counts(cases, now, group)
    out = {}
    for k, t in ordered:
        percentiles = exact.get(k) if exact is not None else rr.histogram_percentiles(t)
        out[k] = Figures.of(t | live.get(k, {}), percentiles)
    return out


def figures_of(cases: QuerySet[Case], now: datetime, since: datetime | None = None) -> Figures:
    """All figures of one set of cases (registered from `since` on): a counting and a percentile
    query."""
    counts = cases.order_by().aggregate(**counting(now, since))
    percentiles = resolve_percentiles(solved_of(cases)).get(None)
    return Figures.of(counts, percentiles)


def grouped_figures(
    cases: QuerySet[Case],
    group: str,
    now: datetime,
    *,
    since: datetime | None = None,
    limit: int | None = None,
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


def _series(
    scope: rr.Scope, filters: InsightFilters, cases: QuerySet[Case], now: datetime
) -> list[dict]:
    grain = rr.grain_for(filters)
    if grain is None:
        return series_rows(cases, filters, metric_q("solved", now))
    if filters.bucket == "month":
        rows = rr.month_series(scope, filters, grain)
    else:
        rows = rr.day_series(scope, filters, grain)
    if filters.bucket == "week":
        weeks: dict = {}
        for day, received, solved in rows:
            bucket = weeks.setdefault(week_start(day), [0, 0])
            bucket[0] += received
            bucket[1] += solved
        rows = [(day, r, s) for day, (r, s) in sorted(weeks.items())]
    return [{"at": at, "received": r, "solved": s} for at, r, s in rows]


def counted_by(
    scope: rr.Scope,
    filters: InsightFilters,
    cases: QuerySet[Case],
    group: str,
    limit: int | None = None,
) -> list[tuple[int | None, int]]:
    """(value of `group`, cases received) biggest first: from the roll-ups where a grain fits."""
    key = group.removesuffix("_id")
    grain = rr.grain_for(filters, key)
    if grain is None:
        rows = cases.order_by().values(group).annotate(n=Count("id")).order_by("-n")
        return [(row[group], row["n"]) for row in (rows[:limit] if limit else rows)]
    totals = rr.summed(grain, scope, filters, key, fields=("received",))
    ranked = sorted(
        ((k, t["received"]) for k, t in totals.items() if t["received"]), key=lambda kv: -kv[1]
    )
    return ranked[:limit] if limit else ranked


def dashboard_get(*, user: AbstractBaseUser, filters: InsightFilters) -> Dashboard:
    """The manager dashboard: figures, a time series, top subjects and channel mix (bounded
    queries)."""
    now = timezone.now()
    scope = scope_of(user)
    cases = scoped_cases(user=user, filters=filters)
    top = counted_by(scope, filters, cases, "subject_id", TOP_SUBJECTS)
    subjects = Subject.objects.in_bulk([k for k, _n in top if k])
    mix = counted_by(scope, filters, cases, "channel_id")
    channels = Channel.objects.in_bulk([k for k, _n in mix if k])
    return Dashboard(
        filters=filters,
        figures=summary(scope=scope, filters=filters, cases=cases, now=now).get(None, Figures()),
        series=_series(scope, filters, cases, now),
        subjects=[(subjects.get(k), n) for k, n in top],
        channels=[(channels.get(k), n) for k, n in mix],
    )


def filter_choices(*, user: AbstractBaseUser) -> dict:
    """The options of the filter form, limited to the user's municipality (and directorates)."""
    profile = insights_profile(user)
    directorates = Directorate.objects.filter(municipality_id=profile.municipality_id)
    if profile.role in DIRECTORATE_ROLES:
        directorates = directorates.filter(pk__in=directorate_ids(profile))
    return {
        "directorates": list(directorates.only("id", "name", "name_en")),
        "subjects": list(
            Subject.objects.filter(directorate__in=directorates).only("id", "name", "name_en")
        ),
        "channels": list(Channel.objects.filter(is_active=True).only("id", "name", "name_en")),
        "neighbourhoods": list(
            Neighbourhood.objects.filter(municipality_id=profile.municipality_id).only("id", "name")
        ),
    }


def drill_down(*, user: AbstractBaseUser, filters: InsightFilters, metric: str) -> QuerySet[Case]:
    """The cases behind one figure of the dashboard, newest first."""
    if metric not in DRILL_METRICS:
        metric = "received"
    cases = scoped_cases(user=user, filters=filters).filter(
        metric_q(metric, timezone.now(), filters.since)
    )
    return cases.select_related(
        "subject", "directorate", "channel", "neighbourhood", "street"
    ).order_by("-created_at", "-id")


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


SCORE_SORTS = (
    "received",
    "solved",
    "open",
    "overdue",
    "solved_share",
    "met_share",
    "reopen_rate",
    "median_hours",
    "p90_hours",
    "satisfaction",
    "said_solved_share",
)


def scorecard_get(
    *, user: AbstractBaseUser, filters: InsightFilters, sort: str = "received"
) -> list[ScoreRow]:
    """One row per directorate with this period's and the previous period's figures."""
    now = timezone.now()
    before = filters.previous()
    scope = scope_of(user)
    current = summary(
        scope=scope,
        filters=filters,
        cases=scoped_cases(user=user, filters=filters),
        now=now,
        group="directorate_id",
    )
    previous = summary(
        scope=scope,
        filters=before,
        cases=scoped_cases(user=user, filters=before),
        now=now,
        group="directorate_id",
    )
    names = Directorate.objects.in_bulk([k for k in {*current, *previous} if k is not None])
    rows = [
        ScoreRow(names[k], current.get(k, Figures()), previous.get(k, Figures())) for k in names
    ]
    key = sort.lstrip("-") if sort.lstrip("-") in SCORE_SORTS else "received"
    # "x" sorts biggest first, "-x" smallest first; unknown figures (nothing solved yet) always
    # last.
    present = [r for r in rows if getattr(r.current, key) is not None]
    absent = [r for r in rows if getattr(r.current, key) is None]
    present.sort(key=lambda r: getattr(r.current, key), reverse=not sort.startswith("-"))
    return present + absent


@dataclass
class PlaceRow:
    place: Neighbourhood | Street | None
    figures: Figures


def where_get(
    *, user: AbstractBaseUser, filters: InsightFilters
) -> tuple[list[PlaceRow], list[PlaceRow]]:
    """Per-mahalle rows (all mahalleler) and per-street rows (the busiest streets)."""
    now = timezone.now()
    cases = scoped_cases(user=user, filters=filters)
    by_hood = summary(
        scope=scope_of(user), filters=filters, cases=cases, now=now, group="neighbourhood_id"
    )
    by_street = grouped_figures(
        cases.exclude(street=None), "street_id", now, since=filters.since, limit=STREET_ROWS
    )
    hoods = Neighbourhood.objects.in_bulk([k for k in by_hood if k])
    streets = Street.objects.select_related("neighbourhood").in_bulk(list(by_street))
    return (
        [PlaceRow(hoods.get(k), f) for k, f in by_hood.items()],
        [PlaceRow(streets.get(k), f) for k, f in by_street.items()],
    )
