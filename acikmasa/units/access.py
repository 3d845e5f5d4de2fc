"""Who may open the units' screens. Scope of cases stays with cases.permissions."""

from django.contrib.auth.models import AbstractBaseUser

from acikmasa.cases.permissions import directorate_ids, staff_profile
from acikmasa.desk.views.common import add_domain_errors, staff_required
from acikmasa.directory.models import Directorate, Role

__all__ = ["OVERSEERS", "add_domain_errors", "in_unit", "staff_required"]

# Roles that oversee every unit of the municipality (and read its figures).
OVERSEERS = frozenset({Role.PR_MANAGER, Role.EXECUTIVE, Role.ADMIN})
WORKERS = frozenset({Role.DIRECTORATE_STAFF, Role.DIRECTORATE_MANAGER})


def in_unit(
    user: AbstractBaseUser | None, directorate: Directorate | None, *, write: bool = False
) -> bool:
    """The user works in the unit's directorate, or oversees the municipality's units (executives
    read only: `write` leaves them out)."""
    profile = staff_profile(user)
    if profile is None or directorate is None:
        return False
    if profile.municipality_id != directorate.municipality_id:
        return False
    if profile.role in OVERSEERS:
        return not (write and profile.role == Role.EXECUTIVE)
    return profile.role in WORKERS and directorate.pk in directorate_ids(profile)
