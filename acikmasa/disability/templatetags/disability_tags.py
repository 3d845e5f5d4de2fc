from django import template

register = template.Library()


@register.filter
def field_id(form, name: str) -> str:
    """The id of a field's input, for the error summary's links."""
    return form[name].id_for_label if name in form.fields else ""


@register.filter
def field_label(form, name: str) -> str:
    return form[name].label if name in form.fields else ""
