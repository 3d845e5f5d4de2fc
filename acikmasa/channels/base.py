"""The small interface every adapter implements, the plain data it produces, and the registry."""

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse, JsonResponse

from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.cases.services.intake import IncomingFile

if TYPE_CHECKING:
    from .models import InboundMessage, OutboundMessage


class ChannelError(Exception):
    """Base of the channel errors; `message` is safe to return to the provider."""

    status = 400

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class SignatureMissing(ChannelError):
    status = 401


class SignatureInvalid(ChannelError):
    status = 403


class BadPayload(ChannelError):
    """Malformed body, wrong encoding, missing fields."""

    status = 400


class UnsupportedPayload(BadPayload):
    """Well-formed but of a type this adapter does not know."""

    status = 422


class SendFailed(Exception):
    """The provider refused or could not be reached; the message will be retried."""


class SendRefused(SendFailed):
    """The message can never be sent as it is (e.g. outside the provider's messaging window): no
    retry."""


class ChannelMisconfigured(Exception):
    pass


@dataclass
class Envelope:
    """What the webhook learns about one message before storing it raw."""

    external_id: str
    kind: str = "message"
    sender: str = ""
    item: dict[str, Any] = field(default_factory=dict)


@dataclass
class Incoming:
    """One provider message in plain terms: what `case_submit` or a threaded event needs."""

    external_id: str
    case_channel: str
    kind: str = "message"  # message | status | event | auto_reply | bounce
    sender: str = ""
    text: str = ""
    subject: str = ""
    received_at: datetime | None = None
    citizen: CitizenInput = field(default_factory=CitizenInput)
    attachments: list[IncomingFile] = field(default_factory=list)
    latitude: float | None = None
    longitude: float | None = None
    address: str = ""
    # Provider ids this message answers (a quoted message, a parent comment, In-Reply-To).
    refs: list[str] = field(default_factory=list)
    # Whether a message from the same sender soon after continues the same case.
    conversational: bool = True
    # False where every item must become its own case (CİMER: answered through CİMER, one by one).
    threadable: bool = True
    extra: dict[str, Any] = field(default_factory=dict)
    # Fields given straight to case_submit (subject, case type, neighbourhood...) by trusted
    # adapters.
    submit: dict[str, Any] = field(default_factory=dict)


class Adapter:
    """One provider. Inbound: verify, split into envelopes, parse a stored row. Outbound: send."""

    code: str = ""
    case_channel: str = ""
    max_body: int = 1024 * 1024
    sends: bool = False  # whether outbound_queue may use this channel

    def verify(self, request: HttpRequest, body: bytes) -> None:
        """Raise SignatureMissing/SignatureInvalid unless the request is authentic."""
        raise SignatureInvalid("no verification defined")

    def envelopes(self, request: HttpRequest, body: bytes) -> list[Envelope]:
        """Split an authentic body into messages; raise BadPayload when it is not understood."""
        raise NotImplementedError

    def parse(self, message: "InboundMessage") -> Incoming:
        """Turn a stored row into plain data (may fetch media); raise BadPayload when impossible."""
        raise NotImplementedError

    def apply(self, message: "InboundMessage", incoming: Incoming) -> str:
        """Handle a non-message kind (delivery status, call event); returns an Outcome value."""
        raise UnsupportedPayload(f"{self.code}: cannot apply {incoming.kind}")

    def send(self, outbound: "OutboundMessage") -> str:
        """Hand the message to the provider and return its id; raise SendFailed to retry."""
        raise SendFailed(f"{self.code} cannot send messages")

    def prepare(self, outbound: "OutboundMessage") -> None:
        """Adjust a new outbound message before it is stored (e.g. template outside a window)."""

    def acknowledge(self, request: HttpRequest, stored: int, duplicates: int) -> HttpResponse:
        return JsonResponse({"ok": True, "stored": stored, "duplicates": duplicates})


_REGISTRY: dict[str, Adapter] = {}


def register(adapter: Adapter) -> Adapter:
    _REGISTRY[adapter.code] = adapter
    return adapter


def get_adapter(code: str) -> Adapter:
    try:
        return _REGISTRY[code]
    except KeyError:
        raise ChannelMisconfigured(f"no adapter registered for channel {code!r}") from None


def adapters() -> dict[str, Adapter]:
    return dict(_REGISTRY)


def _refuse_constant(name: str) -> Any:
    # NaN and Infinity are not JSON (RFC 8259): the database's JSON columns would refuse them later.
    raise BadPayload(f"The body is not valid JSON: {name} is not a JSON number.")


def load_json_object(body: bytes) -> dict[str, Any]:
    """A webhook body as a JSON object, or BadPayload saying what is wrong with it."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadPayload("The body is not UTF-8.") from exc
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except ValueError as exc:
        raise BadPayload(f"The body is not valid JSON: {exc}") from exc
    except RecursionError as exc:  # "[[[[…" fifty thousand deep: a 500 before this was caught
        raise BadPayload("The body is not valid JSON: it is nested too deeply.") from exc
    if not isinstance(data, dict):
        raise BadPayload("The body must be a JSON object.")
    if "\\u0000" in text:  # PostgreSQL text cannot hold NUL: refuse here, not as a 500 later
        raise BadPayload("The body contains a NUL character (\\u0000).")
    return data
