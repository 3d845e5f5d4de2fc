import hashlib
import json

import pytest

from acikmasa.cases.events import EventKind
from acikmasa.cases.models import Case
from acikmasa.channels.models import InboundMessage

from .helpers import URL, first_message, fixture, post

pytestmark = pytest.mark.django_db


def test_verification_handshake_echoes_the_challenge(client):
    response = client.get(
        URL,
        {
            "hub.mode": "subscribe",
            "hub.verify_token": "demo-verify-token",
            "hub.challenge": "1158201444",
        },
    )
    assert response.status_code == 200
    assert response.content == b"1158201444"


def test_verification_with_a_wrong_token_is_refused(client):
    response = client.get(
        URL, {"hub.mode": "subscribe", "hub.verify_token": "guess", "hub.challenge": "1"}
    )
    assert response.status_code == 403
    assert response.json()["error"] == "verification_failed"


def test_text_message_opens_one_case_for_the_sender(client, town):
    response = post(client, fixture("text"))
    assert response.status_code == 200, response.content
    case = Case.objects.get()
    assert case.channel.code == "whatsapp"
    assert case.external_id.startswith("wamid.")
    assert "çukur" in case.description
    assert case.citizen.phone == "+905321234567"
    assert (case.citizen.first_name, case.citizen.last_name) == ("Ayşe", "Yılmaz")
    message = InboundMessage.objects.get()
    assert (message.status, message.outcome, message.case) == ("processed", "created", case)
    assert message.body_bytes.startswith(b'{"object": "whatsapp_business_account"')
    assert next(e.kind for e in case.events.all()) == EventKind.CREATED


def test_same_message_delivered_three_times_makes_one_case(client, town):
    payload = fixture("text")
    answers = [post(client, payload).json() for _ in range(3)]
    assert [a["stored"] for a in answers] == [1, 0, 0]
    assert [a["duplicates"] for a in answers] == [0, 1, 1]
    assert Case.objects.count() == 1
    assert InboundMessage.objects.count() == 1


def test_bad_signature_is_refused_and_nothing_is_stored(client, town):
    response = post(client, fixture("text"), secret="not-the-secret")
    assert response.status_code == 403
    assert response.json()["error"] == "bad_signature"
    assert InboundMessage.objects.count() == 0 and Case.objects.count() == 0


def test_missing_signature_is_refused_with_401(client, town):
    response = post(client, fixture("text"), signature="")
    assert response.status_code == 401


def test_signature_of_another_body_is_refused(client, town):
    payload = fixture("text")
    signed_for = json.dumps(payload).encode()
    first_message(payload)["text"]["body"] = "changed after signing"
    from acikmasa.channels.meta import sign

    response = post(client, payload, signature=sign("demo-whatsapp-secret", signed_for))
    assert response.status_code == 403


@pytest.mark.parametrize(
    "body, status",
    [
        (b"{not json", 400),
        (
            '{"object": "whatsapp_business_account", "entry": [{"changes": [{"field": '
            '"messages", "value": {"messages": [{"from": "905321234567", "id": "x", '
            '"type": "text", "text": {"body": "Çöp"}}]}}]}]}'.encode("cp1254"),
            400,
        ),
        (b"[1, 2, 3]", 400),
        (b'{"object": "page", "entry": []}', 422),
        (b'{"object": "whatsapp_business_account", "entry": "nope"}', 400),
        (b'{"object": "whatsapp_business_account", "entry": []}', 400),
    ],
)
def test_malformed_bodies_get_a_json_4xx_and_no_case(client, town, body, status):
    response = post(client, None, body=body)
    assert response.status_code == status
    assert response.json()["ok"] is False
    assert Case.objects.count() == 0
    kept = InboundMessage.objects.get()
    assert kept.status == "failed" and kept.error
    assert kept.external_id == "sha256:" + hashlib.sha256(body).hexdigest()


def test_unknown_message_type_is_refused_with_422(client, town):
    payload = fixture("text")
    message = first_message(payload)
    message["type"] = "hologram"
    message["hologram"] = {"id": "1"}
    response = post(client, payload)
    assert response.status_code == 422
    assert Case.objects.count() == 0


def test_huge_body_is_refused_with_413_before_anything_is_read(client, town):
    payload = fixture("text")
    first_message(payload)["text"]["body"] = "a" * (1024 * 1024 + 10)
    response = post(client, payload)
    assert response.status_code == 413
    assert InboundMessage.objects.count() == 0


def test_bad_input_never_touches_an_existing_case(client, town):
    post(client, fixture("text"))
    case = Case.objects.get()
    version = case.version
    payload = fixture("text")
    first_message(payload)["id"] = "wamid.other"
    first_message(payload)["text"] = "not an object"
    assert post(client, payload).status_code == 400
    case.refresh_from_db()
    assert case.version == version and case.events.count() == version


def test_location_message_sets_the_case_coordinates(client, town):
    post(client, fixture("location"))
    case = Case.objects.get()
    assert (case.latitude, case.longitude) == (41.0437, 28.8766)
    assert case.address == "Fatih Mah., Esenler, İstanbul"


def test_location_out_of_range_fails_into_the_inbox(client, town):
    payload = fixture("location")
    first_message(payload)["location"]["latitude"] = 123.0
    assert post(client, payload).status_code == 200
    message = InboundMessage.objects.get()
    assert message.status == "failed" and "out of range" in message.error
    assert Case.objects.count() == 0


def test_disabled_channel_answers_404(client, town, settings):
    settings.ACIKMASA_CHANNELS = "sms"
    assert post(client, fixture("text")).status_code == 404
    assert client.get(URL, {"hub.mode": "subscribe"}).status_code == 404


@pytest.mark.parametrize(
    "kind, body, text",
    [
        (
            "interactive",
            {
                "type": "list_reply",
                "list_reply": {
                    "id": "konu_cop",
                    "title": "Çöp toplama",
                    "description": "Konteyner",
                },
            },
            "Çöp toplama",
        ),
        (
            "interactive",
            {"type": "button_reply", "button_reply": {"id": "yes", "title": "Evet"}},
            "Evet",
        ),
        ("button", {"payload": "not_solved", "text": "Çözülmedi"}, "Çözülmedi"),
    ],
)
def test_interactive_and_template_button_replies_carry_their_title(client, town, kind, body, text):
    payload = fixture("text")
    message = first_message(payload)
    del message["text"]
    message.update(type=kind, **{kind: body})
    post(client, payload)
    case = Case.objects.get()
    assert case.description == text
    assert case.events.get(kind=EventKind.CREATED).payload["extra"]["reply_id"] in (
        "konu_cop",
        "yes",
        "not_solved",
    )
