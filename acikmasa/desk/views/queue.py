from django.contrib import messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from acikmasa.cases.lifecycle import Action, Status, is_open
from acikmasa.cases.models import CaseType
from acikmasa.cases.permissions import ACTION_ROLES, DIRECTORATE_ROLES, directorate_ids
from acikmasa.directory.models import Channel, Directorate, Neighbourhood, Street, Subject

from ..forms import queue_filters_from
from ..selectors import assignable_staff, queue_counts, queue_page
from ..services import cases_bulk_assign
from ..templatetags.desk_tags import time_left
from .common import staff_required

CHOICES_SECONDS = 60  # reference data seldom changes; a minute's delay for a new subject is fine


def _choices(profile, filters) -> dict:
    """The options of the filter form, limited to what the user works with (cached briefly)."""
    scope = sorted(directorate_ids(profile)) if profile.role in DIRECTORATE_ROLES else []
    scope_key = ",".join(map(str, scope))
    key = f"desk:queue-choices:{profile.municipality_id}:{profile.pk}:{scope_key}:{get_language()}"
    choices = cache.get(key)
    if choices is None:
        subjects = (
            Subject.objects.filter(municipality_id=profile.municipality_id)
            .only("id", "name", "name_en")
            .order_by("name")
        )
        directorates = (
            Directorate.objects.filter(municipality_id=profile.municipality_id)
            .only("id", "name", "name_en")
            .order_by("name")
        )
        if scope:
            subjects = subjects.filter(directorate_id__in=scope)
            directorates = directorates.filter(pk__in=scope)
        choices = {
            "subjects": list(subjects),
            "directorates": list(directorates),
            "neighbourhoods": list(
                Neighbourhood.objects.filter(municipality_id=profile.municipality_id)
                .only("id", "name")
                .order_by("name")
            ),
            "channels": list(
                Channel.objects.filter(is_active=True)
                .only("id", "name", "name_en")
                .order_by("name")
            ),
            "staff": list(
                assignable_staff(profile.user).only("id", "username", "first_name", "last_name")
            ),
        }
        cache.set(key, choices, CHOICES_SECONDS)
    return {
        **choices,
        "statuses": Status.choices,
        "case_types": CaseType.choices,
        "streets": Street.objects.filter(neighbourhood_id=filters.neighbourhood)
        .only("id", "name")
        .order_by("name")
        if filters.neighbourhood
        else [],
    }


@staff_required()
def case_queue(request: HttpRequest) -> HttpResponse:
    filters = queue_filters_from(request.GET)
    cursor = request.GET.get("after", "")
    page = queue_page(user=request.user, filters=filters, cursor=cursor)
    now = timezone.now()
    for case in page.rows:  # worked out once here: per-row template tags cost more than the query
        case.desk_open = is_open(case.status)
        case.desk_late = bool(case.desk_open and case.due_at and case.due_at < now)
        case.desk_left = time_left(case.due_at, case.desk_open)
    can_bulk = request.profile.role in ACTION_ROLES[Action.ASSIGN]
    return render(
        request,
        "desk/queue.html",
        {
            "page": page,
            "filters": filters,
            "cursor": cursor,
            "can_bulk": can_bulk,
            **_choices(request.profile, filters),
        },
    )


@staff_required()
def queue_counts_part(request: HttpRequest) -> HttpResponse:
    """Counts per filter, loaded after the list so the list itself never waits for counting."""
    filters = queue_filters_from(request.GET)
    return render(
        request,
        "desk/_queue_counts.html",
        {"counts": queue_counts(user=request.user, filters=filters), "filters": filters},
    )


@require_POST
@staff_required()
def bulk_assign(request: HttpRequest) -> HttpResponse:
    back = request.POST.get("back", "")
    target = "desk:queue"
    if request.profile.role not in ACTION_ROLES[Action.ASSIGN]:
        return HttpResponse(_("You are not allowed to assign cases."), status=403)
    ids = [int(v) for v in request.POST.getlist("case") if v.isdigit()][:200]
    assignee = request.POST.get("assignee_id", "")
    if not ids or not assignee.isdigit():
        messages.error(request, _("Choose the cases and the person to assign them to."))
    else:
        result = cases_bulk_assign(user=request.user, case_ids=ids, assignee_id=int(assignee))
        if result.done:
            messages.success(request, _("Assigned: %(list)s") % {"list": ", ".join(result.done)})
        for number, reason in result.refused:
            messages.error(request, f"{number}: {reason}")
    response = redirect(target)
    if back.startswith("?"):
        response["Location"] += back
    return response
