from django.http import HttpRequest, HttpResponse

from ..base import get_adapter
from ..webhooks import receive, webhook_view


@webhook_view("POST")
def webhook(request: HttpRequest) -> HttpResponse:
    """Raw MIME posted by the mail server (e.g. a Postfix pipe with curl) with the shared secret."""
    return receive(request, get_adapter("email"))
