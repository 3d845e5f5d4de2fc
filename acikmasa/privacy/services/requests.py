"""Data-subject requests (KVKK Art. 11): verified, registered as a case with a 30-day limit (Art.
13).

A request is an ordinary case of the subject "KVKK başvurusu" (service standard: 30 calendar days,
statutory), so queues, deadlines, escalation and the answer to the citizen work as for any case.
Online, the sender proves they are the applicant of an earlier case with a one-time code sent to
the phone or e-mail recorded on it; at the desk, the agent checks the ID card.
"""

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from acikmasa.cases.models import Case, Citizen
from acikmasa.cases.permissions import staff_profile
from acikmasa.cases.services.citizens import CitizenInput, citizen_errors
from acikmasa.cases.services.intake import case_submit
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.common.errors import NotFound, PermissionRefused, ValidationFailed
from acikmasa.common.phones import InvalidPhone, normalise_phone
from acikmasa.directory.models import Directorate, Municipality, ServiceStandard, Subject

from ..models import SubjectRequest, VerificationCode
from ..policy import is_privacy_officer
from .anonymise import case_anonymise

SUBJECT_CODE = "kvkk-basvurusu"
CODE_TTL = timedelta(minutes=15)
CODE_ATTEMPTS = 5
CODES_PER_HOUR = 3
MAX_TEXT = 4000
K = SubjectRequest.Kind


def dsr_setup(*, municipality: Municipality, directorate: Directorate) -> Subject:
    """Make sure the municipality has the KVKK request subject and its 30-day standard (idempotent).

    Callers: the demo, the `privacy_setup` command, tests. Side effects: at most one ServiceStandard
    and one Subject row.
    """
    standard, _created = ServiceStandard.objects.get_or_create(
        municipality=municipality,
        name="KVKK başvurusu (ilgili kişi başvurusu)",
        defaults={
            "name_en": "Data-subject request (KVKK)",
            "deadline_amount": 30,
            "deadline_unit": ServiceStandard.Unit.CALENDAR_DAYS,
            "is_statutory": True,
            "legal_basis": "6698 sayılı Kişisel Verilerin Korunması Kanunu, md. 11 ve 13",
            "required_documents": "Kimlik doğrulaması: T.C. kimlik kartı (masada) veya kayıtlı "
            "telefon/e-postaya gönderilen tek kullanımlık kod.",
            "sequence_no": 90,
        },
    )
    subject, _created = Subject.objects.get_or_create(
        municipality=municipality,
        code=SUBJECT_CODE,
        defaults={
            "name": "KVKK başvurusu",
            "name_en": "Personal data request (KVKK)",
            "directorate": directorate,
            "service_standard": standard,
            "keywords": "kvkk, kişisel veri, verilerim, silme, düzeltme, 6698",
        },
    )
    return subject


def dsr_subject(municipality_id: int) -> Subject | None:
    return Subject.objects.filter(
        municipality_id=municipality_id, code=SUBJECT_CODE, is_active=True
    ).first()


def _hash(case_id: int, code: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"{case_id}:{code}".encode(), hashlib.sha256).hexdigest()


def _matching_case(
    municipality: Municipality, tracking_number: str, contact: str
) -> tuple[Case | None, str]:
    case = (
        Case.objects.select_related("citizen")
        .filter(municipality=municipality, tracking_number=tracking_number.strip())
        .exclude(citizen=None)
        .first()
    )
    if case is None:
        return None, ""
    contact = contact.strip()
    if "@" in contact:
        return (
            (case, "email")
            if case.citizen.email and case.citizen.email.lower() == contact.lower()
            else (None, "")
        )
    try:
        phone = normalise_phone(contact)
    except InvalidPhone:
        return None, ""
    return (case, "phone") if case.citizen.phone == phone else (None, "")


def dsr_code_send(
    *, municipality: Municipality, tracking_number: str, contact: str
) -> VerificationCode | None:
    """Send a 6-digit code to the phone or e-mail recorded on the case, if `contact` matches it.

    Rule: nothing tells the sender whether the details matched (the view says the same either
    way); at most three codes per case an hour; a code lives 15 minutes and allows five tries.
    Side effects: a VerificationCode row (the code only as a keyed hash) and a message through
    notify's delivery, which keeps the usual outbox record.
    """
    case, kind = _matching_case(municipality, tracking_number or "", contact or "")
    if case is None:
        return None
    now = timezone.now()
    if (
        VerificationCode.objects.filter(case=case, created_at__gte=now - timedelta(hours=1)).count()
        >= CODES_PER_HOUR
    ):
        return None
    code = f"{secrets.randbelow(10**6):06d}"
    with transaction.atomic():
        row = VerificationCode.objects.create(
            case=case,
            code_hash=_hash(case.pk, code),
            sent_to=kind,
            created_at=now,
            expires_at=now + CODE_TTL,
        )
        _deliver(case, kind, code)
    return row


def _deliver(case: Case, kind: str, code: str) -> None:
    from acikmasa.notify import conf as notify_conf
    from acikmasa.notify.models import Notification

    channel = "email" if kind == "email" else "sms"
    recipient = case.citizen.email if kind == "email" else case.citizen.phone
    text = _(
        "Your one-time code for your personal data request: %(code)s (valid 15 minutes). If you "
        "did not ask for it, ignore this message."
    ) % {"code": code}
    note = Notification.objects.create(
        case=case,
        event="privacy_code",
        channel=channel,
        recipient=recipient,
        backend=notify_conf.backend_for(channel),
        subject=_("Your verification code"),
        text=text,
        next_attempt_at=timezone.now(),
    )

    def send() -> None:
        from acikmasa.notify.tasks import send_notification

        send_notification.enqueue(note.pk)

    transaction.on_commit(send)


def dsr_code_check(*, municipality: Municipality, tracking_number: str, code: str) -> Case | None:
    """The case whose newest live code is `code`; counts every try, so guessing runs out fast."""
    case = Case.objects.filter(
        municipality=municipality, tracking_number=(tracking_number or "").strip()
    ).first()
    if case is None or not (code or "").strip().isdigit():
        return None
    now = timezone.now()
    with transaction.atomic():
        row = (
            VerificationCode.objects.select_for_update()
            .filter(case=case, used_at__isnull=True, expires_at__gt=now)
            .order_by("-created_at")
            .first()
        )
        if row is None or row.attempts >= CODE_ATTEMPTS:
            return None
        if not hmac.compare_digest(row.code_hash, _hash(case.pk, code.strip())):
            VerificationCode.objects.filter(pk=row.pk).update(attempts=row.attempts + 1)
            return None
        VerificationCode.objects.filter(pk=row.pk).update(used_at=now, attempts=row.attempts + 1)
    return case


def _request_errors(kind: str, text: str) -> dict[str, str]:
    errors = {}
    if kind not in K.values:
        errors["kind"] = _("Choose what you ask for.")
    if len(text or "") > MAX_TEXT:
        errors["text"] = _("At most %(limit)d characters.") % {"limit": MAX_TEXT}
    if kind in (K.CORRECTION, K.DELETION) and not (text or "").strip():
        errors["text"] = _("Write which data should be corrected or deleted, and why.")
    return errors


def dsr_submit(
    *,
    citizen: Citizen,
    kind: str,
    text: str,
    verified: str,
    channel: str = "web",
    user: AbstractBaseUser | None = None,
) -> SubjectRequest:
    """Register a verified data-subject request as a case of the KVKK subject.

    Rule: the subject must be set up (dsr_setup); bad input raises ValidationFailed and writes
    nothing. Callers: the online request page after a code check; an officer after an ID check.
    Side effects: everything case_submit does (CREATED/ROUTED events, the 30-day clock), and a
    SubjectRequest row linking the case to the person it is about.
    """
    errors = _request_errors(kind, text)
    subject = dsr_subject(citizen.municipality_id)
    if subject is None:
        errors["subject"] = _("Personal data requests are not set up for this municipality yet.")
    if errors:
        raise ValidationFailed(errors)
    label = str(K(kind).label)
    description = f"[KVKK md. 11] {label}" + (f"\n\n{text.strip()}" if text.strip() else "")
    with transaction.atomic():
        submission = case_submit(
            municipality=citizen.municipality,
            channel=channel,
            subject=subject,
            description=description,
            citizen=CitizenInput(
                first_name=citizen.first_name,
                last_name=citizen.last_name,
                national_id=citizen.national_id,
                phone=citizen.phone,
                email=citizen.email,
            ),
            submitted_by=user,
            extra={"kvkk_request": {"kind": kind, "verified": verified, "citizen": citizen.pk}},
        )
        request, _created = SubjectRequest.objects.get_or_create(
            case=submission.case,
            defaults={
                "citizen": citizen,
                "kind": kind,
                "verified": verified,
                "created_at": submission.case.created_at,
            },
        )
    return request


def _officer_request(user: AbstractBaseUser, request_id: int) -> SubjectRequest:
    if not is_privacy_officer(user):
        raise PermissionRefused(_("Only the data-protection officer may do this."))
    profile = staff_profile(user)
    request = (
        SubjectRequest.objects.select_related("case", "citizen")
        .filter(
            pk=request_id,
            case__municipality_id=profile.municipality_id,
        )
        .first()
    )
    if request is None:
        raise NotFound(_("This request was not found."))
    return request


CORRECTABLE = ("first_name", "last_name", "national_id", "phone", "email", "address")


def dsr_correct(*, user: AbstractBaseUser, request_id: int, changes: dict[str, str]) -> list[str]:
    """Correct the citizen's record as asked (Art. 11/1-d); returns the fields changed.

    Rule: the values are checked like at intake (ID check digits, phone, e-mail); nothing is
    written on an error. Side effects: the Citizen row; a note on the request case naming the
    fields (not the values) so the history shows the correction.
    """
    request = _officer_request(user, request_id)
    changes = {k: (v or "").strip() for k, v in changes.items() if k in CORRECTABLE}
    errors, cleaned = citizen_errors(CitizenInput(**changes))
    errors = {k: v for k, v in errors.items() if k in changes}
    if errors:
        raise ValidationFailed(errors)
    with transaction.atomic():
        citizen = Citizen.objects.select_for_update().get(pk=request.citizen_id)
        changed = [k for k in changes if getattr(cleaned, k) != getattr(citizen, k)]
        if not changed:
            raise ValidationFailed({"changes": _("Nothing differs from what is recorded.")})
        Citizen.objects.filter(pk=citizen.pk).update(**{k: getattr(cleaned, k) for k in changed})
        _note(
            request,
            user,
            _("Personal data corrected: %(fields)s.") % {"fields": ", ".join(changed)},
        )
    return changed


def dsr_erase(*, user: AbstractBaseUser, request_id: int) -> tuple[int, int]:
    """Anonymise every ended case of the citizen now (Art. 7 and 11/1-e); returns (done, still
    open).

    Rule: a case still being handled keeps the data it needs; the note on the request case says
    how many remain, and the retention run takes them once they end. The request case itself is
    left to end and be anonymised like any other.
    """
    request = _officer_request(user, request_id)
    from acikmasa.cases.lifecycle import FINAL_STATUSES

    cases = Case.objects.filter(citizen_id=request.citizen_id).exclude(pk=request.case_id)
    done = 0
    with transaction.atomic():
        for case_id in cases.filter(status__in=FINAL_STATUSES).values_list("pk", flat=True):
            if case_anonymise(
                case_id=case_id, reason="request", user=user, request_case=request.case
            ):
                done += 1
        still_open = cases.exclude(status__in=FINAL_STATUSES).count()
        _note(
            request,
            user,
            _("Deletion: %(done)d ended cases anonymised, %(open)d still being handled.")
            % {"done": done, "open": still_open},
        )
    return done, still_open


def _note(request: SubjectRequest, user: AbstractBaseUser, text: str) -> None:
    case_transition(
        case_id=request.case_id, actor=user, request=TransitionRequest(action="note", text=text)
    )
