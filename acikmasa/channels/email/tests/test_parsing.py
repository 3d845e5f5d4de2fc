from acikmasa.channels.email.parsing import html_to_text, parse_mail

from .helpers import eml

LIMIT = 10 * 1024 * 1024


def test_utf8_quoted_printable_mail_with_encoded_subject_and_name():
    mail = parse_mail(eml("plain_utf8"), max_attachment=LIMIT)
    assert mail.subject == "Çöp konteyneri taşıyor"
    assert (mail.from_name, mail.from_address) == ("Ayşe Yılmaz", "ayse.yilmaz@example.com")
    assert "çöp konteyneri üç gündür boşaltılmadı" in mail.text
    assert mail.message_id == "CAF1234.plain@mail.example.com" and mail.kind == "message"


def test_windows_1254_body_and_header_are_decoded():
    mail = parse_mail(eml("windows1254"), max_attachment=LIMIT)
    assert mail.subject == "Sokak köpekleri şikayeti"
    assert mail.from_name == "İbrahim Öztürk"
    assert "sokak köpekleri çocuklara saldırıyor" in mail.text
    assert mail.text.endswith("İbrahim Öztürk")


def test_iso_8859_9_html_only_mail_becomes_text_and_keeps_its_attachment():
    mail = parse_mail(eml("html_iso8859_9_attachment"), max_attachment=LIMIT)
    assert mail.subject == "Kırık bank şikayeti"
    assert "parkın şık bankları kırık" in mail.text
    assert "color:red" not in mail.text and "<p>" not in mail.text
    [attachment] = mail.attachments
    assert attachment.name == "kırık-bank.jpg" and attachment.content_type == "image/jpeg"
    assert attachment.content.startswith(b"\xff\xd8")


def test_attachment_over_the_limit_is_skipped_and_named():
    mail = parse_mail(eml("html_iso8859_9_attachment"), max_attachment=10)
    assert mail.attachments == [] and mail.skipped_attachments == ["kırık-bank.jpg"]


def test_mislabelled_charset_falls_back_to_turkish_codepages():
    raw = eml("windows1254").replace(b"charset=windows-1254", b"charset=utf-8")
    assert "köpekleri" in parse_mail(raw, max_attachment=LIMIT).text


def test_unknown_charset_label_falls_back_too():
    raw = eml("windows1254").replace(b"charset=windows-1254", b"charset=x-no-such-charset")
    assert "çocuklara" in parse_mail(raw, max_attachment=LIMIT).text


def test_reply_lists_the_messages_it_answers():
    mail = parse_mail(eml("reply"), max_attachment=LIMIT)
    assert mail.refs == ["acikmasa.outbound.1@esenler.example"]


def test_auto_replies_and_bounces_are_recognised():
    assert parse_mail(eml("autoreply"), max_attachment=LIMIT).kind == "auto_reply"
    assert parse_mail(eml("bounce"), max_attachment=LIMIT).kind == "bounce"
    assert (
        parse_mail(eml("plain_utf8"), max_attachment=LIMIT, envelope_sender="<>").kind == "bounce"
    )


def test_html_to_text_drops_scripts_and_keeps_paragraphs():
    assert (
        html_to_text("<script>x()</script><p>bir</p><p>iki&nbsp;üç  dört</p>") == "bir\niki üç dört"
    )


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from acikmasa.channels.email.parsing import MailError  # noqa: E402

SAMPLES = ["plain_utf8", "windows1254", "html_iso8859_9_attachment", "reply", "autoreply", "bounce"]


@settings(max_examples=150, deadline=None)
@given(name=st.sampled_from(SAMPLES), cut=st.integers(0, 1500), junk=st.binary(max_size=40))
def test_damaged_mail_is_parsed_or_refused_cleanly(name, cut, junk):
    raw = eml(name)
    damaged = raw[:cut] + junk + raw[cut + len(junk) :]
    try:
        mail = parse_mail(damaged, max_attachment=LIMIT)
    except MailError:
        return
    assert isinstance(mail.text, str) and isinstance(mail.subject, str)
    assert mail.kind in ("message", "auto_reply", "bounce")
