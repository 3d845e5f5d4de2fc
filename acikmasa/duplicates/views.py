"""Staff pages: the possible-duplicates panel of a case (htmx), merge, unmerge, dismiss, hot
spots."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from acikmasa.cases.lifecycle import Action, is_open
from acikmasa.cases.permissions import can_act
from acikmasa.cases.selectors import case_get
from acikmasa.common.errors import DomainError, NotFound, PermissionRefused, ValidationFailed
from acikmasa.desk.views.common import staff_required
from acikmasa.directory.models import Role

from . import selectors, services

HOT_SPOT_ROLES = (Role.DIRECTORATE_MANAGER, Role.PR_MANAGER, Role.EXECUTIVE, Role.ADMIN)


def _status(error: DomainError) -> int:
    if isinstance(error, PermissionRefused):
        return 403
    if isinstance(error, NotFound):
        return 404
    return 400


def _refused(request: HttpRequest, case_id: int, error: DomainError) -> HttpResponse:
    message = (
        "; ".join(error.errors.values()) if isinstance(error, ValidationFailed) else error.message
    )
    return render(
        request,
        "duplicates/refused.html",
        {"message": message, "case_id": case_id},
        status=_status(error),
    )


@require_GET
@staff_required()
def panel(request: HttpRequest, case_id: int) -> HttpResponse:
    case = case_get(user=request.user, case_id=case_id)  # 404 outside the user's scope
    data = selectors.duplicate_panel(user=request.user, case=case)
    return render(
        request,
        "duplicates/_panel.html",
        {
            "panel": data,
            "case": case,
            "can_merge": is_open(case.status)
            and can_act(request.user, case, Action.MARK_DUPLICATE),
            "can_unmerge": can_act(request.user, case, Action.UNMARK_DUPLICATE)
            and case.duplicate_of_id is not None,
        },
    )


@require_POST
@staff_required()
def merge(request: HttpRequest, case_id: int) -> HttpResponse:
    """`case_id` is the master; `duplicates` the cases joined to it."""
    try:
        services.duplicates_merge(
            master_id=case_id,
            duplicate_ids=request.POST.getlist("duplicates"),
            actor=request.user,
            text=request.POST.get("text", ""),
        )
    except DomainError as error:
        return _refused(request, case_id, error)
    messages.success(request, _("The cases were joined."))
    return redirect("desk:case", case_id=case_id)


@require_POST
@staff_required()
def unmerge(request: HttpRequest, case_id: int) -> HttpResponse:
    try:
        services.duplicates_unmerge(
            case_id=case_id, actor=request.user, text=request.POST.get("text", "")
        )
    except DomainError as error:
        return _refused(request, case_id, error)
    messages.success(request, _("The case was separated and is open again."))
    return redirect("desk:case", case_id=case_id)


@require_POST
@staff_required()
def dismiss(request: HttpRequest, link_id: int) -> HttpResponse:
    back = request.POST.get("case", "")
    back_id = int(back) if back.isdigit() else None
    try:
        services.candidate_dismiss(link_id=link_id, actor=request.user)
    except DomainError as error:
        return _refused(request, back_id, error)
    return redirect("desk:case", case_id=back_id) if back_id else redirect("duplicates:hot_spots")


def _int(raw: str, default: int, low: int, high: int) -> int:
    return min(max(int(raw), low), high) if raw.isdigit() else default


@require_GET
@staff_required(*HOT_SPOT_ROLES)
def hot_spots(request: HttpRequest) -> HttpResponse:
    days = _int(request.GET.get("days", ""), 30, 1, 365)
    size = _int(request.GET.get("size", ""), 3, 2, 1000)
    spots = selectors.hot_spots(user=request.user, days=days, min_size=size)
    return render(
        request, "duplicates/hot_spots.html", {"spots": spots, "days": days, "size": size}
    )
