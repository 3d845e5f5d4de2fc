from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from ..base import get_adapter
from ..webhooks import receive


@csrf_exempt
@require_POST
def gateway(request: HttpRequest) -> HttpResponse:
    return receive(request, get_adapter("sms"))


@csrf_exempt
@require_POST
def twilio(request: HttpRequest) -> HttpResponse:
    return receive(request, get_adapter("twilio"))
