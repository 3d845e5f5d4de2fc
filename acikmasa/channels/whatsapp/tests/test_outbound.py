from datetime import timedelta

import pytest
from django.utils import timezone

from acikmasa.cases.events import EventKind
from acikmasa.cases.models import Case
from acikmasa.channels.models import InboundMessage, OutboundMessage
from acikmasa.channels.services.outbound import outbound_queue, outbound_sweep

from .helpers import fixture, post

pytestmark = pytest.mark.django_db
SEND = "/v21.0/100000000000001/messages"


def accepted(provider, message_id="wamid.OUTBOUND_MESSAGE_ID"):
    provider.answer(
        "POST", SEND, json_body={"messaging_product": "whatsapp", "messages": [{"id": message_id}]}
    )


def queue(capture, **kwargs):
    with capture(execute=True):
        return outbound_queue(
            channel="whatsapp", recipient="+905321234567", text="Başvurunuz çözüldü.", **kwargs
        )


def test_reply_inside_the_service_window_is_free_form_text(
    client, town, provider, django_capture_on_commit_callbacks
):
    post(client, fixture("text"))
    accepted(provider)
    message = queue(django_capture_on_commit_callbacks, case=Case.objects.get())
    message.refresh_from_db()
    assert message.status == "sent" and message.kind == "message"
    sent = provider.received[-1]
    assert sent.headers["Authorization"] == "Bearer demo-whatsapp-access-token"
    assert sent.json() == {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": "905321234567",
        "type": "text",
        "text": {"preview_url": False, "body": "Başvurunuz çözüldü."},
    }
    assert Case.objects.get().events.filter(kind=EventKind.MESSAGE_SENT).count() == 1


def test_reply_outside_the_24_hour_window_goes_as_a_template(
    client, town, provider, django_capture_on_commit_callbacks
):
    post(client, fixture("text"))
    InboundMessage.objects.update(received_at=timezone.now() - timedelta(hours=25))
    accepted(provider)
    message = queue(django_capture_on_commit_callbacks)
    assert message.kind == "template"
    body = provider.received[-1].json()
    assert body["type"] == "template"
    assert body["template"]["name"] == "acikmasa_case_update"
    assert body["template"]["components"][0]["parameters"] == [
        {"type": "text", "text": "Başvurunuz çözüldü."}
    ]


def test_failed_send_is_recorded_and_retried_with_backoff(
    town, provider, django_capture_on_commit_callbacks
):
    provider.answer("POST", SEND, status=503, json_body={"error": {"message": "try later"}})
    accepted(provider, "wamid.second-try")
    message = queue(django_capture_on_commit_callbacks)
    message.refresh_from_db()
    assert (message.status, message.attempts) == ("pending", 1)
    assert message.next_attempt_at > timezone.now() + timedelta(seconds=20)
    assert "HTTP 503" in message.last_error
    assert outbound_sweep() == 0  # not due yet
    OutboundMessage.objects.update(next_attempt_at=timezone.now())
    assert outbound_sweep() == 1
    message.refresh_from_db()
    assert (message.status, message.attempts, message.provider_message_id) == (
        "sent",
        2,
        "wamid.second-try",
    )
    assert [(a.number, a.ok) for a in message.attempt_log.all()] == [(1, False), (2, True)]


def test_send_gives_up_after_the_last_attempt(town, provider, django_capture_on_commit_callbacks):
    provider.answer("POST", SEND, status=500)
    message = queue(django_capture_on_commit_callbacks)
    for _ in range(10):
        OutboundMessage.objects.filter(status="pending").update(next_attempt_at=timezone.now())
        outbound_sweep()
    message.refresh_from_db()
    assert (message.status, message.attempts, message.attempt_log.count()) == ("failed", 5, 5)


def test_delivery_statuses_are_recorded_on_the_outbound_message(
    client, town, provider, django_capture_on_commit_callbacks
):
    accepted(provider)
    message = queue(django_capture_on_commit_callbacks)
    for status in ("delivered", "read", "delivered"):
        payload = fixture("status")
        payload["entry"][0]["changes"][0]["value"]["statuses"][0]["status"] = status
        assert post(client, payload).status_code == 200
    message.refresh_from_db()
    # a late "delivered" is a retry of the first (same id): stored once, status never goes back
    assert message.status == "read"
    assert [s["status"] for s in message.provider_statuses] == ["accepted", "delivered", "read"]
    assert InboundMessage.objects.filter(kind="status", outcome="status").count() == 2


def test_failed_status_marks_the_message_failed_with_the_error(
    client, town, provider, django_capture_on_commit_callbacks
):
    accepted(provider)
    message = queue(django_capture_on_commit_callbacks)
    payload = fixture("status")
    status = payload["entry"][0]["changes"][0]["value"]["statuses"][0]
    status["status"] = "failed"
    status["errors"] = [{"code": 131047, "title": "Re-engagement message"}]
    post(client, payload)
    message.refresh_from_db()
    assert message.status == "failed" and "131047" in message.last_error
