"""Delivery through real servers on loopback: aiosmtpd for e-mail, an HTTP SMS gateway."""

from datetime import timedelta
from email import message_from_bytes
from email import policy as email_policy

from django.utils import timezone

from acikmasa.cases.events import EventKind
from acikmasa.channels.models import OutboundMessage
from acikmasa.channels.services.outbound import outbound_sweep
from acikmasa.channels.testing import LoopbackSmtpServer, free_port, smtp_mailers
from acikmasa.notify.models import Notification
from acikmasa.notify.services.outbox import due_send, handed_off_sync

from .conftest import submit
from .helpers import resolve

N = Notification.Status


def _mail(envelope):
    return message_from_bytes(envelope.original_content, policy=email_policy.default)


def test_registration_e_mail_arrives_at_a_real_smtp_server(
    town, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        case = submit(town, channel="email", email="ayse@example.com", phone="")
    [envelope] = smtp_server.messages
    mail = _mail(envelope)
    assert envelope.rcpt_tos == ["ayse@example.com"]
    assert mail["Subject"] == f"Başvurunuz alındı: {case.tracking_number}"
    assert case.tracking_number in mail.get_content() and "/basvuru/takip/" in mail.get_content()
    note = Notification.objects.get(case=case)
    assert note.status == N.SENT and note.provider_message_id == mail["Message-ID"].strip("<>")
    assert case.events.get(kind=EventKind.MESSAGE_SENT).payload["backend"] == "smtp"


def test_smtp_server_down_delays_the_e_mail_which_then_arrives_once(
    town, settings, django_capture_on_commit_callbacks
):
    port = free_port()
    settings.MAILERS = smtp_mailers(port)
    settings.ACIKMASA_NOTIFY_BACKENDS = {"email": "smtp"}
    with django_capture_on_commit_callbacks(execute=True):
        case = submit(town, channel="email", email="ayse@example.com", phone="")
    note = Notification.objects.get(case=case)
    assert note.status == N.PENDING and note.attempts == 1 and "Connection" in note.last_error
    assert due_send(now=timezone.now()) == 0  # backoff: not due yet
    later = timezone.now() + timedelta(minutes=1)
    due_send(now=later)  # still down: attempt 2
    collector = LoopbackSmtpServer(port).start()
    try:
        for step in range(1, 6):
            due_send(now=later + timedelta(hours=step))
    finally:
        collector.stop()
    note.refresh_from_db()
    assert note.status == N.SENT and note.attempts == 3
    assert (
        len(collector.messages) == 1
        and case.tracking_number in _mail(collector.messages[0])["Subject"]
    )


def test_sms_goes_through_the_channels_gateway_over_http(
    town, gateway, django_capture_on_commit_callbacks
):
    gateway.answer("POST", "/sms/send", json_body={"id": "gw-1"})
    with django_capture_on_commit_callbacks(execute=True):
        case = submit(town)
    note = Notification.objects.get(case=case)
    assert note.status == N.HANDED_OFF and note.outbound.status == OutboundMessage.Status.SENT
    [request] = gateway.received
    assert request.headers["Authorization"] == "Bearer gateway-token"
    assert (
        request.json()["to"] == "+905321234567" and case.tracking_number in request.json()["text"]
    )
    assert handed_off_sync() == 1
    note.refresh_from_db()
    assert note.status == N.SENT and handed_off_sync() == 0
    assert (
        case.events.filter(kind=EventKind.MESSAGE_SENT).count() == 1
    )  # written by the channels layer


def test_gateway_down_for_a_while_delays_but_never_loses_or_doubles_a_message(
    town, gateway, django_capture_on_commit_callbacks
):
    for _ in range(3):
        gateway.answer("POST", "/sms/send", status=503, json_body={"error": "maintenance"})
    gateway.answer("POST", "/sms/send", json_body={"id": "gw-late"})
    with django_capture_on_commit_callbacks(execute=True):
        case = submit(town)
        resolve(case, town)
    notes = list(Notification.objects.filter(case=case).order_by("pk"))
    assert [n.status for n in notes] == [N.HANDED_OFF, N.HANDED_OFF]
    for _ in range(8):  # time passes: each round, every waiting retry becomes due
        OutboundMessage.objects.filter(status="pending").update(next_attempt_at=timezone.now())
        with django_capture_on_commit_callbacks(execute=True):
            outbound_sweep()
    handed_off_sync()
    for note in notes:
        note.refresh_from_db()
        assert note.status == N.SENT
    texts = [r.json()["text"] for r in gateway.received]
    assert len(gateway.received) == 3 + 2  # three refused tries, then each message accepted once
    accepted = texts[3:]
    assert sorted(accepted) == sorted(n.text for n in notes)  # nothing lost, nothing twice
    assert case.events.filter(kind=EventKind.MESSAGE_SENT).count() == 2
    assert not case.events.filter(kind="message_failed").exists()


def test_gateway_that_never_recovers_ends_as_a_visible_failure_on_the_history(
    town, gateway, django_capture_on_commit_callbacks
):
    gateway.answer("POST", "/sms/send", status=500, json_body={"error": "down"})
    with django_capture_on_commit_callbacks(execute=True):
        case = submit(town)
    for _ in range(6):
        OutboundMessage.objects.filter(status="pending").update(next_attempt_at=timezone.now())
        with django_capture_on_commit_callbacks(execute=True):
            outbound_sweep()
    assert handed_off_sync() == 1
    note = Notification.objects.get(case=case)
    assert note.status == N.FAILED and note.attempts == 5
    assert case.events.get(kind="message_failed").payload["notification"] == note.pk
    case.refresh_from_db()
    assert case.status == "new"


def test_whatsapp_case_is_answered_on_whatsapp_through_the_graph_api(
    town, gateway, django_capture_on_commit_callbacks
):
    gateway.answer(
        "POST", "/v21.0/100000000000001/messages", json_body={"messages": [{"id": "wamid.out-1"}]}
    )
    with django_capture_on_commit_callbacks(execute=True):
        case = submit(town, channel="whatsapp", phone="+905551112233")
    [request] = gateway.received
    body = request.json()
    assert body["to"] == "905551112233"
    # outside WhatsApp's 24-hour window the channels layer wraps our text in the approved template
    assert case.tracking_number in str(body)
    note = Notification.objects.get(case=case)
    assert note.channel == "whatsapp" and note.outbound.provider_message_id == "wamid.out-1"
