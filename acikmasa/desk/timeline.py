"""The case history as staff read it: a Turkish label, who, when, and the details that matter."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from acikmasa.cases.events import EventKind, staff_label
from acikmasa.cases.lifecycle import Status
from acikmasa.cases.models import Case, CaseEvent
from acikmasa.directory.models import Directorate


@dataclass
class TimelineRow:
    event: CaseEvent
    label: str
    detail: str
    status: str


def timeline_rows(case: Case) -> list[TimelineRow]:
    """Every event in order; names of people and directorates in payloads are fetched in two
    queries."""
    events = list(
        case.events.select_related("actor", "directorate")
        .prefetch_related("attachments")
        .order_by("sequence")
    )
    user_ids = {e.payload.get("assignee") for e in events if isinstance(e.payload, dict)} - {None}
    directorate_ids = {
        e.payload.get("to_directorate") for e in events if isinstance(e.payload, dict)
    } - {None}
    users = {u.pk: u for u in get_user_model().objects.filter(pk__in=user_ids)} if user_ids else {}
    directorates = (
        {d.pk: d for d in Directorate.objects.filter(pk__in=directorate_ids)}
        if directorate_ids
        else {}
    )
    rows = []
    for event in events:
        payload = event.payload if isinstance(event.payload, dict) else {}
        detail = ""
        if event.kind == EventKind.ASSIGNED or (
            event.kind == EventKind.STARTED and payload.get("assignee")
        ):
            person = users.get(payload.get("assignee"))
            detail = (
                _("to %(name)s") % {"name": person.get_full_name() or person.username}
                if person
                else ""
            )
        elif event.kind == EventKind.FORWARDED:
            target = directorates.get(payload.get("to_directorate"))
            detail = _("to %(name)s") % {"name": target} if target else ""
        elif event.kind == EventKind.FORWARDED_OUT:
            detail = _("to %(name)s") % {"name": payload.get("external_body_name", "")}
        elif event.kind == EventKind.MARKED_DUPLICATE:
            detail = _("of %(number)s") % {"number": payload.get("master_tracking_number", "")}
        elif event.kind in (EventKind.RECLASSIFIED, EventKind.REROUTED):
            detail = _("from “%(old)s” to “%(new)s”") % {
                "old": payload.get("from_subject_name") or "—",
                "new": payload.get("to_subject_name", ""),
            }
            target = directorates.get(payload.get("to_directorate"))
            if event.kind == EventKind.REROUTED and target:
                detail += " · " + str(target)
        elif event.kind == EventKind.ROUTED and event.directorate:
            detail = _("to %(name)s") % {"name": event.directorate}
        status = str(Status(event.to_status).label) if event.to_status in Status.values else ""
        rows.append(
            TimelineRow(event=event, label=staff_label(event.kind), detail=detail, status=status)
        )
    return rows
