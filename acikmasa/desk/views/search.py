from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ..selectors import case_search
from .common import staff_required


@staff_required()
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    results = case_search(user=request.user, query=query) if query else []
    return render(request, "desk/search.html", {"query": query, "results": results})
