"""Reads for the Open311 API: what a GeoReport client may see of services and requests.

What is published: cases that have a subject and are requests, complaints, suggestions or wishes
(never information requests, tip-offs or thanks: they concern a person). Nothing about the citizen
is ever published; the description and the free-text address only for cases whose citizen wrote
them on a public channel (the portal's privacy notice says so), not for what an agent typed.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from acikmasa.cases.events import EventKind
from acikmasa.cases.lifecycle import OPEN_STATUSES
from acikmasa.cases.models import Attachment, Case, CaseEvent, CaseType
from acikmasa.directory.models import (
    Channel,
    Directorate,
    Municipality,
    Neighbourhood,
    ServiceStandard,
    Street,
    Subject,
)

from .errors import ApiError
from .models import RequestRecord

PUBLISHED_TYPES = (CaseType.REQUEST, CaseType.COMPLAINT, CaseType.SUGGESTION, CaseType.WISH)
PUBLIC_TEXT_CHANNELS = frozenset({"web", "open311", "mobile_app"})
ANSWER_KINDS = (
    EventKind.ANSWER_WRITTEN,
    EventKind.RESOLVED,
    EventKind.REJECTED,
    EventKind.FORWARDED_OUT,
)
NOTE_KINDS = (
    EventKind.CREATED,
    EventKind.INFO_REQUESTED,
    EventKind.RESUMED,
    EventKind.ANSWER_WRITTEN,
    EventKind.RESOLVED,
    EventKind.CLOSED,
    EventKind.REOPENED,
    EventKind.REJECTED,
    EventKind.FORWARDED_OUT,
)
DEFAULT_WINDOW = timedelta(days=90)  # the spec's default when no dates are given
MAX_PAGE_SIZE = 1000  # the spec's cap on one response
UrlBuilder = Callable[[Attachment], str]


def iso(value: datetime | None) -> str | None:
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def municipality_for(code: str) -> Municipality:
    """jurisdiction_id picks the municipality; it may be left out when only one is served."""
    active = Municipality.objects.filter(is_active=True)
    if code:
        found = active.filter(code=code).first()
        if found is None:
            raise ApiError(400, "Unknown jurisdiction_id.")
        return found
    first_two = list(active.order_by("pk")[:2])
    if not first_two:
        raise ApiError(404, "No jurisdiction is served here.")
    if len(first_two) > 1:
        raise ApiError(
            400, "jurisdiction_id is required: this server serves several municipalities."
        )
    return first_two[0]


def subjects(municipality: Municipality) -> QuerySet[Subject]:
    return Subject.objects.filter(municipality=municipality, is_active=True).select_related(
        "directorate"
    )


def subject_get(municipality: Municipality, code: str) -> Subject:
    subject = subjects(municipality).filter(code=code).first()
    if subject is None:
        raise ApiError(404, "Unknown service_code.")
    return subject


def service_dict(subject: Subject) -> dict[str, Any]:
    return {
        "service_code": subject.code,
        "service_name": subject.display_name,
        "description": subject.name_en
        if subject.display_name != subject.name_en and subject.name_en
        else subject.name,
        "metadata": True,
        "type": "realtime",
        "keywords": subject.keywords,
        "group": subject.directorate.display_name,
    }


def definition_dict(subject: Subject) -> dict[str, Any]:
    """Our subjects are the services; the case type and the mahalle are their attributes."""
    mahalleler = Neighbourhood.objects.filter(municipality_id=subject.municipality_id).order_by(
        "name"
    )
    return {
        "service_code": subject.code,
        "attributes": [
            {
                "variable": True,
                "code": "case_type",
                "datatype": "singlevaluelist",
                "required": False,
                "datatype_description": _(
                    "One of the keys; the service's usual type when left out."
                ),
                "order": 1,
                "description": _("Type of application"),
                "values": [{"key": value, "name": str(label)} for value, label in CaseType.choices],
            },
            {
                "variable": True,
                "code": "mahalle",
                "datatype": "singlevaluelist",
                "required": False,
                "datatype_description": _("The key of the neighbourhood (mahalle)."),
                "order": 2,
                "description": _("Neighbourhood"),
                "values": [{"key": str(n.pk), "name": n.name} for n in mahalleler],
            },
        ],
    }


def deadline_text(standard: ServiceStandard) -> str:
    """ "48 saat", "15 iş günü": the unit in the interface language, with the right plural."""
    n = standard.deadline_amount
    unit = standard.deadline_unit
    if unit == ServiceStandard.Unit.HOURS:
        return ngettext("%(n)d hour", "%(n)d hours", n) % {"n": n}
    if unit == ServiceStandard.Unit.WORKING_DAYS:
        return ngettext("%(n)d working day", "%(n)d working days", n) % {"n": n}
    return ngettext("%(n)d calendar day", "%(n)d calendar days", n) % {"n": n}


def standard_notice(standard: ServiceStandard | None) -> str | None:
    if standard is None:
        return None
    return _("%(name)s: completed within %(deadline)s at the latest") % {
        "name": standard.display_name,
        "deadline": deadline_text(standard),
    }


LIST_FIELDS = (
    "id",
    "tracking_number",
    "status",
    "case_type",
    "description",
    "address",
    "latitude",
    "longitude",
    "created_at",
    "updated_at",
    "due_at",
    "subject_id",
    "directorate_id",
    "channel_id",
    "service_standard_id",
    "neighbourhood_id",
    "street_id",
)


def published_cases(municipality: Municipality) -> QuerySet[Case]:
    # Only the case row: the small reference tables are read once per page (see _References),
    # which keeps a 1000-item page from building seven model instances per request.
    return Case.objects.filter(
        municipality=municipality,
        case_type__in=PUBLISHED_TYPES,
        subject__isnull=False,
    ).only(*LIST_FIELDS)


@dataclass
class RequestFilters:
    ids: list[str]
    service_codes: list[str]
    start: datetime | None = None
    end: datetime | None = None
    statuses: tuple[str, ...] = ()
    updated_after: datetime | None = None
    updated_before: datetime | None = None
    page: int = 1
    page_size: int = MAX_PAGE_SIZE


def request_list(municipality: Municipality, f: RequestFilters) -> list[Case]:
    """GeoReport GET requests: ids win over every other filter; else the last 90 days by default."""
    cases = published_cases(municipality)
    if f.ids:
        return list(
            cases.filter(tracking_number__in=f.ids[:MAX_PAGE_SIZE]).order_by("-created_at", "-pk")
        )
    if f.service_codes:
        cases = cases.filter(subject__code__in=f.service_codes)
    start, end = f.start, f.end
    if start is None and end is None and f.updated_after is None and f.updated_before is None:
        start = timezone.now() - DEFAULT_WINDOW
    elif start is None and end is not None:
        start = end - DEFAULT_WINDOW
    if start is not None:
        cases = cases.filter(created_at__gte=start)
    if end is not None:
        cases = cases.filter(created_at__lte=end)
    if f.updated_after is not None:
        cases = cases.filter(updated_at__gte=f.updated_after)
    if f.updated_before is not None:
        cases = cases.filter(updated_at__lte=f.updated_before)
    if f.statuses == ("open",):
        cases = cases.filter(status__in=OPEN_STATUSES)
    elif f.statuses == ("closed",):
        cases = cases.exclude(status__in=OPEN_STATUSES)
    offset = (f.page - 1) * f.page_size
    return list(cases.order_by("-created_at", "-pk")[offset : offset + f.page_size])


def request_get(municipality: Municipality, request_id: str) -> Case:
    case = published_cases(municipality).filter(tracking_number=request_id).first()
    if case is None:
        raise ApiError(404, "Unknown service_request_id.")
    return case


def token_get(municipality: Municipality, token: str) -> RequestRecord:
    record = (
        RequestRecord.objects.filter(token=token, case__municipality=municipality)
        .select_related("case")
        .first()
    )
    if record is None:
        raise ApiError(404, "Unknown token.")
    return record


def _latest_answers(case_ids: list[int]) -> dict[int, str]:
    answers: dict[int, str] = {}
    events = CaseEvent.objects.filter(
        case_id__in=case_ids, kind__in=ANSWER_KINDS, is_public=True
    ).exclude(text="")
    for case_id, text in events.order_by("case_id", "sequence").values_list("case_id", "text"):
        answers[case_id] = text  # the last one wins
    return answers


def _photos(case_ids: list[int]) -> dict[int, list[Attachment]]:
    photos: dict[int, list[Attachment]] = {}
    for attachment in Attachment.objects.filter(
        case_id__in=case_ids,
        is_public=True,
        content_type__startswith="image/",
    ).order_by("pk"):
        photos.setdefault(attachment.case_id, []).append(attachment)
    return photos


def _notes(case_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    notes: dict[int, list[dict[str, Any]]] = {}
    events = CaseEvent.objects.filter(case_id__in=case_ids, kind__in=NOTE_KINDS, is_public=True)
    for event in events.order_by("case_id", "sequence"):
        notes.setdefault(event.case_id, []).append(
            {
                "datetime": iso(event.created_at),
                "type": event.kind,
                "label": str(EventKind(event.kind).label),
                "status": "open" if (event.to_status or "new") in OPEN_STATUSES else "closed",
                "summary": event.text,
            }
        )
    return notes


def _address(
    address: str, street: Street | None, neighbourhood: Neighbourhood | None
) -> str | None:
    parts = [address, street.name if street else "", neighbourhood.name if neighbourhood else ""]
    text = ", ".join(p for p in parts if p)
    return text or None


class _References:
    """Subjects, directorates, standards, channels and places of one page, each read in one
    query."""

    def __init__(self, cases: list[Case]):
        def by_id(model, attr, *fields):
            wanted = {getattr(c, attr) for c in cases} - {None}
            rows = model.objects.filter(pk__in=wanted)
            rows = rows.only(*fields) if fields else rows
            return {row.pk: row for row in rows} if wanted else {}

        self.subjects = by_id(Subject, "subject_id")
        self.directorates = by_id(Directorate, "directorate_id")
        self.channels = by_id(Channel, "channel_id")
        self.neighbourhoods = by_id(
            Neighbourhood, "neighbourhood_id", "id", "name"
        )  # not the outline
        self.streets = by_id(Street, "street_id", "id", "name")
        standards = by_id(ServiceStandard, "service_standard_id")
        self.notices = {pk: standard_notice(s) for pk, s in standards.items()}


def request_dicts(
    cases: Iterable[Case],
    *,
    photo_url: UrlBuilder,
    extensions: bool = False,
) -> list[dict[str, Any]]:
    """Serialise cases as GeoReport requests (a fixed number of queries for any page size)."""
    cases = list(cases)
    ids = [c.pk for c in cases]
    ref = _References(cases)
    answers, photos = _latest_answers(ids), _photos(ids)
    records = {r.case_id: r for r in RequestRecord.objects.filter(case_id__in=ids)}
    notes = _notes(ids) if extensions else {}
    result = []
    for case in cases:
        subject, channel = ref.subjects[case.subject_id], ref.channels[case.channel_id]
        directorate = ref.directorates.get(case.directorate_id)
        neighbourhood = ref.neighbourhoods.get(case.neighbourhood_id)
        street = ref.streets.get(case.street_id)
        public_text = channel.code in PUBLIC_TEXT_CHANNELS
        urls = [photo_url(a) for a in photos.get(case.pk, [])]
        record = records.get(case.pk)
        media = urls[0] if urls else (record.media_url if record and record.media_url else None)
        item = {
            "service_request_id": case.tracking_number,
            "status": "open" if case.status in OPEN_STATUSES else "closed",
            "status_notes": answers.get(case.pk),
            "service_name": subject.display_name,
            "service_code": subject.code,
            "description": case.description[:4000] if public_text else None,
            "agency_responsible": directorate.display_name if directorate else None,
            "service_notice": ref.notices.get(case.service_standard_id),
            "requested_datetime": iso(case.created_at),
            "updated_datetime": iso(case.updated_at),
            "expected_datetime": iso(case.due_at),
            "address": _address(case.address if public_text else "", street, neighbourhood),
            "address_id": str(case.street_id) if case.street_id else None,
            "zipcode": None,
            "lat": case.latitude,
            "long": case.longitude,
            "media_url": media,
        }
        if extensions:
            item["extended_attributes"] = {
                "channel": channel.code,
                "case_type": case.case_type,
                "mahalle": neighbourhood.name if neighbourhood else None,
                "detailed_status": case.status,
                "photos": urls,
                "notes": notes.get(case.pk, []),
            }
        result.append(item)
    return result
