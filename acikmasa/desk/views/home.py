from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from acikmasa.directory.models import Role

from ..selectors import assignee_load, manager_summary
from .common import staff_required

# Where each role starts its day (issue 3: "My work").
LANDING = {
    Role.DESK_AGENT: "desk:walkin",
    Role.CALL_AGENT: "desk:call",
    Role.FIELD_REP: "desk:field",
    Role.DIRECTORATE_STAFF: "desk:queue",
    Role.ADMIN: "desk:queue",
}
LATE_FIRST = {Role.PR_MANAGER, Role.EXECUTIVE}


@staff_required()
def home(request: HttpRequest) -> HttpResponse:
    role = request.profile.role
    if role == Role.DIRECTORATE_MANAGER:
        return render(
            request,
            "desk/home_manager.html",
            {
                "summary": manager_summary(user=request.user),
                "load": assignee_load(user=request.user),
            },
        )
    if role in LATE_FIRST:
        return redirect(reverse("desk:queue") + "?overdue=1")
    return redirect(LANDING.get(role, "desk:queue"))
