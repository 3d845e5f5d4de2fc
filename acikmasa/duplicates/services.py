"""The only writers of duplicate links and merges. Every status change goes through
case_transition."""

import logging
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from acikmasa.cases.events import EventKind
from acikmasa.cases.lifecycle import Action, is_open
from acikmasa.cases.models import Case, CaseEvent
from acikmasa.cases.permissions import can_act, can_view
from acikmasa.cases.reactions import CaseChange
from acikmasa.cases.services import record
from acikmasa.cases.services.history import cases_lock
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.common.errors import NotFound, PermissionRefused, TransitionRefused, ValidationFailed

from .models import DuplicateCandidate
from .search import Probe, candidate_search

logger = logging.getLogger(__name__)
MAX_MERGE = 50
# What the master's outcome becomes on each joined case's history, and which message it sends.
OUTCOME_KINDS = {
    EventKind.RESOLVED: (EventKind.MASTER_RESOLVED, "duplicate_resolved"),
    EventKind.REJECTED: (EventKind.MASTER_REJECTED, "rejected"),
    EventKind.FORWARDED_OUT: (EventKind.MASTER_FORWARDED_OUT, "forwarded"),
}


def on_case_submitted(change: CaseChange) -> None:
    """Case reaction (inside the intake's transaction): store the candidate links of the new case.

    A fault here is logged and never blocks the intake (a savepoint keeps it apart).
    """
    case = change.case
    try:
        with transaction.atomic():
            candidates_store(case)
    except Exception:
        logger.exception("duplicates: no candidate search for case %s", case.pk)


def candidates_store(case: Case) -> list[DuplicateCandidate]:
    """Search and store the possible duplicates of `case` (at most MAX_STORED, best first).

    Rule: see search.candidate_search. Callers: the intake hook, the `duplicates_scan` command
    (cases loaded in bulk skip the hook).
    Side effects: DuplicateCandidate rows; a pair already stored is left as it is (re-runs are
    safe).
    """
    if case.subject_id is None:
        return []
    now = timezone.now()
    links = [
        DuplicateCandidate(
            case_id=case.pk,
            candidate_id=m.case_id,
            score=m.score,
            text_score=m.text_score,
            distance_m=m.distance_m,
            reasons=m.reasons,
            created_at=now,
        )
        for m in candidate_search(Probe.of(case))
    ]
    DuplicateCandidate.objects.bulk_create(links, ignore_conflicts=True)
    return links


def _ids(raw: Iterable) -> list[int]:
    ids = []
    for value in raw:
        text = str(value).strip()
        if not text.isascii() or not text.isdigit() or not 0 < int(text) < 2**63:
            raise ValidationFailed({"duplicates": _("Choose the cases to join by their numbers.")})
        ids.append(int(text))
    return list(dict.fromkeys(ids))


@transaction.atomic
def duplicates_merge(
    *,
    master_id: int,
    duplicate_ids: Iterable,
    actor: AbstractBaseUser,
    text: str = "",
) -> list[CaseEvent]:
    """Join cases that report the same problem to one master case.

    Rule: the master must be open and visible to the actor; each other case must be open and the
    actor allowed to mark it duplicate (cases.permissions); all or nothing. Callers: the desk's
    possible-duplicates panel. Side effects: one MARKED_DUPLICATE per joined case through
    case_transition (its citizen is told), one DUPLICATES_MERGED on the master, links set merged.
    """
    ids = _ids(duplicate_ids)
    if not ids:
        raise ValidationFailed({"duplicates": _("Choose at least one case to join.")})
    if len(ids) > MAX_MERGE:
        raise ValidationFailed(
            {"duplicates": _("At most %(n)d cases can be joined at once.") % {"n": MAX_MERGE}}
        )
    if master_id in ids:
        raise TransitionRefused(_("A case cannot be a duplicate of itself."), field="master")
    master = Case.objects.filter(pk=master_id).first()
    if master is None or not can_view(actor, master):
        raise NotFound(_("This case was not found."))
    if not is_open(master.status):
        raise TransitionRefused(
            _("The master case is no longer open: choose an open one."), field="master"
        )
    found = {
        c.pk: c for c in Case.objects.filter(pk__in=ids, municipality_id=master.municipality_id)
    }
    if len(found) != len(ids):
        raise NotFound(_("This case was not found."))
    note = text.strip() or _("Reports the same problem as %(number)s.") % {
        "number": master.tracking_number
    }
    events = []
    for case_id in sorted(ids):  # one lock order for every merge: no deadlock between two of them
        if not can_act(actor, found[case_id], Action.MARK_DUPLICATE):
            raise PermissionRefused(
                _("You may not join %(number)s.") % {"number": found[case_id].tracking_number}
            )
        events.append(
            case_transition(
                case_id=case_id,
                actor=actor,
                request=TransitionRequest(
                    action=Action.MARK_DUPLICATE, text=note, params={"master_id": master.pk}
                ),
            )
        )
    root_id = events[0].payload["master"]
    numbers = [found[i].tracking_number for i in sorted(ids)]
    record.duplicates_merged(
        root_id,
        actor=actor,
        text=text.strip() or ", ".join(numbers),
        payload={
            "duplicates": sorted(ids),
            "tracking_numbers": numbers,
        },
    )
    group = [
        root_id,
        *ids,
    ]  # every pair inside the group is settled, not only those with the master
    _decide(Q(case_id__in=group, candidate_id__in=group), actor, DuplicateCandidate.State.MERGED)
    return events


@transaction.atomic
def duplicates_unmerge(*, case_id: int, actor: AbstractBaseUser, text: str) -> CaseEvent:
    """Separate a case joined by mistake: it is worked on again (REOPENED), its clock runs on.

    Rule: the case must be a duplicate; the actor as for marking it (cases.permissions); a reason
    is required. Callers: the desk's panel. Side effects: DUPLICATE_UNMARKED on the case (its
    citizen is told), DUPLICATE_UNLINKED on the former master, the link set "not a duplicate".
    """
    case = Case.objects.filter(pk=case_id).first()
    if case is None or not can_view(actor, case):
        raise NotFound(_("This case was not found."))
    master_id = case.duplicate_of_id
    event = case_transition(
        case_id=case.pk,
        actor=actor,
        request=TransitionRequest(action=Action.UNMARK_DUPLICATE, text=text),
    )
    record.duplicate_unlinked(
        master_id,
        actor=actor,
        text=event.text,
        payload={
            "case": case.pk,
            "tracking_number": case.tracking_number,
        },
    )
    _decide(
        Q(case_id=case.pk, candidate_id=master_id) | Q(case_id=master_id, candidate_id=case.pk),
        actor,
        DuplicateCandidate.State.DISMISSED,
    )
    return event


def candidate_dismiss(*, link_id: int, actor: AbstractBaseUser) -> DuplicateCandidate:
    """Staff say a suggested pair is not the same problem; it is no longer offered.

    Rule: the actor may mark one of the two cases duplicate. Side effects: the link's state.
    """
    link = DuplicateCandidate.objects.select_related("case", "candidate").filter(pk=link_id).first()
    if link is None or not (can_view(actor, link.case) and can_view(actor, link.candidate)):
        raise NotFound(_("This suggestion was not found."))
    if not (
        can_act(actor, link.case, Action.MARK_DUPLICATE)
        or can_act(actor, link.candidate, Action.MARK_DUPLICATE)
    ):
        raise PermissionRefused(_("You are not allowed to do this on this case."))
    _decide(Q(pk=link.pk), actor, DuplicateCandidate.State.DISMISSED)
    link.refresh_from_db()
    return link


def _decide(where: Q, actor: AbstractBaseUser | None, state: str) -> None:
    DuplicateCandidate.objects.filter(where).update(
        state=state, decided_by=actor, decided_at=timezone.now()
    )


def joined_cases(master_id: int, *, limit: int = 10_000) -> list[int]:
    """Every case joined to `master_id`, directly or through a case joined to one of them."""
    found: list[int] = []
    frontier = [master_id]
    while frontier and len(found) < limit:
        frontier = list(
            Case.objects.filter(duplicate_of_id__in=frontier).values_list("pk", flat=True)
        )
        found.extend(frontier)
    return found


def on_case_transition(change: CaseChange) -> None:
    """Case reaction: when a master is resolved, rejected or forwarded out, every joined case hears
    it.

    Runs inside the master's transaction: the joined cases get their event (public) and their
    citizens a message in the same commit, or none of it happens.
    """
    case, event = change.case, change.event
    outcome = OUTCOME_KINDS.get(event.kind)
    if outcome is None:
        return
    joined = joined_cases(case.pk)
    if joined:
        master_outcome_propagate(master=case, event=event, joined_ids=joined, outcome=outcome)


def master_outcome_propagate(
    *, master: Case, event: CaseEvent, joined_ids: list[int], outcome: tuple[str, str]
) -> int:
    """Write the master's outcome on each joined case and queue its citizen's message.

    Callers: on_case_transition only. Side effects: one event per joined case, notify outbox rows.
    """
    from acikmasa.notify.services.outbox import notification_create

    kind, message = outcome
    count = 0
    for joined in cases_lock(
        Case.objects.filter(pk__in=joined_ids).select_related("citizen", "channel").order_by("pk")
    ):
        recorded = record.master_outcome(
            joined,
            kind,
            text=event.text,
            payload={
                "master": master.pk,
                "master_tracking_number": master.tracking_number,
                "master_event": event.sequence,
            },
        )
        try:
            with transaction.atomic():
                notification_create(
                    case=joined, event=message, text=event.text, source_event=recorded.pk
                )
        except Exception:
            logger.exception("duplicates: no message for joined case %s", joined.pk)
        count += 1
    return count
