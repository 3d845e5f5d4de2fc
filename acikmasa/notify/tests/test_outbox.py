import json
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from acikmasa.cases.models import Case
from acikmasa.notify.admin import MessageTemplateForm
from acikmasa.notify.models import ContactPreference, MessageTemplate, Notification
from acikmasa.notify.services import policy
from acikmasa.notify.services.outbox import MESSAGE_FAILED, due_send, notification_send

from .conftest import submit
from .helpers import act, resolve

IST = ZoneInfo("Europe/Istanbul")
N = Notification.Status


def test_registration_message_carries_tracking_number_deadline_and_link(
    town, django_capture_on_commit_callbacks, settings
):
    with django_capture_on_commit_callbacks(execute=True):
        case = submit(town)
    note = Notification.objects.get(case=case)
    assert (note.event, note.channel, note.recipient, note.status) == (
        "registered",
        "sms",
        "+905321234567",
        "sent",
    )
    deadline = case.due_at.astimezone(IST).strftime("%d.%m.%Y %H:%M")
    assert case.tracking_number in note.text and deadline in note.text and "Yol çukuru" in note.text
    assert f"https://basvuru.example/basvuru/takip/{case.public_token}/" in note.text
    written = [
        json.loads(line)
        for line in (Path(settings.ACIKMASA_NOTIFY_FILE_DIR) / "sms.jsonl").read_text().splitlines()
    ]
    assert [w["id"] for w in written] == [note.pk]
    sent_event = case.events.get(kind="message_sent")
    assert sent_event.payload["notification"] == note.pk and not sent_event.is_public


def test_every_public_change_is_told_to_the_citizen(town, django_capture_on_commit_callbacks):
    manager = town.users["fen_manager"]
    with django_capture_on_commit_callbacks(execute=True):
        case = submit(town)
        act(case, "ask_citizen", town.users["fen_staff"], "Kapı numarası nedir?")
        act(case, "resume", town.users["fen_staff"])
        act(case, "answer", town.users["fen_staff"], "Ekip yarın gidecek.")
        resolve(case, town)
        act(case, "close", manager)
        act(case, "reopen", manager, "Vatandaş yeniden aradı.")
        act(case, "reject", manager, "Özel mülk içinde.")
    events = list(
        Notification.objects.filter(case=case).order_by("pk").values_list("event", flat=True)
    )
    assert events == [
        "registered",
        "info_requested",
        "answered",
        "resolved",
        "closed",
        "reopened",
        "rejected",
    ]
    rejected = Notification.objects.get(case=case, event="rejected")
    assert "Özel mülk içinde." in rejected.text
    assert (
        "Kapı numarası nedir?" in Notification.objects.get(case=case, event="info_requested").text
    )
    assert Notification.objects.filter(case=case, status=N.SENT).count() == 7


def test_forward_to_another_directorate_is_told(town, django_capture_on_commit_callbacks):
    from acikmasa.cases.services.transitions import TransitionRequest, case_transition

    with django_capture_on_commit_callbacks(execute=True):
        case = submit(town)
        case_transition(
            case_id=case.pk,
            actor=town.users["fen_manager"],
            request=TransitionRequest(
                action="forward",
                text="Temizlik işine giriyor.",
                params={"directorate_id": town.directorates["temizlik"].pk},
            ),
        )
    assert Notification.objects.filter(case=case, event="forwarded").exists()


def test_anonymous_and_non_consenting_citizens_are_never_messaged(
    town, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        anonymous = submit(town, anonymous=True, channel="web")
        silent = submit(town, consent=False)
        resolve(silent, town)
    rows = Notification.objects.filter(case__in=[anonymous, silent])
    assert {(r.case_id, r.skip_reason) for r in rows} == {
        (anonymous.pk, "anonymous"),
        (silent.pk, "no consent"),
    }
    assert all(r.status == N.SKIPPED and r.text == "" for r in rows)
    assert not Case.objects.get(pk=silent.pk).events.filter(kind="message_sent").exists()


def test_legally_required_answer_reaches_a_non_consenting_applicant_by_their_own_channel(
    town, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        case = submit(
            town, channel="email", email="bilgi@example.com", consent=False, case_type="information"
        )
        act(case, "answer", town.users["fen_staff"], "İstenen bilgi ektedir.")
        resolve(case, town)
    rows = {r.event: r for r in Notification.objects.filter(case=case)}
    assert rows["registered"].status == N.SKIPPED
    assert (rows["answered"].channel, rows["answered"].recipient, rows["answered"].status) == (
        "email",
        "bilgi@example.com",
        "sent",
    )
    assert (
        rows["resolved"].status == N.SENT and "/anket/" not in rows["resolved"].text
    )  # no survey without consent


def test_stated_preference_decides_channel_and_language(town, django_capture_on_commit_callbacks):
    case = submit(town, email="ayse@example.com")
    ContactPreference.objects.create(citizen=case.citizen, channel="email", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        resolve(case, town, "Pothole filled.")
    note = Notification.objects.get(case=case, event="resolved")
    assert (note.channel, note.recipient, note.language) == ("email", "ayse@example.com", "en")
    assert note.subject == f"Your application was resolved: {case.tracking_number}"
    assert "https://basvuru.example/en/anket/" in note.text and "Pothole filled." in note.text


def test_admin_edited_template_is_used(town, django_capture_on_commit_callbacks):
    MessageTemplate.objects.filter(event="registered", language="tr").update(
        body="No: {tracking_number} / {subject}"
    )
    with django_capture_on_commit_callbacks(execute=True):
        case = submit(town)
    assert Notification.objects.get(case=case).text == f"No: {case.tracking_number} / Yol çukuru"


def test_template_with_an_unknown_placeholder_is_refused_in_the_admin(db):
    form = MessageTemplateForm(
        data={
            "event": "closed",
            "language": "tr",
            "subject": "{tracking_number}",
            "body": "Merhaba {ad}, {tracking_number}",
            "is_active": True,
        },
        instance=MessageTemplate.objects.get(event="closed", language="tr"),
    )
    assert not form.is_valid() and "{ad}" in str(form.errors["body"])


@pytest.mark.parametrize(
    "local, expected",
    [
        ("2026-03-10 23:30", "2026-03-11 08:00"),
        ("2026-03-10 02:15", "2026-03-10 08:00"),
        ("2026-03-10 08:00", "2026-03-10 08:00"),
        ("2026-03-10 14:00", "2026-03-10 14:00"),
        ("2026-03-10 21:59", "2026-03-10 21:59"),
    ],
)
def test_quiet_hours_delay_phone_messages_to_the_morning(settings, local, expected):
    settings.ACIKMASA_NOTIFY_QUIET_START, settings.ACIKMASA_NOTIFY_QUIET_END = "22:00", "08:00"
    now = datetime.fromisoformat(local).replace(tzinfo=IST)
    assert policy.release_time("sms", now) == datetime.fromisoformat(expected).replace(tzinfo=IST)
    assert policy.release_time("email", now) == now


def test_message_written_at_night_waits_and_goes_out_in_the_morning(
    town, settings, django_capture_on_commit_callbacks
):
    settings.ACIKMASA_NOTIFY_QUIET_START, settings.ACIKMASA_NOTIFY_QUIET_END = "22:00", "08:00"
    case = submit(town)
    night = datetime(2026, 3, 10, 23, 30, tzinfo=IST)
    from acikmasa.notify.services.outbox import notification_create

    with django_capture_on_commit_callbacks(execute=True):
        note = notification_create(case=case, event="closed", now=night)
    note.refresh_from_db()
    assert note.status == N.PENDING and note.next_attempt_at == datetime(
        2026, 3, 11, 8, 0, tzinfo=IST
    )
    assert due_send(now=datetime(2026, 3, 11, 7, 59, tzinfo=IST)) == 0
    assert due_send(now=datetime(2026, 3, 11, 8, 0, tzinfo=IST)) == 1
    note.refresh_from_db()
    assert note.status == N.SENT and note.attempts == 1


def test_failing_backend_never_blocks_the_case_and_ends_on_the_staff_failures_page(
    town, settings, client, django_capture_on_commit_callbacks
):
    settings.ACIKMASA_NOTIFY_FILE_DIR = "/proc/forbidden/notify"  # every write fails
    settings.ACIKMASA_NOTIFY_MAX_ATTEMPTS = 3
    with django_capture_on_commit_callbacks(execute=True):
        case = submit(town)
        resolve(case, town)
    case.refresh_from_db()
    assert case.status == "resolved"  # the case moved on although no message went out
    note = Notification.objects.get(case=case, event="resolved")
    assert note.status == N.PENDING and note.attempts == 1 and note.last_error
    later = timezone.now()
    for _ in range(5):
        later += timedelta(hours=7)
        due_send(now=later)
    note.refresh_from_db()
    assert note.status == N.FAILED and note.attempts == 3
    failed = case.events.filter(kind=MESSAGE_FAILED)
    assert failed.count() == 2 and not failed[0].is_public  # one per message: registered, resolved
    client.force_login(town.users["fen_staff"])
    page = client.get("/anket/personel/basarisiz/")
    assert page.status_code == 200 and case.tracking_number.encode() in page.content
    client.force_login(town.users["temizlik_staff"])
    assert case.tracking_number.encode() not in client.get("/anket/personel/basarisiz/").content


def test_a_message_is_claimed_once_even_if_sent_twice(town, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        case = submit(town)
    note = Notification.objects.get(case=case)
    again = notification_send(notification_id=note.pk)
    assert again.attempts == 1 and case.events.filter(kind="message_sent").count() == 1


def test_a_fault_in_notify_never_rolls_back_the_case_change(town, settings, caplog):
    case = submit(town)
    settings.ACIKMASA_NOTIFY_BACKENDS = (
        "sms=file"  # a broken configuration (not a dict) makes the hook fail
    )
    resolve(case, town)
    case.refresh_from_db()
    assert case.status == "resolved" and case.events.filter(kind="resolved").exists()
    assert not Notification.objects.filter(case=case, event="resolved").exists()
    assert "no message written" in caplog.text


def test_a_preference_for_a_channel_without_an_address_is_refused(town):
    from acikmasa.common.errors import ValidationFailed
    from acikmasa.notify.services.preferences import contact_preference_set

    citizen = submit(town).citizen  # a phone, no e-mail
    with pytest.raises(ValidationFailed) as refused:
        contact_preference_set(citizen=citizen, channel="email")
    assert set(refused.value.errors) == {"channel"}
    with pytest.raises(ValidationFailed):
        contact_preference_set(citizen=citizen, channel="fax", language="de")
    assert not ContactPreference.objects.exists()
    assert (
        contact_preference_set(citizen=citizen, channel="whatsapp", language="en").channel
        == "whatsapp"
    )


def test_a_development_site_prints_messages_unless_backends_are_configured(settings):
    from acikmasa.notify import conf

    del settings.ACIKMASA_NOTIFY_BACKENDS
    settings.DEBUG = True
    assert conf.backend_for("sms") == "console"
    settings.DEBUG = False
    assert (conf.backend_for("sms"), conf.backend_for("email")) == ("channel", "smtp")
