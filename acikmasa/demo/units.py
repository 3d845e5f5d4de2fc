"""The seeds' units in the demo (issue 20): one call from the loader (services.demo_load)."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from acikmasa.homevisits.models import HomeVisit
from acikmasa.muhtars.sweep import muhtar_sweep

from .reference import Reference
from .unit_activity import UnitActivity, _at
from .unit_reference import units_reference_load

# A demo this small is a test fixture that counts its cases exactly; the units start at this size.
UNITS_MIN_CASES = 1000


def units_demo_load(
    ref: Reference, users: dict, *, seed: int, cases: int, until: datetime | None = None
) -> dict[str, int]:
    """Load the units' settings and, once, their generated activity.

    Rule: idempotent: the reference part is upserted; activity is generated only while the
    municipality has no home visit yet. Side effects: unit rows, their cases and events, guidance
    log rows, muhtar accounts, notices and the last month's summaries.
    """
    units = units_reference_load(ref, users)
    if HomeVisit.objects.filter(municipality=ref.municipality).exists():
        return {}
    end = until or timezone.now()
    with transaction.atomic():
        figures = UnitActivity(ref, units, seed=seed, cases=cases, end=end).run()
        with _at(end):
            swept = muhtar_sweep(now=end)
    figures["muhtar_notices"] = swept.new + swept.overdue + swept.resolved
    return figures
