"""Who sees what of a citizen: the one masking policy, and who audits personal data (KVKK).

Every screen that shows a T.C. Kimlik No or a phone number asks here; nothing else decides.
"""

from django.contrib.auth.models import AbstractBaseUser

from acikmasa.cases.permissions import staff_profile
from acikmasa.common.identity import mask_tckn
from acikmasa.common.phones import mask_phone
from acikmasa.directory.models import Role

# Agents identify applicants (ID card at the desk, caller on the phone); the PR manager and the
# administrator audit. Directorate staff call the citizen back, so they see the phone, not the ID.
FULL_ID_ROLES = frozenset({Role.DESK_AGENT, Role.CALL_AGENT, Role.PR_MANAGER, Role.ADMIN})
FULL_PHONE_ROLES = FULL_ID_ROLES | {Role.DIRECTORATE_STAFF, Role.DIRECTORATE_MANAGER}
# The data-protection duties (access reports, data-subject exports, consents, anonymising on
# request) belong to the public-relations manager, who runs the desk, and to the administrator.
PRIVACY_OFFICER_ROLES = frozenset({Role.PR_MANAGER, Role.ADMIN})


def _role(user_or_role: AbstractBaseUser | str | None) -> str:
    if isinstance(user_or_role, str):
        return user_or_role
    profile = staff_profile(user_or_role)
    return profile.role if profile else ""


def sees_full_national_id(user_or_role: AbstractBaseUser | str | None) -> bool:
    return _role(user_or_role) in FULL_ID_ROLES


def sees_full_phone(user_or_role: AbstractBaseUser | str | None) -> bool:
    return _role(user_or_role) in FULL_PHONE_ROLES


def is_privacy_officer(user: AbstractBaseUser | None) -> bool:
    return _role(user) in PRIVACY_OFFICER_ROLES


def shown_national_id(value: str, user_or_role: AbstractBaseUser | str | None) -> str:
    """The ID number as this user may see it: whole, or 10*******46."""
    return value if sees_full_national_id(user_or_role) else mask_tckn(value)


def shown_phone(value: str, user_or_role: AbstractBaseUser | str | None) -> str:
    return value if sees_full_phone(user_or_role) else mask_phone(value) if value else ""
