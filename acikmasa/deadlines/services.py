"""Writers of the deadline engine: keep the clock cache in step, extend, stop and restart the clock.

Every change to a case here locks the case row (cases.services.history.case_lock) and appends its
event through the event door's typed helpers (cases.services.record); the door runs this engine's
reaction (reactions.clock_follow), which moves due_at and the Clock from the history.
"""

from datetime import datetime
from decimal import Decimal, InvalidOperation

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from acikmasa.cases.lifecycle import OPEN_STATUSES, Action
from acikmasa.cases.models import Case, CaseEvent, CaseType
from acikmasa.cases.permissions import can_act
from acikmasa.cases.services import record
from acikmasa.cases.services.history import case_lock, case_refresh, cases_lock
from acikmasa.common.errors import PermissionRefused, TransitionRefused

from .calculator import WORKING_DAYS
from .clock import COPYING_COST, ClockState, next_check, replay
from .models import Clock

# Law 4982 Art. 11: the 15 working days may become at most 30, for these reasons only.
MAX_INFORMATION_WORKING_DAYS = 30
EXTENSION_REASONS = {
    "other_unit": gettext_lazy("The information is obtained from another unit of the municipality"),
    "other_institution_opinion": gettext_lazy("The opinion of another institution is needed"),
    "several_institutions": gettext_lazy("The request concerns more than one institution"),
}


def clock_sync(
    case: Case, *, history: list[CaseEvent] | None = None, new: bool = False
) -> ClockState | None:
    """Replay the case's history and store the result in `case.due_at` and its Clock row.

    Rule: the history is the truth; this keeps the two caches (the queue's due_at, the sweep's
    Clock) equal to it, and is the only code that sets due_at. `history` is the whole history when
    the caller holds it (a new case: no read); `new` says no Clock row exists yet. Callers: this
    engine's reaction (inside the case's transaction, before the door saves the case) and the
    re-timing below. Side effects: sets case.due_at (the door saves it) and writes the Clock row. A
    new clock (reopening) starts again at escalation level 0.
    """
    state = replay(case, history)
    if state is None:
        return None
    case.due_at = state.due_at
    values = {
        "number": state.number,
        "started_at": state.started_at,
        "due_at": state.due_at,
        "warn_at": state.warn_at(),
        "paused_since": state.paused_since if state.is_paused else None,
        "stopped_at": state.stopped_at,
    }
    if new:
        Clock.objects.create(case=case, level=0, next_check_at=next_check(state, 0), **values)
        return state
    current = Clock.objects.filter(pk=case.pk).values_list("number", "level").first()
    level = current[1] if current and current[0] == state.number else 0
    Clock.objects.update_or_create(
        case=case, defaults={**values, "level": level, "next_check_at": next_check(state, level)}
    )
    return state


def _locked_information_case(case_id: int, actor: AbstractBaseUser | None) -> Case:
    case = case_lock(case_id)
    if actor is not None and not can_act(actor, case, Action.ANSWER):
        raise PermissionRefused(_("You are not allowed to do this on this case."))
    if case.case_type != CaseType.INFORMATION:
        raise TransitionRefused(_("Only information requests (Law 4982) have this rule."))
    if case.status not in OPEN_STATUSES:
        raise TransitionRefused(_("The case is no longer open."))
    return case


@transaction.atomic
def deadline_extend(
    *,
    case_id: int,
    actor: AbstractBaseUser | None,
    reason: str,
    notice_text: str,
    now: datetime | None = None,
) -> CaseEvent:
    """Extend an information request to 30 working days and record the notice to the applicant.

    Rule (Law 4982 Art. 11): only information requests on a working-day standard; only for one of
    the three legal reasons (EXTENSION_REASONS); only once; and only if the written notice goes out
    before the first period ends (now <= the current due time). Anything else is refused and
    nothing is written. Callers: the desk screens, the API. Side effects: one public
    DEADLINE_EXTENDED event (its text is the notice), case.due_at and the Clock move.
    """
    now = now or timezone.now()
    case = _locked_information_case(case_id, actor)
    if reason not in EXTENSION_REASONS:
        raise TransitionRefused(
            _("Choose one of the legal reasons for an extension."), field="reason"
        )
    text = (notice_text or "").strip()
    if not text:
        raise TransitionRefused(
            _("Write the notice that tells the applicant why and until when."), field="notice_text"
        )
    state = replay(case)
    if state is None or state.unit != WORKING_DAYS:
        raise TransitionRefused(
            _("Only a deadline counted in working days can be extended under Law 4982.")
        )
    if state.extended:
        raise TransitionRefused(
            _("This request was already extended; the law allows it once, to 30 working days.")
        )
    if state.stopped_at is not None or now > state.due_at:
        raise TransitionRefused(_("The extension notice must go out before the first period ends."))
    added = MAX_INFORMATION_WORKING_DAYS - state.amount
    if added <= 0:
        raise TransitionRefused(_("The deadline is already 30 working days or more."))
    return record.deadline_extended(
        case,
        actor=actor,
        notice=text,
        at=now,
        payload={
            "reason": reason,
            "added": added,
            "unit": WORKING_DAYS,
            "previous_due_at": state.due_at.isoformat(),
            "notice_sent_at": now.isoformat(),
        },
    )


@transaction.atomic
def copying_cost_notice(
    *,
    case_id: int,
    actor: AbstractBaseUser | None,
    amount: str | Decimal,
    notice_text: str,
    now: datetime | None = None,
) -> CaseEvent:
    """Record the notice of copying cost sent to the applicant: the clock stops until it is paid.

    Rule (Law 4982 and its implementing regulation): the periods stop while the fee is unpaid.
    Callers: the desk screens. Side effects: one public CLOCK_STOPPED event; the Clock pauses.
    """
    now = now or timezone.now()
    case = _locked_information_case(case_id, actor)
    try:
        fee = Decimal(str(amount))
    except (InvalidOperation, ValueError):
        fee = Decimal(-1)
    if not fee.is_finite() or fee <= 0:
        raise TransitionRefused(
            _("Give the copying cost as a positive amount in Turkish lira."), field="amount"
        )
    text = (notice_text or "").strip()
    if not text:
        raise TransitionRefused(_("Write the notice sent to the applicant."), field="notice_text")
    state = replay(case)
    if state is not None and COPYING_COST in state.pauses:
        raise TransitionRefused(_("A copying-cost notice is already waiting for payment."))
    return record.clock_stopped(
        case,
        actor=actor,
        notice=text,
        at=now,
        payload={"reason": "copying_cost", "amount_try": str(fee.quantize(Decimal("0.01")))},
    )


@transaction.atomic
def copying_cost_paid(
    *, case_id: int, actor: AbstractBaseUser | None, now: datetime | None = None
) -> CaseEvent:
    """Record that the applicant paid the copying cost: the clock runs again, the due time moves.

    Callers: the desk screens. Side effects: one public CLOCK_RESUMED event; case.due_at moves by
    the working days the clock stood still.
    """
    now = now or timezone.now()
    case = _locked_information_case(case_id, actor)
    state = replay(case)
    if state is None or COPYING_COST not in state.pauses:
        raise TransitionRefused(_("No copying-cost notice is waiting for payment."))
    return record.clock_resumed(case, actor=actor, at=now, payload={"reason": "copying_cost"})


def clocks_retime(*, municipality_id: int, batch_size: int = 500) -> int:
    """Re-time the open clocks of a municipality's own (non-statutory) standards; returns how many
    moved.

    Rule: closure days are part of the calendar the history is replayed on, so when an admin adds
    or removes one the caches (case.due_at, Clock) must follow. No event is written: the history
    did not change, only the calendar. Callers: the closure_days_changed task (after an admin edit).
    Side effects: case.due_at and Clock rows, each case locked in its own short transaction batch.
    """
    ids = list(
        Case.objects.filter(
            municipality_id=municipality_id,
            status__in=OPEN_STATUSES,
            service_standard__is_statutory=False,
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    moved = 0
    for start in range(0, len(ids), batch_size):
        with transaction.atomic():
            # Case rows first, then clocks, in id order: the same order as case_transition.
            locked = cases_lock(
                Case.objects.filter(pk__in=ids[start : start + batch_size]).order_by("pk")
            )
            moved += case_refresh(locked, clock_sync)
    return moved
