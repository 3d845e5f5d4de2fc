"""Which service standard binds a case, and so when it is due.

A case is bound by every standard that applies to it: the one its subject names, and those that
name its channel or its type (e.g. information requests, Law 4982). It must keep the strictest, so
the standard with the earliest due time wins; ties go to the lowest table number.
"""

from collections.abc import Sequence
from datetime import datetime

from django.db.models import Exists, OuterRef, Q

from acikmasa.directory.models import Channel, Municipality, ServiceStandard, Subject

from .calculator import compute_due_at


def applicable_standards(
    *, municipality: Municipality, channel: Channel, case_type: str, subject: Subject | None
) -> list[ServiceStandard]:
    """One query: the active standards naming the channel or the type, and the subject's own one.

    The JSON text test in SQL only narrows the rows; the exact test on `case_types` is in Python.
    """
    subject_standard = subject.service_standard_id if subject is not None else None
    by_channel = ServiceStandard.channels.through.objects.filter(
        servicestandard_id=OuterRef("pk"), channel_id=channel.pk
    )
    rows = (
        municipality.service_standards.annotate(by_channel=Exists(by_channel))
        .filter(
            Q(is_active=True, by_channel=True)
            | Q(is_active=True, case_types__icontains=f'"{case_type}"')
            | Q(pk=subject_standard)
        )
        .order_by("pk")
    )
    standards = []
    for standard in rows:
        applies = standard.is_active and (
            standard.by_channel or case_type in (standard.case_types or [])
        )
        if applies or standard.pk == subject_standard:
            standards.append(standard)
    return standards


def binding_standard(
    *,
    municipality: Municipality,
    channel: Channel,
    case_type: str,
    subject: Subject | None,
    start: datetime,
    candidates: list[ServiceStandard] | None = None,
) -> tuple[ServiceStandard | None, datetime | None]:
    """The standard the case must keep and its due time; (None, None) when none applies."""
    if candidates is None:
        candidates = applicable_standards(
            municipality=municipality, channel=channel, case_type=case_type, subject=subject
        )
    if not candidates:
        return None, None
    timed = [
        (
            compute_due_at(
                start,
                s.deadline_amount,
                s.deadline_unit,
                municipality=municipality,
                statutory=s.is_statutory,
            ),
            s.sequence_no,
            s.pk,
            s,
        )
        for s in candidates
    ]
    due_at, _, _, standard = min(timed, key=lambda row: row[:3])
    return standard, due_at


def standard_for_new_case(
    *,
    municipality: Municipality,
    channel: Channel,
    case_type: str,
    subject: Subject | None,
    start: datetime,
    also: Sequence[ServiceStandard] = (),
) -> ServiceStandard | None:
    """The standard a new case must keep (settings.ACIKMASA_CASE_STANDARD_RESOLVER).

    Decided once, at intake; the due time itself is set by the clock's replay (reactions.py), so
    a single candidate is taken without computing anything. `also`: standards that bind this one
    case besides those of its channel, type and subject (a priority group's shorter standard,
    issue 20); inactive ones or another municipality's are ignored.
    """
    candidates = applicable_standards(
        municipality=municipality, channel=channel, case_type=case_type, subject=subject
    )
    known = {s.pk for s in candidates}
    candidates += [
        s
        for s in also
        if s.is_active and s.municipality_id == municipality.pk and s.pk not in known
    ]
    if len(candidates) < 2:
        return candidates[0] if candidates else None
    return binding_standard(
        municipality=municipality,
        channel=channel,
        case_type=case_type,
        subject=subject,
        start=start,
        candidates=candidates,
    )[0]
