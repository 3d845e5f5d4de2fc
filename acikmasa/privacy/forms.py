from django import forms
from django.utils.translation import gettext_lazy as _

from .models import SubjectRequest


class CodeRequestForm(forms.Form):
    tracking_number = forms.CharField(
        label=_("Tracking number of one of your applications"),
        max_length=20,
        widget=forms.TextInput(attrs={"placeholder": "2026-000123", "autocomplete": "off"}),
    )
    contact = forms.CharField(
        label=_("The mobile number or e-mail address you gave in it"), max_length=254
    )


class CodeCheckForm(forms.Form):
    code = forms.RegexField(
        label=_("The 6-digit code we sent"),
        regex=r"^\d{6}$",
        max_length=6,
        error_messages={"invalid": _("Enter the 6 digits.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )


class SubjectRequestForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What do you ask for?"),
        choices=SubjectRequest.Kind.choices,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Details"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class CorrectionForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=100, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=100, required=False)
    national_id = forms.CharField(label=_("T.C. Kimlik No"), max_length=11, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    email = forms.CharField(label=_("E-mail"), max_length=254, required=False)
    address = forms.CharField(label=_("Address"), max_length=500, required=False)
