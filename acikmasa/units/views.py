"""The units hub: one page listing the seeds' units the user may open."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from acikmasa.directory.models import Role

from .access import staff_required

R = Role
ALL = frozenset(Role.values)
# (title, what it is, URL name, roles that may open it)
UNITS = [
    (
        _("Service at your door"),
        _("Home visits: requests, the calendar, the teams' routes."),
        "homevisits:board",
        frozenset({R.DESK_AGENT, R.CALL_AGENT, R.PR_MANAGER, R.ADMIN}),
    ),
    (
        _("Route of my visit team"),
        _("Today's home visits in order, phone-sized."),
        "homevisits:route",
        frozenset({R.FIELD_REP, R.PR_MANAGER, R.ADMIN}),
    ),
    (
        _("Mobile office"),
        _("The vehicle's timetable of stops, applications taken at a stop, figures per stop."),
        "mobileoffice:stops",
        frozenset({R.DESK_AGENT, R.CALL_AGENT, R.FIELD_REP, R.PR_MANAGER, R.EXECUTIVE, R.ADMIN}),
    ),
    (
        _("Priority care"),
        _("Groups with priority and a shorter standard; special-category data, every read logged."),
        "prioritycare:overview",
        frozenset({R.DESK_AGENT, R.CALL_AGENT, R.PR_MANAGER, R.ADMIN}),
    ),
    (
        _("Disability unit"),
        _("The unit's yearly figures and queue; the accessible application page."),
        "disability:unit",
        frozenset({R.DIRECTORATE_STAFF, R.DIRECTORATE_MANAGER, R.PR_MANAGER, R.EXECUTIVE, R.ADMIN}),
    ),
    (
        _("Career centre"),
        _("Job seekers, the employer registry, referrals and the employers' answers."),
        "careers:board",
        frozenset({R.DIRECTORATE_STAFF, R.DIRECTORATE_MANAGER, R.PR_MANAGER, R.EXECUTIVE, R.ADMIN}),
    ),
    (
        _("Register a job seeker"),
        _("A job application at the desk or on the phone, with consent and a CV."),
        "careers:new",
        frozenset({R.DESK_AGENT, R.CALL_AGENT}),
    ),
    (
        _("Household checks"),
        _("Food and fuel aid requests: the team's visit and the decision with its legal ground."),
        "socialaid:checks",
        frozenset(
            {R.FIELD_REP, R.DIRECTORATE_STAFF, R.DIRECTORATE_MANAGER, R.PR_MANAGER, R.EXECUTIVE}
            | {R.ADMIN}
        ),
    ),
]


@staff_required()
def hub(request: HttpRequest) -> HttpResponse:
    role = request.profile.role
    rows = []
    for title, text, name, roles in UNITS:
        if role not in roles:
            continue
        try:
            rows.append((title, text, reverse(name)))
        except NoReverseMatch:  # a unit switched off in this installation
            continue
    return render(request, "units/hub.html", {"units": rows})
