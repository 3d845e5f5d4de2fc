"""What the municipality holds about one person (KVKK Art. 11/1-b): one structure, two
renderings."""

from typing import Any

from acikmasa.cases.events import PUBLIC_KINDS, citizen_label
from acikmasa.cases.models import Case, CaseEvent, Citizen

from .models import AccessLog, Consent, NoticeReceipt, SubjectRequest

IDENTITY = (
    "first_name",
    "last_name",
    "national_id",
    "phone",
    "email",
    "address",
    "gender",
    "birth_year",
)


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def _case(case: Case, events: list[CaseEvent], receipt: NoticeReceipt | None) -> dict[str, Any]:
    return {
        "tracking_number": case.tracking_number,
        "registered_at": _iso(case.created_at),
        "type": case.get_case_type_display(),
        "channel": str(case.channel),
        "subject": str(case.subject or ""),
        "directorate": str(case.directorate or ""),
        "status": case.get_status_display(),
        "description": case.description,
        "address": case.address,
        "neighbourhood": str(case.neighbourhood or ""),
        "due_at": _iso(case.due_at),
        "closed_at": _iso(case.closed_at),
        "privacy_notice_version": receipt.notice.version if receipt else None,
        # The citizen's own history: what they were told and what they sent, not internal notes.
        "history": [
            {
                "at": _iso(e.created_at),
                "what": citizen_label(e.kind),
                "kind": e.kind,
                "text": e.text,
            }
            for e in events
            if e.kind in PUBLIC_KINDS or e.actor_kind == CaseEvent.ActorKind.CITIZEN
        ],
        "files": [a.original_name for a in case.attachments.all()],
    }


def citizen_export(citizen: Citizen) -> dict[str, Any]:
    """Everything held about `citizen`: identity, cases with their visible history, consents,
    privacy notices given, requests and who looked at the data."""
    cases = list(
        Case.objects.filter(citizen=citizen)
        .select_related("channel", "subject", "directorate", "neighbourhood")
        .prefetch_related("attachments")
        .order_by("created_at")
    )
    events: dict[int, list[CaseEvent]] = {}
    for event in CaseEvent.objects.filter(case__in=cases).order_by("case_id", "sequence"):
        events.setdefault(event.case_id, []).append(event)
    receipts = {
        r.case_id: r for r in NoticeReceipt.objects.filter(case__in=cases).select_related("notice")
    }
    access = (
        AccessLog.objects.filter(citizen=citizen).select_related("user", "case").order_by("-at")
    )
    return {
        "citizen": {name: getattr(citizen, name) for name in IDENTITY}
        | {"registered_at": _iso(citizen.created_at)},
        "cases": [_case(c, events.get(c.pk, []), receipts.get(c.pk)) for c in cases],
        "consents": [
            {
                "purpose": c.get_purpose_display(),
                "given_at": _iso(c.given_at),
                "channel": c.channel,
                "notice_version": c.notice.version if c.notice else None,
                "withdrawn_at": _iso(c.withdrawn_at),
            }
            for c in Consent.objects.filter(citizen=citizen)
            .select_related("notice")
            .order_by("given_at")
        ],
        "requests": [
            {
                "case": r.case.tracking_number,
                "request": r.get_kind_display(),
                "at": _iso(r.created_at),
            }
            for r in SubjectRequest.objects.filter(citizen=citizen).select_related("case")
        ],
        "access_log": [
            {
                "at": _iso(a.at),
                "staff": a.user.get_full_name() or a.user.username,
                "action": a.get_action_display(),
                "case": a.case.tracking_number if a.case else None,
            }
            for a in access
        ],
    }
