from acikmasa.cases.services.transitions import TransitionRequest, case_transition


def act(case, action, user, text=""):
    return case_transition(
        case_id=case.pk, request=TransitionRequest(action=action, text=text), actor=user
    )


def resolve(case, town, text="Çukur asfaltlandı."):
    return act(case, "resolve", town.users["fen_staff"], text)
