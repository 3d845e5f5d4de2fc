"""Intake reaction: every new case records the notice its applicant was given and the consents
they ticked.

Runs inside case_submit's transaction (a CREATED reaction in settings.ACIKMASA_CASE_REACTIONS), so
the case and its privacy records commit together. Costs one read (the notice in force) and up to
three small inserts.
"""

from acikmasa.cases.models import Case, CaseEvent
from acikmasa.cases.reactions import CaseChange

from .models import NoticeReceipt, Purpose, SubjectRequest
from .services.consents import consent_give
from .services.notices import receipt_record

# Channels whose form shows the notice before the citizen sends it.
FORM_CHANNELS = frozenset({"web"})
V = NoticeReceipt.Via


def _via(case: Case, event: CaseEvent, from_form: bool) -> str:
    if event.actor_id is not None:
        return V.STAFF
    if from_form or case.channel.code in FORM_CHANNELS:
        return V.FORM
    citizen = case.citizen
    if citizen is not None and citizen.contact_consent and (citizen.phone or citizen.email):
        return V.MESSAGE  # notify's acknowledgement carries {privacy_url}
    return V.PUBLISHED


def on_case_submitted(change: CaseChange) -> None:
    case, event = change.case, change.event
    extra = (event.payload or {}).get("extra") or {}
    shown = extra.get("privacy_notice")
    notice_id = shown if isinstance(shown, int) and not isinstance(shown, bool) else None
    receipt = receipt_record(
        case=case,
        via=_via(case, event, notice_id is not None),
        notice_id=notice_id,
        user=event.actor,
    )
    citizen = case.citizen
    if citizen is not None and citizen.contact_consent:
        # The portal's box covers messages about the application and the survey.
        purposes = (
            (Purpose.CONTACT, Purpose.SURVEY)
            if case.channel.code in FORM_CHANNELS
            else (Purpose.CONTACT,)
        )
        for purpose in purposes:
            consent_give(
                citizen=citizen,
                purpose=purpose,
                channel=case.channel.code,
                notice=receipt.notice if receipt else None,
                user=event.actor,
                case=case,
            )
    _subject_request(case, event, extra)


def _subject_request(case: Case, event: CaseEvent, extra: dict) -> None:
    """A KVKK request typed in at the desk is tracked like one made online (the ID card was
    seen)."""
    from .services.requests import SUBJECT_CODE

    if (
        event.actor_id is None
        or case.citizen_id is None
        or case.subject_id is None
        or "kvkk_request" in extra
    ):
        return  # online requests are registered, verified, by dsr_submit
    if case.subject.code != SUBJECT_CODE:
        return
    SubjectRequest.objects.get_or_create(
        case=case,
        defaults={
            "citizen_id": case.citizen_id,
            "kind": SubjectRequest.Kind.ACCESS,
            "verified": SubjectRequest.Verified.ID_CARD,
            "created_at": case.created_at,
        },
    )
