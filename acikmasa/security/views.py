"""Login with throttling and an optional second step, two-factor enrolment, and the refusal
pages."""

import time

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from acikmasa.common.errors import ValidationFailed

from . import totp
from .forms import CodeForm, PasswordConfirmForm, ThrottledAuthenticationForm, locked_message
from .lockout import login_failure_record, login_locked_until, login_success_record
from .middleware import MUST_ENROL
from .net import client_ip
from .responses import refusal
from .twofactor import (
    device_of,
    is_required,
    recovery_codes_regenerate,
    two_factor_disable,
    two_factor_enrol,
    two_factor_verify,
)

PENDING = "security_pending_login"
ENROL_SECRET = "security_enrol_secret"
PENDING_SECONDS = 300
ISSUER = "Açık Masa"


class LoginView(auth_views.LoginView):
    """Password first; a user with an authenticator is logged in only after the code (verify
    view)."""

    form_class = ThrottledAuthenticationForm
    redirect_authenticated_user = True

    def form_invalid(self, form):
        # A refused login is a client error like any other refused form (and easier to monitor).
        response = super().form_invalid(form)
        response.status_code = 400
        return response

    def form_valid(self, form):
        user = form.get_user()
        login_success_record(username=user.get_username())
        if device_of(user) is None:
            return super().form_valid(form)  # django's login() gives the session a new key
        self.request.session.cycle_key()
        self.request.session[PENDING] = {
            "user": user.pk,
            "backend": user.backend,
            "at": int(time.time()),
            "next": self.get_success_url(),
        }
        return redirect("security:verify")


def _pending_user(request: HttpRequest):
    pending = request.session.get(PENDING)
    if not pending or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        return None, None
    user = get_user_model().objects.filter(pk=pending["user"], is_active=True).first()
    return user, pending


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """The second step: a code from the authenticator app, or one recovery code."""
    user, pending = _pending_user(request)
    if user is None:
        request.session.pop(PENDING, None)
        messages.info(request, _("Please log in again."))
        return redirect("login")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        address = client_ip(request)
        until = login_locked_until(username=user.get_username(), address=address)
        if until:
            form.add_error("code", locked_message(until))
        elif two_factor_verify(user=user, code=form.cleaned_data["code"]):
            del request.session[PENDING]
            login(request, user, backend=pending["backend"])
            return redirect(pending["next"])
        else:
            until = login_failure_record(username=user.get_username(), address=address)
            form.add_error(
                "code",
                locked_message(until)
                if until
                else _("The code is not correct or was already used."),
            )
    return render(
        request, "security/verify.html", {"form": form}, status=400 if form.errors else 200
    )


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    device = device_of(request.user)
    left = device.recovery_codes.filter(used_at__isnull=True).count() if device else 0
    return render(
        request,
        "security/two_factor.html",
        {
            "device": device,
            "codes_left": left,
            "required": is_required(request.user),
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def enrol(request: HttpRequest) -> HttpResponse:
    """Show a new secret once (kept only in the session) and store it when the app's code
    matches."""
    if request.method == "GET" or ENROL_SECRET not in request.session:
        request.session[ENROL_SECRET] = totp.new_secret()
    secret = request.session[ENROL_SECRET]
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = two_factor_enrol(
                user=request.user, secret=secret, code=form.cleaned_data["code"]
            )
        except ValidationFailed:
            form.add_error(
                "code", _("The code does not match. Check the time on your phone and try again.")
            )
        else:
            del request.session[ENROL_SECRET]
            request.session[MUST_ENROL] = False
            return render(
                request, "security/recovery_codes.html", {"codes": codes, "new_device": True}
            )
    return render(
        request,
        "security/enrol.html",
        {
            "form": form,
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "uri": totp.provisioning_uri(
                secret, account=request.user.get_username(), issuer=ISSUER
            ),
        },
        status=400 if form.errors else 200,
    )


def _password_confirmed(request: HttpRequest) -> bool:
    form = PasswordConfirmForm(request.POST)
    if form.is_valid() and request.user.check_password(form.cleaned_data["password"]):
        return True
    messages.error(request, _("The password is not correct."))
    return False


@never_cache
@login_required
@require_POST
def recovery_codes(request: HttpRequest) -> HttpResponse:
    if device_of(request.user) is None or not _password_confirmed(request):
        return redirect("security:two_factor")
    return render(
        request,
        "security/recovery_codes.html",
        {"codes": recovery_codes_regenerate(user=request.user)},
    )


@login_required
@require_POST
def two_factor_remove(request: HttpRequest) -> HttpResponse:
    if is_required(request.user):
        messages.error(
            request, _("Your role requires two-factor login; it cannot be switched off.")
        )
    elif _password_confirmed(request):
        two_factor_disable(user=request.user, by=request.user)
        messages.success(request, _("Two-factor login is switched off."))
    return redirect("security:two_factor")


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler400: oversized or malformed requests Django itself refused (RequestDataTooBig...)."""
    return refusal(
        request,
        status=400,
        code="bad_request",
        title=_("Bad request"),
        message=_("The request could not be read: it may be too large or have too many fields."),
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: a plain explanation instead of Django's technical page."""
    return refusal(
        request,
        status=403,
        code="csrf_failed",
        title=_("The form has expired"),
        message=_(
            "The form was not accepted because its security token is missing or has expired. "
            "Go back, reload the page and send it again."
        ),
    )


def login_redirect_for_admin(request: HttpRequest) -> HttpResponse:
    """The admin's own login would skip throttling and the second factor: send it to ours."""
    target = request.GET.get("next") or reverse("admin:index")
    return redirect(f"{reverse('login')}?{urlencode({'next': target})}")
