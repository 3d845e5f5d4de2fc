"""Thin views of the career centre: its board, registering a seeker, a seeker's page (refer, record
the answer), the CV, the employer registry."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from acikmasa.cases.guards import param_id
from acikmasa.common.errors import DomainError, NotFound, PermissionRefused
from acikmasa.privacy.models import AccessAction
from acikmasa.privacy.services.access import access_record
from acikmasa.security.uploads import file_response
from acikmasa.units.access import add_domain_errors, in_unit, staff_required
from acikmasa.units.periods import year_bounds

from . import selectors, services
from .forms import ANSWER_CHOICES, EmployerForm, SeekerForm, VacancyForm


def _centre_or_404(request: HttpRequest):
    try:
        return selectors.centre_reader(request.user)
    except (NotFound, PermissionRefused):
        raise Http404 from None


@staff_required()
def board(request: HttpRequest) -> HttpResponse:
    centre = _centre_or_404(request)
    start, end = year_bounds(timezone.localdate().year)
    return render(
        request,
        "careers/board.html",
        {
            "centre": centre,
            "figures": selectors.career_figures(
                municipality_id=centre.municipality_id, start=start, end=end
            ),
            "seekers": selectors.seekers(user=request.user, query=request.GET.get("q", "")[:60]),
            "query": request.GET.get("q", "")[:60],
            "year": start.year,
        },
    )


@staff_required()
def seeker_new(request: HttpRequest) -> HttpResponse:
    if not services.may_register(request.user):
        raise Http404
    form = SeekerForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                seeker = services.seeker_register(user=request.user, data=form.seeker())
            except DomainError as error:
                add_domain_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Job application registered: %(number)s")
                    % {"number": seeker.case.tracking_number},
                )
                if in_unit(request.user, seeker.case.directorate):
                    return redirect("careers:seeker", seeker_id=seeker.pk)
                return redirect("careers:new")
        status = 400
    return render(request, "careers/new.html", {"form": form}, status=status)


@staff_required()
def seeker_page(request: HttpRequest, seeker_id: int) -> HttpResponse:
    _centre_or_404(request)
    try:
        seeker = selectors.seeker_get(user=request.user, seeker_id=seeker_id)
    except NotFound:
        raise Http404 from None
    return render(
        request,
        "careers/seeker.html",
        {
            "seeker": seeker,
            "referrals": seeker.referrals.select_related("vacancy__employer"),
            "vacancies": selectors.open_vacancies(user=request.user),
            "answers": ANSWER_CHOICES,
        },
    )


@require_POST
@staff_required()
def refer(request: HttpRequest, seeker_id: int) -> HttpResponse:
    try:
        services.seeker_refer(
            user=request.user,
            seeker_id=seeker_id,
            vacancy_id=param_id(request.POST, "vacancy") or 0,
        )
    except DomainError as error:
        messages.error(request, _message(error))
    else:
        messages.success(request, _("Referred; the seeker is told."))
    return redirect("careers:seeker", seeker_id=seeker_id)


@require_POST
@staff_required()
def answer(request: HttpRequest, seeker_id: int, referral_id: int) -> HttpResponse:
    try:
        services.referral_answer(
            user=request.user,
            referral_id=referral_id,
            answer=request.POST.get("answer", ""),
            note=request.POST.get("note", ""),
        )
    except DomainError as error:
        messages.error(request, _message(error))
    else:
        messages.success(request, _("The employer's answer is recorded; the seeker is told."))
    return redirect("careers:seeker", seeker_id=seeker_id)


@require_POST
@staff_required()
def withdraw(request: HttpRequest, seeker_id: int) -> HttpResponse:
    try:
        services.seeker_consent_withdraw(user=request.user, seeker_id=seeker_id)
    except DomainError as error:
        messages.error(request, _message(error))
    else:
        messages.success(request, _("Consent withdrawn; the CV is deleted."))
    return redirect("careers:seeker", seeker_id=seeker_id)


def _message(error: DomainError) -> str:
    errors = getattr(error, "errors", None)
    return "; ".join(errors.values()) if errors else error.message


@staff_required()
def cv(request: HttpRequest, seeker_id: int) -> HttpResponse:
    _centre_or_404(request)
    try:
        seeker = selectors.seeker_get(user=request.user, seeker_id=seeker_id)
    except NotFound:
        raise Http404 from None
    if not seeker.cv:
        raise Http404
    access_record(
        user=request.user,
        municipality_id=seeker.municipality_id,
        action=AccessAction.EXPORTED,
        citizen_id=seeker.citizen_id,
        case_id=seeker.case_id,
        detail="CV",
    )
    handle = seeker.cv.open("rb")
    head = handle.read(16)
    handle.seek(0)
    return file_response(
        handle, name=seeker.cv_name or "cv", content_type=seeker.cv_content_type, head=head
    )


@staff_required()
def employers(request: HttpRequest) -> HttpResponse:
    centre = _centre_or_404(request)
    municipality_id = centre.municipality_id
    firm = EmployerForm(
        request.POST if request.POST.get("form") == "employer" else None,
        municipality_id=municipality_id,
    )
    job = VacancyForm(
        request.POST if request.POST.get("form") == "vacancy" else None,
        municipality_id=municipality_id,
    )
    status = 200
    if request.method == "POST":
        bound = firm if firm.is_bound else job
        if bound.is_valid():
            d = bound.cleaned_data
            try:
                if bound is firm:
                    services.employer_register(user=request.user, **d)
                else:
                    services.vacancy_open(
                        user=request.user,
                        employer_id=d["employer"].pk,
                        title=d["title"],
                        positions=d["positions"],
                    )
            except DomainError as error:
                add_domain_errors(bound, error)
            else:
                messages.success(request, _("Saved."))
                return redirect("careers:employers")
        status = 400
    return render(
        request,
        "careers/employers.html",
        {
            "employers": selectors.employers(user=request.user),
            "vacancies": selectors.open_vacancies(user=request.user),
            "firm": firm,
            "job": job,
        },
        status=status,
    )
