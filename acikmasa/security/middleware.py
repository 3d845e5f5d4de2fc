"""Request guards (size, encoding, rate limits), staff session rules, and the extra security
headers."""

import logging
import re
import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .net import client_ip, masked_ip
from .ratelimit import rate_limit_take
from .responses import refusal
from .rules import rules_for
from .twofactor import device_of, is_required, policy_for

logger = logging.getLogger("acikmasa.security")
Handler = Callable[[HttpRequest], HttpResponse]
# NUL and the other C0 controls (tab, CR, LF excepted), U+FFFD (what broken UTF-8 decodes to), and
# the non-characters U+FFFE/U+FFFF: none belongs in typed text, and XML exports could not carry
# them.
BAD_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd\ufffe\uffff]")
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def max_request_bytes() -> int:
    return int(getattr(settings, "ACIKMASA_MAX_REQUEST_BYTES", 60 * 1024 * 1024))


class RequestGuardMiddleware:
    """Refuse oversized bodies, badly encoded form input and callers over their rate limit, with a
    4xx."""

    def __init__(self, get_response: Handler):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = -1
        if declared < 0:
            return refusal(
                request,
                status=400,
                code="bad_length",
                title=_("Bad request"),
                message=_("The request's length is not valid."),
            )
        if declared > max_request_bytes():
            return refusal(
                request,
                status=413,
                code="too_large",
                title=_("Too large"),
                message=_("The request is larger than %(mb)d MB. Send smaller files.")
                % {"mb": max_request_bytes() // 1_048_576},
            )
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, args, kwargs) -> HttpResponse | None:
        name = request.resolver_match.view_name if request.resolver_match else ""
        for rule in rules_for(name):
            if request.method not in rule.methods:
                continue
            address = client_ip(request)
            decision = rate_limit_take(
                f"view:{name}:{rule.window}", address, limit=rule.limit, window=rule.window
            )
            if not decision.allowed:
                logger.warning("rate limited: view=%s address_net=%s", name, masked_ip(address))
                minutes = max(1, round(decision.retry_after / 60))
                return refusal(
                    request,
                    status=429,
                    code="rate_limited",
                    title=_("Too many requests"),
                    message=_(
                        "Too many requests from your connection. Please try again in about "
                        "%(minutes)d minutes."
                    )
                    % {"minutes": minutes},
                    retry_after=decision.retry_after,
                )
        if request.method == "POST" and not getattr(view_func, "csrf_exempt", False):
            return self._bad_text(request)
        return None

    def _bad_text(self, request: HttpRequest) -> HttpResponse | None:
        """Forms only: Django silently replaces broken bytes; we refuse them, so nothing garbled is
        stored."""
        if request.content_type not in FORM_TYPES:
            return None
        for key, values in [*request.POST.lists(), *request.GET.lists()]:
            if BAD_TEXT.search(key) or any(BAD_TEXT.search(v) for v in values):
                return refusal(
                    request,
                    status=400,
                    code="bad_encoding",
                    title=_("The form could not be read"),
                    message=_(
                        "The form contained characters that are not valid text (a broken encoding "
                        "or control characters). Please type it again and send it."
                    ),
                )
        return None


def idle_seconds(user) -> int:
    policy = policy_for(user)
    minutes = (
        policy.idle_minutes
        if policy and policy.idle_minutes
        else getattr(settings, "ACIKMASA_STAFF_IDLE_MINUTES", 30)
    )
    return int(minutes) * 60


ENROL_EXEMPT = (
    "security:two_factor",
    "security:two_factor_enrol",
    "logout",
    "set_language",
    "javascript-catalog",
)
SEEN = "security_seen_at"
IDLE = "security_idle_seconds"
MUST_ENROL = "security_must_enrol"


def session_start(sender, request: HttpRequest, user, **kwargs) -> None:
    """user_logged_in receiver: stamp the session (idle clock) and decide, once, whether the role
    requires enrolling a second factor first; requests then read only the session."""
    if request is None or not hasattr(request, "session"):
        return
    request.session[SEEN] = int(time.time())
    request.session[IDLE] = idle_seconds(user)
    request.session[MUST_ENROL] = is_required(user) and device_of(user) is None


class StaffSessionMiddleware:
    """Staff sessions end after a short idle time, and roles that require two factors enrol first.

    A policy change applies from each user's next login (sessions last at most SESSION_COOKIE_AGE).
    """

    def __init__(self, get_response: Handler):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, args, kwargs) -> HttpResponse | None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        now = int(time.time())
        seen = request.session.get(SEEN)
        if seen is not None and now - int(seen) > int(
            request.session.get(IDLE) or idle_seconds(user)
        ):
            logout(request)
            messages.info(
                request,
                _("You were logged out after a period without activity. Please log in again."),
            )
            target = f"{reverse('login')}?{urlencode({'next': request.get_full_path()})}"
            if request.headers.get("HX-Request"):
                response = HttpResponse(status=204)
                response["HX-Redirect"] = target
                return response
            return redirect(target)
        if seen is None or now - int(seen) >= 60:  # write the session at most once a minute
            request.session[SEEN] = now
        name = request.resolver_match.view_name if request.resolver_match else ""
        if request.session.get(MUST_ENROL) and name not in ENROL_EXEMPT:
            messages.warning(
                request,
                _(
                    "Your role requires two-factor login. Set up your authenticator app to "
                    "continue."
                ),
            )
            return redirect("security:two_factor_enrol")
        return None


PERMISSIONS_POLICY = ", ".join(
    [
        "accelerometer=()",
        "camera=()",
        "display-capture=()",
        "geolocation=(self)",
        "gyroscope=()",
        "magnetometer=()",
        "microphone=()",
        "midi=()",
        "payment=()",
        "usb=()",
        "interest-cohort=()",
    ]
)


class SecurityHeadersMiddleware:
    """Headers Django has no setting for: Permissions-Policy, and no caching of staff pages."""

    def __init__(self, get_response: Handler):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and "Cache-Control" not in response:
            # Pages with citizens' data must not stay in a shared computer's cache.
            response["Cache-Control"] = "private, no-store"
        return response
