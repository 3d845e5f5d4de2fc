"""Who may open the insights pages; what they then see is decided by
cases.permissions.visible_cases."""

from django.contrib.auth.models import AbstractBaseUser
from django.utils.translation import gettext as _

from acikmasa.cases.permissions import staff_profile
from acikmasa.common.errors import PermissionRefused
from acikmasa.directory.models import Role, StaffProfile

# Managers read their own directorates; the PR manager, executives and admins the municipality
# (visible_cases gives exactly that). Agents and staff work cases; they do not audit them.
INSIGHT_ROLES = frozenset({Role.DIRECTORATE_MANAGER, Role.PR_MANAGER, Role.EXECUTIVE, Role.ADMIN})


def insights_profile(user: AbstractBaseUser | None) -> StaffProfile:
    """The user's staff profile, or PermissionRefused when the role may not read insights."""
    profile = staff_profile(user)
    if profile is None or profile.role not in INSIGHT_ROLES:
        raise PermissionRefused(
            _("Only managers, executives and administrators may see the analysis pages.")
        )
    return profile
