from django.http import Http404, HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from acikmasa.cases import outcomes
from acikmasa.cases.lifecycle import TRANSITIONS, Action, allowed_actions, is_open
from acikmasa.cases.models import Attachment, Case, CaseType
from acikmasa.cases.permissions import can_act, can_view, visible_cases
from acikmasa.cases.selectors import case_get
from acikmasa.cases.services.intake import IncomingFile
from acikmasa.common.errors import (
    ConcurrentChange,
    DomainError,
    PermissionRefused,
    ValidationFailed,
)
from acikmasa.directory.models import Directorate, ExternalBody
from acikmasa.privacy.models import AccessAction
from acikmasa.privacy.policy import PRIVACY_OFFICER_ROLES, sees_full_national_id, sees_full_phone
from acikmasa.privacy.services.access import access_record
from acikmasa.security.uploads import attachment_response

from ..maps import mini_map
from ..selectors import case_assignees
from ..services import case_act
from ..timeline import timeline_rows
from .common import staff_required

ACTION_PARAMS = ("assignee_id", "directorate_id", "master_id", "external_body_id")
CODED_PARAMS = ("outcome", "legal_ground", "appeal")  # Law 4982 outcome codes (cases/outcomes.py)
# An information request's answer or refusal says how it ended, for the Art. 30 statistics.
REQUIRED_OUTCOME = {Action.RESOLVE: "outcome", Action.REJECT: "legal_ground"}
# The order buttons appear in: the usual next step first.
ACTION_ORDER = [
    Action.START,
    Action.ASSIGN,
    Action.ASK_CITIZEN,
    Action.RESUME,
    Action.NOTE,
    Action.ANSWER,
    Action.RESOLVE,
    Action.CLOSE,
    Action.REOPEN,
    Action.FORWARD,
    Action.WAIT_OTHER,
    Action.FORWARD_OUT,
    Action.MARK_DUPLICATE,
    Action.REJECT,
]


def _page(
    request: HttpRequest,
    case: Case,
    *,
    failed: str = "",
    typed: dict | None = None,
    error: str = "",
    field_errors: dict | None = None,
    status: int = 200,
) -> HttpResponse:
    permitted = set(allowed_actions(case.status))
    actions = [a for a in ACTION_ORDER if a in permitted and can_act(request.user, case, a)]
    role = request.profile.role
    return render(
        request,
        "desk/case.html",
        {
            "case": case,
            "actions": [(a, Action(a).label) for a in actions],
            "needs_text": {a for a in actions if TRANSITIONS[a].needs_text},
            "timeline": timeline_rows(case),
            "attachments": case.attachments.order_by("uploaded_at"),
            "assignees": case_assignees(case) if Action.ASSIGN in actions else [],
            "directorates": Directorate.objects.filter(
                municipality_id=case.municipality_id, is_active=True
            ).exclude(pk=case.directorate_id)
            if Action.FORWARD in actions
            else [],
            "external_bodies": ExternalBody.objects.filter(municipality_id=case.municipality_id)
            if Action.FORWARD_OUT in actions
            else [],
            "map": mini_map(
                case.neighbourhood.boundary if case.neighbourhood else None,
                case.latitude,
                case.longitude,
            ),
            "show_full_id": sees_full_national_id(role),
            "show_full_phone": sees_full_phone(role),
            "privacy_officer": role in PRIVACY_OFFICER_ROLES,
            "is_open": is_open(case.status),
            "is_information": case.case_type == CaseType.INFORMATION,
            "answer_outcomes": outcomes.ANSWER_OUTCOMES.items(),
            "legal_grounds": outcomes.LEGAL_GROUNDS.items(),
            "appeals": outcomes.APPEALS.items(),
            "failed": failed,
            "typed": typed or {},
            "error": error,
            "field_errors": field_errors or {},
        },
        status=status,
    )


@staff_required()
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    case = case_get(user=request.user, case_id=case_id)
    # KVKK: every opening of a citizen's record is logged with the case as its reason (one INSERT).
    access_record(
        user=request.user,
        municipality_id=case.municipality_id,
        action=AccessAction.CASE_VIEWED,
        citizen_id=case.citizen_id,
        case_id=case.pk,
    )
    return _page(request, case)


def _master_id(request: HttpRequest, params: dict) -> None:
    """Mark-duplicate names the master by tracking number; only a case the user can see counts."""
    number = request.POST.get("master", "").strip()
    if number and "master_id" not in params:
        master = visible_cases(request.user).filter(tracking_number=number).only("pk").first()
        params["master_id"] = master.pk if master else -1


def _photo(request: HttpRequest) -> IncomingFile | None:
    upload = request.FILES.get("photo")
    if not upload:
        return None
    return IncomingFile(
        name=upload.name, content=upload.read(), content_type=upload.content_type or ""
    )


@require_POST
@staff_required()
def case_action(request: HttpRequest, case_id: int, action: str) -> HttpResponse:
    case = case_get(user=request.user, case_id=case_id)  # 404 outside the user's scope
    if action not in TRANSITIONS:
        raise Http404
    if not can_act(request.user, case, action):
        return HttpResponseForbidden(_("You are not allowed to do this on this case."))
    params = {k: int(request.POST[k]) for k in ACTION_PARAMS if request.POST.get(k, "").isdigit()}
    params |= {k: request.POST[k].strip() for k in CODED_PARAMS if request.POST.get(k, "").strip()}
    _master_id(request, params)
    version = request.POST.get("version", "")
    typed = {k: v for k, v in request.POST.items() if k != "csrfmiddlewaretoken"}
    if action == Action.CLOSE and request.POST.get("confirm") != "1":
        return _page(
            request,
            case,
            failed=action,
            typed=typed,
            status=400,
            field_errors={"confirm": _("Confirm that the citizen was given the answer.")},
        )
    needed = REQUIRED_OUTCOME.get(action)
    if needed and case.case_type == CaseType.INFORMATION and needed not in params:
        return _page(
            request,
            case,
            failed=action,
            typed=typed,
            status=400,
            field_errors={needed: _("Choose how the information request ends (Law 4982).")},
        )
    try:
        case_act(
            user=request.user,
            case_id=case.pk,
            action=action,
            text=request.POST.get("text", ""),
            params=params,
            expected_version=int(version) if version.isdigit() else None,
            photo=_photo(request),
        )
    except PermissionRefused as error:
        return HttpResponseForbidden(error.message)
    except ValidationFailed as error:
        return _page(
            request, case, failed=action, typed=typed, field_errors=error.errors, status=400
        )
    except ConcurrentChange as error:
        fresh = case_get(user=request.user, case_id=case.pk)
        return _page(request, fresh, failed=action, typed=typed, error=error.message, status=409)
    except DomainError as error:
        errors = {error.field: error.message} if error.field else {}
        return _page(
            request,
            case,
            failed=action,
            typed=typed,
            error="" if errors else error.message,
            field_errors=errors,
            status=400,
        )
    return redirect("desk:case", case_id=case.pk)


@staff_required()
def attachment_file(request: HttpRequest, attachment_id: int) -> HttpResponse:
    """Files are served only to those who may see their case (no public media URL)."""
    attachment = Attachment.objects.select_related("case").filter(pk=attachment_id).first()
    if attachment is None or not can_view(request.user, attachment.case):
        raise Http404
    return attachment_response(attachment)
