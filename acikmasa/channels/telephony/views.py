from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from acikmasa.cases.permissions import can_register

from ..base import get_adapter
from ..i18n import chosen_language
from ..webhooks import receive, webhook_view
from . import selectors


@webhook_view("POST")
def webhook(request: HttpRequest) -> HttpResponse:
    return receive(request, get_adapter("telephony"))


@chosen_language
@login_required
def call_history(request: HttpRequest, call_id: int) -> JsonResponse:
    """JSON for the agent's screen (or a CTI pop-up): the caller's records and cases."""
    call = selectors.call_get(user=request.user, call_id=call_id)
    if call is None or not can_register(request.user):
        raise Http404
    return JsonResponse(
        selectors.history_json(selectors.caller_history(user=request.user, call=call))
    )


@chosen_language
@login_required
def screen(request: HttpRequest) -> HttpResponse:
    """The agent's pop-up: the call they just answered and who is calling."""
    if not can_register(request.user):
        raise Http404
    call = selectors.current_call(user=request.user)
    history = selectors.caller_history(user=request.user, call=call) if call else None
    return render(request, "channels/call_screen.html", {"call": call, "history": history})
