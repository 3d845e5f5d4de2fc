"""The unit's figures in the seed's own form: requests received in a year and how many of them
were concluded (resolved, closed, rejected with a reason, or passed to the institution in
charge)."""

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.db.models.functions import ExtractMonth

from acikmasa.cases.lifecycle import OPEN_STATUSES, Status
from acikmasa.cases.models import Case
from acikmasa.units.periods import year_bounds

from .models import DisabilityUnit

CONCLUDED = (Status.RESOLVED, Status.CLOSED, Status.REJECTED, Status.FORWARDED_OUT)


@dataclass
class UnitYear:
    year: int
    received: int = 0
    concluded: int = 0
    open: int = 0
    months: list[tuple[int, int, int]] = field(default_factory=list)  # month, received, concluded

    @property
    def concluded_share(self) -> float | None:
        return self.concluded / self.received if self.received else None


def unit_year(*, unit: DisabilityUnit, year: int) -> UnitYear:
    """Cases of the unit's directorate registered in `year`, and where they stand now."""
    start, end = year_bounds(year)
    cases = Case.objects.filter(
        municipality_id=unit.municipality_id,
        directorate_id=unit.directorate_id,
        created_at__gte=start,
        created_at__lt=end,
    ).order_by()
    counts = {
        "received": Count("pk"),
        "concluded": Count("pk", filter=Q(status__in=CONCLUDED)),
        "open": Count("pk", filter=Q(status__in=OPEN_STATUSES)),
    }
    total = cases.aggregate(**counts)
    months = (
        cases.annotate(m=ExtractMonth("created_at")).values("m").annotate(**counts).order_by("m")
    )
    return UnitYear(
        year,
        total["received"],
        total["concluded"],
        total["open"],
        [(row["m"], row["received"], row["concluded"]) for row in months],
    )
