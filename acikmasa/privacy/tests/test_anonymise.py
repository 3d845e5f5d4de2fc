from datetime import timedelta

import pytest
from django.db import connection
from django.db.utils import DatabaseError
from django.utils import timezone

from acikmasa.cases.events import event_redact
from acikmasa.cases.models import Attachment, Case, CaseEvent, Citizen
from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.cases.services.intake import IncomingFile, case_submit
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.desk.tests.helpers import tiny_png
from acikmasa.notify.models import Notification
from acikmasa.privacy.models import DeletionLog, RetentionPolicy
from acikmasa.privacy.scrub import scrub_json, scrub_text
from acikmasa.privacy.services.anonymise import ANONYMISED, expired_cases, retention_run
from acikmasa.privacy.tasks import retention_schedule

from .conftest import submit

PNG = tiny_png()  # a real image: uploads are rebuilt from their pixels


def act(case, action, user, text="", **params):
    return case_transition(
        case_id=case.pk,
        actor=user,
        request=TransitionRequest(action=action, text=text, params=params),
    )


def closed_case(town, **kwargs):
    case = submit(town, **kwargs)
    staff = town.users["fen_staff"]
    act(
        case,
        "note",
        staff,
        "Vatandaş Ayşe Yılmaz 0532 123 45 67 numarasından aradı, e-posta ayse@example.com.",
    )
    act(case, "resolve", staff, "Çukur kapatıldı.")
    act(case, "close", town.users["fen_manager"])
    return Case.objects.get(pk=case.pk)


def age(case, days):
    Case.objects.filter(pk=case.pk).update(closed_at=timezone.now() - timedelta(days=days))


def test_scrub_removes_phones_ids_emails_and_names_in_any_case():
    text = "AYŞE yılmaz (10000000146) +90 532 123 45 67 / 0212-555-12-34 ayse.y@example.com.tr Ayse"
    assert (
        scrub_text(text, ("Ayşe", "Yılmaz"))
        == "[ad] [ad] ([kimlik no]) [telefon] / [telefon] [e-posta] [ad]"
    )
    assert (
        scrub_text("2 numaralı kapı, 15 Temmuz Mahallesi", ())
        == "2 numaralı kapı, 15 Temmuz Mahallesi"
    )
    assert scrub_json(
        {"sender": "+905321234567", "n": [{"text": "ara 05321234567"}], "count": 3}
    ) == {"sender": "", "n": [{"text": "ara [telefon]"}], "count": 3}


def test_expired_case_loses_the_person_and_keeps_its_figures(
    town, tmp_path, django_capture_on_commit_callbacks
):
    case = closed_case(
        town,
        national_id="10000000146",
        email="ayse@example.com",
        address="Birlik Mah. 3/5",
        description="Ayşe Yılmaz, tel 0532 123 45 67: kapının önünde çukur",
    )
    Case.objects.filter(pk=case.pk).update(
        latitude=41.0345678, longitude=28.8912345, address="Kapı 5"
    )
    with django_capture_on_commit_callbacks(execute=True):
        photo = case_submit(
            municipality=town.municipality,
            channel="web",
            description="foto",
            subject="pothole",
            attachments=[IncomingFile("yuz.png", PNG, "image/png")],
        ).case
    age(case, 800)
    case.refresh_from_db()
    kept = {
        f: getattr(case, f)
        for f in (
            "case_type",
            "subject_id",
            "directorate_id",
            "status",
            "created_at",
            "closed_at",
            "neighbourhood_id",
        )
    }
    result = retention_run()
    assert result.anonymised == 1
    case = Case.objects.get(pk=case.pk)
    citizen = Citizen.objects.get(pk=case.citizen_id)
    assert (
        citizen.first_name,
        citizen.last_name,
        citizen.national_id,
        citizen.phone,
        citizen.email,
        citizen.address,
    ) == ("",) * 6
    assert (
        case.description == "[ad] [ad], tel [telefon]: kapının önünde çukur" and case.address == ""
    )
    assert (case.latitude, case.longitude) == (41.035, 28.891)
    assert {f: getattr(case, f) for f in kept} == kept
    note = case.events.get(kind="note_added")
    assert note.text == "Vatandaş [ad] [ad] [telefon] numarasından aradı, e-posta [e-posta]."
    assert note.actor == town.users["fen_staff"] and note.sequence == 3  # only the content changed
    done = case.events.get(kind=ANONYMISED)
    assert (
        done.actor_kind == "system" and not done.is_public and done.payload["events_redacted"] >= 1
    )
    log = DeletionLog.objects.get(case=case)
    assert log.reason == "retention" and log.summary["identity_fields"] == 6
    assert Attachment.objects.filter(case=photo).count() == 1  # a case not yet expired is untouched


def test_files_the_citizen_sent_are_deleted_and_staff_evidence_stays(
    town, django_capture_on_commit_callbacks
):
    from acikmasa.desk.services import case_act

    case = case_submit(
        municipality=town.municipality,
        channel="web",
        description="foto",
        subject="pothole",
        citizen=CitizenInput(first_name="Ali", phone="+905321112233"),
        attachments=[IncomingFile("yuz.png", PNG, "image/png")],
    ).case
    sent = Attachment.objects.get(case=case)
    path = sent.file.path
    case_act(
        user=town.users["fen_staff"],
        case_id=case.pk,
        action="resolve",
        text="Çukur asfaltla kapatıldı.",
        photo=IncomingFile("is.png", PNG, "image/png"),
    )
    act(case, "close", town.users["fen_manager"])
    age(case, 800)
    with django_capture_on_commit_callbacks(execute=True):
        retention_run()
    remaining = list(Attachment.objects.filter(case=case))
    assert [a.original_name for a in remaining] == ["is.png"]
    import os

    assert not os.path.exists(path) and os.path.exists(remaining[0].file.path)
    assert DeletionLog.objects.get(case=case).summary["files_deleted"] == 1


def test_a_person_with_a_live_case_keeps_it_while_the_old_case_lets_go(town):
    old = closed_case(town)
    live = submit(town, description="Yeni çukur")
    assert live.citizen_id == old.citizen_id
    age(old, 800)
    retention_run()
    old.refresh_from_db()
    live.refresh_from_db()
    assert (
        old.citizen_id != live.citizen_id
        and old.citizen.full_name == ""
        and old.citizen.phone == ""
    )
    assert live.citizen.full_name == "Ayşe Yılmaz" and live.citizen.phone == "+905321234567"


def test_the_run_is_idempotent_and_respects_the_policy_per_case_type(town):
    case = closed_case(town)
    RetentionPolicy.objects.create(
        municipality=town.municipality, case_type="request", days_after_close=30
    )
    age(case, 20)
    assert retention_run().anonymised == 0
    age(case, 40)
    assert retention_run().anonymised == 1
    events = case.events.count()
    assert retention_run().anonymised == 0 and not expired_cases().exists()
    assert case.events.count() == events and DeletionLog.objects.count() == 1


def test_open_cases_are_never_anonymised(town):
    case = submit(town)
    Case.objects.filter(pk=case.pk).update(updated_at=timezone.now() - timedelta(days=3000))
    assert retention_run().anonymised == 0
    assert Citizen.objects.get(pk=case.citizen_id).phone == "+905321234567"


def test_messages_and_notifications_of_the_case_are_emptied(
    town, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        case = closed_case(town, channel="sms", consent=True)
    assert Notification.objects.filter(case=case).exclude(recipient="").exists()
    age(case, 800)
    retention_run()
    assert not Notification.objects.filter(case=case).exclude(recipient="").exists()
    sent = case.events.filter(kind="message_sent").first()
    assert sent is None or "+90532" not in str(sent.payload)


def test_the_scheduled_task_runs_on_the_immediate_backend_once(town):
    case = closed_case(town)
    age(case, 800)
    assert retention_schedule() is True
    assert DeletionLog.objects.filter(case=case).exists()


def test_management_command_reports_and_is_safe_to_rerun(town):
    from io import StringIO

    from django.core.management import call_command

    age(closed_case(town), 800)
    out = StringIO()
    call_command("privacy_retention", stdout=out)
    call_command("privacy_retention", stdout=out)
    assert out.getvalue().splitlines() == [
        "examined 1 cases, anonymised 1",
        "examined 0 cases, anonymised 0",
    ]


def test_history_stays_append_only_outside_the_redaction_path(town):
    event = submit(town).events.first()
    with pytest.raises(PermissionError):
        CaseEvent.objects.filter(pk=event.pk).update(text="x")
    with pytest.raises(PermissionError):
        CaseEvent.objects.filter(pk=event.pk).delete()
    event_redact(event.pk, text="[silindi]", payload={})
    assert CaseEvent.objects.get(pk=event.pk).text == "[silindi]"


@pytest.mark.postgres_only
def test_postgres_refuses_raw_updates_except_inside_the_redaction_path(town):
    event = submit(town).events.first()
    for sql in (
        "UPDATE cases_caseevent SET text = 'x' WHERE id = %s",
        "DELETE FROM cases_caseevent WHERE id = %s",
    ):
        with pytest.raises(DatabaseError), connection.cursor() as cursor:
            from django.db import transaction

            with transaction.atomic():
                cursor.execute(sql, [event.pk])
    from django.db import transaction

    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT set_config('acikmasa.redacting', 'on', true)")
        with pytest.raises(DatabaseError), transaction.atomic():
            cursor.execute(
                "UPDATE cases_caseevent SET kind = 'x' WHERE id = %s", [event.pk]
            )  # not text: refused
    event_redact(event.pk, text="[silindi]", payload={})
    assert CaseEvent.objects.get(pk=event.pk).text == "[silindi]"


def test_a_limited_run_stops_at_the_limit_and_the_next_run_continues(town):
    cases = [closed_case(town, phone=f"+90532123456{i}") for i in range(3)]
    for case in cases:
        age(case, 800)
    from acikmasa.privacy.services.anonymise import retention_run as run

    assert (run(limit=2).anonymised, run(batch_size=1).anonymised) == (2, 1)
