"""Citizens' portal pages. Thin: read the form, call one service or selector, render."""

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from acikmasa.cases.lifecycle import OPEN_STATUSES
from acikmasa.cases.models import Attachment, Case
from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.common.errors import DomainError, ValidationFailed
from acikmasa.privacy.selectors import current_notice
from acikmasa.security.uploads import attachment_response

from . import selectors, services
from .forms import ReplyForm, SubmitForm, TrackForm, new_form_token
from .photos import MAX_PHOTOS, PhotoRefused, Upload, clean_photo, max_bytes

CORE_FIELDS = {
    "case_type",
    "subject",
    "description",
    "neighbourhood",
    "street",
    "address",
    "first_name",
    "last_name",
    "phone",
    "email",
}


def _municipality():
    municipality = selectors.portal_municipality()
    if municipality is None:
        raise Http404(_("No municipality is set up yet."))
    return municipality


def _map_context(municipality) -> dict:
    lat, lng = selectors.map_centre(municipality)
    return {
        "map_tile_url": getattr(settings, "ACIKMASA_MAP_TILE_URL", ""),
        "map_lat": lat,
        "map_lng": lng,
    }


@require_http_methods(["GET", "POST"])
def submit(request: HttpRequest) -> HttpResponse:
    municipality = _municipality()
    if request.method == "GET":
        form = SubmitForm(municipality=municipality, initial={"form_token": new_form_token()})
        return _render_submit(request, municipality, form)
    form = SubmitForm(request.POST, municipality=municipality)
    photos = _photos(request, form)
    if not form.is_valid():
        return _render_submit(request, municipality, form, status=400)
    data = form.cleaned_data
    try:
        submission = services.portal_submit(
            municipality=municipality,
            form_token=data["form_token"],
            case_type=data["case_type"],
            subject_id=data["subject"].pk if data["subject"] else None,
            description=data["description"],
            neighbourhood_id=data["neighbourhood"].pk if data["neighbourhood"] else None,
            street_id=data["street"].pk if data["street"] else None,
            address=data["address"],
            latitude=data["latitude"],
            longitude=data["longitude"],
            photos=photos,
            extra=_notice_shown(request),
            citizen=CitizenInput(
                first_name=data["first_name"],
                last_name=data["last_name"],
                phone=data["phone"],
                email=data["email"],
                contact_consent=data["contact_consent"],
            ),
        )
    except ValidationFailed as exc:
        for field, message in exc.errors.items():
            form.add_error(field if field in CORE_FIELDS else None, message)
        return _render_submit(request, municipality, form, status=400)
    return redirect("portal:submitted", token=submission.case.public_token)


def _notice_shown(request: HttpRequest) -> dict:
    """The privacy-notice version the form showed; the privacy app records it with the case."""
    shown = request.POST.get("privacy_notice", "")
    return {"privacy_notice": int(shown)} if shown.isdigit() and len(shown) < 12 else {}


def _photos(request: HttpRequest, form: SubmitForm) -> list:
    """Clean every photo before anything else sees it; problems become form errors."""
    files = request.FILES.getlist("photos")
    if len(files) > MAX_PHOTOS:
        form.add_error(None, _("At most %(n)d photos.") % {"n": MAX_PHOTOS})
        return []
    cleaned = []
    for upload in files:
        if upload.size > max_bytes():
            form.add_error(
                None,
                _("%(name)s is larger than %(mb)d MB.")
                % {"name": upload.name[:80], "mb": max_bytes() // 1_048_576},
            )
            continue
        try:
            cleaned.append(clean_photo(Upload(upload.name, upload.read())))
        except PhotoRefused as exc:
            form.add_error(None, str(exc))
    return cleaned


def _render_submit(
    request: HttpRequest, municipality, form: SubmitForm, status: int = 200
) -> HttpResponse:
    if form.is_bound and form.errors:
        # A new token for the corrected form: the refused one wrote nothing, so it may be reused,
        # but a fresh one keeps expired tokens from trapping the citizen.
        form.data = form.data.copy()
        form.data["form_token"] = new_form_token()
    notice = current_notice(municipality.pk)
    return render(
        request,
        "portal/submit.html",
        {
            "privacy_notice": notice,
            "privacy_summary": notice.text(get_language() or "tr")[0] if notice else "",
            "form": form,
            "municipality": municipality,
            "max_photos": MAX_PHOTOS,
            "max_mb": max_bytes() // 1_048_576,
            **_map_context(municipality),
        },
        status=status,
    )


def _case_or_404(token: str) -> Case:
    case = selectors.case_by_token(token)
    if case is None:
        raise Http404
    return case


def submitted(request: HttpRequest, token: str) -> HttpResponse:
    case = _case_or_404(token)
    link = request.build_absolute_uri(reverse("portal:track_case", args=[case.public_token]))
    similar = (
        selectors.nearby_open_cases(
            municipality=case.municipality,
            subject=case.subject,
            latitude=case.latitude,
            longitude=case.longitude,
            neighbourhood_id=case.neighbourhood_id,
            description=case.description,
            exclude_id=case.pk,
            limit=5,
        )
        if case.subject_id and case.status in OPEN_STATUSES
        else []
    )
    return render(
        request,
        "portal/submitted.html",
        {
            "case": case,
            "tracking_link": link,
            "notice": selectors.standard_notice(case.service_standard) or "",
            "similar": similar,
        },
    )


@require_GET
def subjects(request: HttpRequest) -> JsonResponse:
    found = selectors.subject_search(_municipality(), request.GET.get("q", "")[:100])
    return JsonResponse({"subjects": [{"id": s.pk, "name": s.display_name} for s in found]})


@require_GET
def streets(request: HttpRequest) -> JsonResponse:
    raw = request.GET.get("mahalle", "")
    found = selectors.streets_of(_municipality(), int(raw)) if raw.isdigit() else []
    return JsonResponse({"streets": [{"id": s.pk, "name": s.name} for s in found]})


@require_GET
def neighbourhoods_geojson(request: HttpRequest) -> JsonResponse:
    response = JsonResponse(selectors.neighbourhood_geojson(_municipality()))
    response["Content-Type"] = "application/geo+json"
    return response


def _float(raw: str, low: float, high: float) -> float | None:
    try:
        value = float(raw)
    except ValueError:
        return None
    return value if low <= value <= high else None


@require_GET
def nearby(request: HttpRequest) -> HttpResponse:
    """Open cases of the chosen subject near the pin (or in the mahalle), shown before
    submitting."""
    municipality = _municipality()
    subject_id = request.GET.get("subject", "")
    subject = (
        municipality.subjects.filter(pk=int(subject_id)).first() if subject_id.isdigit() else None
    )
    found = []
    if subject is not None:
        mahalle = request.GET.get("mahalle", "")
        found = selectors.nearby_open_cases(
            municipality=municipality,
            subject=subject,
            latitude=_float(request.GET.get("lat", ""), -90, 90),
            longitude=_float(request.GET.get("lng", ""), -180, 180),
            neighbourhood_id=int(mahalle) if mahalle.isdigit() else None,
        )
    return render(request, "portal/_nearby.html", {"nearby": found})


@require_POST
def support(request: HttpRequest, case_id: int) -> HttpResponse:
    municipality = _municipality()
    case = Case.objects.filter(pk=case_id, municipality=municipality).first()
    if case is None:
        raise Http404
    if not request.session.session_key:
        request.session.save()
    try:
        _, created = services.case_support(case_id=case.pk, session_key=request.session.session_key)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("portal:submit")
    return render(
        request,
        "portal/supported.html",
        {
            "case": case,
            "created": created,
            "supporters": case.supporters.count(),
        },
    )


@require_http_methods(["GET", "POST"])
def track(request: HttpRequest) -> HttpResponse:
    # Four digits are guessable: lookups per address are limited (acikmasa/security/rules.py).
    form = TrackForm(
        request.POST if request.method == "POST" else None
    )  # an empty POST is a 400, not a blank page
    if request.method == "POST" and form.is_valid():
        case = selectors.case_by_number_and_phone(
            _municipality(), form.cleaned_data["tracking_number"], form.cleaned_data["phone_last4"]
        )
        if case is not None:
            return redirect("portal:track_case", token=case.public_token)
        form.add_error(None, _("No application matches this number and these digits."))
    return render(
        request, "portal/track_form.html", {"form": form}, status=400 if form.errors else 200
    )


def track_case(request: HttpRequest, token: str) -> HttpResponse:
    case = _case_or_404(token)
    return render(
        request, "portal/track.html", {"t": selectors.tracking_get(case), "reply_form": ReplyForm()}
    )


@require_POST
def track_reply(request: HttpRequest, token: str, kind: str) -> HttpResponse:
    case = _case_or_404(token)
    form = ReplyForm(request.POST)
    if form.is_valid():
        action = services.citizen_add_information if kind == "info" else services.citizen_reopen
        try:
            action(case=case, text=form.cleaned_data["text"])
        except DomainError as exc:
            form.add_error("text", exc.message)
        else:
            messages.success(request, _("Thank you. Your message was added to the application."))
            return redirect("portal:track_case", token=token)
    return render(
        request,
        "portal/track.html",
        {
            "t": selectors.tracking_get(case),
            "reply_form": form,
            "reply_kind": kind,
        },
        status=400,
    )


def photo(request: HttpRequest, pk: int, sha256: str) -> FileResponse:
    """A published photo; its full SHA-256 in the URL makes the address unguessable."""
    attachment = Attachment.objects.filter(
        pk=pk,
        sha256=sha256,
        is_public=True,
        content_type__startswith="image/",
    ).first()
    if attachment is None:
        raise Http404
    response = attachment_response(attachment)
    response["Cache-Control"] = "public, max-age=86400"
    return response
