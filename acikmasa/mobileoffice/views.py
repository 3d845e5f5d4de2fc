"""Thin views of the mobile office: the public timetable, the staff timetable, registering at a
stop, figures per stop."""

from datetime import timedelta

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from acikmasa.cases.permissions import INTAKE_ROLES
from acikmasa.common.errors import DomainError
from acikmasa.directory.models import Municipality, Neighbourhood, Role, Subject
from acikmasa.privacy.selectors import current_notice
from acikmasa.units.access import add_domain_errors, staff_required

from . import selectors, services
from .forms import StopForm, StopRegistrationForm

READERS = tuple(selectors.READERS)


def timetable(request: HttpRequest) -> HttpResponse:
    """The portal's page: where the mobile office will be in the coming weeks (no login)."""
    active = Municipality.objects.filter(is_active=True)
    code = request.GET.get("municipality", "")
    municipality = (active.filter(code=code) if code else active.order_by("pk")).first()
    if municipality is None:
        raise Http404
    return render(
        request,
        "mobileoffice/timetable.html",
        {
            "municipality": municipality,
            "stops": selectors.timetable_public(municipality=municipality),
        },
    )


@staff_required(*READERS)
def stops(request: HttpRequest) -> HttpResponse:
    municipality_id = request.profile.municipality_id
    may_schedule = request.profile.role in services.TIMETABLE_ROLES
    form = StopForm(request.POST or None, municipality_id=municipality_id) if may_schedule else None
    status = 200
    if request.method == "POST" and form is not None:
        if form.is_valid():
            try:
                services.stop_schedule(user=request.user, **form.cleaned_data)
            except DomainError as error:
                add_domain_errors(form, error)
            else:
                messages.success(request, _("Stop added to the timetable."))
                return redirect("mobileoffice:stops")
        status = 400
    return render(
        request,
        "mobileoffice/stops.html",
        {
            "form": form,
            "stops": selectors.stops_around(user=request.user),
            "today": timezone.localdate(),
            "late_from": timezone.localdate() - timedelta(days=services.LATE_ENTRY_DAYS),
        },
        status=status,
    )


@staff_required(*INTAKE_ROLES)
def stop_register(request: HttpRequest, stop_id: int) -> HttpResponse:
    stop = selectors.stop_get(user=request.user, stop_id=stop_id)
    if stop is None:
        raise Http404
    municipality_id = request.profile.municipality_id
    form = StopRegistrationForm(
        request.POST or None,
        municipality_id=municipality_id,
        initial={"neighbourhood": stop.neighbourhood_id},
    )
    status = 200
    registered = None
    if request.method == "POST":
        if form.is_valid():
            try:
                registered = services.stop_register(
                    user=request.user, stop_id=stop.pk, registration=form.registration()
                ).case
            except DomainError as error:
                add_domain_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Registered at the stop: %(number)s")
                    % {"number": registered.tracking_number},
                )
                return redirect("mobileoffice:register", stop_id=stop.pk)
        form.focus_first_error()
        status = 400
    return render(
        request,
        "mobileoffice/register.html",
        {
            "stop": stop,
            "form": form,
            "subjects": Subject.objects.filter(
                municipality_id=municipality_id, is_active=True
            ).order_by("name"),
            "neighbourhoods": Neighbourhood.objects.filter(municipality_id=municipality_id),
            "streets": [],
            "privacy_notice": current_notice(municipality_id),
        },
        status=status,
    )


@staff_required(Role.PR_MANAGER, Role.EXECUTIVE, Role.ADMIN, Role.DESK_AGENT)
def figures(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    start = today.replace(month=1, day=1)
    rows = selectors.stop_figures(user=request.user, start=start, end=today)
    totals = {
        "applications": sum(r.applications for r in rows),
        "solved": sum(r.solved for r in rows),
        "open": sum(r.open for r in rows),
    }
    return render(
        request,
        "mobileoffice/figures.html",
        {"rows": rows, "totals": totals, "start": start, "end": today},
    )
