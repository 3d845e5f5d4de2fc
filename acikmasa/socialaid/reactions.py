"""How social aid reacts to cases (lines of settings.ACIKMASA_CASE_REACTIONS): an aid request opens
a household check in the case's own transaction, so a case and its check exist together or not at
all."""

from django.utils import timezone

from acikmasa.cases.lifecycle import OPEN_STATUSES
from acikmasa.cases.reactions import CaseChange
from acikmasa.cases.services import record as history

from .models import AidSubject, HouseholdCheck


def open_check(change: CaseChange) -> None:
    """On `created` (a new aid request) and on `reclassified`/`rerouted` (a case corrected onto an
    aid subject later): open its check once, with HOUSEHOLD_CHECK_OPENED (internal)."""
    case = change.case
    if case.subject_id is None or case.status not in OPEN_STATUSES:
        return
    aid = AidSubject.objects.filter(subject_id=case.subject_id, is_active=True).first()
    if aid is None or HouseholdCheck.objects.filter(case_id=case.pk).exists():
        return
    check = HouseholdCheck.objects.create(
        municipality_id=case.municipality_id,
        case_id=case.pk,
        kind=aid.kind,
        created_at=timezone.now(),
    )
    history.household_check_opened(case.pk, payload={"check": check.pk, "kind": aid.kind})
