"""Thin views of social aid checks: the list, and one check's page (visit form or decision form)."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from acikmasa.common.errors import DomainError
from acikmasa.directory.models import Role
from acikmasa.units.access import add_domain_errors, staff_required

from . import selectors, services
from .forms import DecisionForm, VisitForm
from .models import HouseholdCheck

READERS = (
    Role.FIELD_REP,
    Role.DIRECTORATE_STAFF,
    Role.DIRECTORATE_MANAGER,
    Role.PR_MANAGER,
    Role.EXECUTIVE,
    Role.ADMIN,
)


@staff_required(*READERS)
def checks(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    return render(
        request,
        "socialaid/checks.html",
        {
            "checks": selectors.checks_for(user=request.user, status=status)[:200],
            "status": status,
            "statuses": HouseholdCheck.Status.choices,
        },
    )


@staff_required(*READERS)
def check_page(request: HttpRequest, check_id: int) -> HttpResponse:
    check = selectors.check_get(user=request.user, check_id=check_id)
    if check is None:
        raise Http404
    municipality_id = request.profile.municipality_id
    visiting = check.status == HouseholdCheck.Status.OPEN
    deciding = check.status == HouseholdCheck.Status.VISITED
    visit_form = VisitForm(request.POST if visiting and request.method == "POST" else None)
    decision_form = DecisionForm(
        request.POST if deciding and request.method == "POST" else None,
        municipality_id=municipality_id,
    )
    status = 200
    if request.method == "POST":
        form = visit_form if visiting else decision_form
        if (visiting or deciding) and form.is_valid():
            try:
                _save(request, check, form, visiting)
            except DomainError as error:
                add_domain_errors(form, error)
            else:
                return redirect("socialaid:check", check_id=check.pk)
        status = 400
    return render(
        request,
        "socialaid/check.html",
        {
            "check": check,
            "visit_form": visit_form if visiting else None,
            "decision_form": decision_form if deciding else None,
        },
        status=status,
    )


def _save(request: HttpRequest, check: HouseholdCheck, form, visiting: bool) -> None:
    d = form.cleaned_data
    if visiting:
        services.check_visit(
            user=request.user,
            check_id=check.pk,
            visit=services.Visit(
                household_size=d["household_size"],
                findings=d["findings"],
                monthly_income=d.get("monthly_income"),
            ),
        )
        messages.success(request, _("Visit recorded; the directorate decides next."))
        return
    services.check_decide(
        user=request.user,
        check_id=check.pk,
        approved=d["decision"] == "approved",
        ground_id=d["ground"].pk,
        reason=d["reason"],
    )
    messages.success(request, _("Decision recorded; the citizen is told with its reason."))
