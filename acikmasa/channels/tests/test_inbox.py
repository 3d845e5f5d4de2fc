import pytest
from django.urls import reverse

from acikmasa.cases.models import Case
from acikmasa.channels.models import InboundMessage
from acikmasa.channels.whatsapp.tests.helpers import fixture, post

pytestmark = pytest.mark.django_db


@pytest.fixture
def failed(client, town):
    payload = fixture("location")
    payload["entry"][0]["changes"][0]["value"]["messages"][0]["location"]["latitude"] = 99.0
    post(client, payload)
    return InboundMessage.objects.get(status="failed")


def test_pr_manager_sees_failed_messages_with_their_error(client, town, failed):
    client.force_login(town.users["pr"])
    response = client.get(reverse("channels:inbox"))
    assert response.status_code == 200
    assert failed.external_id[:30] in response.content.decode()
    assert "out of range" in response.content.decode()


def test_directorate_staff_cannot_open_the_inbox(client, town, failed):
    client.force_login(town.users["fen_staff"])
    assert client.get(reverse("channels:inbox")).status_code == 403
    assert client.get(reverse("channels:inbox_detail", args=[failed.pk])).status_code == 404
    assert client.post(reverse("channels:inbox_retry", args=[failed.pk])).status_code == 404


def test_staff_of_another_municipality_do_not_see_its_inbox(client, town, failed):
    from acikmasa.common.testing import make_town

    other = make_town("baskakent")
    failed.municipality = town.municipality
    failed.save(update_fields=["municipality"])
    client.force_login(other.users["pr"])
    assert client.get(reverse("channels:inbox_detail", args=[failed.pk])).status_code == 404


def test_retry_from_the_inbox_processes_the_message_once_fixed(client, town, failed):
    client.force_login(town.users["admin"])
    response = client.post(reverse("channels:inbox_retry", args=[failed.pk]))
    assert response.status_code == 302
    assert InboundMessage.objects.get().status == "failed"  # still broken: stays for triage
    raw = failed.item
    raw["message"]["location"]["latitude"] = 41.05
    InboundMessage.objects.filter(pk=failed.pk).update(item=raw)
    client.post(reverse("channels:inbox_retry", args=[failed.pk]))
    assert InboundMessage.objects.get().status == "processed"
    assert Case.objects.get().latitude == 41.05


def test_detail_page_shows_the_body_as_received(client, town, failed):
    client.force_login(town.users["pr"])
    response = client.get(reverse("channels:inbox_detail", args=[failed.pk]))
    assert "whatsapp_business_account" in response.content.decode()


def test_inbox_speaks_turkish_first_and_english_on_request(client, town, failed):
    client.force_login(town.users["pr"])
    assert "Kanal gelen kutusu" in client.get(reverse("channels:inbox")).content.decode()
    client.cookies["django_language"] = "en"
    assert (
        "Channel inbox"
        in client.get(reverse("channels:inbox"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    )


def test_failed_reply_is_listed_and_sent_again_from_the_outbox(
    client, town, provider, django_capture_on_commit_callbacks
):
    from acikmasa.channels.models import OutboundMessage
    from acikmasa.channels.services.outbound import outbound_queue

    provider.answer("POST", "/sms/send", status=500)
    with django_capture_on_commit_callbacks(execute=True):
        message = outbound_queue(channel="sms", recipient="+905321234567", text="Merhaba")
    OutboundMessage.objects.filter(pk=message.pk).update(
        status="failed", last_error="HTTP 500 from gateway"
    )
    client.force_login(town.users["pr"])
    assert "HTTP 500 from gateway" in client.get(reverse("channels:outbox")).content.decode()
    provider.routes.clear()
    provider.answer("POST", "/sms/send", json_body={"id": "gw-9"})
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("channels:outbox_retry", args=[message.pk])).status_code == 302
    message.refresh_from_db()
    assert (message.status, message.provider_message_id) == ("sent", "gw-9")


def test_directorate_staff_cannot_see_the_outbox(client, town):
    client.force_login(town.users["fen_staff"])
    assert client.get(reverse("channels:outbox")).status_code == 403
