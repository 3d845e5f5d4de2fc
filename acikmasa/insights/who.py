"""Demographic breakdown (age band × gender): aggregates only, small groups suppressed (KVKK).

Only what the citizen chose to give counts; a cell smaller than the minimum group size shows no
number at all, and there are no row or column totals, so a hidden cell cannot be worked out by
subtraction.
"""

from collections import Counter
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count
from django.db.models.functions import ExtractYear

from acikmasa.cases.models import Citizen

from .conf import min_group_size
from .filters import InsightFilters
from .selectors import scoped_cases

AGE_BANDS = (
    (0, 17, "0–17"),
    (18, 29, "18–29"),
    (30, 44, "30–44"),
    (45, 64, "45–64"),
    (65, 200, "65+"),
)


def age_band(age: int) -> str | None:
    for low, high, label in AGE_BANDS:
        if low <= age <= high:
            return label
    return None


@dataclass
class Cell:
    count: int | None  # None: suppressed
    suppressed: bool


@dataclass
class Breakdown:
    genders: list[tuple[str, str]]
    bands: list[str]
    cells: dict[tuple[str, str], Cell]
    minimum: int

    def cell(self, band: str, gender: str) -> Cell:
        return self.cells[(band, gender)]


def demographics_get(*, user: AbstractBaseUser, filters: InsightFilters) -> Breakdown:
    """Cases per age band (age when registering) and gender, with cells under the minimum hidden."""
    rows = (
        scoped_cases(user=user, filters=filters)
        .order_by()
        .exclude(citizen__gender="", citizen__birth_year=None)
        .filter(citizen__isnull=False)
        .values("citizen__gender", "citizen__birth_year", year=ExtractYear("created_at"))
        .annotate(n=Count("id"))
    )
    counts: Counter = Counter()
    for row in rows:
        birth = row["citizen__birth_year"]
        band = age_band(row["year"] - birth) if birth else None
        counts[(band or "unknown", row["citizen__gender"] or "unknown")] += row["n"]
    minimum = min_group_size()
    genders = [*Citizen.Gender.choices, ("unknown", "?")]
    bands = [label for _, _, label in AGE_BANDS] + ["unknown"]
    cells = {}
    for band in bands:
        for gender, _ in genders:
            n = counts.get((band, gender), 0)
            hidden = 0 < n < minimum
            cells[(band, gender)] = Cell(None if hidden else n, hidden)
    return Breakdown(genders=genders, bands=bands, cells=cells, minimum=minimum)
