"""Portal forms. Field rules that belong to the domain (phone, identity for Law 4982) stay in the
core."""

import secrets

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from acikmasa.cases.models import CaseType
from acikmasa.directory.models import Municipality, Neighbourhood, Street, Subject

TOKEN_SALT = "acikmasa.portal.form"
TOKEN_MAX_AGE = 24 * 3600
MAX_DESCRIPTION = 4000
CITIZEN_TYPES = [c for c in CaseType.choices if c[0] != CaseType.TIP_OFF]


def new_form_token() -> str:
    return signing.dumps(secrets.token_hex(16), salt=TOKEN_SALT)


def read_form_token(value: str) -> str | None:
    """The random part of a token this portal issued in the last day; None for anything else."""
    try:
        return signing.loads(value, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None


class SubmitForm(forms.Form):
    case_type = forms.ChoiceField(
        label=_("What kind of application is it?"), choices=CITIZEN_TYPES, initial=CaseType.REQUEST
    )
    # Optional: a citizen who is not sure leaves it to the suggestion or the desk's triage
    # (routing).
    subject = forms.ModelChoiceField(
        label=_("Subject"),
        queryset=Subject.objects.none(),
        required=False,
        empty_label=_("Not sure: the municipality will choose"),
    )
    description = forms.CharField(
        label=_("Describe it"), max_length=MAX_DESCRIPTION, widget=forms.Textarea(attrs={"rows": 5})
    )
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood (mahalle)"),
        queryset=Neighbourhood.objects.none(),
        required=False,
        empty_label=_("Choose"),
    )
    street = forms.ModelChoiceField(
        label=_("Street"), queryset=Street.objects.none(), required=False, empty_label=_("Choose")
    )
    address = forms.CharField(label=_("Address or landmark"), max_length=300, required=False)
    latitude = forms.FloatField(
        required=False, min_value=-90, max_value=90, widget=forms.HiddenInput
    )
    longitude = forms.FloatField(
        required=False, min_value=-180, max_value=180, widget=forms.HiddenInput
    )
    first_name = forms.CharField(label=_("First name"), max_length=100, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=100, required=False)
    phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(label=_("E-mail"), required=False)
    contact_consent = forms.BooleanField(
        label=_(
            "You may contact me about this application and send me a short satisfaction survey."
        ),
        required=False,
    )
    privacy_read = forms.BooleanField(label=_("I have read the privacy notice."), required=True)
    form_token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject"].queryset = Subject.objects.filter(
            municipality=municipality, is_active=True
        ).order_by("name")
        self.fields["neighbourhood"].queryset = Neighbourhood.objects.filter(
            municipality=municipality
        ).order_by("name")
        self.fields["street"].queryset = Street.objects.filter(
            neighbourhood__municipality=municipality
        ).order_by("name")
        self.photo_files: list = []

    def clean_form_token(self) -> str:
        raw = read_form_token(self.cleaned_data["form_token"])
        if raw is None:
            raise forms.ValidationError(_("The form has expired. Please send it again."))
        return raw

    def clean(self):
        data = super().clean()
        if (data.get("latitude") is None) != (data.get("longitude") is None):
            raise forms.ValidationError(_("The pin on the map is incomplete; place it again."))
        street, neighbourhood = data.get("street"), data.get("neighbourhood")
        if street and neighbourhood and street.neighbourhood_id != neighbourhood.pk:
            self.add_error("street", _("The street is not in the selected neighbourhood."))
        if data.get("case_type") == CaseType.INFORMATION and not (
            data.get("first_name")
            and data.get("last_name")
            and (data.get("email") or data.get("address"))
        ):
            # Law 4982 Art. 6: an information request carries the applicant's name and address.
            raise forms.ValidationError(
                _(
                    "An information request (Law 4982) needs your first and last name and an "
                    "e-mail or postal address."
                )
            )
        return data


class TrackForm(forms.Form):
    tracking_number = forms.CharField(
        label=_("Tracking number"),
        max_length=20,
        widget=forms.TextInput(attrs={"placeholder": "2026-000123", "autocomplete": "off"}),
    )
    phone_last4 = forms.RegexField(
        label=_("Last 4 digits of your phone"),
        regex=r"^\d{4}$",
        max_length=4,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={"invalid": _("Enter 4 digits.")},
    )


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Your message"),
        max_length=MAX_DESCRIPTION,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
