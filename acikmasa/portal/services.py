"""The portal's writers: a citizen's submission, their voice on an existing case, and their replies.

Every change to a case still goes through the cases app: `case_submit` for new cases,
`case_transition(by_citizen=True)` for answers and "not solved", and the event door for support.
"""

import hashlib

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from acikmasa.cases.events import EventKind
from acikmasa.cases.lifecycle import OPEN_STATUSES, Action, Status
from acikmasa.cases.models import Case, CaseEvent
from acikmasa.cases.services import record
from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.cases.services.history import case_lock
from acikmasa.cases.services.intake import IncomingFile, Submission, case_submit
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.common.errors import TransitionRefused
from acikmasa.directory.models import Municipality
from acikmasa.open311.geo import neighbourhood_at
from acikmasa.open311.selectors import PUBLISHED_TYPES

from .models import Supporter

SUPPORTED = EventKind.SUPPORTED


def portal_submit(
    *,
    municipality: Municipality,
    form_token: str,
    case_type: str,
    subject_id: int | None,
    description: str,
    neighbourhood_id: int | None,
    street_id: int | None,
    address: str,
    latitude: float | None,
    longitude: float | None,
    citizen: CitizenInput,
    photos: list[IncomingFile],
    extra: dict | None = None,
) -> Submission:
    """Register a web application. The signed one-time form token is the external id, so a double
    click or a resent form returns the first case instead of a second one.
    A pin without a chosen mahalle or street gets the mahalle whose outline holds it.
    Raises ValidationFailed (nothing written) when the core refuses the input."""
    if (
        neighbourhood_id is None
        and street_id is None
        and latitude is not None
        and longitude is not None
    ):
        found = neighbourhood_at(municipality, latitude, longitude)
        neighbourhood_id = found.pk if found else None
    return case_submit(
        municipality=municipality,
        channel="web",
        external_id=f"portal:{form_token}",
        case_type=case_type,
        subject=subject_id,
        description=description,
        neighbourhood=neighbourhood_id,
        street=street_id,
        address=address,
        latitude=latitude,
        longitude=longitude,
        citizen=citizen,
        attachments=photos,
        extra=extra,
    )


def browser_key(session_key: str) -> str:
    return hashlib.sha256(("supporter:" + session_key).encode()).hexdigest()


def case_support(*, case_id: int, session_key: str) -> tuple[Supporter, bool]:
    """Add a citizen's voice to an open case; one browser counts once.

    Rule: only open cases take support. Side effects: a Supporter row and a "supported" event
    (internal, not on the public timeline), written with the case row locked.
    """
    key = browser_key(session_key)
    with transaction.atomic():
        case = case_lock(case_id)
        if case.status not in OPEN_STATUSES or case.case_type not in PUBLISHED_TYPES:
            raise TransitionRefused(
                _("This application is no longer open: it cannot take support.")
            )
        existing = Supporter.objects.filter(case=case, browser_key=key).first()
        if existing is not None:
            return existing, False
        try:
            with transaction.atomic():
                supporter = Supporter.objects.create(case=case, browser_key=key)
        except IntegrityError:
            return Supporter.objects.get(case=case, browser_key=key), False
        record.supported(case, supporters=case.supporters.count())
    return supporter, True


def citizen_add_information(*, case: Case, text: str) -> CaseEvent:
    """The citizen answers the question staff asked: the case resumes with the answer as its text.

    Only while the case waits for the citizen: a case waiting for another body is not theirs to
    resume.
    """
    if case.status != Status.WAITING_CITIZEN:
        raise TransitionRefused(
            _("The municipality is not waiting for information from you on this application.")
        )
    return case_transition(
        case_id=case.pk,
        actor=None,
        by_citizen=True,
        request=TransitionRequest(action=Action.RESUME, text=text),
    )


def citizen_reopen(*, case: Case, text: str) -> CaseEvent:
    """'Not solved': the citizen reopens a resolved or closed case, saying why."""
    return case_transition(
        case_id=case.pk,
        actor=None,
        by_citizen=True,
        request=TransitionRequest(action=Action.REOPEN, text=text),
    )
