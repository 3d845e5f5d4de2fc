from django import template
from django.utils.formats import number_format
from django.utils.translation import get_language

register = template.Library()


@register.filter
def pct(value) -> str:
    """A share as a percentage ("—" when unknown: nothing to divide by); Turkish writes the sign
    first."""
    if value is None:
        return "—"
    number = number_format(value * 100, 1)
    return f"%{number}" if get_language() == "tr" else f"{number}%"


@register.filter
def hours(value) -> str:
    """Hours, shown as days once longer than two days."""
    if value is None:
        return "—"
    day, hour = ("g", "sa") if get_language() == "tr" else ("d", "h")
    return (
        f"{number_format(value / 24, 1)} {day}"
        if value >= 48
        else f"{number_format(value, 1)} {hour}"
    )


@register.filter
def score(value) -> str:
    """An average survey score out of 5 ("—" without answers)."""
    return "—" if value is None else f"{number_format(value, 1)} / 5"


@register.filter
def signed(value) -> str:
    if value is None:
        return ""
    return f"+{value}" if value > 0 else str(value)


@register.filter
def signed_pct(value) -> str:
    if value is None:
        return ""
    unit = "puan" if get_language() == "tr" else "pp"  # percentage points
    return f"{'+' if value > 0 else ''}{number_format(value * 100, 1)} {unit}"


@register.simple_tag
def bar_height(value: int, top: int, full: int = 100) -> int:
    return round(value / top * full) if top else 0
