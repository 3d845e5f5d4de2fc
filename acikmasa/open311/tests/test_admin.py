"""Keys are made and rotated in the admin, shown once, and stored only as a hash."""

import re

import pytest
from django.contrib.auth import get_user_model

from acikmasa.open311.models import ClientApp, hash_key

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, town):
    user = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(user)
    return client


def _shown_key(response) -> str:
    return re.search(r"(am_[A-Za-z0-9_\-]{20,})", response.content.decode()).group(1)


def test_adding_a_client_app_shows_its_key_once_and_stores_the_hash(admin_client, town):
    response = admin_client.post(
        "/admin/open311/clientapp/add/",
        {
            "municipality": town.municipality.pk,
            "name": "Mahalle uygulaması",
            "contact_email": "",
            "rate_limit_per_minute": 30,
            "is_active": "on",
        },
        follow=True,
    )
    key = _shown_key(response)
    app = ClientApp.objects.get()
    assert app.key_hash == hash_key(key) and app.key_prefix == key[:8]
    assert (
        key not in admin_client.get(f"/admin/open311/clientapp/{app.pk}/change/").content.decode()
    )


def test_rotating_a_key_invalidates_the_old_one(admin_client, town, api_key):
    app = ClientApp.objects.get()
    response = admin_client.post(
        "/admin/open311/clientapp/",
        {"action": "rotate_keys", "_selected_action": [app.pk]},
        follow=True,
    )
    new_key = _shown_key(response)
    app.refresh_from_db()
    assert app.key_hash == hash_key(new_key) != hash_key(api_key)
    form = {"api_key": api_key, "service_code": "pothole", "address_string": "x"}
    assert admin_client.post("/open311/v2/requests.json", form).status_code == 403
    assert (
        admin_client.post("/open311/v2/requests.json", form | {"api_key": new_key}).status_code
        == 200
    )
