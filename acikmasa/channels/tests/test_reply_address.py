import pytest

from acikmasa.cases.models import Case
from acikmasa.channels.base import ChannelMisconfigured
from acikmasa.channels.cimer.adapter import cimer_import
from acikmasa.channels.email.tests.helpers import eml
from acikmasa.channels.facebook.tests.test_facebook import fixture as fb_fixture
from acikmasa.channels.facebook.tests.test_facebook import post as fb_post
from acikmasa.channels.selectors import ReplyAddress, reply_address
from acikmasa.channels.services.outbound import outbound_queue
from acikmasa.channels.whatsapp.tests.helpers import fixture, post

pytestmark = pytest.mark.django_db


def test_whatsapp_case_is_answered_on_whatsapp(client, town):
    post(client, fixture("text"))
    assert reply_address(case=Case.objects.get()) == ReplyAddress("whatsapp", "+905321234567")


def test_comment_case_is_answered_under_the_comment(client, town):
    fb_post(client, fb_fixture("page_feed_comment"))
    assert reply_address(case=Case.objects.get()) == ReplyAddress(
        "facebook", "fb:7777777777", reply_to="111_9001", kind="comment"
    )


def test_email_case_is_answered_in_the_same_thread(client, town):
    client.post(
        "/hooks/email/",
        data=eml("plain_utf8"),
        content_type="message/rfc822",
        HTTP_X_ACIKMASA_SECRET="demo-email-secret",
    )
    address = reply_address(case=Case.objects.get())
    assert address == ReplyAddress(
        "email", "ayse.yilmaz@example.com", reply_to="CAF1234.plain@mail.example.com"
    )


def test_cimer_case_has_no_reply_channel(town):
    from pathlib import Path

    cimer_import(
        name="l.csv",
        content=(
            Path(__file__).parents[1] / "cimer/tests/fixtures/cimer_export_windows1254.csv"
        ).read_bytes(),
    )
    assert reply_address(case=Case.objects.first()) is None


def test_channels_that_cannot_send_are_refused(town):
    with pytest.raises(ChannelMisconfigured):
        outbound_queue(channel="cimer", recipient="2611240001234", text="Cevap")
