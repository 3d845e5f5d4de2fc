"""Staff pages: import a CİMER export, download our answers."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from acikmasa.cases.permissions import can_register

from .. import conf
from ..conf import MAX_EMAIL_BYTES
from ..i18n import chosen_language
from .adapter import cimer_import
from .export import answer_rows, as_csv, as_xlsx


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CİMER export (CSV or XLSX)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_EMAIL_BYTES:
            raise forms.ValidationError(_("The file is too large."))
        if not upload.name.lower().endswith((".csv", ".xlsx", ".txt")):
            raise forms.ValidationError(_("Give a .csv or .xlsx file."))
        return upload


@chosen_language
@login_required
def import_page(request: HttpRequest) -> HttpResponse:
    if not conf.is_enabled("cimer"):
        raise Http404
    if not can_register(request.user):
        raise PermissionDenied
    report = None
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        report = cimer_import(name=upload.name, content=upload.read())
    status = (
        400
        if request.method == "POST"
        and (not form.is_valid() or (report and report.errors and not report.rows))
        else 200
    )
    return render(
        request, "channels/cimer_import.html", {"form": form, "report": report}, status=status
    )


@chosen_language
@login_required
def export_answers(request: HttpRequest, fmt: str) -> HttpResponse:
    if not conf.is_enabled("cimer"):
        raise Http404
    if not can_register(request.user):
        raise PermissionDenied
    rows = answer_rows(user=request.user)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    if fmt == "xlsx":
        content = as_xlsx(rows)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        content, content_type = as_csv(rows), "text/csv; charset=utf-8"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="cimer-cevaplar-{stamp}.{fmt}"'
    return response
