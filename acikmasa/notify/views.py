"""Thin views: the tokenised survey page, the staff failures page, the canned-answers partial."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods

from acikmasa.cases.models import Case
from acikmasa.cases.permissions import can_view, staff_profile
from acikmasa.common.errors import DomainError, ValidationFailed

from .forms import SurveyForm
from .models import Survey, SurveyAnswer
from .selectors import canned_answers_for, failed_notifications, survey_figures
from .services.surveys import survey_answer_submit


@require_http_methods(["GET", "POST"])
def survey(request: HttpRequest, token: str) -> HttpResponse:
    found = get_object_or_404(Survey.objects.select_related("case"), token=token)
    answer = SurveyAnswer.objects.filter(case=found.case).first()
    form = SurveyForm(request.POST or None)
    status = 200
    if request.method == "POST" and answer is None:
        if form.is_valid():
            try:
                answer = survey_answer_submit(
                    case_id=found.case_id,
                    solved=form.cleaned_data["solved"],
                    score=form.cleaned_data["score"],
                    comment=form.cleaned_data["comment"],
                    via="web",
                )
            except ValidationFailed as exc:
                for field, message in exc.errors.items():
                    form.add_error(field if field in form.fields else None, message)
                status = 400
            except DomainError as exc:
                form.add_error(None, exc.message)
                status = 400
        else:
            status = 400
    elif request.method == "POST":
        status = 409
    return render(
        request,
        "notify/survey.html",
        {"survey": found, "case": found.case, "form": form, "answer": answer},
        status=status,
    )


def _staff(request: HttpRequest) -> None:
    if staff_profile(request.user) is None:
        raise Http404


@login_required
def failures(request: HttpRequest) -> HttpResponse:
    _staff(request)
    rows = failed_notifications(request.user)[:200]
    return render(
        request, "notify/failures.html", {"rows": rows, "figures": survey_figures(request.user)}
    )


@login_required
def canned_answers(request: HttpRequest, case_id: int) -> HttpResponse:
    """htmx partial: the canned answers for a case; each fills the textarea named by ?target=."""
    _staff(request)
    case = get_object_or_404(Case, pk=case_id)
    if not can_view(request.user, case):
        raise Http404
    target = request.GET.get("target", "id_text")
    return render(
        request,
        "notify/_canned_answers.html",
        {"answers": canned_answers_for(case), "target": target},
    )
