"""Anonymisation (KVKK Art. 7; the deletion regulation): the case and its figures stay, the person
goes.

For one ended case: the applicant's identity is blanked (or the case moves to an empty record when
the same person still has live cases), free text is scrubbed of phone numbers, ID numbers,
e-mails and the applicant's name, history texts are redacted through the core's one redaction
path, the files the citizen sent are deleted, and the channel and message copies are emptied.
A DeletionLog row says what was removed (counts only); it is also what makes the run idempotent.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from acikmasa.cases.events import EventKind, event_redact
from acikmasa.cases.lifecycle import FINAL_STATUSES
from acikmasa.cases.models import Attachment, Case, CaseEvent, CaseType, Citizen
from acikmasa.cases.services import record
from acikmasa.cases.services.history import case_lock

from ..models import DeletionLog, RetentionPolicy, VerificationCode
from ..scrub import scrub_json, scrub_text

ANONYMISED = EventKind.PERSONAL_DATA_ANONYMISED
IDENTITY_FIELDS = ("first_name", "last_name", "national_id", "phone", "email", "address")
# Two years after a case ends unless the admin sets otherwise per case type
# (ACIKMASA_PRIVACY_RETENTION_DAYS changes the default for all).
DEFAULT_RETENTION_DAYS = 730


def default_retention_days() -> int:
    return int(getattr(settings, "ACIKMASA_PRIVACY_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))


def retention_table(municipality_id: int) -> dict[str, int]:
    """Days kept after the end, per case type: the admin's rows over the default."""
    table = {t: default_retention_days() for t in CaseType.values}
    for row in RetentionPolicy.objects.filter(municipality_id=municipality_id):
        table[row.case_type] = row.days_after_close
    return table


def expired_cases(*, now: datetime | None = None) -> QuerySet[Case]:
    """Ended cases whose retention period is over and that were not anonymised yet."""
    from acikmasa.directory.models import Municipality

    now = now or timezone.now()
    ended = Case.objects.filter(status__in=FINAL_STATUSES, anonymisation__isnull=True).annotate(
        ended_at=Coalesce("closed_at", "updated_at"),
    )
    due = Q(pk__in=[])
    for municipality_id in Municipality.objects.values_list("pk", flat=True):
        for case_type, days in retention_table(municipality_id).items():
            due |= Q(
                municipality_id=municipality_id,
                case_type=case_type,
                ended_at__lt=now - timedelta(days=days),
            )
    return ended.filter(due).order_by("pk")


@dataclass
class Removed:
    """Counts of what one anonymisation removed; stored in the deletion log."""

    identity_fields: int = 0
    citizen_detached: bool = False
    description_changed: bool = False
    events_redacted: int = 0
    files_deleted: int = 0
    messages_emptied: int = 0
    other_rows: int = 0
    files: list[str] = field(default_factory=list)

    def as_log(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "files"}


def case_anonymise(
    *,
    case_id: int,
    reason: str = "retention",
    user: AbstractBaseUser | None = None,
    request_case: Case | None = None,
    now: datetime | None = None,
) -> DeletionLog | None:
    """Remove the personal data of one case; None when it was already done (safe to re-run).

    Rule: only the person's data goes: type, subject, directorate, mahalle, street, times,
    statuses and the history's shape stay, so every figure is unchanged.
    Callers: the retention run (ended cases past their period) and an officer acting on a deletion
    request. Side effects: the rows described in the module docstring, one history event and one
    DeletionLog row, all in one transaction; files leave the disk after it commits.
    """
    now = now or timezone.now()
    with transaction.atomic():
        case = case_lock(case_id, related=("citizen",))
        if DeletionLog.objects.filter(case=case).exists():
            return None
        citizen = case.citizen
        names = tuple(n for n in (citizen.first_name, citizen.last_name) if n) if citizen else ()
        removed = Removed()
        # The scrubbed fields are set on the locked row; the door saves them with the event.
        _case_fields(case, names, removed)
        if citizen is not None:
            _citizen(case, citizen, removed)
        _history(case, names, removed)
        _files(case, removed)
        _copies(case, names, removed)
        record.personal_data_anonymised(
            case, payload={"reason": reason, **removed.as_log()}, at=now
        )
        log = DeletionLog.objects.create(
            at=now,
            municipality_id=case.municipality_id,
            case=case,
            reason=reason,
            request_case=request_case,
            done_by=user,
            summary=removed.as_log(),
        )
        paths = list(removed.files)
        transaction.on_commit(lambda: _delete_files(paths))
    return log


def _case_fields(case: Case, names: tuple[str, ...], removed: Removed) -> list[str]:
    changed = []
    description = scrub_text(case.description, names)
    if description != case.description:
        case.description, removed.description_changed = description, True
        changed.append("description")
    if case.address:
        case.address = ""
        changed.append("address")
    if case.latitude is not None:
        # About 100 m: still on the right street for the maps, no longer on a doorstep.
        case.latitude, case.longitude = round(case.latitude, 3), round(case.longitude, 3)
        changed += ["latitude", "longitude"]
    return changed


def _citizen(case: Case, citizen: Citizen, removed: Removed) -> list[str]:
    """Blank the person; if they still have live cases, only this case lets go of them."""
    still_held = citizen.cases.exclude(pk=case.pk).filter(anonymisation__isnull=True).exists()
    if still_held:
        # An empty record keeps the case's demographic figures without pointing at the person.
        case.citizen = Citizen.objects.create(
            municipality_id=citizen.municipality_id,
            neighbourhood_id=citizen.neighbourhood_id,
            gender=citizen.gender,
            birth_year=citizen.birth_year,
        )
        removed.citizen_detached = True
        return ["citizen"]
    blank = {name: "" for name in IDENTITY_FIELDS if getattr(citizen, name)}
    removed.identity_fields = len(blank)
    Citizen.objects.filter(pk=citizen.pk).update(contact_consent=False, **blank)
    from acikmasa.notify.models import ContactPreference

    removed.other_rows += ContactPreference.objects.filter(citizen=citizen).delete()[0]
    return []


def _history(case: Case, names: tuple[str, ...], removed: Removed) -> None:
    for event in CaseEvent.objects.filter(case=case).only("pk", "text", "payload"):
        text, payload = scrub_text(event.text, names), scrub_json(event.payload, names)
        if text != event.text or payload != event.payload:
            event_redact(event.pk, text=text, payload=payload)
            removed.events_redacted += 1


def _files(case: Case, removed: Removed) -> None:
    """Delete what the citizen sent (photos, scanned petitions); staff evidence of the work
    stays."""
    sent = Attachment.objects.filter(case=case).filter(
        Q(event__isnull=True) | ~Q(event__actor_kind=CaseEvent.ActorKind.STAFF)
    )
    for attachment in sent:
        if attachment.file:
            removed.files.append(attachment.file.name)
        removed.files_deleted += 1
    sent.delete()


def _delete_files(paths: list[str]) -> None:
    from django.core.files.storage import default_storage

    for path in paths:
        default_storage.delete(path)


def _copies(case: Case, names: tuple[str, ...], removed: Removed) -> None:
    """Empty the copies other apps keep: raw inbound messages, outbound texts, notifications."""
    from acikmasa.channels.models import InboundMessage, OutboundMessage
    from acikmasa.desk.models import FieldVisit
    from acikmasa.notify.models import Notification, SurveyAnswer
    from acikmasa.open311.models import RequestRecord

    removed.messages_emptied += InboundMessage.objects.filter(case=case).update(
        sender="",
        body=b"",
        headers={},
        item={},
    )
    for model in (OutboundMessage, Notification):
        for row in model.objects.filter(case=case).only("pk", "text", "subject"):
            model.objects.filter(pk=row.pk).update(
                recipient="",
                text=scrub_text(row.text, names),
                subject=scrub_text(row.subject, names),
            )
            removed.messages_emptied += 1
    for answer in SurveyAnswer.objects.filter(case=case).exclude(comment=""):
        SurveyAnswer.objects.filter(pk=answer.pk).update(comment=scrub_text(answer.comment, names))
        removed.other_rows += 1
    removed.other_rows += FieldVisit.objects.filter(case=case).update(address="", note="")
    removed.other_rows += RequestRecord.objects.filter(case=case).update(
        device_id="", account_id=""
    )
    removed.other_rows += VerificationCode.objects.filter(case=case).delete()[0]


@dataclass
class RetentionRun:
    examined: int = 0
    anonymised: int = 0


def retention_run(
    *, now: datetime | None = None, batch_size: int = 200, limit: int | None = None
) -> RetentionRun:
    """Anonymise every case past its retention period, one transaction per case.

    Rule: idempotent (a case with a deletion log is skipped), so a crash midway is fixed by the
    next run. Callers: the self-repeating task, the `privacy_retention` command.
    """
    result, after = RetentionRun(), 0
    while limit is None or result.examined < limit:
        # A cursor on the id: each batch starts where the last ended instead of rescanning it.
        ids = list(
            expired_cases(now=now).filter(pk__gt=after).values_list("pk", flat=True)[:batch_size]
        )
        if not ids:
            break
        after = ids[-1]
        for case_id in ids[: None if limit is None else limit - result.examined]:
            result.examined += 1
            if case_anonymise(case_id=case_id, now=now) is not None:
                result.anonymised += 1
    return result
