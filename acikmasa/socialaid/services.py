"""Writers of social aid checks: the team's visit and the directorate's decision. The decision
reaches the citizen as the case's resolution or rejection (notify's own messages), with its reason
and legal ground in the text."""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from acikmasa.cases.lifecycle import Action
from acikmasa.cases.permissions import staff_profile
from acikmasa.cases.services import record as history
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.common.errors import NotFound, PermissionRefused, TransitionRefused, ValidationFailed
from acikmasa.directory.models import Role

from .models import AidGround, HouseholdCheck

VISITORS = frozenset({Role.FIELD_REP, Role.PR_MANAGER, Role.ADMIN})
MIN_TEXT = 10


@dataclass
class Visit:
    household_size: int
    findings: str
    monthly_income: int | None = None


def _locked(check_id: int, municipality_id: int) -> HouseholdCheck:
    check = (
        # Only the check's row is locked: PostgreSQL refuses FOR UPDATE on the nullable side of
        # the join to the case's mahalle.
        HouseholdCheck.objects.select_for_update(of=("self",))
        .select_related("case__neighbourhood")
        .filter(pk=check_id, municipality_id=municipality_id)
        .first()
    )
    if check is None:
        raise NotFound(_("This household check was not found."))
    return check


def check_visit(*, user: AbstractBaseUser, check_id: int, visit: Visit) -> HouseholdCheck:
    """The field team records its visit to the household.

    Rule: field representatives of the home's region (or the PR manager, an admin); once per check.
    The findings are financial and personal: they stay in the check, the history only says the
    household was visited. Side effects: the check's visit fields; HOUSEHOLD_VISITED (internal).
    """
    profile = staff_profile(user)
    if profile is None or profile.role not in VISITORS:
        raise PermissionRefused(_("Only the field team records a household visit."))
    errors = {}
    if not 1 <= int(visit.household_size or 0) <= 40:
        errors["household_size"] = _("Write how many people live in the household.")
    if len((visit.findings or "").strip()) < MIN_TEXT:
        errors["findings"] = _("Write what the team found (at least %(n)d characters).") % {
            "n": MIN_TEXT
        }
    if errors:
        raise ValidationFailed(errors)
    with transaction.atomic():
        check = _locked(check_id, profile.municipality_id)
        region = check.case.neighbourhood.region_id if check.case.neighbourhood else None
        if profile.role == Role.FIELD_REP and profile.region_id and region != profile.region_id:
            raise PermissionRefused(_("This household is not in your region."))
        if check.status != HouseholdCheck.Status.OPEN:
            raise TransitionRefused(_("This household was already visited."))
        check.status, check.visited_at, check.visited_by = (
            HouseholdCheck.Status.VISITED,
            timezone.now(),
            user,
        )
        check.household_size, check.monthly_income = visit.household_size, visit.monthly_income
        check.findings = visit.findings.strip()
        check.save(
            update_fields=[
                "status",
                "visited_at",
                "visited_by",
                "household_size",
                "monthly_income",
                "findings",
            ]
        )
        history.household_visited(check.case_id, actor=user, payload={"check": check.pk})
    return check


def check_decide(
    *, user: AbstractBaseUser, check_id: int, approved: bool, ground_id: int, reason: str
) -> HouseholdCheck:
    """Decide an aid request after the visit, on a legal ground, with the reason the citizen reads.

    Rule: after the visit; the ground must be one of the municipality's for that kind of decision;
    approving resolves the case, refusing rejects it (case_transition checks that the user may do
    that on this case: the directorate's manager, the PR manager, an admin). Side effects: the
    check's decision; RESOLVED or REJECTED with the reason and ground, which notify sends.
    """
    profile = staff_profile(user)
    if profile is None:
        raise PermissionRefused(_("You are not allowed to decide aid requests."))
    applies = AidGround.AppliesTo.APPROVAL if approved else AidGround.AppliesTo.REFUSAL
    ground = AidGround.objects.filter(
        pk=ground_id, municipality_id=profile.municipality_id, applies_to=applies, is_active=True
    ).first()
    errors = {}
    if ground is None:
        errors["ground"] = _("Choose the legal ground of the decision.")
    if len((reason or "").strip()) < MIN_TEXT:
        errors["reason"] = _(
            "Write the reason the citizen will read (at least %(n)d characters)."
        ) % {"n": MIN_TEXT}
    if errors:
        raise ValidationFailed(errors)
    with transaction.atomic():
        check = _locked(check_id, profile.municipality_id)
        if check.status != HouseholdCheck.Status.VISITED:
            raise TransitionRefused(_("An aid request is decided after the household visit."))
        text = _("%(reason)s\nLegal ground: %(ground)s") % {
            "reason": reason.strip(),
            "ground": ground.text,
        }
        case_transition(
            case_id=check.case_id,
            actor=user,
            request=TransitionRequest(
                action=Action.RESOLVE if approved else Action.REJECT,
                text=text,
                params={},
            ),
        )
        check.status = HouseholdCheck.Status.DECIDED
        check.decision = (
            HouseholdCheck.Decision.APPROVED if approved else HouseholdCheck.Decision.REFUSED
        )
        check.ground, check.reason = ground, reason.strip()
        check.decided_at, check.decided_by = timezone.now(), user
        check.save(
            update_fields=["status", "decision", "ground", "reason", "decided_at", "decided_by"]
        )
    return check
