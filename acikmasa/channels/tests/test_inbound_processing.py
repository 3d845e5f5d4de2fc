"""The common rules: raw first, crashes leave the payload in the inbox, re-running makes one
case."""

import json

import pytest

from acikmasa.cases.models import Case
from acikmasa.cases.testing import reaction_added
from acikmasa.channels.base import Envelope
from acikmasa.channels.models import InboundMessage
from acikmasa.channels.services.inbound import (
    inbound_process,
    inbound_retry,
    inbound_store,
    inbound_sweep,
)
from acikmasa.channels.whatsapp.tests.helpers import fixture, post

pytestmark = pytest.mark.django_db


class Crash(RuntimeError):
    pass


@pytest.fixture
def crashing_intake():
    """A real case reaction that fails inside intake: the crash lands after the raw save, before
    'processed'."""
    fault = {"on": True}

    def crash(change):
        if fault["on"]:
            raise Crash("power cut while registering")

    with reaction_added(crash, on=["created"]):
        yield fault


def test_crash_between_saved_raw_and_processed_leaves_the_payload_in_the_inbox(
    client, town, crashing_intake
):
    response = post(client, fixture("text"))
    assert response.status_code == 200  # the provider must not resend: we have it
    message = InboundMessage.objects.get()
    assert message.status == "failed"
    assert "power cut" in message.error and message.attempts == 1
    assert message.body_bytes == json.dumps(fixture("text"), ensure_ascii=False).encode()
    assert Case.objects.count() == 0


def test_rerunning_after_a_crash_makes_exactly_one_case(client, town, crashing_intake):
    post(client, fixture("text"))
    message = InboundMessage.objects.get()
    crashing_intake["on"] = False  # the fault is repaired
    for _ in range(3):
        inbound_retry(message_id=message.pk)
        inbound_process(message_id=message.pk)
    message.refresh_from_db()
    assert (message.status, message.attempts) == ("processed", 2)
    assert Case.objects.count() == 1 and message.case == Case.objects.get()


def test_a_row_left_received_by_a_dead_worker_is_finished_by_the_sweep(town):
    payload = fixture("text")
    value = payload["entry"][0]["changes"][0]["value"]
    envelope = Envelope(
        external_id=value["messages"][0]["id"],
        sender="+905321234567",
        item={"message": value["messages"][0], "contact": value["contacts"][0], "metadata": {}},
    )
    message, created = inbound_store(
        channel="whatsapp", envelope=envelope, headers={}, body=b"{}", process=False
    )
    assert created and message.status == "received"
    assert inbound_sweep(older_than_minutes=5) == 0  # a fresh row may still be in a worker's hands
    assert inbound_sweep(older_than_minutes=0) == 1
    message.refresh_from_db()
    assert message.status == "processed" and Case.objects.count() == 1


def test_processing_a_processed_row_again_changes_nothing(client, town):
    post(client, fixture("text"))
    message = InboundMessage.objects.get()
    case = Case.objects.get()
    inbound_process(message_id=message.pk)
    case.refresh_from_db()
    assert case.events.count() == case.version
    assert InboundMessage.objects.get().attempts == 1


def test_without_a_municipality_to_register_for_the_message_fails_into_the_inbox(client, db):
    post(client, fixture("text"))
    message = InboundMessage.objects.get()
    assert message.status == "failed" and "ACIKMASA_CHANNELS_MUNICIPALITY" in message.error


def test_a_named_municipality_is_used_when_there_are_several(client, town, settings):
    from acikmasa.common.testing import make_town

    make_town("baskakent")
    post(client, fixture("text"))
    assert InboundMessage.objects.get().status == "failed"
    settings.ACIKMASA_CHANNELS_MUNICIPALITY = "testkent"
    message = inbound_retry(message_id=InboundMessage.objects.get().pk)
    assert message.status == "processed" and message.case.municipality == town.municipality


@pytest.mark.parametrize(
    "url", ["/hooks/sms/", "/hooks/sms/twilio/", "/hooks/email/", "/hooks/telephony/"]
)
def test_other_methods_get_a_json_405(client, url):
    response = client.get(url)
    assert response.status_code == 405 and response.json()["error"] == "method_not_allowed"
    assert response["Allow"] == "POST"


def test_sweep_command_finishes_stuck_rows(town):
    import io
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    payload = fixture("text")
    value = payload["entry"][0]["changes"][0]["value"]
    inbound_store(
        channel="whatsapp",
        envelope=Envelope(
            external_id="wamid.stuck",
            sender="+905321234567",
            item={
                "message": value["messages"][0] | {"id": "wamid.stuck"},
                "contact": value["contacts"][0],
                "metadata": {},
            },
        ),
        headers={},
        body=b"{}",
        process=False,
    )
    InboundMessage.objects.update(received_at=timezone.now() - timedelta(minutes=10))
    out = io.StringIO()
    call_command("channels_sweep", stdout=out)
    assert "inbound processed: 1" in out.getvalue()
    assert Case.objects.get().external_id == "wamid.stuck"
