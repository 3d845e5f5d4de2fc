import imaplib

import pytest

from acikmasa.cases.models import Case
from acikmasa.channels.email.imap import imap_poll
from acikmasa.channels.models import InboundMessage
from acikmasa.channels.testing import LoopbackImapServer

from .helpers import eml

pytestmark = pytest.mark.django_db


@pytest.fixture
def mailbox():
    server = LoopbackImapServer([eml("plain_utf8"), eml("windows1254"), eml("autoreply")]).start()
    yield server
    server.stop()


def poll(server, password="imap-secret"):
    return imap_poll(
        host="127.0.0.1", port=server.port, user="basvuru", password=password, use_ssl=False
    )


def test_polling_stores_every_unseen_mail_and_marks_it_seen(town, mailbox):
    report = poll(mailbox)
    assert (report.fetched, report.stored) == (3, 3)
    assert mailbox.seen == {1, 2, 3}
    assert Case.objects.count() == 2  # the auto-reply is kept, not a case
    assert InboundMessage.objects.get(outcome="auto_reply").status == "ignored"
    assert (
        "köpekleri"
        in Case.objects.get(external_id="email:20261124110000.1254@example.net").description
    )


def test_polling_again_fetches_nothing_new(town, mailbox):
    poll(mailbox)
    assert poll(mailbox).fetched == 0
    assert Case.objects.count() == 2


def test_a_mail_fetched_twice_after_a_crash_is_stored_once(town, mailbox):
    poll(mailbox)
    mailbox.seen.clear()  # the flags were lost: every mail comes again
    report = poll(mailbox)
    assert (report.fetched, report.stored) == (3, 0)
    assert Case.objects.count() == 2 and InboundMessage.objects.count() == 3


def test_wrong_password_is_an_error_and_stores_nothing(town, mailbox):
    with pytest.raises(imaplib.IMAP4.error):
        poll(mailbox, password="wrong")
    assert InboundMessage.objects.count() == 0
