"""Staff: the jurisdiction panel of a case (which rule matches, what was forwarded) and
forwarding."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from acikmasa.cases.lifecycle import Action, is_open
from acikmasa.cases.permissions import can_act
from acikmasa.cases.selectors import case_get
from acikmasa.common.errors import DomainError, NotFound, PermissionRefused
from acikmasa.desk.views.common import staff_required

from . import services
from .matching import rule_match
from .models import ForwardRecord


@require_GET
@staff_required()
def panel(request: HttpRequest, case_id: int) -> HttpResponse:
    case = case_get(user=request.user, case_id=case_id)  # 404 outside the user's scope
    match = rule_match(case) if is_open(case.status) else None
    return render(
        request,
        "jurisdiction/_panel.html",
        {
            "case": case,
            "match": match,
            "can_forward": match is not None and can_act(request.user, case, Action.FORWARD_OUT),
            "sent": ForwardRecord.objects.filter(case=case).select_related(
                "target_case__municipality", "external_body"
            ),
            "received": ForwardRecord.objects.filter(target_case=case).select_related(
                "case__municipality"
            ),
        },
    )


@require_POST
@staff_required()
def forward(request: HttpRequest, case_id: int) -> HttpResponse:
    raw = request.POST.get("rule", "")
    try:
        if not raw.isdigit():
            raise DomainError(_("Choose the rule shown on the case page."), field="rule")
        services.jurisdiction_forward(case_id=case_id, rule_id=int(raw), actor=request.user)
    except DomainError as error:
        status = (
            403
            if isinstance(error, PermissionRefused)
            else 404
            if isinstance(error, NotFound)
            else 400
        )
        return render(
            request,
            "duplicates/refused.html",
            {"message": error.message, "case_id": case_id},
            status=status,
        )
    messages.success(request, _("The case was forwarded to the institution in charge."))
    return redirect("desk:case", case_id=case_id)
