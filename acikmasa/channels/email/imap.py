"""Polling an IMAP mailbox: every unseen mail is stored raw like any other, then marked seen.

Run `acikmasa channels_imap_poll` from cron (every minute is fine). A mail is marked \\Seen only
after it is stored, and storing is idempotent by Message-ID, so a crash between the two at worst
fetches a mail again and stores nothing new.
"""

import contextlib
import imaplib
from dataclasses import dataclass

from .. import conf
from .adapter import email_receive

MAX_PER_RUN = 200


@dataclass
class PollReport:
    fetched: int = 0
    stored: int = 0


def _connect(host: str, port: int, use_ssl: bool) -> imaplib.IMAP4:
    return (
        imaplib.IMAP4_SSL(host, port, timeout=30)
        if use_ssl
        else imaplib.IMAP4(host, port, timeout=30)
    )


def imap_poll(
    *, host: str, port: int, user: str, password: str, mailbox: str = "INBOX", use_ssl: bool = True
) -> PollReport:
    """Fetch the unseen mails of `mailbox`, store each through email_receive, then flag it seen."""
    report = PollReport()
    client = _connect(host, port, use_ssl)
    try:
        client.login(user, password)
        status, _ = client.select(mailbox)
        if status != "OK":
            raise imaplib.IMAP4.error(f"cannot select {mailbox}")
        _status, data = client.uid("SEARCH", None, "UNSEEN")
        uids = (data[0] or b"").split()[:MAX_PER_RUN]
        for uid in uids:
            _status, parts = client.uid("FETCH", uid, "(RFC822)")
            raw = next((p[1] for p in parts if isinstance(p, tuple)), None)
            if raw is None:
                continue
            report.fetched += 1
            _message, created = email_receive(raw, rcpt_tos=[user])
            report.stored += created
            client.uid("STORE", uid, "+FLAGS", "(\\Seen)")
    finally:
        with contextlib.suppress(imaplib.IMAP4.error, OSError):
            client.logout()
    return report


def configured_poll() -> PollReport:
    return imap_poll(
        host=conf.value("EMAIL_IMAP_HOST"),
        port=int(conf.value("EMAIL_IMAP_PORT")),
        user=conf.value("EMAIL_IMAP_USER"),
        password=conf.value("EMAIL_IMAP_PASSWORD"),
        mailbox=conf.value("EMAIL_IMAP_MAILBOX"),
        use_ssl=conf.value("EMAIL_IMAP_SSL").lower() in ("1", "true", "yes", "on"),
    )
