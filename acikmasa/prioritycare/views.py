"""Thin views of priority care: the groups (counts), the logged list, recording and ending."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from acikmasa.cases.guards import param_id
from acikmasa.common.errors import DomainError
from acikmasa.units.access import add_domain_errors, staff_required

from . import selectors, services
from .forms import MembershipForm


@staff_required(*services.RECORDERS)
def overview(request: HttpRequest) -> HttpResponse:
    members = None
    group = request.GET.get("group", "")
    query = request.GET.get("q", "")[:60]
    group_id = param_id(request.GET, "group")
    if selectors.may_read(request.user) and (group_id or query):
        members = selectors.members_list(user=request.user, group_id=group_id, query=query)
    return render(
        request,
        "prioritycare/overview.html",
        {
            "groups": selectors.groups_with_counts(user=request.user),
            "may_read": selectors.may_read(request.user),
            "members": members,
            "group": group,
            "query": query,
        },
    )


@staff_required(*services.RECORDERS)
def record(request: HttpRequest) -> HttpResponse:
    form = MembershipForm(request.POST or None, municipality_id=request.profile.municipality_id)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            try:
                membership = services.membership_record(
                    user=request.user,
                    citizen=form.citizen(),
                    group_id=d["group"].pk,
                    basis=d["basis"],
                    evidence=d["evidence"],
                )
            except DomainError as error:
                add_domain_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Recorded: %(name)s now gets priority care (%(group)s).")
                    % {"name": membership.citizen.full_name, "group": membership.group},
                )
                return redirect("prioritycare:record")
        status = 400
    return render(request, "prioritycare/record.html", {"form": form}, status=status)


@require_POST
@staff_required(*services.RECORDERS)
def end(request: HttpRequest, membership_id: int) -> HttpResponse:
    try:
        services.membership_end(
            user=request.user, membership_id=membership_id, reason=request.POST.get("reason", "")
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The membership has ended."))
    return redirect("prioritycare:overview")
