"""Figures for the public transparency page: no login, no personal data, only counts and times.

Every row is an aggregate over cases; rows with fewer cases than the minimum group size show no
times (a median of two cases says more about two people than about a directorate).
"""

from dataclasses import dataclass

from django.utils import timezone

from acikmasa.cases.models import Case
from acikmasa.directory.models import Directorate, Municipality, Neighbourhood

from .conf import min_group_size
from .figures import Figures
from .filters import InsightFilters
from .rollup_read import Scope
from .selectors import summary


@dataclass
class PublicFigures:
    municipality: Municipality
    filters: InsightFilters
    total: Figures
    directorates: list[tuple[Directorate, Figures]]
    neighbourhoods: list[tuple[Neighbourhood, Figures]]
    minimum: int


def public_municipality(code: str | None) -> Municipality | None:
    active = Municipality.objects.filter(is_active=True)
    return active.filter(code=code).first() if code else active.order_by("pk").first()


def _hide_small(figures: Figures, minimum: int) -> Figures:
    if figures.solved < minimum:
        figures.median_hours = figures.p90_hours = None
    return figures


def public_figures_get(*, municipality: Municipality, filters: InsightFilters) -> PublicFigures:
    """Received, solved, median time and deadline-met share for the municipality, its directorates
    and mahalleler."""
    now = timezone.now()
    cases = filters.apply(Case.objects.filter(municipality=municipality))
    minimum = min_group_size()
    scope = Scope(municipality.pk)
    by_dir = summary(scope=scope, filters=filters, cases=cases, now=now, group="directorate_id")
    by_hood = summary(scope=scope, filters=filters, cases=cases, now=now, group="neighbourhood_id")
    dirs = Directorate.objects.in_bulk([k for k in by_dir if k])
    hoods = Neighbourhood.objects.in_bulk([k for k in by_hood if k])
    return PublicFigures(
        municipality=municipality,
        filters=filters,
        total=summary(scope=scope, filters=filters, cases=cases, now=now).get(None, Figures()),
        directorates=[(dirs[k], _hide_small(f, minimum)) for k, f in by_dir.items() if k in dirs],
        neighbourhoods=sorted(
            ((hoods[k], _hide_small(f, minimum)) for k, f in by_hood.items() if k in hoods),
            key=lambda p: p[0].name,
        ),
        minimum=minimum,
    )
