"""Writers of the career centre. Cases change only through case_submit, case_transition and the
units' history append; these write the registry, the seekers and the referrals."""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from acikmasa.cases.lifecycle import Action, Status
from acikmasa.cases.permissions import INTAKE_ROLES, staff_profile
from acikmasa.cases.services import record as history
from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.cases.services.intake import IncomingFile, case_submit
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.common.errors import NotFound, PermissionRefused, TransitionRefused, ValidationFailed
from acikmasa.directory.models import Neighbourhood, Role
from acikmasa.security.uploads import ImageRefused, image_without_metadata, stored_content_type
from acikmasa.units.access import in_unit

from . import messages
from .models import CareerCentre, Education, Employer, JobSeeker, Referral, Vacancy

MAX_CV_BYTES = 5 * 1024 * 1024
CV_TYPES = {
    "application/pdf",
    "image/jpeg",
    "image/png",
    "application/msword",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.oasis.opendocument.text",
}
IMAGES = {"image/jpeg", "image/png"}


def centre_for(user: AbstractBaseUser) -> CareerCentre:
    profile = staff_profile(user)
    centre = (
        CareerCentre.objects.filter(municipality_id=profile.municipality_id)
        .select_related("directorate", "subject")
        .first()
        if profile
        else None
    )
    if centre is None:
        raise NotFound(_("This municipality has no career centre on this site."))
    return centre


def _centre_staff(user: AbstractBaseUser) -> CareerCentre:
    centre = centre_for(user)
    if not in_unit(user, centre.directorate, write=True):
        raise PermissionRefused(_("Only the career centre's staff may do this."))
    return centre


def may_register(user: AbstractBaseUser) -> bool:
    profile = staff_profile(user)
    if profile is None:
        return False
    if profile.role in INTAKE_ROLES:
        return True
    try:
        return in_unit(user, centre_for(user).directorate, write=True)
    except NotFound:
        return False


@dataclass
class SeekerInput:
    citizen: CitizenInput
    profession: str
    education: str
    experience_years: int = 0
    skills: str = ""
    share_consent: bool = False
    cv: IncomingFile | None = None


def _cv_checked(upload: IncomingFile) -> tuple[bytes, str]:
    """The CV's bytes and type as stored: type from the content, photos rebuilt from pixels."""
    if not upload.content:
        raise ValidationFailed({"cv": _("The file is empty.")})
    if len(upload.content) > MAX_CV_BYTES:
        raise ValidationFailed({"cv": _("A CV may be at most 5 MB.")})
    kind = stored_content_type(upload.content, upload.content_type)
    if kind not in CV_TYPES:
        raise ValidationFailed(
            {"cv": _("A CV must be a PDF, a Word or OpenDocument file, or a photo.")}
        )
    if kind in IMAGES:
        try:
            return image_without_metadata(upload.content)
        except ImageRefused:
            raise ValidationFailed({"cv": _("The photo of the CV cannot be read.")}) from None
    return upload.content, kind


def _seeker_errors(data: SeekerInput) -> dict[str, str]:
    errors = {}
    if not data.profession.strip():
        errors["profession"] = _("Write the job the seeker is looking for.")
    if data.education not in Education.values:
        errors["education"] = _("Choose the education level.")
    if not (data.citizen.first_name.strip() and data.citizen.last_name.strip()):
        errors["first_name"] = _("A job application needs the seeker's name.")
    if not (data.citizen.phone.strip() or data.citizen.email.strip()):
        errors["phone"] = _("Write a phone number or an e-mail address to reach the seeker.")
    if data.cv is not None and not data.share_consent:
        errors["cv"] = _("A CV is kept only with the seeker's consent to share it with employers.")
    if not 0 <= int(data.experience_years or 0) <= 60:
        errors["experience_years"] = _("Years of experience must be between 0 and 60.")
    return errors


def seeker_register(*, user: AbstractBaseUser, data: SeekerInput) -> JobSeeker:
    """Register a job seeker's application: a case of the centre's subject, and the profile.

    Rule: the desk, the call centre or the centre's staff register it; a name and a way to reach
    the seeker are needed; a CV is kept only with consent to share it with employers (KVKK Art. 8)
    and only if its content is a document or a photo (security.uploads). Side effects: those of
    `case_submit`; one JobSeeker row; the CV file.
    """
    if not may_register(user):
        raise PermissionRefused(_("You are not allowed to register job applications."))
    centre = centre_for(user)
    profile = staff_profile(user)
    errors = _seeker_errors(data)
    if errors:
        raise ValidationFailed(errors)
    content, kind = _cv_checked(data.cv) if data.cv is not None else (b"", "")
    now = timezone.now()
    with transaction.atomic():
        case = case_submit(
            municipality=profile.municipality,
            channel="call_centre" if profile.role == Role.CALL_AGENT else "desk",
            description=_("Job application: %(job)s") % {"job": data.profession.strip()},
            subject=centre.subject,
            citizen=data.citizen,
            submitted_by=user,
            extra={"career_centre": {"share_consent": bool(data.share_consent)}},
        ).case
        seeker = JobSeeker(
            municipality_id=profile.municipality_id,
            case=case,
            citizen=case.citizen,
            profession=data.profession.strip()[:200],
            education=data.education,
            experience_years=int(data.experience_years or 0),
            skills=data.skills.strip(),
            share_consent_at=now if data.share_consent else None,
            created_at=now,
        )
        if content:
            seeker.cv_name, seeker.cv_content_type = data.cv.name[:255], kind
            seeker.cv.save(f"{case.tracking_number}-cv", ContentFile(content), save=False)
        seeker.save()
    return seeker


def seeker_consent_withdraw(*, user: AbstractBaseUser, seeker_id: int) -> JobSeeker:
    """The seeker withdraws consent to share: no more referrals, and the CV file is deleted."""
    _centre_staff(user)
    with transaction.atomic():
        seeker = _locked_seeker(user, seeker_id)
        if not seeker.may_be_shared:
            raise TransitionRefused(_("There is no consent to withdraw."))
        seeker.consent_withdrawn_at = timezone.now()
        if seeker.cv:
            seeker.cv.delete(save=False)
        seeker.cv_name = seeker.cv_content_type = ""
        seeker.save(update_fields=["consent_withdrawn_at", "cv", "cv_name", "cv_content_type"])
    return seeker


def employer_register(
    *,
    user: AbstractBaseUser,
    name: str,
    sector: str = "",
    tax_number: str = "",
    contact_name: str = "",
    phone: str = "",
    email: str = "",
    neighbourhood: Neighbourhood | None = None,
) -> Employer:
    """Add a firm to the registry. Rule: the centre's staff; one firm of a name per municipality."""
    centre = _centre_staff(user)
    errors = {}
    if not name.strip():
        errors["name"] = _("Write the firm's name.")
    if tax_number and not (
        tax_number.isascii() and tax_number.isdigit() and len(tax_number) in (10, 11)
    ):
        errors["tax_number"] = _("A tax number has 10 digits (11 for a sole trader's T.C. No).")
    if errors:
        raise ValidationFailed(errors)
    try:
        with transaction.atomic():
            return Employer.objects.create(
                municipality_id=centre.municipality_id,
                name=name.strip()[:200],
                sector=sector.strip()[:100],
                tax_number=tax_number,
                contact_name=contact_name.strip()[:200],
                phone=phone.strip()[:40],
                email=email.strip(),
                neighbourhood=neighbourhood,
                created_at=timezone.now(),
            )
    except IntegrityError:
        raise ValidationFailed({"name": _("This firm is already in the registry.")}) from None


def vacancy_open(
    *,
    user: AbstractBaseUser,
    employer_id: int,
    title: str,
    positions: int = 1,
    description: str = "",
) -> Vacancy:
    centre = _centre_staff(user)
    employer = Employer.objects.filter(
        pk=employer_id, municipality_id=centre.municipality_id, is_active=True
    ).first()
    errors = {}
    if employer is None:
        errors["employer"] = _("Choose a firm of the registry.")
    if not title.strip():
        errors["title"] = _("Write the position.")
    if not 1 <= int(positions or 0) <= 500:
        errors["positions"] = _("Between 1 and 500 people.")
    if errors:
        raise ValidationFailed(errors)
    return Vacancy.objects.create(
        employer=employer,
        title=title.strip()[:200],
        positions=int(positions),
        description=description.strip(),
        opened_at=timezone.now(),
    )


def _locked_seeker(user: AbstractBaseUser, seeker_id: int) -> JobSeeker:
    profile = staff_profile(user)
    seeker = (
        JobSeeker.objects.select_for_update()
        .filter(pk=seeker_id, municipality_id=profile.municipality_id)
        .first()
    )
    if seeker is None:
        raise NotFound(_("This job seeker was not found."))
    return seeker


def seeker_refer(*, user: AbstractBaseUser, seeker_id: int, vacancy_id: int) -> Referral:
    """Send a seeker's details to an employer's open vacancy; the seeker is told where.

    Rule: the centre's staff; the seeker's consent to share must stand and the application be open;
    one referral per seeker and vacancy. Side effects: a Referral; JOB_REFERRED on the case (and
    the case started if it was new); a message to the seeker.
    """
    centre = _centre_staff(user)
    with transaction.atomic():
        seeker = _locked_seeker(user, seeker_id)
        if not seeker.may_be_shared:
            raise TransitionRefused(
                _("The seeker has not agreed to share their details with employers.")
            )
        case = seeker.case
        if case.status not in (Status.NEW, Status.ASSIGNED, Status.IN_PROGRESS, Status.REOPENED):
            raise TransitionRefused(_("This application is no longer open."))
        vacancy = (
            Vacancy.objects.select_related("employer")
            .filter(pk=vacancy_id, employer__municipality_id=centre.municipality_id, is_open=True)
            .first()
        )
        if vacancy is None:
            raise ValidationFailed({"vacancy": _("Choose an open vacancy.")})
        try:
            with transaction.atomic():
                referral = Referral.objects.create(
                    seeker=seeker, vacancy=vacancy, referred_at=timezone.now(), referred_by=user
                )
        except IntegrityError:
            raise TransitionRefused(_("The seeker was already sent to this vacancy.")) from None
        if case.status in (Status.NEW, Status.REOPENED):
            case_transition(
                case_id=case.pk, actor=user, request=TransitionRequest(action=Action.START)
            )
        event = history.job_referred(
            case.pk,
            actor=user,
            where=f"{vacancy.employer.name}: {vacancy.title}",
            payload={
                "referral": referral.pk,
                "vacancy": vacancy.pk,
                "employer": vacancy.employer_id,
            },
        )
        messages.tell_referred(referral, event)
    return referral


def referral_answer(
    *, user: AbstractBaseUser, referral_id: int, answer: str, note: str = ""
) -> Referral:
    """Record the employer's answer (interview, hired, not hired); the seeker is told.

    Rule: the centre's staff; an interview may be followed by a final answer, a final answer is
    given once. "Hired" resolves the application (the seeker has their answer). Side effects:
    EMPLOYER_ANSWERED on the case, a message; maybe the resolution.
    """
    centre = _centre_staff(user)
    if answer not in (Referral.Answer.INTERVIEW, Referral.Answer.HIRED, Referral.Answer.NOT_HIRED):
        raise ValidationFailed({"answer": _("Choose the employer's answer.")})
    with transaction.atomic():
        referral = (
            Referral.objects.select_for_update(of=("self",))
            .select_related("seeker__case", "vacancy__employer")
            .filter(pk=referral_id, seeker__municipality_id=centre.municipality_id)
            .first()
        )
        if referral is None:
            raise NotFound(_("This referral was not found."))
        if referral.is_final or referral.answer == answer:
            raise TransitionRefused(_("This answer is already recorded."))
        referral.answer, referral.answered_at = answer, timezone.now()
        referral.answer_note = note.strip()[:500]
        referral.save(update_fields=["answer", "answered_at", "answer_note"])
        event = history.employer_answered(
            referral.seeker.case_id,
            actor=user,
            answer=f"{referral.vacancy.employer.name}: {referral.get_answer_display()}",
            payload={"referral": referral.pk, "answer": answer},
        )
        messages.tell_answer(referral, event)
        if answer == Referral.Answer.HIRED:
            _resolve_placed(user, referral)
    return referral


def _resolve_placed(user: AbstractBaseUser, referral: Referral) -> None:
    case = referral.seeker.case
    case.refresh_from_db(fields=["status"])
    if case.status not in (Status.ASSIGNED, Status.IN_PROGRESS, Status.NEW, Status.REOPENED):
        return
    # Other referrals still waiting are closed as "not hired": the seeker has taken a job.
    for other in referral.seeker.referrals.exclude(pk=referral.pk).filter(
        answer__in=[Referral.Answer.WAITING, Referral.Answer.INTERVIEW]
    ):
        other.answer, other.answered_at = Referral.Answer.NOT_HIRED, timezone.now()
        other.answer_note = _("The seeker took another job.")
        other.save(update_fields=["answer", "answered_at", "answer_note"])
    case_transition(
        case_id=case.pk,
        actor=user,
        request=TransitionRequest(
            action=Action.RESOLVE,
            text=_("Placed: %(employer)s, %(title)s.")
            % {"employer": referral.vacancy.employer.name, "title": referral.vacancy.title},
        ),
    )
