from django import forms
from django.utils.translation import gettext_lazy as _

from acikmasa.desk.forms import RegistrationForm
from acikmasa.directory.models import Neighbourhood

from .models import CHANNEL, Vehicle


class StopForm(forms.Form):
    vehicle = forms.ModelChoiceField(label=_("Vehicle"), queryset=Vehicle.objects.none())
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood"), queryset=Neighbourhood.objects.none()
    )
    place = forms.CharField(label=_("Place"), max_length=200)
    day = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    opens_at = forms.TimeField(label=_("From"), widget=forms.TimeInput(attrs={"type": "time"}))
    closes_at = forms.TimeField(label=_("Until"), widget=forms.TimeInput(attrs={"type": "time"}))
    is_published = forms.BooleanField(label=_("Show on the portal"), required=False, initial=True)

    def __init__(self, *args, municipality_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vehicle"].queryset = Vehicle.objects.filter(
            municipality_id=municipality_id, is_active=True
        )
        self.fields["neighbourhood"].queryset = Neighbourhood.objects.filter(
            municipality_id=municipality_id
        )


class StopRegistrationForm(RegistrationForm):
    """The desk's registration form, on the mobile office's channel."""

    channel = CHANNEL
