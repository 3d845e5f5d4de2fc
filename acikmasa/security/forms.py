from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext_lazy as _

from .lockout import login_failure_record, login_locked_until
from .net import client_ip


def locked_message(until) -> str:
    minutes = max(1, round((until - timezone.now()).total_seconds() / 60))
    return _(
        "Too many failed attempts. For your security, logging in is paused until %(time)s (about "
        "%(minutes)d minutes). If you need access sooner, ask a system administrator to unlock "
        "your "
        "account."
    ) % {"time": time_format(timezone.localtime(until), "H:i"), "minutes": minutes}


class ThrottledAuthenticationForm(AuthenticationForm):
    """Django's login form, refused while the user name or the address is locked; failures
    counted."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Your user name and password did not match. Please try again."),
    }

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        address = client_ip(self.request)
        until = login_locked_until(username=username, address=address)
        if until:
            raise forms.ValidationError(locked_message(until), code="locked")
        try:
            return super().clean()
        except forms.ValidationError:
            until = login_failure_record(username=username, address=address)
            if until:
                raise forms.ValidationError(locked_message(until), code="locked") from None
            raise


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        strip=True,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


class PasswordConfirmForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
