import json
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

import pytest

from acikmasa.cases.events import EventKind
from acikmasa.cases.models import Case
from acikmasa.channels.models import InboundMessage
from acikmasa.channels.services.outbound import outbound_queue
from acikmasa.channels.sms.adapter import twilio_signature

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"
SECRET = "demo-sms-secret"
TWILIO_URL = "http://testserver/hooks/sms/twilio/"


def gateway_payload(**changes):
    return json.loads((FIXTURES / "gateway_inbound.json").read_text()) | changes


def post_gateway(client, payload=None, *, secret=SECRET, body=None):
    raw = body if body is not None else json.dumps(payload, ensure_ascii=False).encode()
    headers = {"HTTP_X_ACIKMASA_SECRET": secret} if secret is not None else {}
    return client.post("/hooks/sms/", data=raw, content_type="application/json", **headers)


def twilio_form(**changes):
    return dict(parse_qsl((FIXTURES / "twilio_inbound.txt").read_text())) | changes


def post_twilio(client, form, *, token="demo-twilio-token", signature=None):
    signature = signature if signature is not None else twilio_signature(token, TWILIO_URL, form)
    return client.post(
        "/hooks/sms/twilio/",
        data=urlencode(form),
        content_type="application/x-www-form-urlencoded",
        HTTP_X_TWILIO_SIGNATURE=signature,
    )


def test_gateway_message_opens_a_case_with_the_senders_phone(client, town):
    response = post_gateway(client, gateway_payload())
    assert response.status_code == 200 and response.json()["stored"] == 1
    case = Case.objects.get()
    assert case.channel.code == "sms" and case.external_id == "sms:gw-20261124-000381"
    assert case.citizen.phone == "+905321234567"
    assert "lambası" in case.description


def test_gateway_retries_make_one_case(client, town):
    for _ in range(3):
        post_gateway(client, gateway_payload())
    assert Case.objects.count() == 1 and InboundMessage.objects.count() == 1


@pytest.mark.parametrize("secret, status", [(None, 401), ("wrong", 403)])
def test_gateway_without_the_shared_secret_is_refused(client, town, secret, status):
    assert post_gateway(client, gateway_payload(), secret=secret).status_code == status
    assert InboundMessage.objects.count() == 0


@pytest.mark.parametrize(
    "payload",
    [
        {"id": "1", "from": "+905321234567"},
        {"from": "x", "text": "y"},
        {"id": "1", "from": "+90", "text": "x" * 6000},
    ],
)
def test_gateway_message_missing_fields_is_refused(client, town, payload):
    response = post_gateway(client, payload)
    assert response.status_code == 400 and response.json()["error"] == "bad_payload"
    assert Case.objects.count() == 0


def test_gateway_text_in_windows_1254_is_refused_not_garbled(client, town):
    body = json.dumps(gateway_payload(), ensure_ascii=False).encode("cp1254")
    assert post_gateway(client, body=body).status_code == 400
    assert Case.objects.count() == 0


def test_reply_with_the_tracking_number_threads_onto_the_case(client, town):
    post_gateway(client, gateway_payload())
    case = Case.objects.get()
    InboundMessage.objects.update(
        received_at=InboundMessage.objects.get().received_at.replace(year=2025)
    )
    post_gateway(
        client,
        gateway_payload(
            id="gw-2", **{"from": "+905559998877"}, text=f"{case.tracking_number} hâlâ yanmıyor"
        ),
    )
    assert Case.objects.count() == 1
    assert case.events.filter(kind=EventKind.MESSAGE_RECEIVED).get().text.endswith("hâlâ yanmıyor")


def test_outbound_sms_goes_through_the_configured_gateway(
    town, provider, django_capture_on_commit_callbacks
):
    provider.answer("POST", "/sms/send", json_body={"id": "gw-out-77"})
    with django_capture_on_commit_callbacks(execute=True):
        message = outbound_queue(
            channel="sms", recipient="+905321234567", text="Başvurunuz alındı: 2026-000001"
        )
    message.refresh_from_db()
    assert (message.status, message.provider_message_id) == ("sent", "gw-out-77")
    sent = provider.received[0]
    assert sent.headers["Authorization"] == "Bearer gateway-token"
    assert sent.json() == {
        "to": "+905321234567",
        "text": "Başvurunuz alındı: 2026-000001",
        "reference": f"acikmasa-{message.pk}",
    }


def test_gateway_delivery_report_updates_the_outbound_message(
    client, town, provider, django_capture_on_commit_callbacks
):
    provider.answer("POST", "/sms/send", json_body={"id": "gw-out-78"})
    with django_capture_on_commit_callbacks(execute=True):
        message = outbound_queue(channel="sms", recipient="+905321234567", text="Merhaba")
    assert post_gateway(client, {"id": "gw-out-78", "status": "delivered"}).status_code == 200
    message.refresh_from_db()
    assert message.status == "delivered"


def test_unreachable_gateway_keeps_the_message_pending_for_a_retry(
    town, settings, django_capture_on_commit_callbacks
):
    settings.ACIKMASA_SMS_GATEWAY_URL = "http://127.0.0.1:9/unreachable"
    with django_capture_on_commit_callbacks(execute=True):
        message = outbound_queue(channel="sms", recipient="+905321234567", text="Merhaba")
    message.refresh_from_db()
    assert (
        message.status == "pending"
        and message.attempts == 1
        and "cannot reach" in message.last_error
    )


def test_twilio_message_with_a_valid_signature_opens_a_case(client, town):
    response = post_twilio(client, twilio_form())
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/xml") and b"<Response>" in response.content
    case = Case.objects.get()
    assert case.channel.code == "sms"
    assert case.description == "Çöp konteyneri iki gündür boşaltılmadı, Kemer Mah."
    assert case.citizen.phone == "+905339876543"
    assert case.external_id == "twilio:SM1f0e8ae6ade43cb3c0ce4525424e404f"


def test_twilio_signature_for_another_url_or_token_is_refused(client, town):
    form = twilio_form()
    assert post_twilio(client, form, token="other-token").status_code == 403
    forged = twilio_signature("demo-twilio-token", "https://elsewhere.example/hook", form)
    assert post_twilio(client, form, signature=forged).status_code == 403
    assert post_twilio(client, form, signature="").status_code == 401
    assert InboundMessage.objects.count() == 0


def test_twilio_tampered_body_is_refused(client, town):
    form = twilio_form()
    signature = twilio_signature("demo-twilio-token", TWILIO_URL, form)
    assert (
        post_twilio(client, form | {"Body": "başka bir metin"}, signature=signature).status_code
        == 403
    )


def test_twilio_signature_uses_the_configured_public_url(client, town, settings):
    settings.ACIKMASA_TWILIO_WEBHOOK_URL = "https://belediye.example/hooks/sms/twilio/"
    form = twilio_form()
    signature = twilio_signature(
        "demo-twilio-token", "https://belediye.example/hooks/sms/twilio/", form
    )
    assert post_twilio(client, form, signature=signature).status_code == 200


def test_twilio_retry_makes_one_case(client, town):
    for _ in range(3):
        post_twilio(client, twilio_form())
    assert Case.objects.count() == 1


def test_twilio_form_without_a_sender_is_refused(client, town):
    form = twilio_form()
    del form["From"]
    assert post_twilio(client, form).status_code == 400
    assert Case.objects.count() == 0


def test_twilio_reply_goes_through_the_messages_api(
    town, provider, settings, django_capture_on_commit_callbacks
):
    import base64

    settings.ACIKMASA_TWILIO_API_URL = provider.url
    settings.ACIKMASA_TWILIO_ACCOUNT_SID = "AC00000000000000000000000000000000"
    settings.ACIKMASA_TWILIO_FROM = "+902124440000"
    provider.answer(
        "POST",
        "/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json",
        status=201,
        json_body={"sid": "SMout0001", "status": "queued"},
    )
    with django_capture_on_commit_callbacks(execute=True):
        message = outbound_queue(
            channel="twilio", recipient="+905339876543", text="Başvurunuz alındı"
        )
    message.refresh_from_db()
    assert (message.status, message.provider_message_id) == ("sent", "SMout0001")
    sent = provider.received[0]
    assert (
        sent.headers["Authorization"]
        == "Basic "
        + base64.b64encode(b"AC00000000000000000000000000000000:demo-twilio-token").decode()
    )
    assert dict(parse_qsl(sent.body.decode())) == {
        "To": "+905339876543",
        "From": "+902124440000",
        "Body": "Başvurunuz alındı",
    }


def test_twilio_status_callback_marks_the_reply_delivered(
    client, town, provider, settings, django_capture_on_commit_callbacks
):
    settings.ACIKMASA_TWILIO_API_URL = provider.url
    settings.ACIKMASA_TWILIO_ACCOUNT_SID, settings.ACIKMASA_TWILIO_FROM = "AC1", "+902124440000"
    provider.answer(
        "POST", "/2010-04-01/Accounts/AC1/Messages.json", status=201, json_body={"sid": "SMout0002"}
    )
    with django_capture_on_commit_callbacks(execute=True):
        message = outbound_queue(channel="twilio", recipient="+905339876543", text="Merhaba")
    callback = {
        "MessageSid": "SMout0002",
        "MessageStatus": "delivered",
        "From": "+902124440000",
        "To": "+905339876543",
    }
    assert post_twilio(client, callback).status_code == 200
    message.refresh_from_db()
    assert message.status == "delivered"
