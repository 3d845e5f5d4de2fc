"""Writers of the Open311 app: client keys, the per-key rate limit, and taking in a request."""

import secrets
from dataclasses import dataclass, field

from django.db import transaction

from acikmasa.cases.models import CaseType
from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.cases.services.intake import case_submit
from acikmasa.common.errors import ValidationFailed
from acikmasa.directory.models import Municipality, Neighbourhood, Street, Subject
from acikmasa.security.ratelimit import rate_limit_take as shared_rate_limit_take

from .errors import ApiError
from .geo import neighbourhood_at
from .models import ClientApp, RequestRecord, hash_key, new_raw_key

# Documented in docs/open311.md; only for the demo municipality that `make run` loads.
DEMO_KEY = "acikmasa-demo-open311-key"
DEMO_APP_NAME = "Demo client"
MAX_DESCRIPTION = 4000  # GeoReport v2: description is at most 4000 characters
ANONYMOUS_LIMIT_PER_MINUTE = 120


def client_app_create(
    *, municipality: Municipality, name: str, raw_key: str | None = None, **fields
) -> tuple[ClientApp, str]:
    """Create a client application; the raw key is returned once and only its hash is stored."""
    raw_key = raw_key or new_raw_key()
    app = ClientApp(municipality=municipality, name=name, **fields)
    app.set_key(raw_key)
    app.save()
    return app, raw_key


def client_app_rotate_key(*, app: ClientApp) -> str:
    """Give the application a new key; the old one stops working at once."""
    raw_key = new_raw_key()
    app.set_key(raw_key)
    app.save(update_fields=["key_prefix", "key_hash"])
    return raw_key


def demo_key_ensure() -> tuple[ClientApp, str] | None:
    """The demo municipality ("esenler", else the first) gets the demo client with the fixed key.

    Safe to re-run: an existing demo client is reactivated and pointed at the fixed key.
    """
    municipality = (
        Municipality.objects.filter(code="esenler").first()
        or Municipality.objects.order_by("pk").first()
    )
    if municipality is None:
        return None
    app = ClientApp.objects.filter(key_hash=hash_key(DEMO_KEY)).first()
    if app is None:
        app, _ = client_app_create(municipality=municipality, name=DEMO_APP_NAME, raw_key=DEMO_KEY)
    elif app.municipality_id != municipality.pk or not app.is_active:
        app.municipality, app.is_active = municipality, True
        app.save(update_fields=["municipality", "is_active"])
    return app, DEMO_KEY


def client_app_authenticate(raw_key: str) -> ClientApp:
    if not raw_key:
        raise ApiError(403, "api_key is required.")
    app = (
        ClientApp.objects.filter(key_hash=hash_key(raw_key), is_active=True)
        .select_related("municipality")
        .first()
    )
    if app is None:
        raise ApiError(403, "Invalid api_key.")
    return app


def rate_limit_take(*, bucket: str, limit: int) -> None:
    """Count one call in the current minute; refuse beyond `limit` (the project's shared
    limiter)."""
    decision = shared_rate_limit_take("open311", bucket, limit=limit, window=60)
    if not decision.allowed:
        raise ApiError(429, "Rate limit exceeded: try again in a minute.")


@dataclass
class PostedRequest:
    service_code: str
    lat: float | None = None
    long: float | None = None
    address_string: str = ""
    address_id: str = ""
    attributes: dict[str, list[str]] = field(default_factory=dict)
    citizen: CitizenInput = field(default_factory=CitizenInput)
    description: str = ""
    device_id: str = ""
    account_id: str = ""
    media_url: str = ""
    idempotency_key: str = ""


@dataclass
class _Place:
    neighbourhood: Neighbourhood | None
    street: Street | None


def _single(attributes: dict[str, list[str]], code: str) -> str:
    values = [v for v in attributes.get(code, []) if v]
    if len(values) > 1:
        raise ApiError(400, f"attribute[{code}] takes one value.")
    return values[0] if values else ""


def _place(municipality: Municipality, posted: PostedRequest) -> _Place:
    if posted.lat is None and not posted.address_string and not posted.address_id:
        raise ApiError(400, "A location is required: lat and long, address_string or address_id.")
    street = None
    if posted.address_id:
        street = (
            Street.objects.filter(
                pk=int(posted.address_id) if posted.address_id.isdigit() else None,
                neighbourhood__municipality=municipality,
            )
            .select_related("neighbourhood")
            .first()
        )
        if street is None:
            raise ApiError(400, "Unknown address_id.")
    neighbourhood = street.neighbourhood if street else None
    key = _single(posted.attributes, "mahalle")
    if key:
        chosen = Neighbourhood.objects.filter(
            municipality=municipality, pk=int(key) if key.isdigit() else None
        ).first()
        if chosen is None:
            raise ApiError(400, "Unknown value for attribute[mahalle].")
        if street and street.neighbourhood_id != chosen.pk:
            raise ApiError(400, "address_id is not in the given mahalle.")
        neighbourhood = chosen
    if neighbourhood is None and posted.lat is not None:
        neighbourhood = neighbourhood_at(municipality, posted.lat, posted.long)
    return _Place(neighbourhood, street)


def _check(municipality: Municipality, posted: PostedRequest) -> tuple[Subject, str]:
    subject = Subject.objects.filter(
        municipality=municipality, code=posted.service_code, is_active=True
    ).first()
    if subject is None:
        raise ApiError(
            404 if posted.service_code else 400,
            "Unknown service_code." if posted.service_code else "service_code is required.",
        )
    unknown = set(posted.attributes) - {"case_type", "mahalle"}
    if unknown:
        raise ApiError(400, f"Unknown attribute: {sorted(unknown)[0][:60]}")
    case_type = _single(posted.attributes, "case_type") or subject.default_case_type
    if case_type not in CaseType.values:
        raise ApiError(400, "Unknown value for attribute[case_type].")
    if len(posted.description) > MAX_DESCRIPTION:
        raise ApiError(400, f"description is longer than {MAX_DESCRIPTION} characters.")
    return subject, case_type


def request_submit(*, client: ClientApp, posted: PostedRequest) -> tuple[RequestRecord, bool]:
    """Register a GeoReport request through the single intake door.

    Rule: everything is checked before anything is written; the same Idempotency-Key from the same
    client returns the first request (our documented extension), stored as the case's external id.
    Callers: the POST requests view. Side effects: a case (and maybe a citizen) and its record.
    """
    municipality = client.municipality
    subject, case_type = _check(municipality, posted)
    place = _place(municipality, posted)
    external_id = f"{client.pk}:{posted.idempotency_key}" if posted.idempotency_key else ""
    with transaction.atomic():
        try:
            submission = case_submit(
                municipality=municipality,
                channel="open311",
                description=posted.description or subject.name,
                case_type=case_type,
                subject=subject,
                citizen=posted.citizen,
                # Instances: the intake checks their scope on what they hold, with no second read.
                neighbourhood=place.neighbourhood,
                street=place.street,
                address=posted.address_string,
                latitude=posted.lat,
                longitude=posted.long,
                external_id=external_id,
                extra={"open311_client": client.pk},
            )
        except ValidationFailed as exc:
            raise ApiError(400, " ".join(f"{k}: {v}" for k, v in exc.errors.items())) from exc
        if not submission.created:
            return RequestRecord.objects.get(case=submission.case), False
        record = RequestRecord.objects.create(
            case=submission.case,
            client=client,
            token=secrets.token_urlsafe(18),
            device_id=posted.device_id,
            account_id=posted.account_id,
            media_url=posted.media_url,
            attributes=posted.attributes,
        )
    return record, True
