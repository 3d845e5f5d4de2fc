"""One typed helper per event kind that other apps write: each a few lines over the one door.

Other apps call these, never `case_append` with a bare kind, so that what each kind carries is
said in one place. `case` is a case id (the door locks it) or a case from `history.case_lock`
locked in the caller's transaction. Status changes are not here: they go through case_transition.
"""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser

from acikmasa.cases.kinds import EventKind
from acikmasa.cases.models import Case, CaseEvent

from .attachments import IncomingFile, attachment_store
from .history import EventDraft, case_append, cases_append

CaseRef = Case | int


# ---- messages (channels, notify) ----------------------------------------------------------------


def message_received(
    case: CaseRef,
    *,
    text: str,
    payload: dict[str, Any],
    at: datetime | None = None,
    files: Sequence[IncomingFile] = (),
) -> CaseEvent:
    """The citizen wrote again on a case; their files are kept with the message (never public)."""

    def attach(event: CaseEvent) -> None:
        for upload in files:
            attachment_store(event.case, upload, event=event, is_public=False)

    return case_append(
        case,
        EventKind.MESSAGE_RECEIVED,
        by_citizen=True,
        text=text[:10_000],
        payload=payload,
        at=at,
        with_event=attach,
    )


def message_sent(case: CaseRef, *, text: str, payload: dict[str, Any]) -> CaseEvent:
    """A message to the citizen left (a provider accepted it)."""
    return case_append(case, EventKind.MESSAGE_SENT, text=text[:10_000], payload=payload)


def message_failed(case: CaseRef, *, error: str, payload: dict[str, Any]) -> CaseEvent:
    """A message to the citizen could not be delivered, for good."""
    return case_append(case, EventKind.MESSAGE_FAILED, text=error[:2000], payload=payload)


def survey_answered(
    case: CaseRef, *, solved: bool, score: int | None, comment: str, via: str
) -> CaseEvent:
    """The citizen's one answer to the satisfaction survey (the roll-ups count it)."""
    return case_append(
        case,
        EventKind.SURVEY_ANSWERED,
        by_citizen=True,
        text=comment,
        payload={"solved": solved, "score": score, "via": via},
    )


# ---- the deadline engine ------------------------------------------------------------------------


def deadline_extended(
    case: CaseRef,
    *,
    actor: AbstractBaseUser | None,
    notice: str,
    at: datetime,
    payload: dict[str, Any],
) -> CaseEvent:
    """The answer period was extended (Law 4982 Art. 11); the deadline reaction moves due_at."""
    return case_append(
        case,
        EventKind.DEADLINE_EXTENDED,
        actor=actor,
        text=notice,
        at=at,
        payload=payload,
        changes={"updated_at": at},
    )


def clock_stopped(
    case: CaseRef,
    *,
    actor: AbstractBaseUser | None,
    notice: str,
    at: datetime,
    payload: dict[str, Any],
) -> CaseEvent:
    """The clock stands still (a copying-cost notice went out); the deadline reaction pauses it."""
    return case_append(
        case,
        EventKind.CLOCK_STOPPED,
        actor=actor,
        text=notice,
        at=at,
        payload=payload,
        changes={"updated_at": at},
    )


def clock_resumed(
    case: CaseRef, *, actor: AbstractBaseUser | None, at: datetime, payload: dict[str, Any]
) -> CaseEvent:
    """The clock runs again (the fee was paid); the deadline reaction moves due_at."""
    return case_append(
        case,
        EventKind.CLOCK_RESUMED,
        actor=actor,
        at=at,
        payload=payload,
        changes={"updated_at": at},
    )


def escalations_record(
    items: Sequence[tuple[Case, dict[str, Any]]], *, at: datetime
) -> list[CaseEvent]:
    """One ESCALATED event per (locked case, payload), written at once (the sweep's batch)."""
    grouped: dict[int, tuple[Case, list[EventDraft]]] = {}
    for case, payload in items:
        grouped.setdefault(id(case), (case, []))[1].append(
            EventDraft(EventKind.ESCALATED, at=at, payload=payload)
        )
    written = cases_append(list(grouped.values()))
    # Back in the callers' order (a case may have several levels in one batch).
    by_case: dict[int, list[CaseEvent]] = {}
    for event in written:
        by_case.setdefault(id(event.case), []).append(event)
    return [by_case[id(case)].pop(0) for case, _payload in items]


# ---- duplicates, jurisdiction, the portal, privacy ----------------------------------------------


def duplicates_merged(
    case: CaseRef, *, actor: AbstractBaseUser | None, text: str, payload: dict[str, Any]
) -> CaseEvent:
    """Other cases were joined to this master case."""
    return case_append(case, EventKind.DUPLICATES_MERGED, actor=actor, text=text, payload=payload)


def duplicate_unlinked(
    case: CaseRef, *, actor: AbstractBaseUser | None, text: str, payload: dict[str, Any]
) -> CaseEvent:
    """A case joined to this master was separated again."""
    return case_append(case, EventKind.DUPLICATE_UNLINKED, actor=actor, text=text, payload=payload)


MASTER_OUTCOMES = frozenset(
    {EventKind.MASTER_RESOLVED, EventKind.MASTER_REJECTED, EventKind.MASTER_FORWARDED_OUT}
)


def master_outcome(case: CaseRef, kind: str, *, text: str, payload: dict[str, Any]) -> CaseEvent:
    """The master this case was joined to reached an outcome (resolved, rejected, forwarded out)."""
    if kind not in MASTER_OUTCOMES:
        raise ValueError(f"{kind!r} is not a master outcome")
    return case_append(case, kind, text=text, payload=payload)


def jurisdiction_matched(case: CaseRef, *, payload: dict[str, Any]) -> CaseEvent:
    """A rule says the case belongs to another institution (forwarding follows after commit)."""
    return case_append(case, EventKind.JURISDICTION_MATCHED, payload=payload)


def supported(case: CaseRef, *, supporters: int) -> CaseEvent:
    """A citizen added their voice ("me too") to an open case."""
    return case_append(
        case, EventKind.SUPPORTED, by_citizen=True, payload={"supporters": supporters}
    )


def personal_data_anonymised(case: CaseRef, *, payload: dict[str, Any], at: datetime) -> CaseEvent:
    """The applicant's personal data left the case (KVKK Art. 7); the scrubbed fields are saved."""
    return case_append(case, EventKind.PERSONAL_DATA_ANONYMISED, payload=payload, at=at)


# ---- issue 20: the seeds' own units (homevisits, careers, socialaid) ----------------------------


def visit_planned(
    case: CaseRef, *, actor: AbstractBaseUser | None, window: str, payload: dict[str, Any]
) -> CaseEvent:
    """A home visit got its day and window (Hizmet Kapınızda); the citizen sees when."""
    return case_append(case, EventKind.VISIT_PLANNED, actor=actor, text=window, payload=payload)


def visit_done(
    case: CaseRef, *, actor: AbstractBaseUser | None, outcome: str, payload: dict[str, Any]
) -> CaseEvent:
    """The team made the visit: what was done, the applications taken at the door."""
    return case_append(case, EventKind.VISIT_DONE, actor=actor, text=outcome, payload=payload)


def visit_missed(
    case: CaseRef, *, actor: AbstractBaseUser | None, reason: str, payload: dict[str, Any]
) -> CaseEvent:
    """The team could not make the visit (internal: the reason is the team's note)."""
    return case_append(case, EventKind.VISIT_MISSED, actor=actor, text=reason, payload=payload)


def visit_rescheduled(
    case: CaseRef, *, actor: AbstractBaseUser | None, window: str, payload: dict[str, Any]
) -> CaseEvent:
    """A missed visit has its new day and window."""
    return case_append(case, EventKind.VISIT_RESCHEDULED, actor=actor, text=window, payload=payload)


def job_referred(
    case: CaseRef, *, actor: AbstractBaseUser | None, where: str, payload: dict[str, Any]
) -> CaseEvent:
    """The career centre sent the seeker's details to an employer's vacancy."""
    return case_append(case, EventKind.JOB_REFERRED, actor=actor, text=where, payload=payload)


def employer_answered(
    case: CaseRef, *, actor: AbstractBaseUser | None, answer: str, payload: dict[str, Any]
) -> CaseEvent:
    """The employer's answer to a referral (interview, hired, not hired)."""
    return case_append(case, EventKind.EMPLOYER_ANSWERED, actor=actor, text=answer, payload=payload)


def household_check_opened(case: CaseRef, *, payload: dict[str, Any]) -> CaseEvent:
    """An aid request got its household check (written by social aid's reaction)."""
    return case_append(case, EventKind.HOUSEHOLD_CHECK_OPENED, payload=payload)


def household_visited(
    case: CaseRef, *, actor: AbstractBaseUser | None, payload: dict[str, Any]
) -> CaseEvent:
    """The field team visited the household (the findings stay in the check, not here)."""
    return case_append(case, EventKind.HOUSEHOLD_VISITED, actor=actor, payload=payload)
