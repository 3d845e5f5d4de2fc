from django.http import HttpRequest, HttpResponse

from .. import conf
from ..base import get_adapter
from ..meta import verification_response
from ..webhooks import json_error, receive, webhook_view


@webhook_view("GET", "POST")
def webhook(request: HttpRequest) -> HttpResponse:
    if not conf.is_enabled("whatsapp"):
        return json_error(404, "channel_disabled", "The whatsapp channel is not switched on.")
    if request.method == "GET":
        return verification_response(request, conf.value("WHATSAPP_VERIFY_TOKEN"))
    return receive(request, get_adapter("whatsapp"))
