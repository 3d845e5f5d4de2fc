"""Staff screens. Thin: parse input, call one selector or service, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from acikmasa.cases.lifecycle import TRANSITIONS, allowed_actions
from acikmasa.cases.permissions import can_act
from acikmasa.cases.selectors import CaseFilters, case_get, case_list, case_timeline
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.common.errors import DomainError, PermissionRefused

ACTION_PARAMS = ("assignee_id", "directorate_id", "master_id", "external_body_id")


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return redirect("desk:queue")


@login_required
def case_queue(request: HttpRequest) -> HttpResponse:
    filters = CaseFilters(
        status=request.GET.get("status", ""),
        only_open=request.GET.get("open") == "1",
        overdue=request.GET.get("overdue") == "1",
        text=request.GET.get("q", ""),
    )
    page = Paginator(case_list(user=request.user, filters=filters), 50).get_page(request.GET.get("page"))
    return render(request, "desk/queue.html", {"page": page, "filters": filters})


@login_required
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    case = case_get(user=request.user, case_id=case_id)
    actions = [a for a in allowed_actions(case.status) if can_act(request.user, case, a)]
    return render(request, "desk/case.html", {
        "case": case, "timeline": case_timeline(case), "actions": actions,
    })


@login_required
@require_POST
def case_action(request: HttpRequest, case_id: int, action: str) -> HttpResponse:
    case = case_get(user=request.user, case_id=case_id)  # 404 outside the user's scope
    if action not in TRANSITIONS:
        return HttpResponse(status=404)
    version = request.POST.get("version")
    params = {k: request.POST[k] for k in ACTION_PARAMS if request.POST.get(k)}
    try:
        case_transition(
            case_id=case.pk, actor=request.user,
            request=TransitionRequest(
                action=action, text=request.POST.get("text", ""), params=params,
                expected_version=int(version) if version and version.isdigit() else None,
            ),
        )
    except PermissionRefused as error:
        return HttpResponseForbidden(error.message)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("desk:case", case_id=case.pk) if not request.htmx else HttpResponse(error.message, status=409)
    return redirect("desk:case", case_id=case.pk)
