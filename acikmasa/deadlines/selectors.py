"""Reads of the deadline engine, scoped by what the user may see."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from acikmasa.cases.models import Case
from acikmasa.cases.permissions import can_view, visible_cases
from acikmasa.common.errors import PermissionRefused

from .clock import ClockState, Promise, replay
from .models import Escalation


@dataclass(frozen=True)
class PromiseView:
    """The status of a case's promise at one moment, derived from its history."""

    state: ClockState
    status: Promise | None
    at: datetime


def case_promise_get(
    *, user: AbstractBaseUser | None, case: Case, now: datetime | None = None
) -> PromiseView | None:
    """On track, due soon, overdue, met or missed for `case` (None: no standard binds it)."""
    if not can_view(user, case):
        raise PermissionRefused(_("You are not allowed to see this case."))
    state = replay(case)
    if state is None:
        return None
    now = now or timezone.now()
    return PromiseView(state=state, status=state.promise(now), at=now)


def escalation_list(*, user: AbstractBaseUser | None) -> QuerySet[Escalation]:
    """Escalations of the cases `user` may see, newest first."""
    return (
        Escalation.objects.filter(case__in=visible_cases(user))
        .select_related("case")
        .order_by("-created_at")
    )
