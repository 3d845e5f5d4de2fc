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
    assert "Channel inbox" in client.get(reverse("channels:inbox"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
