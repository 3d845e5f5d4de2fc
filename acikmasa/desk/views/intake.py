from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from acikmasa.cases.permissions import INTAKE_ROLES
from acikmasa.cases.selectors import case_get
from acikmasa.common.errors import DomainError
from acikmasa.directory.models import Neighbourhood, Subject
from acikmasa.privacy.models import AccessAction
from acikmasa.privacy.selectors import current_notice
from acikmasa.privacy.services.access import access_record, access_record_many

from ..forms import RegistrationForm, WalkInForm
from ..selectors import (
    caller_lookup,
    case_by_tracking_number,
    neighbourhood_search,
    street_search,
    subject_search,
)
from ..services import desk_register
from .common import add_domain_errors, staff_required


def _intake_context(request: HttpRequest, form: RegistrationForm) -> dict:
    """Options for the selects: the full subject list, streets only of the chosen mahalle."""
    municipality_id = request.profile.municipality_id
    place = form["neighbourhood"].value()
    return {
        "form": form,
        "subjects": Subject.objects.filter(
            municipality_id=municipality_id, is_active=True
        ).order_by("name"),
        "neighbourhoods": Neighbourhood.objects.filter(municipality_id=municipality_id)
        .only("id", "name")
        .order_by("name"),
        "streets": street_search(municipality_id=municipality_id, neighbourhood_id=int(place))
        if str(place or "").isdigit()
        else [],
        "privacy_notice": current_notice(municipality_id),  # what the agent tells the applicant
    }


def _register(request: HttpRequest, form: RegistrationForm):
    """Validate the form, then the service; returns the case or None with errors on the form."""
    if form.is_valid():
        try:
            return desk_register(user=request.user, registration=form.registration()).case
        except DomainError as error:
            add_domain_errors(form, error)
    form.focus_first_error()
    return None


@staff_required(*INTAKE_ROLES)
def call_centre(request: HttpRequest) -> HttpResponse:
    """The call-centre screen: find the caller, register in seconds, read the tracking number
    back."""
    municipality_id = request.profile.municipality_id
    caller = None
    if request.method == "POST":
        form = RegistrationForm(request.POST, municipality_id=municipality_id)
        case = _register(request, form)
        if case is not None:
            return redirect(reverse("desk:call") + f"?registered={case.pk}")
        status = 400
    else:
        # The telephony screen opens this page with ?phone= for the agent who answered the call.
        phone = request.GET.get("phone", "").strip()[:30]
        form, status = (
            RegistrationForm(municipality_id=municipality_id, initial={"phone": phone}),
            200,
        )
        caller = _logged_lookup(request, phone) if phone else None
    registered = None
    if request.GET.get("registered", "").isdigit():
        registered = case_get(user=request.user, case_id=int(request.GET["registered"]))
    track = request.GET.get("track", "").strip()[:30]
    tracked = case_by_tracking_number(user=request.user, number=track) if track else None
    return render(
        request,
        "desk/call.html",
        {
            **_intake_context(request, form),
            "registered": registered,
            "track": track,
            "tracked": tracked,
            "caller": caller,
        },
        status=status,
    )


@staff_required(*INTAKE_ROLES)
def walk_in(request: HttpRequest) -> HttpResponse:
    """The walk-in desk (Çözüm Masası): ID checked, papers noted, petition scanned, receipt
    printed."""
    municipality_id = request.profile.municipality_id
    if request.method == "POST":
        form = WalkInForm(request.POST, request.FILES, municipality_id=municipality_id)
        case = _register(request, form)
        if case is not None:
            return redirect("desk:receipt", case_id=case.pk)
        status = 400
    else:
        form, status = WalkInForm(municipality_id=municipality_id), 200
    return render(request, "desk/walkin.html", _intake_context(request, form), status=status)


@staff_required()
def receipt(request: HttpRequest, case_id: int) -> HttpResponse:
    """The printable receipt (Law 3071: date, number and subject), with the standard's deadline."""
    case = case_get(user=request.user, case_id=case_id)
    access_record(
        user=request.user,
        municipality_id=case.municipality_id,
        action=AccessAction.RECEIPT_PRINTED,
        citizen_id=case.citizen_id,
        case_id=case.pk,
    )
    standard = case.service_standard
    return render(
        request,
        "desk/receipt.html",
        {
            "case": case,
            "standard": standard,
            "first_place": standard.first_place if standard else None,
            "second_place": standard.second_place if standard else None,
            "proxy": _proxy(case),
        },
    )


def _proxy(case) -> dict:
    first = case.events.order_by("sequence").first()
    payload = first.payload if first and isinstance(first.payload, dict) else {}
    return (payload.get("extra") or {}).get("proxy") or {}


@staff_required()
def caller_lookup_part(request: HttpRequest) -> HttpResponse:
    """htmx: the caller's records and cases, found by phone number or T.C. Kimlik No."""
    query = (
        request.GET.get("q", "")
        or request.GET.get("phone", "")
        or request.GET.get("national_id", "")
    )
    return render(request, "desk/_caller.html", {"lookup": _logged_lookup(request, query[:30])})


def _logged_lookup(request: HttpRequest, query: str):
    """The caller lookup, with each record it showed on the access log (KVKK)."""
    lookup = caller_lookup(user=request.user, query=query)
    access_record_many(
        user=request.user,
        municipality_id=request.profile.municipality_id,
        action=AccessAction.CALLER_LOOKUP,
        shown=[(citizen.pk, None) for citizen in lookup.citizens],
        detail=lookup.kind,
    )
    return lookup


@staff_required()
def options(request: HttpRequest, kind: str) -> HttpResponse:
    """htmx: <option>s for the subject, mahalle and street pickers, matched with Turkish folding."""
    municipality_id = request.profile.municipality_id
    query = (
        request.GET.get("q")
        or request.GET.get("subject_q")
        or request.GET.get("street_q")
        or request.GET.get("place_q")
        or ""
    )[:100]
    if kind == "subjects":
        items = [
            (s.pk, f"{s.name} ({s.directorate})")
            for s in subject_search(municipality_id=municipality_id, query=query)
        ]
    elif kind == "neighbourhoods":
        items = [
            (n.pk, n.name)
            for n in neighbourhood_search(municipality_id=municipality_id, query=query)
        ]
    elif kind == "streets":
        place = request.GET.get("neighbourhood", "")
        streets = street_search(
            municipality_id=municipality_id,
            neighbourhood_id=int(place) if place.isdigit() else None,
            query=query,
        )
        items = [(s.pk, s.name) for s in streets] if place.isdigit() or query else []
    else:
        raise Http404
    return render(
        request, "desk/_options.html", {"items": items, "select_first": bool(query), "kind": kind}
    )
