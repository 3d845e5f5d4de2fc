import copy
import json
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from acikmasa.cases.events import EventKind
from acikmasa.cases.models import Case
from acikmasa.channels.meta import sign
from acikmasa.channels.models import InboundMessage, OutboundMessage
from acikmasa.channels.services.outbound import outbound_queue

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"
URL = "/hooks/facebook/"


def fixture(name):
    return copy.deepcopy(json.loads((FIXTURES / f"{name}.json").read_text()))


def post(client, payload, secret="demo-facebook-secret"):
    raw = json.dumps(payload, ensure_ascii=False).encode()
    return client.post(
        URL, data=raw, content_type="application/json", HTTP_X_HUB_SIGNATURE_256=sign(secret, raw)
    )


def test_verification_handshake(client):
    ok = client.get(
        URL,
        {"hub.mode": "subscribe", "hub.verify_token": "demo-verify-token", "hub.challenge": "42"},
    )
    assert ok.content == b"42"
    assert (
        client.get(
            URL, {"hub.mode": "subscribe", "hub.verify_token": "x", "hub.challenge": "42"}
        ).status_code
        == 403
    )


def test_messenger_message_opens_a_social_media_case(client, town):
    assert post(client, fixture("messenger_text")).status_code == 200
    case = Case.objects.get()
    assert case.channel.code == "social_media" and case.external_id.startswith("fb:msg:m_AG5")
    assert "su birikintisi" in case.description
    assert InboundMessage.objects.get().sender == "fb:6543210987654321"


def test_messenger_retries_make_one_case(client, town):
    for _ in range(3):
        post(client, fixture("messenger_text"))
    assert Case.objects.count() == 1


def test_signature_made_with_the_whatsapp_secret_is_refused(client, town):
    assert post(client, fixture("messenger_text"), secret="demo-whatsapp-secret").status_code == 403
    assert InboundMessage.objects.count() == 0


def test_messenger_image_is_downloaded_onto_the_case(client, town, provider):
    provider.answer("GET", "/cdn/photo.jpg", body=b"\xff\xd8\xffphoto", content_type="image/jpeg")
    payload = fixture("messenger_image")
    payload["entry"][0]["messaging"][0]["message"]["attachments"][0]["payload"]["url"] = (
        provider.url + "/cdn/photo.jpg"
    )
    post(client, payload)
    attachment = Case.objects.get().attachments.get()
    assert attachment.content_type == "image/jpeg" and attachment.size == 8


def test_second_messenger_message_continues_the_conversation(client, town, provider):
    post(client, fixture("messenger_text"))
    provider.answer("GET", "/cdn/photo.jpg", body=b"\xff\xd8\xffphoto", content_type="image/jpeg")
    payload = fixture("messenger_image")
    payload["entry"][0]["messaging"][0]["message"]["attachments"][0]["payload"]["url"] = (
        provider.url + "/cdn/photo.jpg"
    )
    post(client, payload)
    case = Case.objects.get()
    event = case.events.get(kind=EventKind.MESSAGE_RECEIVED)
    assert event.attachments.count() == 1 and case.attachments.count() == 1


def test_comment_on_our_post_opens_a_case_and_a_reply_in_its_thread_continues_it(client, town):
    post(client, fixture("page_feed_comment"))
    case = Case.objects.get()
    assert "aydınlatması" in case.description
    assert (case.citizen.first_name, case.citizen.last_name) == ("Hasan", "Çelik")
    reply = fixture("page_feed_comment")
    value = reply["entry"][0]["changes"][0]["value"]
    value.update(
        comment_id="111_9002",
        parent_id="111_9001",
        message="Hâlâ yanmıyor!",
        **{"from": {"id": "8888", "name": "Elif Su"}},
    )
    post(client, reply)
    assert Case.objects.count() == 1
    assert case.events.get(kind=EventKind.MESSAGE_RECEIVED).text == "Hâlâ yanmıyor!"


def test_another_top_level_comment_opens_another_case(client, town):
    post(client, fixture("page_feed_comment"))
    other = fixture("page_feed_comment")
    other["entry"][0]["changes"][0]["value"].update(
        comment_id="111_9003", message="Başka konu: çöpler toplanmadı."
    )
    post(client, other)
    assert Case.objects.count() == 2


def test_likes_and_our_own_comments_are_kept_without_a_case(client, town):
    like = fixture("page_feed_comment")
    like["entry"][0]["changes"][0]["value"] = {
        "item": "reaction",
        "verb": "add",
        "post_id": "200000000000002_111",
        "reaction_type": "like",
        "from": {"id": "1"},
        "created_time": 1764000301,
    }
    ours = fixture("page_feed_comment")
    ours["entry"][0]["changes"][0]["value"]["from"] = {
        "id": "200000000000002",
        "name": "Esenler Belediyesi",
    }
    for payload in (like, ours):
        assert post(client, payload).status_code == 200
    assert Case.objects.count() == 0
    assert sorted(InboundMessage.objects.values_list("outcome", flat=True)) == ["event", "event"]


def test_instagram_comment_and_direct_message_open_cases(client, town):
    post(client, fixture("instagram_comment"))
    post(client, fixture("instagram_message"))
    comment, message = Case.objects.order_by("pk")
    assert (
        comment.external_id == "ig:comment:17865799348089039"
        and "kaldırımlar" in comment.description
    )
    assert message.external_id.startswith("ig:msg:") and "Çöp kamyonu" in message.description


@pytest.mark.parametrize(
    "mutate, status",
    [
        (lambda p: p.update(object="user"), 422),
        (lambda p: p["entry"][0]["changes"][0].update(field="mentions"), 422),
        (lambda p: p["entry"][0]["changes"][0]["value"].pop("id"), 400),
        (lambda p: p.update(entry={"no": "list"}), 400),
    ],
)
def test_unknown_or_broken_payloads_are_refused(client, town, mutate, status):
    payload = fixture("instagram_comment")
    mutate(payload)
    response = post(client, payload)
    assert response.status_code == status and response.json()["ok"] is False
    assert Case.objects.count() == 0


def test_reply_goes_back_as_a_message_and_delivery_is_recorded(
    client, town, provider, django_capture_on_commit_callbacks
):
    post(client, fixture("messenger_text"))
    provider.answer(
        "POST",
        "/v21.0/200000000000002/messages",
        json_body={"recipient_id": "6543210987654321", "message_id": "m_OUTBOUND"},
    )
    with django_capture_on_commit_callbacks(execute=True):
        outbound = outbound_queue(
            channel="facebook",
            recipient="fb:6543210987654321",
            text="Ekip yönlendirildi.",
            case=Case.objects.get(),
        )
    sent = provider.received[-1]
    assert sent.json() == {
        "recipient": {"id": "6543210987654321"},
        "messaging_type": "RESPONSE",
        "message": {"text": "Ekip yönlendirildi."},
    }
    assert sent.headers["Authorization"] == "Bearer demo-page-access-token"
    post(client, fixture("messenger_delivery"))
    outbound.refresh_from_db()
    assert outbound.status == "delivered"


def test_read_watermark_marks_earlier_replies_read(
    client, town, provider, django_capture_on_commit_callbacks
):
    post(client, fixture("messenger_text"))
    provider.answer(
        "POST", "/v21.0/200000000000002/messages", json_body={"message_id": "m_OUTBOUND"}
    )
    with django_capture_on_commit_callbacks(execute=True):
        outbound = outbound_queue(
            channel="facebook", recipient="fb:6543210987654321", text="Merhaba"
        )
    read = fixture("messenger_delivery")
    event = read["entry"][0]["messaging"][0]
    del event["delivery"]
    event["read"] = {"watermark": int((timezone.now() + timedelta(seconds=5)).timestamp() * 1000)}
    post(client, read)
    outbound.refresh_from_db()
    assert outbound.status == "read"


@pytest.mark.parametrize("network, edge", [("fb", "comments"), ("ig", "replies")])
def test_reply_to_a_comment_goes_back_as_a_comment(
    town, provider, django_capture_on_commit_callbacks, network, edge
):
    provider.answer("POST", f"/v21.0/111_9001/{edge}", json_body={"id": "111_9100"})
    with django_capture_on_commit_callbacks(execute=True):
        outbound = outbound_queue(
            channel="facebook",
            recipient=f"{network}:7777777777",
            text="Teşekkürler, ilettik.",
            kind=OutboundMessage.Kind.COMMENT,
            reply_to="111_9001",
        )
    outbound.refresh_from_db()
    assert (outbound.status, outbound.provider_message_id) == ("sent", "111_9100")
    assert provider.received[-1].json() == {"message": "Teşekkürler, ilettik."}


@pytest.mark.parametrize(
    "age, expected",
    [
        (timedelta(hours=2), {"messaging_type": "RESPONSE"}),
        (timedelta(days=3), {"messaging_type": "MESSAGE_TAG", "tag": "HUMAN_AGENT"}),
    ],
)
def test_messenger_reply_respects_the_messaging_window(
    client, town, provider, django_capture_on_commit_callbacks, age, expected
):
    post(client, fixture("messenger_text"))
    InboundMessage.objects.update(received_at=timezone.now() - age)
    provider.answer("POST", "/v21.0/200000000000002/messages", json_body={"message_id": "m_1"})
    with django_capture_on_commit_callbacks(execute=True):
        outbound_queue(channel="facebook", recipient="fb:6543210987654321", text="Merhaba")
    sent = provider.received[-1].json()
    assert {k: sent[k] for k in expected} == expected and sent.get("tag") == expected.get("tag")


def test_messenger_reply_after_seven_days_fails_at_once_without_retries(
    client, town, provider, django_capture_on_commit_callbacks
):
    post(client, fixture("messenger_text"))
    InboundMessage.objects.update(received_at=timezone.now() - timedelta(days=8))
    with django_capture_on_commit_callbacks(execute=True):
        outbound = outbound_queue(
            channel="facebook", recipient="fb:6543210987654321", text="Merhaba"
        )
    outbound.refresh_from_db()
    assert (outbound.status, outbound.attempts, outbound.next_attempt_at) == ("failed", 1, None)
    assert "7 days" in outbound.last_error and provider.received == []
