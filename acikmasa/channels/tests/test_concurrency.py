"""Providers retry in parallel; workers may race. Either way: one raw row, one case."""

import threading

import pytest
from django.db import connection
from django.test import Client

from acikmasa.cases.models import Case
from acikmasa.channels.base import Envelope
from acikmasa.channels.models import InboundMessage
from acikmasa.channels.services.inbound import inbound_process, inbound_store
from acikmasa.channels.whatsapp.tests.helpers import fixture, post
from acikmasa.common.testing import make_town

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]


def race(work, n=4) -> list:
    barrier = threading.Barrier(n)
    results: list = []

    def run() -> None:
        try:
            barrier.wait(timeout=10)
            results.append(work())
        except Exception as error:
            results.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_the_same_message_delivered_four_times_at_once_makes_one_case():
    make_town()
    results = race(lambda: post(Client(), fixture("text")).status_code)
    assert results == [200, 200, 200, 200]
    assert InboundMessage.objects.count() == 1 and Case.objects.count() == 1
    assert InboundMessage.objects.get().status == "processed"


def test_four_workers_processing_one_row_make_one_case():
    make_town()
    payload = fixture("text")
    value = payload["entry"][0]["changes"][0]["value"]
    message, _ = inbound_store(
        channel="whatsapp",
        envelope=Envelope(
            external_id=value["messages"][0]["id"],
            sender="+905321234567",
            item={"message": value["messages"][0], "contact": value["contacts"][0], "metadata": {}},
        ),
        headers={},
        body=b"{}",
        process=False,
    )
    results = race(lambda: inbound_process(message_id=message.pk).status)
    assert results == ["processed"] * 4
    message.refresh_from_db()
    assert message.attempts == 1 and Case.objects.count() == 1
