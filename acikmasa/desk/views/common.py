"""Helpers shared by the desk views."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.forms import Form

from acikmasa.cases.permissions import staff_profile
from acikmasa.common.errors import DomainError, ValidationFailed

from ..forms import SERVICE_FIELDS


def staff_required(*roles: str):
    """Logged in, with a staff profile, and (when given) one of `roles`; else 403."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            profile = staff_profile(request.user)
            if profile is None or (roles and profile.role not in roles):
                raise PermissionDenied
            request.profile = profile
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def add_domain_errors(form: Form, error: DomainError) -> None:
    """Put a service's messages on the form fields they concern (or on the form as a whole)."""
    items = (
        error.errors.items()
        if isinstance(error, ValidationFailed)
        else [(error.field, error.message)]
    )
    for name, message in items:
        name = SERVICE_FIELDS.get(name, name)
        form.add_error(name if name in form.fields else None, message)
