"""The common shape of every webhook: size cap, signature, split, store raw, acknowledge."""

import logging
from collections.abc import Callable
from functools import wraps

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from acikmasa.security.net import client_ip, masked_ip

from . import conf
from .base import Adapter, BadPayload, SignatureInvalid, SignatureMissing
from .services.inbound import inbound_reject, inbound_store

logger = logging.getLogger("acikmasa.channels.webhooks")
KEPT_HEADERS = (
    "content-type",
    "user-agent",
    "x-hub-signature-256",
    "x-twilio-signature",
    "x-request-id",
)


def json_error(status: int, code: str, message: str) -> JsonResponse:
    return JsonResponse({"ok": False, "error": code, "message": message}, status=status)


def webhook_view(
    *methods: str,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """csrf_exempt (providers have no CSRF token) and a JSON 405 for any other method."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @csrf_exempt
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method not in methods:
                response = json_error(405, "method_not_allowed", f"Use {' or '.join(methods)}.")
                response["Allow"] = ", ".join(methods)
                return response
            return view(request, *args, **kwargs)

        return wrapper

    return decorate


def kept_headers(request: HttpRequest) -> dict[str, str]:
    return {
        k.lower(): v
        for k, v in request.headers.items()
        if k.lower() in KEPT_HEADERS or k.lower().startswith("x-")
    }


def read_body(request: HttpRequest, limit: int) -> bytes | JsonResponse:
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return json_error(400, "bad_length", "Invalid Content-Length.")
    if declared > limit:
        return json_error(413, "too_large", f"The body may be at most {limit} bytes.")
    try:
        body = request.body
    except RequestDataTooBig:
        return json_error(413, "too_large", f"The body may be at most {limit} bytes.")
    if len(body) > limit:
        return json_error(413, "too_large", f"The body may be at most {limit} bytes.")
    return body


def receive(request: HttpRequest, adapter: Adapter) -> HttpResponse:
    """Handle one POST for `adapter`. Never a 500 for the provider's input; never touches cases."""
    if not conf.is_enabled(adapter.code):
        return json_error(
            404, "channel_disabled", f"The {adapter.code} channel is not switched on."
        )
    body = read_body(request, adapter.max_body)
    if isinstance(body, HttpResponse):
        return body
    try:
        adapter.verify(request, body)
    except (SignatureMissing, SignatureInvalid) as exc:
        logger.warning(
            "%s webhook refused from %s: %s",
            adapter.code,
            masked_ip(client_ip(request)),
            exc.message,
        )
        return json_error(exc.status, "bad_signature", exc.message)
    except BadPayload as exc:  # not even readable enough to check: unauthenticated, so not kept
        return json_error(exc.status, "bad_payload", exc.message)
    headers = kept_headers(request)
    try:
        envelopes = adapter.envelopes(request, body)
    except BadPayload as exc:
        inbound_reject(channel=adapter.code, headers=headers, body=body, error=exc.message)
        return json_error(exc.status, "bad_payload", exc.message)
    stored = duplicates = 0
    for envelope in envelopes:
        _message, created = inbound_store(
            channel=adapter.code, envelope=envelope, headers=headers, body=body
        )
        stored, duplicates = stored + created, duplicates + (not created)
    return adapter.acknowledge(request, stored, duplicates)
