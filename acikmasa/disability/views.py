"""Thin views of the disability unit: the accessible page and form (anyone), the unit's figures."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from acikmasa.common.errors import NotFound, ValidationFailed
from acikmasa.directory.models import Municipality
from acikmasa.portal.forms import new_form_token
from acikmasa.privacy.selectors import current_notice
from acikmasa.units.access import in_unit, staff_required

from .forms import AccessibleForm
from .models import DisabilityUnit
from .selectors import unit_year
from .services import disability_apply, unit_for


def _municipality(request: HttpRequest) -> Municipality:
    active = Municipality.objects.filter(is_active=True)
    code = request.GET.get("municipality", "")
    found = (active.filter(code=code) if code else active.order_by("pk")).first()
    if found is None:
        raise Http404
    return found


@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest) -> HttpResponse:
    municipality = _municipality(request)
    try:
        unit = unit_for(municipality)
    except NotFound:
        raise Http404 from None
    notice = current_notice(municipality.pk)
    if request.method == "GET":
        form = AccessibleForm(municipality=municipality, initial={"form_token": new_form_token()})
        return _render(request, unit, form, notice)
    form = AccessibleForm(request.POST, municipality=municipality)
    if form.is_valid():
        try:
            submission = disability_apply(
                municipality=municipality,
                data=form.application(notice.pk if notice else None),
            )
        except ValidationFailed as refused:
            for name, message in refused.errors.items():
                form.add_error(name if name in form.fields else None, message)
        else:
            return redirect("portal:submitted", token=submission.case.public_token)
    form.data = form.data.copy()
    form.data["form_token"] = new_form_token()
    return _render(request, unit, form, notice, status=400)


def _render(request, unit, form, notice, status: int = 200) -> HttpResponse:
    return render(
        request,
        "disability/apply.html",
        {
            "unit": unit,
            "form": form,
            "privacy_notice": notice,
            "privacy_summary": notice.text(get_language() or "tr")[0] if notice else "",
        },
        status=status,
    )


@staff_required()
def unit_page(request: HttpRequest) -> HttpResponse:
    unit = (
        DisabilityUnit.objects.filter(municipality_id=request.profile.municipality_id)
        .select_related("directorate")
        .first()
    )
    if unit is None or not in_unit(request.user, unit.directorate):
        raise Http404
    value = request.GET.get("year", "")
    this_year = timezone.localdate().year
    year = (
        int(value)
        if value.isascii() and value.isdigit() and 2000 <= int(value) <= this_year
        else this_year
    )
    return render(
        request,
        "disability/unit.html",
        {
            "unit": unit,
            "figures": unit_year(unit=unit, year=year),
            "years": range(this_year, this_year - 5, -1),
        },
    )
