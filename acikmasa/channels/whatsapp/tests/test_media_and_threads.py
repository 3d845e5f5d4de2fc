import hashlib
from datetime import timedelta

import pytest
from django.utils import timezone

from acikmasa.cases.events import EventKind
from acikmasa.cases.models import Case
from acikmasa.channels.models import InboundMessage, OutboundMessage
from acikmasa.channels.services.outbound import outbound_queue

from .helpers import first_message, fixture, post

pytestmark = pytest.mark.django_db
JPEG = b"\xff\xd8\xff\xe0" + b"photo of an overflowing container" * 20


def serve_media(provider, content=JPEG):
    provider.answer(
        "GET",
        "/v21.0/1234567890123456",
        json_body={
            "messaging_product": "whatsapp",
            "url": provider.url + "/media/1234567890123456",
            "mime_type": "image/jpeg",
            "sha256": hashlib.sha256(content).hexdigest(),
            "file_size": len(content),
            "id": "1234567890123456",
        },
    )
    provider.answer("GET", "/media/1234567890123456", body=content, content_type="image/jpeg")


def image_payload(content=JPEG):
    payload = fixture("image")
    first_message(payload)["image"]["sha256"] = hashlib.sha256(content).hexdigest()
    return payload


def test_image_is_fetched_through_the_graph_api_and_attached(client, town, provider):
    serve_media(provider)
    assert post(client, image_payload()).status_code == 200
    case = Case.objects.get()
    attachment = case.attachments.get()
    assert attachment.sha256 == hashlib.sha256(JPEG).hexdigest()
    assert attachment.content_type == "image/jpeg" and attachment.size == len(JPEG)
    assert case.description == "Konteyner taşmış, çöpler sokağa dökülmüş"
    assert [r.path for r in provider.received] == [
        "/v21.0/1234567890123456",
        "/media/1234567890123456",
    ]
    assert all(
        r.headers["Authorization"] == "Bearer demo-whatsapp-access-token" for r in provider.received
    )


def test_media_the_graph_api_cannot_give_stays_in_the_inbox_and_retry_makes_one_case(
    client, town, provider
):
    provider.answer(
        "GET", "/v21.0/1234567890123456", status=500, json_body={"error": {"message": "down"}}
    )
    post(client, image_payload())
    message = InboundMessage.objects.get()
    assert message.status == "failed" and "HTTP 500" in message.error
    assert Case.objects.count() == 0
    provider.routes.clear()
    serve_media(provider)
    from acikmasa.channels.services.inbound import inbound_retry

    assert inbound_retry(message_id=message.pk).status == "processed"
    assert inbound_retry(message_id=message.pk).status == "processed"
    assert Case.objects.count() == 1 and Case.objects.get().attachments.count() == 1


def test_media_that_does_not_match_its_sha256_is_refused(client, town, provider):
    serve_media(provider, content=b"something else")
    post(client, image_payload(JPEG))
    assert InboundMessage.objects.get().status == "failed"
    assert Case.objects.count() == 0


def test_second_message_soon_after_continues_the_same_case(client, town):
    post(client, fixture("text"))
    follow_up = fixture("text")
    first_message(follow_up)["id"] = "wamid.second"
    first_message(follow_up)["text"]["body"] = "Fotoğrafını da göndereyim mi?"
    post(client, follow_up)
    case = Case.objects.get()
    event = case.events.get(kind=EventKind.MESSAGE_RECEIVED)
    assert event.text == "Fotoğrafını da göndereyim mi?"
    assert event.actor_kind == "citizen" and event.sequence == case.version
    assert InboundMessage.objects.get(external_id="wamid.second").outcome == "threaded"


def test_message_after_the_conversation_window_opens_a_new_case(client, town):
    post(client, fixture("text"))
    InboundMessage.objects.update(received_at=timezone.now() - timedelta(hours=2))
    later = fixture("text")
    first_message(later)["id"] = "wamid.new-topic"
    first_message(later)["text"]["body"] = "Başka bir konu: parktaki salıncak kırık."
    post(client, later)
    assert Case.objects.count() == 2


def test_tracking_number_in_the_text_threads_onto_that_case(client, town):
    post(client, fixture("text"))
    case = Case.objects.get()
    InboundMessage.objects.update(received_at=timezone.now() - timedelta(days=3))
    other = fixture("text")
    first_message(other)["id"] = "wamid.by-number"
    first_message(other)["from"] = "905559998877"
    first_message(other)["text"]["body"] = f"{case.tracking_number} numaralı başvurum ne durumda?"
    post(client, other)
    assert Case.objects.count() == 1
    assert case.events.filter(kind=EventKind.MESSAGE_RECEIVED).count() == 1


def test_location_sent_in_a_conversation_is_kept_on_the_event(client, town):
    post(client, fixture("text"))
    location = fixture("location")
    first_message(location)["from"] = "905321234567"
    post(client, location)
    case = Case.objects.get()
    event = case.events.get(kind=EventKind.MESSAGE_RECEIVED)
    assert event.payload["location"] == {"latitude": 41.0437, "longitude": 28.8766}


def test_interactive_reply_to_our_message_threads_onto_its_case(
    client, town, provider, django_capture_on_commit_callbacks
):
    post(client, fixture("text"))
    case = Case.objects.get()
    InboundMessage.objects.update(received_at=timezone.now() - timedelta(hours=1))
    provider.answer(
        "POST",
        "/v21.0/100000000000001/messages",
        json_body={
            "messaging_product": "whatsapp",
            "contacts": [{"input": "905321234567", "wa_id": "905321234567"}],
            "messages": [{"id": "wamid.OUTBOUND_MESSAGE_ID"}],
        },
    )
    with django_capture_on_commit_callbacks(execute=True):
        outbound_queue(
            channel="whatsapp", recipient="+905321234567", text="Ekibimiz yönlendirildi.", case=case
        )
    assert post(client, fixture("interactive_button_reply")).status_code == 200
    assert Case.objects.count() == 1
    event = case.events.get(kind=EventKind.MESSAGE_RECEIVED)
    assert event.text == "Sorun çözülmedi"
    assert OutboundMessage.objects.get().provider_message_id == "wamid.OUTBOUND_MESSAGE_ID"


def test_document_keeps_its_file_name(client, town, provider):
    pdf = b"%PDF-1.4 dilekce"
    serve_media(provider, content=pdf)
    payload = fixture("image")
    message = first_message(payload)
    del message["image"]
    message.update(
        type="document",
        document={
            "caption": "Dilekçem ektedir",
            "filename": "dilekçe.pdf",
            "mime_type": "application/pdf",
            "sha256": hashlib.sha256(pdf).hexdigest(),
            "id": "1234567890123456",
        },
    )
    post(client, payload)
    attachment = Case.objects.get().attachments.get()
    assert (attachment.original_name, attachment.content_type, attachment.size) == (
        "dilekçe.pdf",
        "application/pdf",
        len(pdf),
    )
