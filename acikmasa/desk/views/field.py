from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from acikmasa.common.errors import DomainError
from acikmasa.directory.models import Role, Street
from acikmasa.privacy.selectors import current_notice

from ..forms import FieldVisitForm
from ..selectors import field_neighbourhoods, visit_coverage, visits_today
from ..services import field_visit_record
from .common import add_domain_errors, staff_required

COVERAGE_ROLES = (Role.DIRECTORATE_MANAGER, Role.PR_MANAGER, Role.EXECUTIVE, Role.ADMIN)


@staff_required(Role.FIELD_REP, Role.ADMIN)
def field_visit(request: HttpRequest) -> HttpResponse:
    """A phone-sized page: one household visit per submit, a request registered on the spot."""
    places = field_neighbourhoods(user=request.user)
    form = FieldVisitForm(
        request.POST or None, neighbourhoods=places, municipality_id=request.profile.municipality_id
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            try:
                visit = field_visit_record(
                    user=request.user,
                    neighbourhood=d["neighbourhood"],
                    street=d.get("street"),
                    address=d["address"],
                    outcome=d["outcome"],
                    note=d.get("note", ""),
                    visited_at=d.get("visited_at"),
                    registration=form.registration(),
                )
            except DomainError as error:
                add_domain_errors(form, error)
            else:
                if visit.case:
                    messages.success(
                        request,
                        _("Visit saved. Request registered: %(number)s")
                        % {"number": visit.case.tracking_number},
                    )
                else:
                    messages.success(request, _("Visit saved."))
                response = redirect("desk:field")
                response["Location"] += f"?neighbourhood={visit.neighbourhood_id}"
                return response
        status = 400
    elif request.GET.get("neighbourhood", "").isdigit():
        form.initial["neighbourhood"] = int(request.GET["neighbourhood"])
    place = form["neighbourhood"].value()
    streets = (
        Street.objects.filter(neighbourhood_id=place, neighbourhood__in=places).order_by("name")
        if str(place or "").isdigit()
        else []
    )
    return render(
        request,
        "desk/field.html",
        {
            "form": form,
            "places": places,
            "streets": streets,
            "visits": visits_today(user=request.user),
            "subjects": form.fields["subject"].queryset.order_by("name"),
            "privacy_notice": current_notice(request.profile.municipality_id),
        },
        status=status,
    )


@staff_required(*COVERAGE_ROLES)
def coverage(request: HttpRequest) -> HttpResponse:
    days = request.GET.get("days", "")
    return render(
        request,
        "desk/coverage.html",
        {
            "regions": visit_coverage(
                user=request.user, since_days=int(days) if days.isdigit() else None
            ),
            "days": days,
        },
    )
