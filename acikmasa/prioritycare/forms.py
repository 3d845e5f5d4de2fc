from django import forms
from django.utils.translation import gettext_lazy as _

from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.desk.forms import TcknField

from .models import Basis, PriorityGroup


class MembershipForm(forms.Form):
    national_id = TcknField(label=_("T.C. Kimlik No"), max_length=20)
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    group = forms.ModelChoiceField(label=_("Priority group"), queryset=PriorityGroup.objects.none())
    basis = forms.ChoiceField(
        label=_("Legal basis"), choices=Basis.choices, widget=forms.RadioSelect
    )
    evidence = forms.CharField(
        label=_("Evidence"),
        max_length=300,
        help_text=_(
            "The number of the signed consent form, or the law relied on and the document seen."
        ),
    )

    def __init__(self, *args, municipality_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = PriorityGroup.objects.filter(
            municipality_id=municipality_id, is_active=True
        )

    def citizen(self) -> CitizenInput:
        d = self.cleaned_data
        return CitizenInput(
            first_name=d["first_name"],
            last_name=d["last_name"],
            national_id=d["national_id"],
            phone=d.get("phone", ""),
        )
