"""Builders for the desk tests: cases made through the intake door and moved by transitions."""

from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.cases.services.intake import case_submit
from acikmasa.cases.services.transitions import TransitionRequest, case_transition

VALID_TCKN = "10000000146"


def new_case(town, subject="pothole", description="Sokakta büyük bir çukur var", **kwargs):
    kwargs.setdefault("channel", "call_centre")
    return case_submit(municipality=town.municipality, subject=subject, description=description, **kwargs).case


def with_citizen(town, **kwargs):
    citizen = CitizenInput(first_name="Ayşe", last_name="Işıkoğlu", national_id=VALID_TCKN, phone="0532 123 45 67")
    return new_case(town, citizen=citizen, **kwargs)


def act(town, case, user, action, text="", **params):
    return case_transition(case_id=case.pk, actor=town.users[user], request=TransitionRequest(action=action, text=text, params=params))
