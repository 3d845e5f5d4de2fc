"""`demo_load`: the demo municipality in one call (reference data, staff, generated cases)."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from acikmasa.cases.models import Case
from acikmasa.directory.models import Municipality
from acikmasa.jurisdiction.demo import demo_rules_load

from . import catalogue
from .people import staff_load
from .privacy import privacy_demo_load
from .reference import reference_load
from .units import UNITS_MIN_CASES, units_demo_load


@dataclass
class DemoResult:
    municipality: Municipality | None
    existing_cases: int
    created_cases: int = 0
    created_events: int = 0
    skipped: bool = False


def existing_case_count(code: str) -> int:
    return Case.objects.filter(municipality__code=code).count()


def demo_load(
    *,
    seed: int = 1,
    cases: int = 5000,
    years: int = 2,
    if_empty: bool = False,
    add_cases: bool = False,
    code: str = catalogue.MUNICIPALITY["code"],
    until: datetime | None = None,
    chunk_size: int = 20_000,
    progress: Callable[[int, int], None] | None = None,
    units: bool | None = None,
) -> DemoResult:
    """Load (or bring up to date) the demo municipality.

    Rule: reference data and staff are upserted; cases are generated only while the municipality
    has none, or on top of the existing ones when `add_cases` is set; with `if_empty` nothing at all
    is written once cases exist. Same seed, same `until` => the same cases and tracking numbers.
    Callers: the `demo` command, bench/demo_load.py, tests.
    Side effects: reference rows, users, citizens, cases, case events, tracking sequences, the
    insights roll-ups (rebuilt from the history).
    """
    existing = existing_case_count(code)
    if existing and if_empty:
        return DemoResult(Municipality.objects.get(code=code), existing, skipped=True)
    ref = reference_load(code=code)
    demo_rules_load(ref)
    users = staff_load(ref)
    privacy_demo_load(ref)
    if existing and not add_cases:
        return DemoResult(ref.municipality, existing, skipped=True)
    from .writer import cases_load  # the heavy part, imported only when needed

    created, events = cases_load(
        ref=ref,
        users=users,
        seed=seed,
        count=cases,
        years=years,
        until=until,
        existing=existing,
        chunk_size=chunk_size,
        progress=progress,
    )
    from acikmasa.insights.recount import rebuild

    # The generator writes rows directly, not through the event door whose reactions keep the
    # roll-ups.
    rebuild()
    if units if units is not None else cases >= UNITS_MIN_CASES:
        units_demo_load(ref, users, seed=seed, cases=cases, until=until)  # issue 20
    return DemoResult(ref.municipality, existing, created, events)
