import pytest
from django.contrib.auth import get_user_model

from acikmasa.channels.models import InboundMessage
from acikmasa.channels.whatsapp.tests.helpers import fixture, post

pytestmark = pytest.mark.django_db
MODELS = ["inboundmessage", "outboundmessage", "call", "muhtar"]


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.org", "pw"))
    return client


@pytest.mark.parametrize("model", MODELS)
def test_admin_lists_open(admin_client, town, model):
    post(admin_client, fixture("text"))
    assert admin_client.get(f"/admin/channels/{model}/").status_code == 200


def test_admin_shows_a_stored_message_read_only_and_can_retry_it(admin_client, town):
    payload = fixture("location")
    payload["entry"][0]["changes"][0]["value"]["messages"][0]["location"]["latitude"] = 91
    post(admin_client, payload)
    message = InboundMessage.objects.get()
    assert (
        admin_client.get(f"/admin/channels/inboundmessage/{message.pk}/change/").status_code == 200
    )
    response = admin_client.post(
        "/admin/channels/inboundmessage/", {"action": "retry", "_selected_action": [message.pk]}
    )
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.status == "failed" and message.attempts == 2
