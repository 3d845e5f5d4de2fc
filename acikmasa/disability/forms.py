from django import forms
from django.utils.translation import gettext_lazy as _

from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.directory.models import Municipality, Neighbourhood
from acikmasa.portal.forms import read_form_token

from .services import CONTACT_WAYS, AccessibleApplication


class AccessibleForm(forms.Form):
    """Every field has a visible label and a hint tied to it; errors are listed at the top with
    links to the fields and repeated beside each one (the template)."""

    description = forms.CharField(
        label=_("What do you need?"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Write it in your own words. You may also ask for a home visit."),
    )
    contact_by = forms.ChoiceField(
        label=_("How should we answer you?"),
        choices=list(CONTACT_WAYS.items()),
        widget=forms.RadioSelect,
        initial="sms",
    )
    first_name = forms.CharField(
        label=_("First name"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel", "type": "tel"}),
    )
    email = forms.EmailField(
        label=_("E-mail"), required=False, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood (mahalle)"),
        queryset=Neighbourhood.objects.none(),
        required=False,
        empty_label=_("Choose"),
    )
    address = forms.CharField(
        label=_("Address"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    contact_consent = forms.BooleanField(
        label=_("You may send me messages about this application the way I chose above."),
        required=False,
    )
    privacy_read = forms.BooleanField(label=_("I have read the privacy notice."))
    form_token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = Neighbourhood.objects.filter(
            municipality=municipality
        ).order_by("name")

    def clean_form_token(self) -> str:
        raw = read_form_token(self.cleaned_data["form_token"])
        if raw is None:
            raise forms.ValidationError(_("The form has expired. Please send it again."))
        return raw

    def application(self, privacy_notice: int | None) -> AccessibleApplication:
        d = self.cleaned_data
        return AccessibleApplication(
            form_token=d["form_token"],
            description=d["description"],
            contact_by=d["contact_by"],
            citizen=CitizenInput(
                first_name=d.get("first_name", ""),
                last_name=d.get("last_name", ""),
                phone=d.get("phone", ""),
                email=d.get("email", ""),
                address=d.get("address", ""),
                contact_consent=d.get("contact_consent", False),
            ),
            neighbourhood_id=d["neighbourhood"].pk if d.get("neighbourhood") else None,
            address=d.get("address", ""),
            privacy_notice=privacy_notice,
        )
