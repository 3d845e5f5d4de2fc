"""Suggestion fragments (portal and desk, htmx), the triage queue, and re-routing on the case
page."""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from acikmasa.cases.lifecycle import Action, is_open
from acikmasa.cases.models import Case
from acikmasa.cases.permissions import INTAKE_ROLES, can_act
from acikmasa.cases.selectors import case_get
from acikmasa.common.errors import (
    ConcurrentChange,
    DomainError,
    PermissionRefused,
    ValidationFailed,
)
from acikmasa.desk.views.common import staff_required
from acikmasa.directory.models import Subject
from acikmasa.portal.selectors import portal_municipality

from .rules import rule_index
from .selectors import triage_cases
from .services import case_reroute
from .suggest import current_classifier, settings_for, suggest_subjects

MIN_LETTERS = 3
TRIAGE_PAGE = 25


def _int(raw: str | None) -> int | None:
    return int(raw) if raw and raw.isascii() and raw.isdigit() and len(raw) < 12 else None


def _suggestions(request: HttpRequest, municipality_id: int, template: str) -> HttpResponse:
    text = (request.GET.get("description") or request.GET.get("text") or "")[:2_000]
    found = (
        suggest_subjects(
            municipality_id=municipality_id,
            text=text,
            channel=(request.GET.get("channel") or "")[:40],
            neighbourhood_id=_int(request.GET.get("neighbourhood")),
        )
        if sum(ch.isalnum() for ch in text) >= MIN_LETTERS
        else None
    )
    return render(
        request,
        template,
        {"found": found, "target": (request.GET.get("target") or "id_subject")[:40]},
    )


@require_GET
def portal_suggestions(request: HttpRequest) -> HttpResponse:
    """htmx, public: up to three subjects for what the citizen has typed so far."""
    municipality = portal_municipality()
    if municipality is None:
        raise Http404
    return _suggestions(request, municipality.pk, "routing/_portal_suggestions.html")


@require_GET
@staff_required()
def desk_suggestions(request: HttpRequest) -> HttpResponse:
    """htmx, staff: up to three subjects for the description the agent is typing."""
    return _suggestions(request, request.profile.municipality_id, "routing/_suggestions.html")


def _triage_rows(municipality_id: int, cases: list[Case]) -> list[tuple[Case, object]]:
    # Rules, model and settings are read once for the page, not once per row.
    shared = {
        "index": rule_index(municipality_id),
        "classifier": current_classifier(municipality_id) or False,
        "rules_weight": settings_for(municipality_id).rules_weight,
    }
    return [
        (
            case,
            suggest_subjects(
                municipality_id=municipality_id,
                text=case.description,
                channel=case.channel.code if case.channel_id else "",
                neighbourhood_id=case.neighbourhood_id,
                **shared,
            ),
        )
        for case in cases
    ]


@require_GET
@staff_required(*INTAKE_ROLES)
def triage(request: HttpRequest) -> HttpResponse:
    """The desk's triage queue: open cases without a confident subject, with suggestions to
    click."""
    page = Paginator(triage_cases(request.user), TRIAGE_PAGE).get_page(request.GET.get("page"))
    subjects = (
        Subject.objects.filter(municipality_id=request.profile.municipality_id, is_active=True)
        .select_related("directorate")
        .order_by("name")
    )
    return render(
        request,
        "routing/triage.html",
        {
            "page": page,
            "rows": _triage_rows(request.profile.municipality_id, list(page.object_list)),
            "subjects": subjects,
        },
    )


def _reroute_form_context(request: HttpRequest, case: Case, **extra) -> dict:
    return {
        "case": case,
        "subjects": Subject.objects.filter(municipality_id=case.municipality_id, is_active=True)
        .exclude(pk=case.subject_id)
        .select_related("directorate")
        .order_by("name"),
        "found": suggest_subjects(
            municipality_id=case.municipality_id,
            text=case.description,
            channel=case.channel.code if case.channel_id else "",
            neighbourhood_id=case.neighbourhood_id,
        ),
        **extra,
    }


def _may_reroute(request: HttpRequest, case: Case) -> bool:
    return is_open(case.status) and (
        can_act(request.user, case, Action.RECLASSIFY)
        or can_act(request.user, case, Action.REROUTE)
    )


@require_GET
@staff_required()
def case_panel(request: HttpRequest, case_id: int) -> HttpResponse:
    """htmx part of the desk's case page: suggestions and the form to correct the subject."""
    case = case_get(user=request.user, case_id=case_id)  # 404 outside the user's scope
    if not _may_reroute(request, case):
        return HttpResponse("")
    return render(request, "routing/_case_panel.html", _reroute_form_context(request, case))


@require_POST
@staff_required()
def reroute(request: HttpRequest, case_id: int) -> HttpResponse:
    """Correct a case's subject (the directorate follows); errors come back on the form."""
    case = case_get(user=request.user, case_id=case_id)
    if not _may_reroute(request, case):
        return HttpResponseForbidden(_("You are not allowed to do this on this case."))
    version = request.POST.get("version", "")
    from_triage = request.POST.get("from") == "triage"
    reason = request.POST.get("reason", "")
    if from_triage and not reason.strip():
        reason = _("Subject chosen in the triage queue.")
    try:
        case_reroute(
            case_id=case.pk,
            subject_id=request.POST.get("subject_id"),
            reason=reason,
            actor=request.user,
            expected_version=_int(version),
        )
    except PermissionRefused as error:
        return HttpResponseForbidden(error.message)
    except DomainError as error:
        errors = (
            error.errors
            if isinstance(error, ValidationFailed)
            else {error.field or "form": error.message}
        )
        status = 409 if isinstance(error, ConcurrentChange) else 400
        fresh = case_get(user=request.user, case_id=case.pk)
        context = _reroute_form_context(request, fresh, errors=errors, typed=request.POST)
        return render(request, "routing/reroute.html", context, status=status)
    target = reverse("routing:triage") if from_triage else reverse("desk:case", args=[case.pk])
    if request.htmx:
        response = HttpResponse("")
        response["HX-Redirect"] = target
        return response
    return redirect(target)
