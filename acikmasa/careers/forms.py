from django import forms
from django.utils.translation import gettext_lazy as _

from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.cases.services.intake import IncomingFile
from acikmasa.directory.models import Neighbourhood

from .models import Education, Employer, Referral
from .services import MAX_CV_BYTES, SeekerInput


class SeekerForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    national_id = forms.CharField(label=_("T.C. Kimlik No"), max_length=20, required=False)
    profession = forms.CharField(label=_("Profession or job sought"), max_length=200)
    education = forms.ChoiceField(label=_("Education"), choices=Education.choices)
    experience_years = forms.IntegerField(
        label=_("Years of experience"), min_value=0, max_value=60, initial=0
    )
    skills = forms.CharField(
        label=_("Skills, certificates, languages"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    share_consent = forms.BooleanField(
        label=_(
            "The seeker agrees that the career centre sends their details and CV to employers "
            "(explicit consent, KVKK Art. 8)."
        ),
        required=False,
    )
    cv = forms.FileField(
        label=_("CV (PDF, Word, OpenDocument or a photo; at most 5 MB)"), required=False
    )

    def seeker(self) -> SeekerInput:
        d = self.cleaned_data
        upload = d.get("cv")
        cv = None
        if upload is not None:
            # Read at most one byte over the limit: the service refuses it with a clear message.
            cv = IncomingFile(
                name=upload.name,
                content=upload.read(MAX_CV_BYTES + 1),
                content_type=upload.content_type or "",
            )
        return SeekerInput(
            citizen=CitizenInput(
                first_name=d["first_name"],
                last_name=d["last_name"],
                phone=d.get("phone", ""),
                email=d.get("email", ""),
                national_id="".join((d.get("national_id") or "").split()),
            ),
            profession=d["profession"],
            education=d["education"],
            experience_years=d.get("experience_years") or 0,
            skills=d.get("skills", ""),
            share_consent=d.get("share_consent", False),
            cv=cv,
        )


class EmployerForm(forms.Form):
    name = forms.CharField(label=_("Firm"), max_length=200)
    sector = forms.CharField(label=_("Sector"), max_length=100, required=False)
    tax_number = forms.CharField(label=_("Tax number"), max_length=11, required=False)
    contact_name = forms.CharField(label=_("Contact person"), max_length=200, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood"), queryset=Neighbourhood.objects.none(), required=False
    )

    def __init__(self, *args, municipality_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = Neighbourhood.objects.filter(
            municipality_id=municipality_id
        )


class VacancyForm(forms.Form):
    employer = forms.ModelChoiceField(label=_("Firm"), queryset=Employer.objects.none())
    title = forms.CharField(label=_("Position"), max_length=200)
    positions = forms.IntegerField(label=_("People needed"), min_value=1, max_value=500, initial=1)

    def __init__(self, *args, municipality_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employer"].queryset = Employer.objects.filter(
            municipality_id=municipality_id, is_active=True
        )


ANSWER_CHOICES = [
    (Referral.Answer.INTERVIEW, Referral.Answer.INTERVIEW.label),
    (Referral.Answer.HIRED, Referral.Answer.HIRED.label),
    (Referral.Answer.NOT_HIRED, Referral.Answer.NOT_HIRED.label),
]
