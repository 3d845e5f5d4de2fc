from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AidGround


class VisitForm(forms.Form):
    household_size = forms.IntegerField(
        label=_("People in the household"), min_value=1, max_value=40
    )
    monthly_income = forms.IntegerField(
        label=_("Household income per month (TL)"), min_value=0, required=False
    )
    findings = forms.CharField(
        label=_("Findings"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        help_text=_("Who lives there, their health and work, the state of the home, other aid."),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approved", _("Approve")), ("refused", _("Refuse"))],
        widget=forms.RadioSelect,
    )
    ground = forms.ModelChoiceField(label=_("Legal ground"), queryset=AidGround.objects.none())
    reason = forms.CharField(
        label=_("Reason the citizen will read"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
    )

    def __init__(self, *args, municipality_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ground"].queryset = AidGround.objects.filter(
            municipality_id=municipality_id, is_active=True
        )
        self.fields["ground"].label_from_instance = lambda g: (
            f"{g.get_applies_to_display()}: {g.text}"
        )
