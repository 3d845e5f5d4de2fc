"""Thin views: the public notice and request pages, and the data-protection officer's pages."""

import json
import time
from functools import wraps

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from acikmasa.cases.permissions import staff_profile
from acikmasa.common.errors import DomainError, ValidationFailed
from acikmasa.portal.selectors import portal_municipality
from acikmasa.security.net import client_ip
from acikmasa.security.ratelimit import rate_limit_take

from . import selectors
from .export import citizen_export
from .forms import CodeCheckForm, CodeRequestForm, CorrectionForm, SubjectRequestForm
from .models import AccessAction, Consent, SubjectRequest
from .policy import is_privacy_officer
from .services.access import access_record
from .services.consents import consent_withdraw
from .services.requests import dsr_code_check, dsr_code_send, dsr_correct, dsr_erase, dsr_submit

CODE_REQUESTS_PER_10_MIN = 5
VERIFIED_FOR_SECONDS = 30 * 60


def _municipality():
    municipality = portal_municipality()
    if municipality is None:
        raise Http404(_("No municipality is set up yet."))
    return municipality


def notice(request: HttpRequest, version: int | None = None) -> HttpResponse:
    """The privacy notice in force (or an earlier version, for what a citizen was shown then)."""
    municipality = _municipality()
    if version is None:
        shown = selectors.current_notice(municipality.pk)
    else:
        shown = selectors.published_notices(municipality.pk).filter(version=version).first()
    if shown is None:
        raise Http404(_("No privacy notice has been published yet."))
    summary, body = shown.text(get_language() or "tr")
    return render(
        request,
        "privacy/notice.html",
        {
            "notice": shown,
            "summary": summary,
            "body": body,
            "municipality": municipality,
            "versions": selectors.published_notices(municipality.pk),
        },
    )


def _too_many(request: HttpRequest) -> bool:
    # The shared limiter: counted across web processes, the address stored only as a hash.
    return not rate_limit_take(
        "privacy:code", client_ip(request), limit=CODE_REQUESTS_PER_10_MIN, window=600
    ).allowed


@require_http_methods(["GET", "POST"])
def request_start(request: HttpRequest) -> HttpResponse:
    """Step 1: the tracking number of one of their cases and the phone or e-mail given in it."""
    form = CodeRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _too_many(request):
            form.add_error(None, _("Too many attempts. Please wait ten minutes."))
        else:
            dsr_code_send(
                municipality=_municipality(),
                tracking_number=form.cleaned_data["tracking_number"],
                contact=form.cleaned_data["contact"],
            )
            request.session["kvkk_tracking"] = form.cleaned_data["tracking_number"].strip()
            # The same answer whether or not the details matched: nothing is revealed.
            messages.info(
                request,
                _("If the details match an application, a code was sent to that phone or e-mail."),
            )
            return redirect("privacy:request_verify")
    return render(
        request, "privacy/request_start.html", {"form": form}, status=400 if form.errors else 200
    )


@require_http_methods(["GET", "POST"])
def request_verify(request: HttpRequest) -> HttpResponse:
    """Step 2: the one-time code."""
    tracking = request.session.get("kvkk_tracking")
    if not tracking:
        return redirect("privacy:request_start")
    form = CodeCheckForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        case = dsr_code_check(
            municipality=_municipality(), tracking_number=tracking, code=form.cleaned_data["code"]
        )
        if case is not None:
            request.session["kvkk_case"] = case.pk
            request.session["kvkk_verified_at"] = time.time()
            return redirect("privacy:request_form")
        form.add_error("code", _("The code is wrong or has expired."))
    return render(
        request, "privacy/request_verify.html", {"form": form}, status=400 if form.errors else 200
    )


def _verified_case(request: HttpRequest):
    from acikmasa.cases.models import Case

    case_id, at = request.session.get("kvkk_case"), request.session.get("kvkk_verified_at", 0)
    if not case_id or time.time() - at > VERIFIED_FOR_SECONDS:
        return None
    return Case.objects.select_related("citizen").filter(pk=case_id).exclude(citizen=None).first()


@require_http_methods(["GET", "POST"])
def request_form(request: HttpRequest) -> HttpResponse:
    """Step 3: what they ask for; it becomes a case with its own tracking number and 30-day
    limit."""
    case = _verified_case(request)
    if case is None:
        return redirect("privacy:request_start")
    form = SubjectRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            made = dsr_submit(
                citizen=case.citizen,
                kind=form.cleaned_data["kind"],
                text=form.cleaned_data["text"],
                verified=SubjectRequest.Verified.CODE,
            )
        except ValidationFailed as error:
            for field, message in error.errors.items():
                form.add_error(field if field in form.fields else None, message)
        else:
            for key in ("kvkk_case", "kvkk_verified_at", "kvkk_tracking"):
                request.session.pop(key, None)
            return render(request, "privacy/request_done.html", {"made": made})
    return render(
        request, "privacy/request_form.html", {"form": form}, status=400 if form.errors else 200
    )


def officer_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_privacy_officer(request.user):
            raise PermissionDenied
        request.profile = staff_profile(request.user)
        return view(request, *args, **kwargs)

    return wrapper


@officer_required
def officer_home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "privacy/officer_home.html",
        {"requests": selectors.open_requests(user=request.user)[:200]},
    )


@officer_required
def access_report(request: HttpRequest) -> HttpResponse:
    """Per citizen (?citizen=) or per staff member (?user=): the KVKK audit of who saw what."""
    citizen_id, user_id = request.GET.get("citizen", ""), request.GET.get("user", "")
    rows, about = [], None
    if citizen_id.isdigit():
        about = selectors.officer_citizen(user=request.user, citizen_id=int(citizen_id))
        rows = (
            selectors.access_for_citizen(user=request.user, citizen_id=int(citizen_id))
            if about
            else []
        )
    elif user_id.isdigit():
        about = (
            get_user_model()
            .objects.filter(pk=int(user_id), staff__municipality_id=request.profile.municipality_id)
            .first()
        )
        rows = (
            selectors.access_by_user(user=request.user, staff_user_id=int(user_id)) if about else []
        )
    staff = (
        get_user_model()
        .objects.filter(staff__municipality_id=request.profile.municipality_id)
        .order_by("username")
    )
    return render(
        request,
        "privacy/access_report.html",
        {
            "rows": rows,
            "about": about,
            "by_user": user_id.isdigit(),
            "staff": staff,
        },
        status=404 if (citizen_id or user_id) and about is None else 200,
    )


def _citizen_or_404(request: HttpRequest, citizen_id: int):
    citizen = selectors.officer_citizen(user=request.user, citizen_id=citizen_id)
    if citizen is None:
        raise Http404
    return citizen


@officer_required
def citizen_page(request: HttpRequest, citizen_id: int) -> HttpResponse:
    citizen = _citizen_or_404(request, citizen_id)
    access_record(
        user=request.user,
        municipality_id=citizen.municipality_id,
        action=AccessAction.CITIZEN_VIEWED,
        citizen_id=citizen.pk,
    )
    return render(
        request,
        "privacy/citizen.html",
        {
            "citizen": citizen,
            "consents": selectors.consents_of(citizen.pk),
            "requests": SubjectRequest.objects.filter(citizen=citizen).select_related("case"),
            "access": selectors.access_for_citizen(
                user=request.user, citizen_id=citizen.pk, limit=50
            ),
            "request_form": SubjectRequestForm(),
            "correction_form": CorrectionForm(
                initial={f: getattr(citizen, f) for f in CorrectionForm.base_fields}
            ),
        },
    )


@officer_required
def export(request: HttpRequest, citizen_id: int, fmt: str) -> HttpResponse:
    """The copy a data subject gets (Art. 11/1-b); every export is on the access log with its
    reason."""
    if fmt not in ("json", "html"):
        raise Http404
    citizen = _citizen_or_404(request, citizen_id)
    reason = request.GET.get("request", "")
    request_row = (
        SubjectRequest.objects.filter(pk=int(reason), citizen=citizen).first()
        if reason.isdigit()
        else None
    )
    data = citizen_export(citizen)
    access_record(
        user=request.user,
        municipality_id=citizen.municipality_id,
        action=AccessAction.EXPORTED,
        citizen_id=citizen.pk,
        case_id=request_row.case_id if request_row else None,
        detail=fmt,
    )
    if fmt == "json":
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="kvkk-{citizen.pk}.json"'
        return response
    return render(request, "privacy/export.html", {"data": data, "citizen": citizen})


@require_POST
@officer_required
def withdraw(request: HttpRequest, consent_id: int) -> HttpResponse:
    consent = Consent.objects.filter(
        pk=consent_id, citizen__municipality_id=request.profile.municipality_id
    ).first()
    if consent is None:
        raise Http404
    try:
        consent_withdraw(
            consent_id=consent.pk,
            channel=request.POST.get("channel", "") or "desk",
            user=request.user,
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The consent was withdrawn."))
    return redirect("privacy:citizen", citizen_id=consent.citizen_id)


@require_POST
@officer_required
def register_request(request: HttpRequest, citizen_id: int) -> HttpResponse:
    """A request made in person or on paper, after the ID card was checked."""
    citizen = _citizen_or_404(request, citizen_id)
    form = SubjectRequestForm(request.POST)
    if form.is_valid():
        try:
            made = dsr_submit(
                citizen=citizen,
                kind=form.cleaned_data["kind"],
                text=form.cleaned_data["text"],
                verified=SubjectRequest.Verified.ID_CARD,
                channel="desk",
                user=request.user,
            )
        except ValidationFailed as error:
            messages.error(request, "; ".join(error.errors.values()))
        else:
            messages.success(
                request,
                _("Request registered as %(number)s.") % {"number": made.case.tracking_number},
            )
    else:
        messages.error(request, "; ".join(e for errors in form.errors.values() for e in errors))
    return redirect("privacy:citizen", citizen_id=citizen.pk)


@require_POST
@officer_required
def correct(request: HttpRequest, request_id: int) -> HttpResponse:
    made = SubjectRequest.objects.filter(pk=request_id).first()
    form = CorrectionForm(request.POST)
    if made is None or not form.is_valid():
        raise Http404
    changes = {k: v for k, v in form.cleaned_data.items() if k in request.POST}
    try:
        changed = dsr_correct(user=request.user, request_id=request_id, changes=changes)
    except DomainError as error:
        messages.error(
            request,
            "; ".join(error.errors.values())
            if isinstance(error, ValidationFailed)
            else error.message,
        )
    else:
        messages.success(request, _("Corrected: %(fields)s.") % {"fields": ", ".join(changed)})
    return redirect("privacy:citizen", citizen_id=made.citizen_id)


@require_POST
@officer_required
def erase(request: HttpRequest, request_id: int) -> HttpResponse:
    made = SubjectRequest.objects.filter(pk=request_id).first()
    if made is None:
        raise Http404
    try:
        done, still_open = dsr_erase(user=request.user, request_id=request_id)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("%(done)d ended cases anonymised; %(open)d still being handled.")
            % {"done": done, "open": still_open},
        )
    return redirect("privacy:citizen", citizen_id=made.citizen_id)
