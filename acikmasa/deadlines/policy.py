"""Which service standard binds a case, and so when it is due.

A case is bound by every standard that applies to it: the one its subject names, and those that
name its channel or its type (e.g. information requests, Law 4982). It must keep the strictest, so
the standard with the earliest due time wins; ties go to the lowest table number.
"""

from datetime import datetime

from acikmasa.directory.models import Channel, Municipality, ServiceStandard, Subject

from .calculator import compute_due_at


def applicable_standards(
    *, municipality: Municipality, channel: Channel, case_type: str, subject: Subject | None
) -> list[ServiceStandard]:
    standards = [
        s
        for s in municipality.service_standards.filter(is_active=True).prefetch_related("channels")
        if case_type in (s.case_types or []) or any(c.pk == channel.pk for c in s.channels.all())
    ]
    if subject is not None and subject.service_standard_id is not None:
        if all(s.pk != subject.service_standard_id for s in standards):
            standards.append(subject.service_standard)
    return standards


def binding_standard(
    *,
    municipality: Municipality,
    channel: Channel,
    case_type: str,
    subject: Subject | None,
    start: datetime,
) -> tuple[ServiceStandard | None, datetime | None]:
    """The standard the case must keep and its due time; (None, None) when none applies."""
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
