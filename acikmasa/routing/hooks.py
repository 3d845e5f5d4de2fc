"""Routing's part in the core: the subject resolver of the intake and a reaction to corrections.

Both are declared in settings (ACIKMASA_CASE_SUBJECT_RESOLVER, ACIKMASA_CASE_REACTIONS).
"""

import logging
from typing import Any

from django.db import DatabaseError

from acikmasa.cases.events import EventKind
from acikmasa.cases.reactions import CaseChange
from acikmasa.directory.models import Channel, Municipality, Neighbourhood, Subject

from .models import Correction
from .suggest import settings_for, suggest_subjects

logger = logging.getLogger(__name__)


def subject_for_new_case(
    *,
    municipality: Municipality,
    channel: Channel | None,
    description: str,
    neighbourhood: Neighbourhood | None = None,
    **_: Any,
) -> tuple[Subject | None, dict[str, Any]]:
    """A case arrives without a subject: route it when the suggestion is confident, else leave it
    for the triage queue. The details (top 3, confidence, threshold) go into its CREATED event."""
    config = settings_for(municipality.pk)
    try:
        found = suggest_subjects(
            municipality_id=municipality.pk,
            text=description,
            channel=channel.code if channel else "",
            neighbourhood_id=neighbourhood.pk if neighbourhood else None,
        )
    except DatabaseError:
        raise
    except Exception:
        logger.exception("routing: suggestion failed; the case goes to triage")
        return None, {"auto": False, "error": "suggestion failed"}
    best = found.best
    auto = bool(best and config.auto_route and best.confidence >= config.auto_route_threshold)
    details = found.as_details() | {"threshold": config.auto_route_threshold, "auto": auto}
    return (best.subject if auto else None), details


def on_case_transition(change: CaseChange) -> None:
    """A corrected subject is remembered as a lesson for the next training (routing_train)."""
    case, event = change.case, change.event
    if event.kind not in (EventKind.RECLASSIFIED, EventKind.REROUTED):
        return
    payload = event.payload
    suggested = case.events.filter(kind=EventKind.ROUTED, payload__reason="suggestion").exists()
    Correction.objects.create(
        case=case,
        event=event,
        municipality_id=case.municipality_id,
        from_subject_id=payload.get("from_subject"),
        to_subject_id=payload["to_subject"],
        was_suggested=suggested and not Correction.objects.filter(case=case).exists(),
        actor=event.actor,
        created_at=event.created_at,
    )
