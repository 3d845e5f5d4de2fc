import smtplib
import threading

import pytest

from acikmasa.cases.events import EventKind
from acikmasa.cases.models import Case
from acikmasa.channels.email import smtpd
from acikmasa.channels.models import InboundMessage, OutboundMessage
from acikmasa.channels.services.outbound import outbound_queue
from acikmasa.channels.testing import LoopbackSmtpServer, free_port, smtp_mailers

from .helpers import eml

pytestmark = pytest.mark.django_db
URL = "/hooks/email/"


def post(client, raw, secret="demo-email-secret"):
    return client.post(URL, data=raw, content_type="message/rfc822", HTTP_X_ACIKMASA_SECRET=secret)


def test_posted_mail_opens_a_case_with_the_citizens_address(client, town):
    assert post(client, eml("plain_utf8")).status_code == 200
    case = Case.objects.get()
    assert case.channel.code == "email"
    assert case.description.startswith("Çöp konteyneri taşıyor\n\nMerhaba")
    assert case.citizen.email == "ayse.yilmaz@example.com" and case.citizen.first_name == "Ayşe"
    assert case.external_id == "email:CAF1234.plain@mail.example.com"


def test_same_mail_three_times_makes_one_case(client, town):
    for _ in range(3):
        post(client, eml("plain_utf8"))
    assert Case.objects.count() == 1 and InboundMessage.objects.count() == 1


def test_wrong_secret_is_refused(client, town):
    assert post(client, eml("plain_utf8"), secret="nope").status_code == 403
    assert InboundMessage.objects.count() == 0


def test_attachment_of_a_turkish_html_mail_lands_on_the_case(client, town):
    post(client, eml("html_iso8859_9_attachment"))
    case = Case.objects.get()
    assert case.attachments.get().original_name == "kırık-bank.jpg"
    assert "parkın şık bankları kırık" in case.description


def test_reply_with_the_tracking_number_in_the_subject_threads_onto_the_case(client, town):
    post(client, eml("plain_utf8"))
    case = Case.objects.get()
    post(client, eml("reply").replace(b"TRACKING", case.tracking_number.encode()))
    assert Case.objects.count() == 1
    event = case.events.get(kind=EventKind.MESSAGE_RECEIVED)
    assert "Konteyner hâlâ boşaltılmadı." in event.text
    assert "Başvurunuz alınmıştır" not in event.text  # quoted history stripped


def test_new_mail_from_the_same_person_opens_a_new_case(client, town):
    post(client, eml("plain_utf8"))
    other = eml("plain_utf8").replace(b"CAF1234.plain", b"CAF9999.other")
    post(client, other)
    assert Case.objects.count() == 2


@pytest.mark.parametrize("name, outcome", [("autoreply", "auto_reply"), ("bounce", "bounce")])
def test_auto_replies_and_bounces_are_kept_but_open_no_case(client, town, name, outcome):
    assert post(client, eml(name)).status_code == 200
    message = InboundMessage.objects.get()
    assert (message.status, message.outcome) == ("ignored", outcome)
    assert message.body_bytes == eml(name)
    assert Case.objects.count() == 0


@pytest.mark.parametrize("raw", [b"", b"\r\n\r\n", b"Subject: no sender\r\n\r\nbody"])
def test_unusable_mail_is_refused_with_400(client, town, raw):
    response = post(client, raw)
    assert response.status_code == 400 and response.json()["ok"] is False
    assert Case.objects.count() == 0


def test_mail_received_by_our_smtp_server_opens_a_case(town):
    port = free_port()
    controller, jobs = smtpd.start("127.0.0.1", port, max_bytes=1024 * 1024)
    answers = []

    def send():
        with smtplib.SMTP("127.0.0.1", port, timeout=10) as client:
            answers.append(
                client.sendmail(
                    "ibrahim@example.net", ["basvuru@esenler.example"], eml("windows1254")
                )
            )

    sender = threading.Thread(target=send)
    sender.start()
    try:
        job = smtpd.store_next(jobs, timeout=10)  # Django's work happens here, on this thread
        sender.join(10)
    finally:
        controller.stop()
    assert job is not None and job.ok and answers == [{}]  # {} = every recipient accepted
    case = Case.objects.get()
    assert case.description.startswith("Sokak köpekleri şikayeti")
    assert InboundMessage.objects.get().item["rcpt_tos"] == ["basvuru@esenler.example"]


@pytest.fixture
def smtp_server(settings):
    server = LoopbackSmtpServer().start()
    settings.MAILERS = smtp_mailers(server.port)
    yield server
    server.stop()


def test_reply_is_sent_by_smtp_with_the_tracking_number_and_threads_back(
    client, town, smtp_server, django_capture_on_commit_callbacks
):
    post(client, eml("plain_utf8"))
    case = Case.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        outbound = outbound_queue(
            channel="email",
            recipient="ayse.yilmaz@example.com",
            case=case,
            text="Ekiplerimiz konteyneri boşalttı.",
            subject="Başvurunuz hakkında",
            reply_to="CAF1234.plain@mail.example.com",
        )
    outbound.refresh_from_db()
    assert outbound.status == "sent"
    [envelope] = smtp_server.messages
    assert envelope.rcpt_tos == ["ayse.yilmaz@example.com"]
    from acikmasa.channels.email.parsing import parse_mail

    sent = parse_mail(envelope.original_content, max_attachment=1000)
    assert sent.subject == f"[{case.tracking_number}] Başvurunuz hakkında"
    assert sent.refs[0] == "CAF1234.plain@mail.example.com"
    assert sent.message_id == outbound.provider_message_id
    # the citizen answers that mail without touching the subject's number: In-Reply-To finds the
    # case
    answer = (
        eml("reply")
        .replace(b"[TRACKING] ", b"")
        .replace(b"acikmasa.outbound.1@esenler.example", outbound.provider_message_id.encode())
    )
    post(client, answer)
    assert Case.objects.count() == 1
    assert case.events.filter(kind=EventKind.MESSAGE_RECEIVED).count() == 1


def test_unreachable_smtp_server_keeps_the_reply_pending(
    town, settings, django_capture_on_commit_callbacks
):
    settings.MAILERS = smtp_mailers(free_port())
    with django_capture_on_commit_callbacks(execute=True):
        outbound = outbound_queue(channel="email", recipient="a@example.com", text="x")
    outbound.refresh_from_db()
    assert outbound.status == OutboundMessage.Status.PENDING and "SMTP" in outbound.last_error
