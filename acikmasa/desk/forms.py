"""Input parsing for the back office. Messages are English msgids translated to Turkish."""

from datetime import timedelta

from django import forms
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from acikmasa.cases.lifecycle import Status
from acikmasa.cases.models import CaseType, Priority
from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.cases.services.intake import IncomingFile
from acikmasa.common.identity import is_valid_tckn
from acikmasa.directory.models import Directorate, Neighbourhood, Street, Subject

from .models import FieldVisit
from .selectors import SORTS, QueueFilters
from .services import Registration

# Services name fields after the model; the forms use these names for the same inputs.
SERVICE_FIELDS = {
    "subject": "subject",
    "neighbourhood": "neighbourhood",
    "street": "street",
    "assignee": "assignee_id",
    "directorate": "directorate_id",
    "master": "master",
    "external_body": "external_body_id",
    "citizen": "first_name",
    "location": "address",
    "attachments": "petition",
}


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def queue_filters_from(params) -> QueueFilters:
    """Read the queue filters from a query string; unknown or malformed values are ignored."""
    status = params.get("status", "open")
    return QueueFilters(
        status=status if status in ("open", "all", *Status.values) else "open",
        subject=_int(params.get("subject")),
        neighbourhood=_int(params.get("neighbourhood")),
        street=_int(params.get("street")),
        channel=_int(params.get("channel")),
        case_type=params.get("case_type", "") if params.get("case_type") in CaseType.values else "",
        assignee=params.get("assignee", "")
        if params.get("assignee", "") in ("me", "none") or params.get("assignee", "").isdigit()
        else "",
        directorate=_int(params.get("directorate")),
        overdue=params.get("overdue") == "1",
        due_soon=params.get("due_soon") == "1",
        sort=params.get("sort", "due") if params.get("sort") in SORTS else "due",
    )


class TcknField(forms.CharField):
    default_error_messages = {
        "tckn": _("Invalid T.C. Kimlik No: it must have 11 digits with correct check digits."),
    }

    def clean(self, value):
        value = "".join((value or "").split())
        value = super().clean(value)
        if value and not is_valid_tckn(value):
            raise forms.ValidationError(self.error_messages["tckn"], code="tckn")
        return value


class RegistrationForm(forms.Form):
    """A case typed in by an agent; the service re-checks everything."""

    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    national_id = TcknField(label=_("T.C. Kimlik No"), max_length=20, required=False)
    first_name = forms.CharField(label=_("First name"), max_length=100, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=100, required=False)
    subject = forms.ModelChoiceField(
        label=_("Subject"),
        queryset=Subject.objects.none(),
        required=True,
        error_messages={
            "required": _("Choose the subject."),
            "invalid_choice": _("Choose the subject."),
        },
    )
    case_type = forms.ChoiceField(
        label=_("Type"), choices=[("", _("As the subject says")), *CaseType.choices], required=False
    )
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=10_000,
        error_messages={"required": _("Please describe the request.")},
    )
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood"), queryset=Neighbourhood.objects.none(), required=False
    )
    street = forms.ModelChoiceField(
        label=_("Street"), queryset=Street.objects.none(), required=False
    )
    address = forms.CharField(label=_("Address"), max_length=500, required=False)
    priority = forms.TypedChoiceField(
        label=_("Priority"), choices=Priority.choices, coerce=int, initial=Priority.NORMAL
    )

    channel = "call_centre"

    def __init__(self, *args, municipality_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject"].queryset = Subject.objects.filter(
            municipality_id=municipality_id, is_active=True
        )
        self.fields["neighbourhood"].queryset = Neighbourhood.objects.filter(
            municipality_id=municipality_id
        ).only("id", "name")
        self.fields["street"].queryset = Street.objects.filter(
            neighbourhood__municipality_id=municipality_id
        )
        lookup = {
            "hx-get": reverse_lazy("desk:caller_lookup"),
            "hx-trigger": "input changed delay:400ms",
            "hx-target": "#caller",
            "autocomplete": "off",
        }
        self.fields["phone"].widget.attrs.update({**lookup, "type": "tel", "autofocus": True})
        self.fields["national_id"].widget.attrs.update({**lookup, "inputmode": "numeric"})
        self.fields["neighbourhood"].widget.attrs.update(
            {
                "hx-get": reverse_lazy("desk:options", args=["streets"]),
                "hx-trigger": "change",
                "hx-target": "#id_street",
            }
        )

    def focus_first_error(self) -> None:
        """After a refusal the cursor goes to the first field to fix, not back to the top."""
        wrong = next((name for name in self.fields if name in self.errors), None)
        if wrong:
            self.fields["phone"].widget.attrs.pop("autofocus", None)
            self.fields[wrong].widget.attrs["autofocus"] = True

    def clean(self):
        data = super().clean()
        street, place = data.get("street"), data.get("neighbourhood")
        if street and place and street.neighbourhood_id != place.pk:
            self.add_error("street", _("The street is not in the selected neighbourhood."))
        return data

    def registration(self) -> Registration:
        d = self.cleaned_data
        return Registration(
            channel=self.channel,
            description=d["description"],
            subject_id=d["subject"].pk,
            case_type=d.get("case_type") or "",
            neighbourhood_id=d["neighbourhood"].pk if d.get("neighbourhood") else None,
            street_id=d["street"].pk if d.get("street") else None,
            address=d.get("address", ""),
            priority=d.get("priority") or Priority.NORMAL,
            citizen=CitizenInput(
                first_name=d.get("first_name", ""),
                last_name=d.get("last_name", ""),
                national_id=d.get("national_id", ""),
                phone=d.get("phone", ""),
            ),
        )


class WalkInForm(RegistrationForm):
    """The walk-in desk: the ID card is checked; proxy or guardian papers and a scanned petition are
    kept."""

    PAPERS = [
        ("", _("None: applies for themself")),
        ("proxy", _("Power of attorney (vekaletname)")),
        ("guardian", _("Guardianship decision (vasi kararı)")),
        ("parent", _("Parent of a minor (veli)")),
    ]
    national_id = TcknField(
        label=_("T.C. Kimlik No"),
        max_length=20,
        error_messages={
            "required": _("The walk-in desk needs the applicant's T.C. Kimlik No (ID card).")
        },
    )
    papers = forms.ChoiceField(label=_("Acting for someone else"), choices=PAPERS, required=False)
    represented_name = forms.CharField(
        label=_("Name of the person represented"), max_length=200, required=False
    )
    papers_number = forms.CharField(
        label=_("Document date and number"), max_length=100, required=False
    )
    petition = forms.FileField(label=_("Scanned petition"), required=False)

    channel = "desk"

    def clean(self):
        data = super().clean()
        if data.get("papers") and not data.get("represented_name", "").strip():
            self.add_error(
                "represented_name", _("Write the name of the person the applicant acts for.")
            )
        if data.get("papers") and not data.get("papers_number", "").strip():
            self.add_error("papers_number", _("Note the date and number of the document."))
        return data

    def registration(self) -> Registration:
        registration = super().registration()
        d = self.cleaned_data
        if d.get("papers"):
            registration.proxy = {
                "papers": d["papers"],
                "represented_name": d["represented_name"].strip(),
                "number": d["papers_number"].strip(),
            }
        upload = d.get("petition")
        if upload:
            content = upload.read()
            from acikmasa.security.uploads import sniff_content_type

            registration.files = [
                IncomingFile(
                    name=upload.name, content=content, content_type=sniff_content_type(content)
                )
            ]
        return registration


class GuidanceForm(forms.Form):
    topic = forms.CharField(
        label=_("What did the visitor ask about?"),
        max_length=200,
        widget=forms.TextInput(attrs={"autofocus": True}),
        error_messages={"required": _("Write what the visitor asked about.")},
    )
    subject = forms.ModelChoiceField(
        label=_("Subject"), queryset=Subject.objects.none(), required=False
    )
    referred_to = forms.ModelChoiceField(
        label=_("Referred to"), queryset=Directorate.objects.none(), required=False
    )
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood"), queryset=Neighbourhood.objects.none(), required=False
    )
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, municipality_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject"].queryset = Subject.objects.filter(
            municipality_id=municipality_id, is_active=True
        )
        self.fields["referred_to"].queryset = Directorate.objects.filter(
            municipality_id=municipality_id, is_active=True
        )
        self.fields["neighbourhood"].queryset = Neighbourhood.objects.filter(
            municipality_id=municipality_id
        )


class FieldVisitForm(forms.Form):
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood"),
        queryset=Neighbourhood.objects.none(),
        error_messages={
            "required": _("Choose the neighbourhood."),
            "invalid_choice": _("This neighbourhood is not in your region."),
        },
    )
    street = forms.ModelChoiceField(
        label=_("Street"), queryset=Street.objects.none(), required=False
    )
    address = forms.CharField(
        label=_("Building and door number"),
        max_length=300,
        error_messages={"required": _("Write the address (building and door number).")},
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=FieldVisit.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the outcome of the visit.")},
    )
    visited_at = forms.DateTimeField(
        label=_("Time of the visit"),
        required=False,
        help_text=_("Leave empty for now."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    note = forms.CharField(label=_("Note"), max_length=2000, required=False)
    subject = forms.ModelChoiceField(
        label=_("Subject of the request"), queryset=Subject.objects.none(), required=False
    )
    description = forms.CharField(
        label=_("The request"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    first_name = forms.CharField(label=_("First name"), max_length=100, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=100, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)

    def __init__(self, *args, neighbourhoods, municipality_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = neighbourhoods
        self.fields["street"].queryset = Street.objects.filter(neighbourhood__in=neighbourhoods)
        self.fields["subject"].queryset = Subject.objects.filter(
            municipality_id=municipality_id, is_active=True
        )
        self.fields["neighbourhood"].widget.attrs.update(
            {
                "hx-get": reverse_lazy("desk:options", args=["streets"]),
                "hx-trigger": "change",
                "hx-target": "#id_street",
            }
        )

    def clean_visited_at(self):
        value = self.cleaned_data.get("visited_at")
        if value and value > timezone.now() + timedelta(minutes=5):
            raise forms.ValidationError(_("The visit time cannot be in the future."))
        return value

    def clean(self):
        data = super().clean()
        if data.get("outcome") == FieldVisit.Outcome.REQUEST_TAKEN:
            if not data.get("subject"):
                self.add_error("subject", _("Choose the subject."))
            if not (data.get("description") or "").strip():
                self.add_error("description", _("Describe the request that was taken."))
        return data

    def registration(self) -> Registration | None:
        d = self.cleaned_data
        if d.get("outcome") != FieldVisit.Outcome.REQUEST_TAKEN:
            return None
        return Registration(
            channel="field",
            description=d["description"],
            subject_id=d["subject"].pk,
            citizen=CitizenInput(
                first_name=d.get("first_name", ""),
                last_name=d.get("last_name", ""),
                phone=d.get("phone", ""),
            ),
        )
