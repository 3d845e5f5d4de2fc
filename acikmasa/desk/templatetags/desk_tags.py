from datetime import datetime
from urllib.parse import urlencode

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from acikmasa.cases.lifecycle import FINAL_STATUSES, Status, is_open

register = template.Library()


def _span(seconds: int) -> str:
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    if days:
        return ngettext("%(n)d day", "%(n)d days", days) % {"n": days} + (
            " " + ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours} if hours else ""
        )
    if hours:
        return ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours}
    minutes = max(rest // 60, 1)
    return ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes}


@register.simple_tag
def time_left(due_at: datetime | None, is_open: bool = True) -> str:
    """“3 days 4 hours left” or “late by 2 hours”: words, never only a colour."""
    if due_at is None or not is_open:
        return ""
    seconds = int((due_at - timezone.now()).total_seconds())
    if seconds >= 0:
        return _("%(span)s left") % {"span": _span(seconds)}
    return _("late by %(span)s") % {"span": _span(-seconds)}


@register.filter
def is_late(case) -> bool:
    return bool(case.due_at and is_open(case.status) and case.due_at < timezone.now())


@register.simple_tag(takes_context=True)
def query(context, **override) -> str:
    """The current queue URL with some parameters changed (filters live in the URL)."""
    filters = context["filters"]
    return "?" + urlencode(filters.as_query(**override))


@register.filter
def spell_tracking(number: str) -> str:
    """2026-000123 → “2026 - 000 123”: easy to read back over the phone."""
    year, _sep, rest = (number or "").partition("-")
    if not rest:
        return number
    groups = [rest[max(i - 3, 0) : i] for i in range(len(rest), 0, -3)][::-1]
    return f"{year} - {' '.join(groups)}"


@register.filter
def is_final(case) -> bool:
    return case.status in FINAL_STATUSES or case.status == Status.RESOLVED
