"""Writers of priority care, and the intake's resolver. Every read of a membership by a person is
logged in the privacy app's access log (selectors.py)."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from acikmasa.cases.models import Citizen
from acikmasa.cases.permissions import staff_profile
from acikmasa.cases.services.citizens import CitizenInput, citizen_errors, citizen_find_or_create
from acikmasa.common.errors import NotFound, PermissionRefused, TransitionRefused, ValidationFailed
from acikmasa.directory.models import Municipality, Role, ServiceStandard

from .models import Basis, PriorityGroup, PriorityMembership

# Who records a membership (at the desk, with the citizen and their papers), and who may read them.
RECORDERS = frozenset({Role.DESK_AGENT, Role.CALL_AGENT, Role.PR_MANAGER, Role.ADMIN})
READERS = frozenset({Role.PR_MANAGER, Role.ADMIN})
MIN_EVIDENCE = 5


def priority_for(
    *, municipality: Municipality, citizen: Citizen
) -> tuple[int | None, ServiceStandard | None]:
    """The intake's question: does this citizen's new case get priority care?

    One indexed query (active memberships of the citizen). The answer names no group: the case
    learns only "priority" and the standard, never why.
    """
    rows = (
        PriorityMembership.objects.filter(
            citizen_id=citizen.pk, ended_at__isnull=True, group__is_active=True
        )
        .select_related("group__standard")
        .order_by("-group__priority", "group_id")
    )
    first = next(iter(rows[:1]), None)
    if first is None:
        return None, None
    return first.group.priority, first.group.standard


def _recorder(user: AbstractBaseUser):
    profile = staff_profile(user)
    if profile is None or profile.role not in RECORDERS:
        raise PermissionRefused(_("You are not allowed to record priority care."))
    return profile


def membership_record(
    *, user: AbstractBaseUser, citizen: CitizenInput, group_id: int, basis: str, evidence: str
) -> PriorityMembership:
    """Record that a citizen belongs to a priority group.

    Rule (KVKK Art. 6): only with explicit consent or a legal ground, named with its evidence; the
    citizen is identified by the T.C. Kimlik No on the ID card the agent saw. One active membership
    per group. Side effects: maybe a Citizen row (through the cases citizen service); one
    membership; from now on their new cases get the group's priority and standard.
    """
    profile = _recorder(user)
    errors, cleaned = citizen_errors(citizen)
    if not cleaned.national_id and "national_id" not in errors:
        errors["national_id"] = _("Write the T.C. Kimlik No from the ID card.")
    group = PriorityGroup.objects.filter(
        pk=group_id, municipality_id=profile.municipality_id, is_active=True
    ).first()
    if group is None:
        errors["group"] = _("Choose a priority group.")
    if basis not in Basis.values:
        errors["basis"] = _("Choose the legal basis: explicit consent or a legal ground.")
    if len((evidence or "").strip()) < MIN_EVIDENCE:
        errors["evidence"] = _(
            "Write the evidence: the consent form's number or the law relied on."
        )
    if errors:
        raise ValidationFailed(errors)
    with transaction.atomic():
        person = citizen_find_or_create(
            municipality=profile.municipality, data=cleaned, neighbourhood=None
        )
        try:
            with transaction.atomic():
                return PriorityMembership.objects.create(
                    citizen=person,
                    group=group,
                    basis=basis,
                    evidence=evidence.strip()[:300],
                    recorded_by=user,
                    recorded_at=timezone.now(),
                )
        except IntegrityError:
            raise TransitionRefused(_("This citizen is already in this group.")) from None


def membership_end(
    *, user: AbstractBaseUser, membership_id: int, reason: str
) -> PriorityMembership:
    """End a membership (consent withdrawn, ground gone, moved away); the row stays as the record.

    Side effects: the citizen's next cases are ordinary ones; cases already open keep their
    standard (their clock was promised).
    """
    profile = _recorder(user)
    if not (reason or "").strip():
        raise ValidationFailed({"reason": _("Write why the membership ends.")})
    with transaction.atomic():
        membership = (
            PriorityMembership.objects.select_for_update()
            .filter(pk=membership_id, group__municipality_id=profile.municipality_id)
            .first()
        )
        if membership is None:
            raise NotFound(_("This membership was not found."))
        if membership.ended_at is not None:
            raise TransitionRefused(_("This membership has already ended."))
        membership.ended_at, membership.ended_by = timezone.now(), user
        membership.end_reason = reason.strip()[:300]
        membership.save(update_fields=["ended_at", "ended_by", "end_reason"])
    return membership
