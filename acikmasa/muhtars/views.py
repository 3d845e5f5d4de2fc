"""The muhtar's mahalle page: what they were told, every case of the mahalle, monthly summaries."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from acikmasa.channels.muhtar.adapter import muhtar_for

from . import selectors, services


def _muhtar(request: HttpRequest):
    muhtar = muhtar_for(request.user)
    if muhtar is None:
        raise PermissionDenied
    return muhtar


@login_required
def mahalle(request: HttpRequest) -> HttpResponse:
    muhtar = _muhtar(request)
    show = request.GET.get("show", "")
    show = show if show in selectors.FILTERS else ""
    return render(
        request,
        "muhtars/mahalle.html",
        {
            "muhtar": muhtar,
            "show": show,
            "cases": selectors.mahalle_cases(muhtar=muhtar, show=show)[: selectors.PAGE],
            "counts": selectors.mahalle_counts(muhtar=muhtar),
            "notices": selectors.notices_for(muhtar=muhtar),
            "summaries": selectors.summaries_for(muhtar=muhtar),
        },
    )


@require_POST
@login_required
def mark_read(request: HttpRequest) -> HttpResponse:
    services.notices_mark_read(muhtar=_muhtar(request))
    return redirect("muhtars:mahalle")
