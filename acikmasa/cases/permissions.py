"""Who may see and do what. The single place where role and directorate scope are decided."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from acikmasa.directory.models import Role, StaffProfile

from .lifecycle import Action
from .models import Case

R = Role
DIRECTORATE_ROLES = frozenset({R.DIRECTORATE_STAFF, R.DIRECTORATE_MANAGER})
# Intake agents look any case up to read its status to the caller; they do not work cases.
MUNICIPALITY_WIDE_READERS = frozenset(
    {R.DESK_AGENT, R.CALL_AGENT, R.FIELD_REP, R.PR_MANAGER, R.EXECUTIVE, R.ADMIN}
)
INTAKE_ROLES = frozenset({R.DESK_AGENT, R.CALL_AGENT, R.FIELD_REP, R.PR_MANAGER, R.ADMIN})

_WORKERS = frozenset({R.DIRECTORATE_STAFF, R.DIRECTORATE_MANAGER, R.PR_MANAGER, R.ADMIN})
_FRONT = frozenset({R.DESK_AGENT, R.CALL_AGENT})

ACTION_ROLES: dict[str, frozenset[str]] = {
    Action.ASSIGN: frozenset({R.DIRECTORATE_MANAGER, R.PR_MANAGER, R.ADMIN}),
    Action.START: _WORKERS,
    Action.FORWARD: _WORKERS,
    Action.ASK_CITIZEN: _WORKERS,
    Action.WAIT_OTHER: _WORKERS,
    Action.RESUME: _WORKERS | _FRONT,
    Action.ANSWER: _WORKERS,
    Action.NOTE: _WORKERS | _FRONT,
    Action.RESOLVE: _WORKERS,
    Action.CLOSE: _FRONT | {R.DIRECTORATE_MANAGER, R.PR_MANAGER, R.ADMIN},
    Action.REOPEN: _FRONT | {R.DIRECTORATE_MANAGER, R.PR_MANAGER, R.ADMIN},
    Action.REJECT: frozenset({R.DIRECTORATE_MANAGER, R.PR_MANAGER, R.ADMIN}),
    Action.MARK_DUPLICATE: _WORKERS,
    Action.FORWARD_OUT: _WORKERS,
    # Intake agents fix subjects in the triage queue; workers fix cases that reached them wrongly.
    Action.RECLASSIFY: _WORKERS | _FRONT,
    Action.REROUTE: _WORKERS | _FRONT,
    Action.UNMARK_DUPLICATE: _WORKERS,
}

# A citizen (portal, channel reply) may only answer a question or say "not solved".
CITIZEN_ACTIONS = frozenset({Action.RESUME, Action.REOPEN})


def staff_profile(user: AbstractBaseUser | None) -> StaffProfile | None:
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    try:
        return user.staff
    except StaffProfile.DoesNotExist:
        return None


def directorate_ids(profile: StaffProfile) -> set[int]:
    cache = getattr(profile, "_directorate_ids", None)
    if cache is None:
        cache = set(profile.directorates.values_list("id", flat=True))
        profile._directorate_ids = cache
    return cache


def visible_cases(
    user: AbstractBaseUser | None, queryset: QuerySet[Case] | None = None
) -> QuerySet[Case]:
    """Cases `user` may read: the municipality for wide readers, own directorates for the rest."""
    queryset = Case.objects.all() if queryset is None else queryset
    profile = staff_profile(user)
    if profile is None:
        return queryset.none()
    queryset = queryset.filter(municipality_id=profile.municipality_id)
    if profile.role in MUNICIPALITY_WIDE_READERS:
        return queryset
    if profile.role in DIRECTORATE_ROLES:
        return queryset.filter(directorate_id__in=directorate_ids(profile))
    return queryset.none()


def can_view(user: AbstractBaseUser | None, case: Case) -> bool:
    profile = staff_profile(user)
    if profile is None or profile.municipality_id != case.municipality_id:
        return False
    if profile.role in MUNICIPALITY_WIDE_READERS:
        return True
    return profile.role in DIRECTORATE_ROLES and case.directorate_id in directorate_ids(profile)


def can_act(user: AbstractBaseUser | None, case: Case, action: str) -> bool:
    """Role allows the action and the case is in the actor's scope (status rules are checked
    apart)."""
    profile = staff_profile(user)
    if profile is None or profile.municipality_id != case.municipality_id:
        return False
    if profile.role not in ACTION_ROLES.get(action, frozenset()):
        return False
    if profile.role in DIRECTORATE_ROLES:
        return case.directorate_id in directorate_ids(profile)
    return True


def can_register(user: AbstractBaseUser | None) -> bool:
    profile = staff_profile(user)
    return profile is not None and profile.role in INTAKE_ROLES
