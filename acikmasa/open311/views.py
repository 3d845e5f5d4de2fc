"""GeoReport v2 endpoints. Thin: read parameters strictly, call a selector or service, render."""

import functools
from collections.abc import Callable
from datetime import datetime

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from acikmasa.cases.models import Attachment
from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.security.net import client_ip

from . import params, selectors, services
from .errors import ApiError
from .formats import FORMATS, render, render_error
from .openapi import openapi_document

SPEC_URL = "http://wiki.open311.org/GeoReport_v2"
CHANGESET = datetime(2026, 11, 24, tzinfo=timezone.get_fixed_timezone(180))
MAX_IDEMPOTENCY_KEY = 150

View = Callable[..., HttpResponse]


def api_view(methods: tuple[str, ...]) -> Callable[[View], View]:
    """Format check, method check, rate limit, and ApiError → the spec's error list."""

    def decorate(view: View) -> View:
        @csrf_exempt  # machine clients authenticate with api_key, not cookies
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args, fmt: str, **kwargs) -> HttpResponse:
            try:
                if fmt not in FORMATS:
                    raise ApiError(404, "Unknown format: use .json or .xml.")
                if request.method not in methods:
                    response = render_error(fmt, 405, "Method not allowed.")
                    response["Allow"] = ", ".join(methods)
                    return response
                return view(request, *args, fmt=fmt, **kwargs)
            except ApiError as error:
                return render_error(fmt, error.status, error.description)

        return wrapper

    return decorate


def _limit_anonymous(request: HttpRequest) -> None:
    services.rate_limit_take(
        bucket="ip:" + client_ip(request),
        limit=services.ANONYMOUS_LIMIT_PER_MINUTE,
    )


def _reader(request: HttpRequest, form: params.Form) -> None:
    """GETs need no key; a key given must be valid and then its own limit applies."""
    raw_key = params.one(form, "api_key")
    if raw_key:
        client = services.client_app_authenticate(raw_key)
        services.rate_limit_take(bucket=f"key:{client.pk}", limit=client.rate_limit_per_minute)
    else:
        _limit_anonymous(request)


def _photo_url(request: HttpRequest) -> Callable[[Attachment], str]:
    return lambda a: request.build_absolute_uri(reverse("portal:photo", args=[a.pk, a.sha256]))


@api_view(("GET",))
def discovery(request: HttpRequest, fmt: str) -> HttpResponse:
    _reader(request, params.query_params(request))
    changeset = selectors.iso(CHANGESET)
    data = {
        "changeset": changeset,
        "contact": "Municipal public-relations directorate (Halkla İlişkiler Müdürlüğü)",
        "key_service": "API keys are issued per client application by the municipality's "
        "administrators.",
        "endpoints": [
            {
                "specification": SPEC_URL,
                "url": request.build_absolute_uri(reverse("open311:root")),
                "changeset": changeset,
                "type": "production",
                "formats": ["application/json", "text/xml"],
            }
        ],
    }
    return render(fmt, data, root="discovery", item=None)


@api_view(("GET",))
def service_list(request: HttpRequest, fmt: str) -> HttpResponse:
    form = params.query_params(request)
    _reader(request, form)
    municipality = selectors.municipality_for(params.one(form, "jurisdiction_id", max_length=50))
    data = [selectors.service_dict(s) for s in selectors.subjects(municipality).order_by("code")]
    return render(fmt, data, root="services", item="service")


@api_view(("GET",))
def service_definition(request: HttpRequest, fmt: str, service_code: str) -> HttpResponse:
    form = params.query_params(request)
    _reader(request, form)
    municipality = selectors.municipality_for(params.one(form, "jurisdiction_id", max_length=50))
    data = selectors.definition_dict(selectors.subject_get(municipality, service_code))
    return render(fmt, data, root="service_definition", item=None)


@api_view(("GET", "POST"))
def request_collection(request: HttpRequest, fmt: str) -> HttpResponse:
    if request.method == "POST":
        return _request_create(request, fmt)
    form = params.query_params(request)
    _reader(request, form)
    municipality = selectors.municipality_for(params.one(form, "jurisdiction_id", max_length=50))
    filters = _filters(form)
    cases = selectors.request_list(municipality, filters)
    data = selectors.request_dicts(
        cases, photo_url=_photo_url(request), extensions=params.flag(form, "extensions")
    )
    return render(fmt, data, root="service_requests", item="request")


def _csv(form: params.Form, name: str) -> list[str]:
    raw = params.one(form, name, max_length=20_000)
    return [part.strip() for part in raw.split(",") if part.strip()]


def _filters(form: params.Form) -> selectors.RequestFilters:
    statuses = tuple(sorted(set(_csv(form, "status"))))
    if any(s not in ("open", "closed") for s in statuses):
        raise ApiError(400, "status must be open, closed, or open,closed.")
    filters = selectors.RequestFilters(
        ids=_csv(form, "service_request_id"),
        service_codes=_csv(form, "service_code"),
        start=params.when(form, "start_date"),
        end=params.when(form, "end_date"),
        statuses=statuses,
        updated_after=params.when(form, "updated_after"),
        updated_before=params.when(form, "updated_before"),
        page=params.positive_int(form, "page", 1, 1_000_000),
        page_size=params.positive_int(
            form, "page_size", selectors.MAX_PAGE_SIZE, selectors.MAX_PAGE_SIZE
        ),
    )
    if filters.start and filters.end and filters.start > filters.end:
        raise ApiError(400, "start_date is after end_date.")
    if (
        filters.updated_after
        and filters.updated_before
        and filters.updated_after > filters.updated_before
    ):
        raise ApiError(400, "updated_after is after updated_before.")
    return filters


def _posted(request: HttpRequest, form: params.Form) -> services.PostedRequest:
    lat = params.coordinate(form, "lat", -90, 90)
    long = params.coordinate(form, "long", -180, 180)
    if (lat is None) != (long is None):
        raise ApiError(400, "Give both lat and long.")
    media_url = params.one(form, "media_url", max_length=500)
    if media_url and not media_url.lower().startswith(("http://", "https://")):
        raise ApiError(400, "media_url must be an http(s) URL.")
    key = request.headers.get("Idempotency-Key", "").strip()
    if len(key) > MAX_IDEMPOTENCY_KEY or not (key.isascii() and key.isprintable()):
        raise ApiError(
            400,
            f"Idempotency-Key must be printable ASCII of at most {MAX_IDEMPOTENCY_KEY} characters.",
        )
    return services.PostedRequest(
        service_code=params.one(form, "service_code", max_length=60),
        lat=lat,
        long=long,
        address_string=params.one(form, "address_string", max_length=500),
        address_id=params.one(form, "address_id", max_length=20),
        attributes=params.attributes(form),
        citizen=CitizenInput(
            first_name=params.one(form, "first_name", max_length=100),
            last_name=params.one(form, "last_name", max_length=100),
            phone=params.one(form, "phone", max_length=40),
            email=params.one(form, "email", max_length=254),
        ),
        description=params.one(form, "description", max_length=services.MAX_DESCRIPTION),
        device_id=params.one(form, "device_id"),
        account_id=params.one(form, "account_id"),
        media_url=media_url,
        idempotency_key=key,
    )


def _request_create(request: HttpRequest, fmt: str) -> HttpResponse:
    form = params.form_params(request)
    client = services.client_app_authenticate(params.one(form, "api_key"))
    services.rate_limit_take(bucket=f"key:{client.pk}", limit=client.rate_limit_per_minute)
    jurisdiction = params.one(form, "jurisdiction_id", max_length=50)
    if jurisdiction and jurisdiction != client.municipality.code:
        raise ApiError(403, "This api_key is not valid for that jurisdiction_id.")
    record, created = services.request_submit(client=client, posted=_posted(request, form))
    case = record.case
    data = [
        {
            "service_request_id": case.tracking_number,
            "token": record.token,
            "service_notice": selectors.standard_notice(case.service_standard),
            "account_id": record.account_id or None,
        }
    ]
    response = render(fmt, data, root="service_requests", item="request")
    if not created:
        response["Idempotent-Replayed"] = "true"
    return response


@api_view(("GET",))
def request_detail(request: HttpRequest, fmt: str, request_id: str) -> HttpResponse:
    form = params.query_params(request)
    _reader(request, form)
    municipality = selectors.municipality_for(params.one(form, "jurisdiction_id", max_length=50))
    case = selectors.request_get(municipality, request_id)
    data = selectors.request_dicts(
        [case], photo_url=_photo_url(request), extensions=params.flag(form, "extensions")
    )
    return render(fmt, data, root="service_requests", item="request")


@api_view(("GET",))
def token_detail(request: HttpRequest, fmt: str, token: str) -> HttpResponse:
    form = params.query_params(request)
    _reader(request, form)
    municipality = selectors.municipality_for(params.one(form, "jurisdiction_id", max_length=50))
    record = selectors.token_get(municipality, token)
    data = [{"service_request_id": record.case.tracking_number, "token": record.token}]
    return render(fmt, data, root="service_requests", item="request")


def openapi(request: HttpRequest) -> JsonResponse:
    return JsonResponse(
        openapi_document(server_url=request.build_absolute_uri(reverse("open311:root")))
    )


def root(request: HttpRequest) -> HttpResponse:
    return discovery(request, fmt="json")


def not_found(request: HttpRequest) -> HttpResponse:
    fmt = "xml" if request.path.endswith(".xml") else "json"
    return render_error(fmt, 404, "Not found.")
