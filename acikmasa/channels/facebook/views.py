from django.http import HttpRequest, HttpResponse

from .. import conf
from ..base import get_adapter
from ..meta import verification_response
from ..webhooks import json_error, receive, webhook_view


@webhook_view("GET", "POST")
def webhook(request: HttpRequest) -> HttpResponse:
    """One callback URL for the Page (messages, feed) and Instagram (messages, comments)
    subscriptions."""
    if not conf.is_enabled("facebook"):
        return json_error(404, "channel_disabled", "The facebook channel is not switched on.")
    if request.method == "GET":
        return verification_response(request, conf.value("FACEBOOK_VERIFY_TOKEN"))
    return receive(request, get_adapter("facebook"))
