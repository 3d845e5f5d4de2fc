from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from acikmasa.privacy.models import AccessAction
from acikmasa.privacy.services.access import access_record_many

from ..selectors import case_search
from .common import staff_required


@staff_required()
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    results = case_search(user=request.user, query=query) if query else []
    # KVKK: the citizens a search showed are on the access log (never the query: it may be a phone).
    access_record_many(
        user=request.user,
        municipality_id=request.profile.municipality_id,
        action=AccessAction.SEARCHED,
        shown=[(case.citizen_id, case.pk) for case in results],
    )
    return render(request, "desk/search.html", {"query": query, "results": results})
