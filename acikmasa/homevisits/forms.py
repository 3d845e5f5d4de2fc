from django import forms
from django.utils.translation import gettext_lazy as _

from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.desk.forms import TcknField
from acikmasa.directory.models import Neighbourhood, Street, Subject

from .models import HomeVisit
from .services import DoorCase, VisitRecord, VisitRequest

DOOR_ROWS = 3


class VisitRequestForm(forms.Form):
    requested_by = forms.ChoiceField(
        label=_("Who asks for the visit?"),
        choices=HomeVisit.RequestedBy.choices,
        widget=forms.RadioSelect,
        initial=HomeVisit.RequestedBy.CITIZEN,
    )
    requester_name = forms.CharField(
        label=_("Name of the relative or neighbour"), max_length=200, required=False
    )
    requester_phone = forms.CharField(label=_("Their phone"), max_length=30, required=False)
    first_name = forms.CharField(label=_("First name of the person visited"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100, required=False)
    phone = forms.CharField(label=_("Phone of the person visited"), max_length=30)
    national_id = TcknField(label=_("T.C. Kimlik No"), max_length=20, required=False)
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood"), queryset=Neighbourhood.objects.none()
    )
    street = forms.ModelChoiceField(
        label=_("Street"), queryset=Street.objects.none(), required=False
    )
    address = forms.CharField(label=_("Address (building, floor, door)"), max_length=300)
    needs = forms.CharField(
        label=_("What is the visit for?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        help_text=_("E.g. cannot leave the house; wants to apply for home care and a wheelchair."),
    )

    def __init__(self, *args, municipality_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = Neighbourhood.objects.filter(
            municipality_id=municipality_id
        )
        self.fields["street"].queryset = Street.objects.filter(
            neighbourhood__municipality_id=municipality_id
        )

    def request(self) -> VisitRequest:
        d = self.cleaned_data
        return VisitRequest(
            citizen=CitizenInput(
                first_name=d["first_name"],
                last_name=d.get("last_name", ""),
                phone=d["phone"],
                national_id=d.get("national_id", ""),
                address=d["address"],
            ),
            neighbourhood_id=d["neighbourhood"].pk,
            street_id=d["street"].pk if d.get("street") else None,
            address=d["address"],
            needs=d["needs"],
            requested_by=d["requested_by"],
            requester_name=d.get("requester_name", ""),
            requester_phone=d.get("requester_phone", ""),
        )


class VisitRecordForm(forms.Form):
    result = forms.ChoiceField(
        label=_("Visit"),
        choices=[("done", _("Made")), ("missed", _("Missed: nobody home or not possible"))],
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("What was done, or why the visit was missed"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
    )

    def __init__(self, *args, municipality_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        subjects = Subject.objects.filter(municipality_id=municipality_id, is_active=True)
        for n in range(1, DOOR_ROWS + 1):
            self.fields[f"door_{n}"] = forms.CharField(
                label=_("Application taken at the door %(n)s") % {"n": n},
                max_length=5000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"door_{n}_subject"] = forms.ModelChoiceField(
                label=_("Its subject"), queryset=subjects, required=False
            )

    def door_rows(self):
        return [(self[f"door_{n}"], self[f"door_{n}_subject"]) for n in range(1, DOOR_ROWS + 1)]

    def record(self) -> VisitRecord:
        d = self.cleaned_data
        doors = [
            DoorCase(
                description=d[f"door_{n}"],
                subject_id=d[f"door_{n}_subject"].pk if d.get(f"door_{n}_subject") else None,
            )
            for n in range(1, DOOR_ROWS + 1)
            if (d.get(f"door_{n}") or "").strip()
        ]
        done = d["result"] == "done"
        return VisitRecord(done=done, text=d["text"], door_cases=doors if done else [])
