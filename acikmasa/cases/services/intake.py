"""The single door into the system: every channel registers a case through `case_submit`."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from acikmasa.cases import reactions
from acikmasa.cases.kinds import EventKind
from acikmasa.cases.lifecycle import Status
from acikmasa.cases.models import Case, CaseType, Citizen, Priority
from acikmasa.common.errors import ValidationFailed
from acikmasa.directory.models import Channel, Municipality, Neighbourhood, Street, Subject

from .attachments import IncomingFile, attachment_store
from .citizens import CitizenInput, citizen_errors, citizen_find_or_create
from .history import EventDraft, case_open
from .tracking import new_public_token, next_tracking_number

__all__ = ["IncomingFile", "Submission", "case_submit"]  # IncomingFile: its old home

MAX_DESCRIPTION = 10_000
MAX_EXTERNAL_ID = 200
# A phone photo or a scanned petition fits easily; anything larger is refused before it is stored.
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
MAX_ATTACHMENTS = 10


@dataclass
class Submission:
    """What `case_submit` gives back: the case, and whether this call created it."""

    case: Case
    created: bool


@dataclass
class _Resolved:
    channel: Channel | None = None
    subject: Subject | None = None
    neighbourhood: Neighbourhood | None = None
    street: Street | None = None
    citizen: CitizenInput = field(default_factory=CitizenInput)


def _lookup(model: type[models.Model], value: Any, **scope: Any) -> models.Model | None:
    """Find a row by instance, primary key or code inside `scope`; None if not found."""
    if value in (None, "") or isinstance(value, bool):
        return None
    if isinstance(value, model) and value.pk is not None:
        in_scope = _instance_in_scope(value, scope)
        if in_scope is not None:
            return value if in_scope else None
    queryset = model.objects.filter(**scope)
    if isinstance(value, model):
        # Re-read inside the scope: the scope spans a relation the instance has not loaded.
        return queryset.filter(pk=value.pk).first()
    if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
        return queryset.filter(pk=int(value)).first()
    if isinstance(value, str) and hasattr(model, "code"):
        return queryset.filter(code=value).first()
    return None


def _instance_in_scope(value: models.Model, scope: dict[str, Any]) -> bool | None:
    """Check a caller's instance against `scope` without a query; None when that needs one.

    Only plain fields and relations the instance already holds are read, so this never queries
    and never trusts anything the scope does not name (e.g. `is_active` is read from the row).
    """
    for path, expected in scope.items():
        obj: Any = value
        *relations, last = path.split("__")
        for name in relations:
            if not obj._meta.get_field(name).is_cached(obj):
                return None
            obj = getattr(obj, name)
            if obj is None:
                return False
        field = obj._meta.get_field(last)
        if field.is_relation:
            actual, wanted = getattr(obj, field.attname), getattr(expected, "pk", expected)
        else:
            actual, wanted = getattr(obj, last), expected
        if actual != wanted:
            return False
    return True


def _validate(
    *,
    municipality: Municipality,
    channel: Any,
    case_type: str,
    description: str,
    subject: Any,
    neighbourhood: Any,
    street: Any,
    latitude: float | None,
    longitude: float | None,
    priority: int,
    external_id: str,
    citizen: CitizenInput,
    attachments: list[IncomingFile],
) -> _Resolved:
    errors: dict[str, str] = {}
    found = _Resolved()
    found.channel = _lookup(Channel, channel, is_active=True)
    if found.channel is None:
        errors["channel"] = _("Unknown or inactive channel.")
    if case_type not in CaseType.values:
        errors["case_type"] = _("Unknown case type.")
    text = (description or "").strip()
    if not text:
        errors["description"] = _("Please describe the request.")
    elif len(text) > MAX_DESCRIPTION:
        errors["description"] = _("The description may be at most %(limit)d characters.") % {
            "limit": MAX_DESCRIPTION
        }
    found.subject = _lookup(Subject, subject, municipality=municipality, is_active=True)
    if subject not in (None, "") and found.subject is None:
        errors["subject"] = _("Unknown subject.")
    found.neighbourhood = _lookup(Neighbourhood, neighbourhood, municipality=municipality)
    if neighbourhood not in (None, "") and found.neighbourhood is None:
        errors["neighbourhood"] = _("Unknown neighbourhood.")
    found.street = _lookup(Street, street, neighbourhood__municipality=municipality)
    if street not in (None, "") and found.street is None:
        errors["street"] = _("Unknown street.")
    elif (
        found.street
        and found.neighbourhood
        and found.street.neighbourhood_id != found.neighbourhood.pk
    ):
        errors["street"] = _("The street is not in the selected neighbourhood.")
    errors |= _location_errors(latitude, longitude)
    if priority not in Priority.values:
        errors["priority"] = _("Unknown priority.")
    if len(external_id or "") > MAX_EXTERNAL_ID:
        errors["external_id"] = _("The channel's message id is too long.")
    citizen_problems, found.citizen = citizen_errors(citizen)
    errors |= citizen_problems
    if case_type == CaseType.INFORMATION and not _identifies(found.citizen):
        # Law 4982 Art. 6: an information request carries the applicant's name and address.
        errors["citizen"] = _(
            "An information request needs the applicant's name and an address or e-mail."
        )
    errors |= _attachment_errors(attachments)
    if errors:
        raise ValidationFailed(errors)
    return found


def _attachment_errors(attachments: list[IncomingFile]) -> dict[str, str]:
    if len(attachments) > MAX_ATTACHMENTS:
        return {"attachments": _("At most %(n)d files can be attached.") % {"n": MAX_ATTACHMENTS}}
    for upload in attachments:
        if not upload.content:
            return {"attachments": _("An attached file is empty.")}
        if len(upload.content) > MAX_ATTACHMENT_BYTES:
            return {
                "attachments": _("An attached file may be at most %(mb)d MB.")
                % {"mb": MAX_ATTACHMENT_BYTES // 2**20}
            }
        if not (upload.name or "").strip():
            return {"attachments": _("An attached file has no name.")}
    return {}


def _location_errors(latitude: float | None, longitude: float | None) -> dict[str, str]:
    if (latitude is None) != (longitude is None):
        return {"location": _("Give both latitude and longitude, or neither.")}
    if latitude is None:
        return {}
    try:
        ok = -90 <= float(latitude) <= 90 and -180 <= float(longitude) <= 180
    except (TypeError, ValueError):
        ok = False
    return {} if ok else {"location": _("The coordinates are out of range.")}


def _identifies(citizen: CitizenInput) -> bool:
    return bool(citizen.first_name and citizen.last_name and (citizen.address or citizen.email))


def _existing(municipality: Municipality, channel: Channel, external_id: str) -> Case | None:
    if not external_id:
        return None
    return Case.objects.filter(
        municipality=municipality, channel=channel, external_id=external_id
    ).first()


def case_submit(
    *,
    municipality: Municipality,
    channel: Channel | str,
    description: str,
    case_type: str | None = None,
    subject: Subject | int | str | None = None,
    citizen: CitizenInput | None = None,
    neighbourhood: Neighbourhood | int | None = None,
    street: Street | int | None = None,
    address: str = "",
    latitude: float | None = None,
    longitude: float | None = None,
    priority: int = Priority.NORMAL,
    external_id: str = "",
    submitted_by: AbstractBaseUser | None = None,
    received_at: datetime | None = None,
    attachments: list[IncomingFile] | None = None,
    extra: dict[str, Any] | None = None,
) -> Submission:
    """Register a case from any channel.

    Rule: validates everything before writing (a ValidationFailed writes nothing); the same
    (channel, external_id) always yields the first case; the subject decides the directorate and
    the strictest applicable service standard decides the due time.
    Callers: every channel adapter, the desk screens, the portal, the API.
    Side effects: a Citizen row may be created or completed; CREATED and ROUTED events are written.
    """
    attachments = attachments or []
    citizen = citizen or CitizenInput()
    found = _validate(
        municipality=municipality,
        channel=channel,
        case_type=case_type or _default_type(subject, municipality),
        description=description,
        subject=subject,
        neighbourhood=neighbourhood,
        street=street,
        latitude=latitude,
        longitude=longitude,
        priority=priority,
        external_id=external_id,
        citizen=citizen,
        attachments=attachments,
    )
    case_type = case_type or (
        found.subject.default_case_type if found.subject else CaseType.REQUEST
    )
    # No look-up before the insert: the unique (channel, external_id) constraint finds a replay,
    # and the rollback returns everything it wrote (its tracking number included). First
    # submissions, by far the most, save a query; a replay pays for the work it undoes.
    try:
        with transaction.atomic():
            case = _create(
                municipality=municipality,
                found=found,
                case_type=case_type,
                description=description.strip(),
                address=address.strip(),
                latitude=latitude,
                longitude=longitude,
                priority=priority,
                external_id=external_id,
                submitted_by=submitted_by,
                received_at=received_at,
                attachments=attachments,
                extra=extra or {},
            )
    except IntegrityError:
        # A retry of the same message (earlier or concurrent) has the case: hand it back.
        existing = _existing(municipality, found.channel, external_id)
        if existing is None:
            raise
        return Submission(existing, created=False)
    return Submission(case, created=True)


def _default_type(subject: Any, municipality: Municipality) -> str:
    found = _lookup(Subject, subject, municipality=municipality)
    return found.default_case_type if found else CaseType.REQUEST


def _create(
    *,
    municipality: Municipality,
    found: _Resolved,
    case_type: str,
    description: str,
    address: str,
    latitude: float | None,
    longitude: float | None,
    priority: int,
    external_id: str,
    submitted_by: AbstractBaseUser | None,
    received_at: datetime | None,
    attachments: list[IncomingFile],
    extra: dict[str, Any],
) -> Case:
    now = received_at or timezone.now()
    if timezone.is_naive(now):
        # An adapter that parsed a local time without its zone: read it in the municipality's zone.
        now = timezone.make_aware(now)
    citizen: Citizen | None = citizen_find_or_create(
        municipality=municipality, data=found.citizen, neighbourhood=found.neighbourhood
    )
    suggestion: dict[str, Any] = {}
    resolve_subject = reactions.subject_resolver()
    if found.subject is None and resolve_subject is not None:
        # A channel message or a citizen who did not choose: routing may suggest one
        # (settings.ACIKMASA_CASE_SUBJECT_RESOLVER).
        found.subject, suggestion = resolve_subject(
            municipality=municipality,
            channel=found.channel,
            description=description,
            neighbourhood=found.neighbourhood,
            latitude=latitude,
            longitude=longitude,
        )
    # Priority care (issue 20, settings.ACIKMASA_CASE_PRIORITY_RESOLVER): a citizen of a priority
    # group gets a higher priority and brings a stricter candidate standard.
    boost, extra_standard = _priority(municipality, citizen)
    if boost is not None:
        priority = max(priority, boost)
    # The deadline engine decides which standard binds (settings.ACIKMASA_CASE_STANDARD_RESOLVER);
    # its reaction to CREATED computes due_at from the history, the one place that does.
    bind = reactions.standard_resolver()
    standard = (
        bind(
            municipality=municipality,
            channel=found.channel,
            case_type=case_type,
            subject=found.subject,
            start=now,
            **({"also": [extra_standard]} if extra_standard is not None else {}),
        )
        if bind is not None
        else None
    )
    neighbourhood = found.neighbourhood or (found.street.neighbourhood if found.street else None)
    case = Case.objects.create(
        municipality=municipality,
        tracking_number=next_tracking_number(
            municipality, now.astimezone(timezone.get_current_timezone()).year
        ),
        public_token=new_public_token(),
        case_type=case_type,
        channel=found.channel,
        external_id=external_id or "",
        subject=found.subject,
        directorate_id=found.subject.directorate_id if found.subject else None,
        status=Status.NEW,
        priority=priority,
        description=description,
        citizen=citizen,
        neighbourhood=neighbourhood,
        street=found.street,
        address=address,
        latitude=float(latitude) if latitude is not None else None,
        longitude=float(longitude) if longitude is not None else None,
        service_standard=standard,
        created_at=now,
        updated_at=now,
    )
    first = [
        EventDraft(
            EventKind.CREATED,
            actor=submitted_by,
            by_citizen=submitted_by is None,
            to_status=case.status,
            at=case.created_at,
            payload={
                "channel": found.channel.code,
                "subject": found.subject.code if found.subject else None,
                "case_type": case_type,
                "service_standard": standard.pk if standard else None,
                **({"extra": extra} if extra else {}),
                **({"suggestion": suggestion} if suggestion else {}),
                **({"priority_care": True} if boost or extra_standard else {}),
            },
        )
    ]
    if case.directorate_id:
        first.append(
            EventDraft(
                EventKind.ROUTED,
                actor=submitted_by,
                at=case.created_at,
                payload={
                    "directorate": case.directorate_id,
                    "reason": "suggestion" if suggestion else "subject",
                    **({"confidence": suggestion["confidence"]} if suggestion else {}),
                },
            )
        )
    for upload in attachments:
        attachment_store(case, upload, user=submitted_by)
    case_open(case, first)
    return case


def _priority(municipality: Municipality, citizen: Citizen | None) -> tuple[Any, Any]:
    resolve = reactions.priority_resolver()
    if resolve is None or citizen is None:
        return None, None
    return resolve(municipality=municipality, citizen=citizen)
