"""CSRF everywhere: every view that skips the check is listed here with the reason, and the webhooks
among them refuse anything that is not signed."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

# View name → why it may skip CSRF. Anything else that does is a failure of this test.
EXEMPT = {
    "channels:whatsapp": "Meta signs the body (X-Hub-Signature-256, HMAC-SHA256)",
    "channels:facebook": "Meta signs the body (X-Hub-Signature-256, HMAC-SHA256)",
    "channels:sms": "gateway shared secret header, compared in constant time",
    "channels:twilio": "X-Twilio-Signature (HMAC-SHA1 of URL and parameters)",
    "channels:email": "shared secret header, compared in constant time",
    "channels:telephony": "shared secret header, compared in constant time",
    "open311:discovery": "machine API; writes need an api_key, never a cookie",
    "open311:services": "machine API (read-only)",
    "open311:service": "machine API (read-only)",
    "open311:requests": "machine API; POST needs an api_key",
    "open311:request": "machine API (read-only)",
    "open311:token": "machine API (read-only)",
}
WEBHOOKS = [
    "/hooks/whatsapp/",
    "/hooks/facebook/",
    "/hooks/sms/",
    "/hooks/sms/twilio/",
    "/hooks/email/",
    "/hooks/telephony/",
]


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            yield from _walk(entry.url_patterns, namespace)
        elif isinstance(entry, URLPattern):
            yield f"{prefix}{entry.name}" if entry.name else repr(entry.pattern), entry.callback


def test_only_signed_webhooks_and_the_key_based_api_skip_csrf():
    exempt = {
        name
        for name, view in _walk(get_resolver().url_patterns)
        if getattr(view, "csrf_exempt", False) and not name.startswith("admin:")
    }
    assert exempt == set(EXEMPT)


@pytest.mark.parametrize("url", WEBHOOKS)
def test_every_exempt_webhook_refuses_an_unsigned_post(client, settings, url):
    settings.ACIKMASA_CHANNELS = "all"
    response = client.post(url, b'{"entry": []}', content_type="application/json")
    assert response.status_code in (401, 403), (url, response.status_code)


def test_a_form_posted_without_its_token_gets_a_clear_403(town):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/basvuru/takip/", {"tracking_number": "1", "phone_last4": "1234"})
    assert response.status_code == 403 and "güvenlik anahtarı" in response.content.decode()
