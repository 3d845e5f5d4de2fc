"""Small builders shared by the case tests: cases made through the real services."""

from typing import Any

from django.db.models import Model

from acikmasa.cases.lifecycle import Action, Status
from acikmasa.cases.models import Attachment, Case, CaseEvent, Citizen, TrackingSequence
from acikmasa.cases.services.intake import case_submit
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.common.testing import Town

RESOLUTION = "Asfalt yamandı, çukur kapatıldı."
COUNTED: tuple[type[Model], ...] = (Case, CaseEvent, Citizen, Attachment, TrackingSequence)


def submit(town: Town, **kwargs: Any) -> Case:
    values = {
        "municipality": town.municipality,
        "channel": "call_centre",
        "description": "Sokakta çukur var",
        "subject": "pothole",
    } | kwargs
    return case_submit(**values).case


def act(case: Case, action: str, *, actor: Any = None, text: str = "", **params: Any) -> None:
    case_transition(
        case_id=case.pk,
        actor=actor,
        request=TransitionRequest(action=action, text=text, params=params),
    )
    case.refresh_from_db()


def valid_params(town: Town, case: Case, action: str) -> dict[str, Any]:
    """Inputs an action needs to pass its guard on `case`."""
    if action == Action.ASSIGN:
        code = case.directorate.code if case.directorate else "fen"
        return {"assignee_id": town.users[f"{code}_staff"].pk}
    if action == Action.FORWARD:
        other = "temizlik" if case.directorate and case.directorate.code == "fen" else "fen"
        return {"directorate_id": town.directorates[other].pk}
    if action == Action.MARK_DUPLICATE:
        return {"master_id": submit(town, description="Aynı çukur, ilk başvuru").pk}
    if action == Action.FORWARD_OUT:
        return {"external_body_id": town.external_bodies["elektrik"].pk}
    if action in (Action.RECLASSIFY, Action.REROUTE):
        # the cases here are potholes (Fen İşleri): a street light stays there, rubbish goes
        # elsewhere
        return {
            "subject_id": town.subjects[
                "street_light" if action == Action.RECLASSIFY else "waste"
            ].pk
        }
    return {}


def valid_text(action: str) -> str:
    return RESOLUTION


# The shortest path from NEW to each status, as (action) steps done by the system.
PATHS: dict[str, list[str]] = {
    Status.NEW: [],
    Status.ASSIGNED: [Action.ASSIGN],
    Status.IN_PROGRESS: [Action.START],
    Status.WAITING_CITIZEN: [Action.ASK_CITIZEN],
    Status.WAITING_OTHER: [Action.WAIT_OTHER],
    Status.RESOLVED: [Action.RESOLVE],
    Status.CLOSED: [Action.RESOLVE, Action.CLOSE],
    Status.REOPENED: [Action.RESOLVE, Action.REOPEN],
    Status.REJECTED: [Action.REJECT],
    Status.DUPLICATE: [Action.MARK_DUPLICATE],
    Status.FORWARDED_OUT: [Action.FORWARD_OUT],
}


def case_in(town: Town, status: str, **kwargs: Any) -> Case:
    """A fresh case brought to `status` through the real transitions."""
    case = submit(town, **kwargs)
    for action in PATHS[status]:
        act(case, action, text=valid_text(action), **valid_params(town, case, action))
    assert case.status == status
    return case


def row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


def event_rows(case: Case) -> list[tuple]:
    return list(CaseEvent.objects.filter(case=case).order_by("sequence").values_list())


def case_row(case: Case) -> dict[str, Any]:
    return Case.objects.filter(pk=case.pk).values().get()
