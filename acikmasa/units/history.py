"""The one place where the units append an event to a case's history (issue 20).

Until the event door (issue 16) is on main this locks the case, appends through
`cases.events.record_event`, bumps the version and saves the case, exactly as the deadline engine
and notify do today; converting to the door is this one function.
"""

from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from acikmasa.cases import hooks
from acikmasa.cases.events import record_event
from acikmasa.cases.models import Case, CaseEvent


def case_event_append(
    *,
    case_id: int,
    kind: str,
    actor: AbstractBaseUser | None,
    text: str = "",
    payload: dict[str, Any] | None = None,
    is_public: bool | None = None,
) -> CaseEvent:
    """Append one event of `kind` to the case; the status never changes here.

    Rule: a unit's own fact about a case (a visit planned, a referral sent) is history, written
    under the case's row lock like every other event. Callers: the units' services.
    Side effects: one CaseEvent, the case's version bumped, the history hooks run.
    """
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case_id)
        event = record_event(
            case, kind, actor=actor, text=text, payload=payload or {}, is_public=is_public
        )
        hooks.run_history_event_hooks(case, event)
        case.save(update_fields=["version"])
    return event
