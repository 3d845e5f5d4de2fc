"""Thin views of Hizmet Kapınızda: the planning board, a request, the slot choice, the team's route
and the record of a visit (phone-sized)."""

from datetime import date

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from acikmasa.cases.guards import param_id
from acikmasa.common.errors import DomainError
from acikmasa.privacy.selectors import current_notice
from acikmasa.units.access import add_domain_errors, staff_required

from . import selectors, services
from .forms import VisitRecordForm, VisitRequestForm

PLANNERS = tuple(services.PLANNERS)
FIELD = tuple(services.FIELD_ROLES)


@staff_required(*PLANNERS)
def board(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "homevisits/board.html",
        {
            "waiting": selectors.visits_waiting(user=request.user)[:100],
            "planned": selectors.visits_planned(user=request.user)[:200],
        },
    )


@staff_required(*PLANNERS)
def visit_new(request: HttpRequest) -> HttpResponse:
    municipality_id = request.profile.municipality_id
    form = VisitRequestForm(request.POST or None, municipality_id=municipality_id)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                visit = services.visit_request(user=request.user, data=form.request())
            except DomainError as error:
                add_domain_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Visit request registered: %(number)s. Now choose a slot.")
                    % {"number": visit.case.tracking_number},
                )
                return redirect("homevisits:plan", visit_id=visit.pk)
        status = 400
    return render(
        request,
        "homevisits/new.html",
        {"form": form, "privacy_notice": current_notice(municipality_id)},
        status=status,
    )


@staff_required(*PLANNERS)
def visit_plan(request: HttpRequest, visit_id: int) -> HttpResponse:
    visit = selectors.visit_get(user=request.user, visit_id=visit_id)
    if visit is None:
        raise Http404
    error, status = "", 200
    if request.method == "POST":
        try:
            services.visit_plan(
                user=request.user, visit_id=visit.pk, slot_id=param_id(request.POST, "slot") or 0
            )
        except DomainError as refused:
            error, status = getattr(refused, "errors", {}).get("slot", refused.message), 400
        else:
            messages.success(request, _("Visit planned; the citizen is told."))
            return redirect("homevisits:board")
    return render(
        request,
        "homevisits/plan.html",
        {
            "visit": visit,
            "slots": selectors.slots_for(user=request.user, visit=visit),
            "error": error,
        },
        status=status,
    )


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return timezone.localdate()


@staff_required(*FIELD)
def route(request: HttpRequest) -> HttpResponse:
    day = _day(request.GET.get("day", ""))
    return render(
        request,
        "homevisits/route.html",
        {
            "day": day,
            "stops": selectors.route_for(user=request.user, day=day),
            "teams": selectors.my_teams(user=request.user),
        },
    )


@staff_required(*FIELD)
def visit_record(request: HttpRequest, visit_id: int) -> HttpResponse:
    visit = selectors.visit_get(user=request.user, visit_id=visit_id)
    if visit is None or visit.slot is None:
        raise Http404
    municipality_id = request.profile.municipality_id
    form = VisitRecordForm(request.POST or None, municipality_id=municipality_id)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                result = services.visit_record(
                    user=request.user, visit_id=visit.pk, record=form.record()
                )
            except DomainError as error:
                add_domain_errors(form, error)
            else:
                messages.success(request, _record_message(result))
                response = redirect("homevisits:route")
                response["Location"] += f"?day={timezone.localtime(visit.slot.starts_at):%Y-%m-%d}"
                return response
        status = 400
    return render(
        request,
        "homevisits/record.html",
        {"visit": visit, "form": form, "privacy_notice": current_notice(municipality_id)},
        status=status,
    )


def _record_message(visit) -> str:
    if visit.status == visit.Status.DONE:
        return _("Visit recorded.")
    if visit.slot is not None:
        return _("Visit missed; rescheduled to %(when)s and the citizen is told.") % {
            "when": timezone.localtime(visit.slot.starts_at).strftime("%d.%m.%Y %H:%M")
        }
    return _("Visit missed; no free slot yet, so it waits on the planning board.")
