from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from acikmasa.cases.permissions import INTAKE_ROLES
from acikmasa.common.errors import DomainError

from ..forms import GuidanceForm
from ..selectors import guidance_counts, guidance_recent
from ..services import guidance_log_create
from .common import add_domain_errors, staff_required


@staff_required(*INTAKE_ROLES)
def guidance(request: HttpRequest) -> HttpResponse:
    """Danışma: log the guidance given to a visitor in a few keystrokes."""
    municipality_id = request.profile.municipality_id
    form = GuidanceForm(request.POST or None, municipality_id=municipality_id)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                guidance_log_create(user=request.user, **form.cleaned_data)
            except DomainError as error:
                add_domain_errors(form, error)
            else:
                messages.success(request, _("Guidance logged."))
                return redirect("desk:guidance")
        status = 400
    return render(
        request,
        "desk/guidance.html",
        {
            "form": form,
            "counts": guidance_counts(user=request.user),
            "recent": guidance_recent(user=request.user),
        },
        status=status,
    )
