"""The back office's writers. Cases change only through the cases services; these add what is the
desk's own."""

import hashlib
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from acikmasa.cases.lifecycle import Action
from acikmasa.cases.models import Attachment, CaseEvent
from acikmasa.cases.permissions import can_register, staff_profile
from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.cases.services.intake import IncomingFile, Submission, case_submit
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.common.errors import DomainError, PermissionRefused, ValidationFailed
from acikmasa.directory.models import Directorate, Neighbourhood, Role, Street, Subject
from acikmasa.security.uploads import ImageRefused, image_without_metadata, sniff_content_type

from .models import FieldVisit, GuidanceLog

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
IMAGE_TYPES = {"image/jpeg", "image/png", "image/webp", "image/gif"}


@dataclass
class Registration:
    """A case typed in by an agent (call centre, walk-in desk or field visit)."""

    channel: str
    description: str
    subject_id: int | None = None
    case_type: str = ""
    neighbourhood_id: int | None = None
    street_id: int | None = None
    address: str = ""
    priority: int = 2
    citizen: CitizenInput = field(default_factory=CitizenInput)
    proxy: dict[str, str] = field(default_factory=dict)
    files: list[IncomingFile] = field(default_factory=list)


def desk_register(*, user: AbstractBaseUser, registration: Registration) -> Submission:
    """Register a case for an applicant at the desk, on the phone or at the door.

    Rule: only intake roles register; a channel that requires identity (walk-in desk, petition)
    needs a valid T.C. Kimlik No; proxy or guardian papers are kept in the first event's payload.
    Callers: call-centre, walk-in and field views. Side effects: those of `case_submit`.
    """
    profile = staff_profile(user)
    if profile is None or not can_register(user):
        raise PermissionRefused(_("You are not allowed to register cases."))
    from acikmasa.directory.models import Channel

    channel = Channel.objects.filter(code=registration.channel, is_active=True).first()
    if (
        channel is not None
        and channel.requires_identity
        and not registration.citizen.national_id.strip()
    ):
        raise ValidationFailed(
            {"national_id": _("This channel needs the applicant's T.C. Kimlik No (ID card).")}
        )
    extra = {"proxy": registration.proxy} if registration.proxy else {}
    return case_submit(
        municipality=profile.municipality,
        channel=registration.channel,
        description=registration.description,
        case_type=registration.case_type or None,
        subject=registration.subject_id,
        citizen=registration.citizen,
        neighbourhood=registration.neighbourhood_id,
        street=registration.street_id,
        address=registration.address,
        priority=registration.priority,
        submitted_by=user,
        attachments=registration.files,
        extra=extra,
    )


def case_act(
    *,
    user: AbstractBaseUser,
    case_id: int,
    action: str,
    text: str = "",
    params: dict | None = None,
    expected_version: int | None = None,
    photo: IncomingFile | None = None,
) -> CaseEvent:
    """One action from the case page, with an optional photo kept as evidence of that very event.

    Rule: the change itself is `case_transition`'s (it checks role, scope, status and version); a
    photo is only accepted with a resolution or an answer, and is linked to the event it proves.
    Callers: the case page and bulk assign. Side effects: one event; maybe one Attachment row.
    """
    if photo is not None and action not in (Action.RESOLVE, Action.ANSWER):
        raise ValidationFailed(
            {"photo": _("A photo can be added only to a resolution or an answer.")}
        )
    with transaction.atomic():
        event = case_transition(
            case_id=case_id,
            actor=user,
            request=TransitionRequest(
                action=action, text=text, params=params or {}, expected_version=expected_version
            ),
        )
        if photo is not None:
            _attach_evidence(event, photo, user)
    return event


def _attach_evidence(event: CaseEvent, upload: IncomingFile, user: AbstractBaseUser) -> Attachment:
    if not upload.content:
        raise ValidationFailed({"photo": _("The file is empty.")})
    if len(upload.content) > MAX_UPLOAD_BYTES:
        raise ValidationFailed({"photo": _("The file is larger than 10 MB.")})
    content_type = sniff_content_type(upload.content)
    if content_type not in IMAGE_TYPES:
        raise ValidationFailed({"photo": _("The photo must be a JPEG, PNG, WebP or GIF image.")})
    try:
        # Rebuilt from its pixels: a public photo must not carry the camera's GPS position or a
        # second file appended after the image.
        content, content_type = image_without_metadata(upload.content)
    except ImageRefused:
        raise ValidationFailed(
            {"photo": _("The photo must be a JPEG, PNG, WebP or GIF image.")}
        ) from None
    upload = IncomingFile(name=upload.name, content=content, content_type=content_type)
    digest = hashlib.sha256(upload.content).hexdigest()
    attachment = Attachment(
        case_id=event.case_id,
        event=event,
        original_name=upload.name[:255],
        content_type=content_type,
        size=len(upload.content),
        sha256=digest,
        is_public=event.is_public,
        uploaded_by=user,
    )
    attachment.file.save(
        f"{digest[:16]}-{upload.name[-80:]}", ContentFile(upload.content), save=False
    )
    attachment.save()
    return attachment


@dataclass
class BulkResult:
    done: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)


def cases_bulk_assign(
    *, user: AbstractBaseUser, case_ids: list[int], assignee_id: int
) -> BulkResult:
    """Assign many cases to one person; each case is its own transition, refused ones are reported.

    Rule: the same as a single assignment (managers, own directorates, assignee in the case's
    directorate). Callers: the queue's bulk form. Side effects: one ASSIGNED event per case.
    """
    from acikmasa.cases.permissions import visible_cases

    result = BulkResult()
    cases = {case.pk: case for case in visible_cases(user).filter(pk__in=case_ids)}
    for case_id in case_ids:
        case = cases.get(case_id)
        if case is None:
            continue  # not visible: say nothing about it
        try:
            case_transition(
                case_id=case.pk,
                actor=user,
                request=TransitionRequest(
                    action=Action.ASSIGN,
                    params={"assignee_id": assignee_id},
                ),
            )
        except DomainError as error:
            result.refused.append((case.tracking_number, error.message))
        else:
            result.done.append(case.tracking_number)
    return result


def guidance_log_create(
    *,
    user: AbstractBaseUser,
    topic: str,
    subject: Subject | None = None,
    referred_to: Directorate | None = None,
    neighbourhood: Neighbourhood | None = None,
    note: str = "",
    given_at: datetime | None = None,
) -> GuidanceLog:
    """Record guidance given to a visitor (Danışma). It counts in statistics and opens no case.

    Rule: intake roles only; a topic is required. Callers: the guidance view. Side effects: one row.
    """
    profile = staff_profile(user)
    if profile is None or not can_register(user):
        raise PermissionRefused(_("You are not allowed to log guidance."))
    topic = topic.strip()
    if not topic:
        raise ValidationFailed({"topic": _("Write what the visitor asked about.")})
    return GuidanceLog.objects.create(
        municipality_id=profile.municipality_id,
        given_by=user,
        given_at=given_at or timezone.now(),
        topic=topic[:200],
        subject=subject,
        referred_to=referred_to,
        neighbourhood=neighbourhood,
        note=note.strip(),
    )


def field_visit_record(
    *,
    user: AbstractBaseUser,
    neighbourhood: Neighbourhood,
    address: str,
    outcome: str,
    street: Street | None = None,
    visited_at: datetime | None = None,
    note: str = "",
    registration: Registration | None = None,
) -> FieldVisit:
    """Record a household visit; with outcome "request taken" the request becomes a field-channel
    case.

    Rule: field representatives (and admins) only, in their own region; the visit and its case are
    written together or not at all. Callers: the field view. Side effects: a FieldVisit row and,
    for a request, everything `case_submit` does.
    """
    profile = staff_profile(user)
    if profile is None or profile.role not in (Role.FIELD_REP, Role.ADMIN):
        raise PermissionRefused(_("Only field representatives record household visits."))
    errors = {}
    if neighbourhood.municipality_id != profile.municipality_id or (
        profile.region_id and neighbourhood.region_id != profile.region_id
    ):
        errors["neighbourhood"] = _("This neighbourhood is not in your region.")
    if street is not None and street.neighbourhood_id != neighbourhood.pk:
        errors["street"] = _("The street is not in the selected neighbourhood.")
    if not address.strip():
        errors["address"] = _("Write the address (building and door number).")
    if outcome not in FieldVisit.Outcome.values:
        errors["outcome"] = _("Choose the outcome of the visit.")
    elif outcome == FieldVisit.Outcome.REQUEST_TAKEN and registration is None:
        errors["description"] = _("Describe the request that was taken.")
    if errors:
        raise ValidationFailed(errors)
    with transaction.atomic():
        case = None
        if outcome == FieldVisit.Outcome.REQUEST_TAKEN:
            registration.channel = "field"
            registration.neighbourhood_id = neighbourhood.pk
            registration.street_id = street.pk if street else None
            registration.address = registration.address or address.strip()
            case = desk_register(user=user, registration=registration).case
        return FieldVisit.objects.create(
            municipality_id=profile.municipality_id,
            representative=user,
            region_id=neighbourhood.region_id,
            neighbourhood=neighbourhood,
            street=street,
            address=address.strip()[:300],
            visited_at=visited_at or timezone.now(),
            outcome=outcome,
            note=note.strip(),
            case=case,
        )
