"""Template side of the masking policy: `{{ citizen.national_id|id_for:request.profile.role }}`."""

from django import template

from acikmasa.privacy import policy

register = template.Library()


@register.filter
def id_for(value: str, role: str) -> str:
    return policy.shown_national_id(value or "", role or "")


@register.filter
def phone_for(value: str, role: str) -> str:
    return policy.shown_phone(value or "", role or "")


@register.filter
def id_is_masked(value: str, role: str) -> bool:
    return bool(value) and not policy.sees_full_national_id(role or "")
