from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from acikmasa.directory.models import Municipality


def municipalities(code: str | None) -> list[Municipality]:
    """The municipality named by --municipality, or every active one."""
    if code:
        found = Municipality.objects.filter(code=code).first()
        if found is None:
            raise CommandError(_("No municipality with the code “%(code)s”.") % {"code": code})
        return [found]
    return list(Municipality.objects.filter(is_active=True).order_by("code"))
