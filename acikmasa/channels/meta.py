"""What WhatsApp, Messenger and Instagram share: Meta's webhook signature and verification
handshake."""

import hashlib
import hmac
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse

from .base import BadPayload, SignatureInvalid, SignatureMissing


def sign(secret: str, body: bytes) -> str:
    """The X-Hub-Signature-256 value Meta sends: sha256=HMAC-SHA256(app secret, raw body)."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def verify_signature(request: HttpRequest, body: bytes, secret: str) -> None:
    given = request.headers.get("X-Hub-Signature-256", "")
    if not given:
        raise SignatureMissing("X-Hub-Signature-256 header missing")
    if not hmac.compare_digest(given.strip().lower(), sign(secret, body)):
        raise SignatureInvalid("X-Hub-Signature-256 does not match the body")


def verification_response(request: HttpRequest, verify_token: str) -> HttpResponse:
    """Meta's subscription handshake: echo hub.challenge when hub.verify_token matches."""
    mode = request.GET.get("hub.mode", "")
    token = request.GET.get("hub.verify_token", "")
    challenge = request.GET.get("hub.challenge", "")
    if (
        mode == "subscribe"
        and challenge
        and hmac.compare_digest(token.encode(), verify_token.encode())
    ):
        return HttpResponse(challenge, content_type="text/plain")
    return JsonResponse(
        {"ok": False, "error": "verification_failed", "message": "Wrong hub.verify_token or mode."},
        status=403,
    )


def as_list(value: Any, what: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise BadPayload(f"{what} must be a list.")
    return value


def as_dict(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise BadPayload(f"{what} must be an object.")
    return value
