"""Hostile input against every webhook. Unsigned or wrongly signed: 401/403 and nothing stored.
Signed but malformed: a 4xx, and the only row written is the raw payload kept for staff triage
(the project's rule: an inbound message is saved raw before it is processed)."""

import json
from pathlib import Path

import pytest
from django.test import Client

from acikmasa.cases.models import Case
from acikmasa.channels.base import get_adapter
from acikmasa.channels.meta import sign
from acikmasa.channels.models import InboundMessage
from acikmasa.security.testing import database_snapshot, snapshot_difference

from .hostile import DANGEROUS_MARKUP, INJECTIONS

pytestmark = pytest.mark.django_db
CHANNELS = Path(__file__).resolve().parents[2] / "channels"


def _fixture(path: str) -> bytes:
    return (CHANNELS / path).read_bytes()


def _secret_header(secret: str):
    return lambda body: {"HTTP_X_ACIKMASA_SECRET": secret}


HOOKS = {
    "whatsapp": (
        "/hooks/whatsapp/",
        "application/json",
        "whatsapp/tests/fixtures/text.json",
        lambda body: {"HTTP_X_HUB_SIGNATURE_256": sign("demo-whatsapp-secret", body)},
    ),
    "facebook": (
        "/hooks/facebook/",
        "application/json",
        "facebook/tests/fixtures/messenger_text.json",
        lambda body: {"HTTP_X_HUB_SIGNATURE_256": sign("demo-facebook-secret", body)},
    ),
    "sms": (
        "/hooks/sms/",
        "application/json",
        "sms/tests/fixtures/gateway_inbound.json",
        _secret_header("demo-sms-secret"),
    ),
    "email": (
        "/hooks/email/",
        "message/rfc822",
        "email/tests/fixtures/plain_utf8.eml",
        _secret_header("demo-email-secret"),
    ),
    "telephony": (
        "/hooks/telephony/",
        "application/json",
        None,
        _secret_header("demo-telephony-secret"),
    ),
    "twilio": (
        "/hooks/sms/twilio/",
        "application/x-www-form-urlencoded",
        "sms/tests/fixtures/twilio_inbound.txt",
        None,
    ),
}
TELEPHONY = json.dumps(
    {
        "event": "ringing",
        "call_id": "pbx-1",
        "caller": "0532 123 45 67",
        "called": "4440000",
        "at": "2026-11-24T10:00:00+03:00",
    }
).encode()
WRONG_SIGNATURES = {
    "missing": {},
    "wrong_meta": {"HTTP_X_HUB_SIGNATURE_256": "sha256=" + "0" * 64},
    "wrong_secret": {"HTTP_X_ACIKMASA_SECRET": "guess"},
    "non_ascii_secret": {"HTTP_X_ACIKMASA_SECRET": "şifre"},
    "twilio_forged": {"HTTP_X_TWILIO_SIGNATURE": "AAAA"},
    "crlf_in_header": {"HTTP_X_ACIKMASA_SECRET": "demo\r\nX-Injected: 1"},
}
SIGNED_MALFORMED = {
    "not_json": b"<xml>not json</xml>",
    "broken_utf8": b'{"text": "\xff\xfe"}',
    "overlong_utf8": b'{"text": "\xc0\xaf"}',
    "windows1254_as_utf8": '{"text": "Kısa yağmur"}'.encode("cp1254"),
    "json_array": b"[1, 2, 3]",
    "nan": b'{"a": NaN}',
    "deep_nesting": b"[" * 50_000 + b"]" * 50_000,
    "empty": b"",
    "nul_escape": b'{"object": "whatsapp_business_account", "text": "a\\u0000b"}',
}


def valid_body(channel: str) -> bytes:
    path = HOOKS[channel][2]
    return TELEPHONY if path is None else _fixture(path)


def post(client, channel: str, body: bytes, headers: dict):
    url, content_type, _path, _sign = HOOKS[channel]
    return client.post(url, data=body, content_type=content_type, **headers)


@pytest.fixture(autouse=True)
def _channels_on_and_unlimited(monkeypatch, settings, tmp_path):
    settings.ACIKMASA_CHANNELS = "all"  # test settings run with DEBUG off, where channels are off
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr("acikmasa.security.middleware.rules_for", lambda name: ())


@pytest.mark.parametrize("channel", sorted(HOOKS))
def test_unsigned_and_forged_requests_store_nothing(client, town, channel):
    before = database_snapshot()
    hostile = [
        valid_body(channel),
        json.dumps({"text": INJECTIONS["xss_script"]}).encode(),
        b"\xff\xfe\x00",
        b"",
    ]
    for body in hostile:
        for name, headers in WRONG_SIGNATURES.items():
            response = post(client, channel, body, headers)
            # Twilio signs the parsed form, so a body that is not a form is refused (400) before the
            # check.
            allowed = (400, 401, 403) if channel == "twilio" else (401, 403)
            assert response.status_code in allowed, (
                channel,
                name,
                response.status_code,
                response.content[:200],
            )
            assert (
                response["Content-Type"].startswith("application/json")
                and response.json()["message"]
            )
    # A real signature of another body (a replay with the body changed).
    signer = HOOKS[channel][3]
    if signer is not None:
        headers = signer(valid_body(channel))
        if "HTTP_X_HUB_SIGNATURE_256" in headers:
            assert post(client, channel, valid_body(channel) + b" ", headers).status_code == 403
    assert snapshot_difference(before, database_snapshot()) == {}


@pytest.mark.parametrize("channel", sorted(HOOKS))
def test_an_oversized_body_is_refused_before_it_is_read(client, town, channel, monkeypatch):
    adapter = get_adapter(channel)
    monkeypatch.setattr(type(adapter), "max_body", 10_000)
    before = database_snapshot()
    body = valid_body(channel) + b" " * 20_000
    signer = HOOKS[channel][3]
    response = post(client, channel, body, signer(body) if signer else {})
    assert response.status_code == 413 and response.json()["error"] == "too_large"
    assert snapshot_difference(before, database_snapshot()) == {}


@pytest.mark.parametrize("channel", ["whatsapp", "facebook", "sms", "telephony", "email"])
@pytest.mark.parametrize("attack", sorted(SIGNED_MALFORMED))
def test_signed_malformed_bodies_get_a_4xx_and_are_only_kept_raw(client, town, channel, attack):
    body = SIGNED_MALFORMED[attack]
    before = database_snapshot()
    response = post(client, channel, body, HOOKS[channel][3](body))
    assert 400 <= response.status_code < 500, (response.status_code, response.content[:300])
    assert response.json()["message"]
    changed = snapshot_difference(before, database_snapshot())
    assert set(changed) <= {"channels_inboundmessage"}, changed
    assert not InboundMessage.objects.exclude(status=InboundMessage.Status.FAILED).exists()
    assert InboundMessage.objects.count() <= 1


@pytest.mark.parametrize("name", sorted(INJECTIONS))
def test_signed_messages_with_injections_are_stored_as_text_and_shown_escaped(client, town, name):
    payload = INJECTIONS[name]
    document = json.loads(valid_body("whatsapp"))
    document["entry"][0]["changes"][0]["value"]["messages"][0]["text"]["body"] = (
        f"Çukur var {payload}"
    )
    body = json.dumps(document).encode()
    response = post(client, "whatsapp", body, HOOKS["whatsapp"][3](body))
    assert response.status_code == 200
    case = Case.objects.get()
    assert payload.strip() in case.description
    desk = Client()
    desk.force_login(town.users["fen_manager"])
    for url in (
        f"/cases/{case.pk}/",
        "/hooks/inbox/?status=processed",
        f"/hooks/inbox/{InboundMessage.objects.get().pk}/",
    ):
        page = desk.get(url)
        text = page.content.decode()
        assert page.status_code in (200, 403, 404) and not any(
            markup in text for markup in DANGEROUS_MARKUP
        ), url
