import uuid

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from acikmasa.cases.permissions import staff_profile
from acikmasa.directory.models import Street, Subject

from .. import conf
from ..i18n import chosen_language
from ..models import InboundMessage
from .adapter import muhtar_for, muhtar_submit
from .selectors import muhtar_cases, muhtar_report


class MuhtarForm(forms.Form):
    key = forms.CharField(widget=forms.HiddenInput, max_length=64)
    description = forms.CharField(
        label=gettext_lazy("What is the request?"), widget=forms.Textarea, max_length=10_000
    )
    subject = forms.ModelChoiceField(
        label=gettext_lazy("Subject"), queryset=Subject.objects.none(), required=False
    )
    street = forms.ModelChoiceField(
        label=gettext_lazy("Street"), queryset=Street.objects.none(), required=False
    )
    address = forms.CharField(label=gettext_lazy("Address"), max_length=500, required=False)
    first_name = forms.CharField(
        label=gettext_lazy("Resident's first name"), max_length=100, required=False
    )
    last_name = forms.CharField(
        label=gettext_lazy("Resident's last name"), max_length=100, required=False
    )
    phone = forms.CharField(label=gettext_lazy("Resident's phone"), max_length=20, required=False)

    def __init__(self, *args, muhtar, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        neighbourhood = muhtar.neighbourhood
        self.fields["subject"].queryset = Subject.objects.filter(
            municipality_id=neighbourhood.municipality_id, is_active=True
        )
        self.fields["street"].queryset = Street.objects.filter(neighbourhood=neighbourhood)

    def clean_key(self) -> str:
        key = self.cleaned_data["key"]
        if not key.replace("-", "").isalnum():
            raise forms.ValidationError(_("Invalid form key."))
        return key

    def data_for_intake(self) -> dict:
        data = self.cleaned_data
        return {
            "description": data["description"].strip(),
            "subject": data["subject"].pk if data["subject"] else None,
            "street": data["street"].pk if data["street"] else None,
            "address": data["address"].strip(),
            "first_name": data["first_name"].strip(),
            "last_name": data["last_name"].strip(),
            "phone": data["phone"].strip(),
        }


@chosen_language
@login_required
def muhtar_home(request: HttpRequest) -> HttpResponse:
    if not conf.is_enabled("muhtar"):
        raise Http404
    muhtar = muhtar_for(request.user)
    if muhtar is None:
        raise PermissionDenied
    status = 200
    if request.method == "POST":
        form = MuhtarForm(request.POST, muhtar=muhtar)
        if form.is_valid():
            message = muhtar_submit(
                user=request.user, key=form.cleaned_data["key"], data=form.data_for_intake()
            )
            if message.status == InboundMessage.Status.PROCESSED:
                return redirect(f"{request.path}?registered={message.case.tracking_number}")
            form.add_error(
                None, _("The request could not be registered: %(error)s") % {"error": message.error}
            )
        status = 400
    else:
        form = MuhtarForm(initial={"key": uuid.uuid4().hex}, muhtar=muhtar)
    return render(
        request,
        "channels/muhtar.html",
        {
            "muhtar": muhtar,
            "form": form,
            "cases": muhtar_cases(muhtar=muhtar)[:50],
            "registered": request.GET.get("registered", "")[:20],
        },
        status=status,
    )


@chosen_language
@login_required
def report(request: HttpRequest) -> HttpResponse:
    if staff_profile(request.user) is None:
        raise PermissionDenied
    return render(
        request, "channels/muhtar_report.html", {"rows": muhtar_report(user=request.user)}
    )
