from django.http import HttpRequest, HttpResponse

from ..base import get_adapter
from ..webhooks import receive, webhook_view


@webhook_view("POST")
def gateway(request: HttpRequest) -> HttpResponse:
    return receive(request, get_adapter("sms"))


@webhook_view("POST")
def twilio(request: HttpRequest) -> HttpResponse:
    return receive(request, get_adapter("twilio"))
