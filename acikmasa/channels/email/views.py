from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from ..base import get_adapter
from ..webhooks import receive


@csrf_exempt
@require_POST
def webhook(request: HttpRequest) -> HttpResponse:
    """Raw MIME posted by the mail server (e.g. a Postfix pipe with curl) with the shared secret."""
    return receive(request, get_adapter("email"))
