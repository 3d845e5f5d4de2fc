from acikmasa.cases.lifecycle import Action, Status
from acikmasa.cases.services.intake import case_submit
from acikmasa.cases.services.transitions import TransitionRequest, case_transition


def test_a_case_runs_from_intake_to_closed(town):
    sub = case_submit(
        municipality=town.municipality,
        channel="call_centre",
        description="Sokakta çukur var",
        subject="pothole",
    )
    case = sub.case
    assert sub.created and case.status == Status.NEW and case.directorate.code == "fen"
    for user, action, text in [
        ("fen_staff", Action.START, ""),
        ("fen_staff", Action.RESOLVE, "Asfalt yamandı, çukur kapatıldı."),
        ("desk", Action.CLOSE, ""),
    ]:
        case_transition(
            case_id=case.pk,
            actor=town.users[user],
            request=TransitionRequest(action=action, text=text),
        )
    case.refresh_from_db()
    assert case.status == Status.CLOSED
    assert [e.kind for e in case.events.all()] == [
        "created",
        "routed",
        "started",
        "resolved",
        "closed",
    ]
