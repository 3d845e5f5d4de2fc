"""What the agent who answered sees: the caller's records and cases, within what they may read."""

from typing import Any

from django.contrib.auth.models import AbstractBaseUser

from acikmasa.cases.models import Case, Citizen
from acikmasa.cases.permissions import staff_profile, visible_cases

from .models import Call

HISTORY_LIMIT = 20


def call_get(*, user: AbstractBaseUser, call_id: int) -> Call | None:
    profile = staff_profile(user)
    if profile is None:
        return None
    return (
        Call.objects.filter(pk=call_id, municipality_id=profile.municipality_id)
        .select_related("agent")
        .first()
    )


def current_call(*, user: AbstractBaseUser) -> Call | None:
    """The call this agent answered most recently and that is still going on."""
    return (
        Call.objects.filter(agent=user, status=Call.Status.ANSWERED)
        .order_by("-answered_at")
        .first()
    )


def caller_history(*, user: AbstractBaseUser, call: Call) -> dict[str, Any]:
    citizens = (
        list(Citizen.objects.filter(municipality_id=call.municipality_id, phone=call.caller))
        if call.caller
        else []
    )
    cases = (
        (
            visible_cases(user)
            .filter(citizen__in=citizens)
            .select_related("subject", "directorate", "channel")
            .order_by("-created_at")[:HISTORY_LIMIT]
        )
        if citizens
        else Case.objects.none()
    )
    previous_calls = Call.objects.filter(
        municipality_id=call.municipality_id, caller=call.caller
    ).exclude(pk=call.pk)
    return {
        "call": call,
        "citizens": citizens,
        "cases": list(cases),
        "previous_calls": list(previous_calls.order_by("-started_at")[:10]) if call.caller else [],
    }


def history_json(history: dict[str, Any]) -> dict[str, Any]:
    call: Call = history["call"]
    return {
        "call": {
            "id": call.pk,
            "call_id": call.call_id,
            "caller": call.caller,
            "status": call.status,
            "agent": call.agent.username if call.agent else None,
            "started_at": call.started_at.isoformat(),
            "answered_at": call.answered_at.isoformat() if call.answered_at else None,
        },
        "citizens": [
            {
                "id": c.pk,
                "name": c.full_name,
                "national_id": c.masked_national_id,
                "email": c.email,
                "address": c.address,
            }
            for c in history["citizens"]
        ],
        "cases": [
            {
                "id": c.pk,
                "tracking_number": c.tracking_number,
                "status": c.status,
                "status_label": str(c.get_status_display()),
                "subject": c.subject.name if c.subject else "",
                "directorate": c.directorate.name if c.directorate else "",
                "channel": c.channel.code,
                "created_at": c.created_at.isoformat(),
                "due_at": c.due_at.isoformat() if c.due_at else None,
                "description": c.description[:300],
            }
            for c in history["cases"]
        ],
        "previous_calls": [
            {"started_at": p.started_at.isoformat(), "status": p.status}
            for p in history["previous_calls"]
        ],
    }
