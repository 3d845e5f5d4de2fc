"""How social aid reacts to cases: an aid request opens a household check in the case's own
transaction (so a case and its check exist together or not at all).

Registered in AppConfig.ready() with cases.hooks today; one line of the event door's reaction list
(issue 16) once it is on main.
"""

from django.utils import timezone

from acikmasa.cases.events import EventKind, record_event
from acikmasa.cases.lifecycle import OPEN_STATUSES
from acikmasa.cases.models import Case, CaseEvent

from .models import AidSubject, HouseholdCheck

RESUBJECTED = frozenset({EventKind.RECLASSIFIED, EventKind.REROUTED})


def _open_check(case: Case) -> None:
    if case.subject_id is None or case.status not in OPEN_STATUSES:
        return
    aid = AidSubject.objects.filter(subject_id=case.subject_id, is_active=True).first()
    if aid is None or HouseholdCheck.objects.filter(case_id=case.pk).exists():
        return
    check = HouseholdCheck.objects.create(
        municipality_id=case.municipality_id, case=case, kind=aid.kind, created_at=timezone.now()
    )
    record_event(
        case,
        EventKind.HOUSEHOLD_CHECK_OPENED,
        payload={"check": check.pk, "kind": aid.kind},
        is_public=False,
    )


def on_case_submitted(case: Case, event: CaseEvent) -> None:
    """A new aid request: open its check (the intake saves the case's version after the hooks)."""
    _open_check(case)


def on_case_transition(case: Case, event: CaseEvent) -> None:
    """A case moved onto an aid subject later (corrected by the desk) gets its check too."""
    if event.kind in RESUBJECTED:
        _open_check(case)
