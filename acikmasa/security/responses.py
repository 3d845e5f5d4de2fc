"""Refusals in the caller's language: a JSON body for machines, a clear page for people."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

MACHINE_PREFIXES = ("/open311/", "/hooks/")


def wants_json(request: HttpRequest) -> bool:
    if request.path.startswith(MACHINE_PREFIXES):
        return True
    accept = request.headers.get("Accept", "")
    return "application/json" in accept and "text/html" not in accept


def refusal(
    request: HttpRequest,
    *,
    status: int,
    code: str,
    title: str,
    message: str,
    retry_after: int | None = None,
) -> HttpResponse:
    """A 4xx answer that says what went wrong and what to do; never echoes the input back."""
    if request.path.startswith("/open311/"):
        # GeoReport v2's error format: a list of {code, description}.
        response: HttpResponse = JsonResponse(
            [{"code": status, "description": message}], safe=False, status=status
        )
    elif wants_json(request):
        response = JsonResponse({"ok": False, "error": code, "message": message}, status=status)
    else:
        response = render(
            request,
            "security/refusal.html",
            {"title": title, "message": message, "status": status},
            status=status,
        )
    if retry_after is not None:
        response["Retry-After"] = str(retry_after)
    return response
