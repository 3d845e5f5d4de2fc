"""The sweep: the escalation chain, once per level, idempotent, and safe with two workers at
once."""

import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection

from acikmasa.cases.events import EventKind
from acikmasa.cases.lifecycle import Action
from acikmasa.common.testing import make_town
from acikmasa.deadlines.models import Clock, Escalation, EscalationNotice, Level
from acikmasa.deadlines.sweep import sweep_run

from .conftest import act, at, pothole

OPENED = at(2026, 11, 2, 10)  # the test town's pothole standard: 48 hours


def with_addresses(town):
    for name in ("fen_manager", "temizlik_manager"):
        user = town.users[name]
        user.email = f"{name}@testkent.bel.tr"
        user.save()
    standard = town.standards["fast"]
    standard.first_place.email = "e.zengin@testkent.bel.tr"
    standard.first_place.save()
    standard.second_place.email = "a.polat@testkent.bel.tr"
    standard.second_place.save()
    return town


def escalations(case):
    return list(
        Escalation.objects.filter(case=case).order_by("level").values_list("level", flat=True)
    )


def sweep(at_time, capture):
    with capture(execute=True):
        return sweep_run(now=at_time)


def test_each_level_of_the_chain_reaches_its_people_once(
    town, wall, django_capture_on_commit_callbacks
):
    with_addresses(town)
    case = pothole(town, wall, OPENED)
    assert sweep(OPENED + timedelta(hours=35), django_capture_on_commit_callbacks).escalations == 0
    # 36 of 48 hours used: due soon, the directorate's manager hears of it.
    first = sweep(OPENED + timedelta(hours=37), django_capture_on_commit_callbacks)
    assert first.escalations == 1 and escalations(case) == [Level.DUE_SOON]
    assert [m.to for m in mail.outbox] == [["fen_manager@testkent.bel.tr"]]
    assert "2026-000001" in mail.outbox[0].subject or case.tracking_number in mail.outbox[0].subject
    # The same moment again: nothing new.
    assert sweep(OPENED + timedelta(hours=37), django_capture_on_commit_callbacks).escalations == 0
    # Overdue: the first place of application; 72 hours later the second.
    sweep(OPENED + timedelta(hours=49), django_capture_on_commit_callbacks)
    sweep(OPENED + timedelta(hours=49 + 72), django_capture_on_commit_callbacks)
    sweep(OPENED + timedelta(hours=400), django_capture_on_commit_callbacks)
    assert escalations(case) == [Level.DUE_SOON, Level.OVERDUE, Level.OVERDUE_FURTHER]
    assert [m.to[0] for m in mail.outbox] == [
        "fen_manager@testkent.bel.tr",
        "e.zengin@testkent.bel.tr",
        "a.polat@testkent.bel.tr",
    ]
    events = case.events.filter(kind=EventKind.ESCALATED).order_by("sequence")
    assert [e.payload["level"] for e in events] == [1, 2, 3]
    assert not any(e.is_public for e in events)
    case.refresh_from_db()
    assert case.version == case.events.count()
    assert EscalationNotice.objects.filter(sent_at__isnull=True).count() == 0
    assert Clock.objects.get(pk=case.pk).next_check_at is None


def test_a_late_sweep_takes_every_level_that_has_passed_once(
    town, wall, django_capture_on_commit_callbacks
):
    case = pothole(town, wall, OPENED)
    result = sweep(OPENED + timedelta(days=30), django_capture_on_commit_callbacks)
    assert result.escalations == 3 and escalations(case) == [1, 2, 3]
    assert sweep(OPENED + timedelta(days=31), django_capture_on_commit_callbacks).escalations == 0
    # No addresses in this town: the notices are kept, unsent, for the admin to see.
    assert EscalationNotice.objects.filter(sent_at__isnull=True).count() == 3
    assert mail.outbox == []


def test_paused_and_resolved_cases_are_not_escalated(
    town, wall, django_capture_on_commit_callbacks
):
    waiting = pothole(town, wall, OPENED)
    act(
        waiting,
        Action.ASK_CITIZEN,
        OPENED + timedelta(hours=1),
        wall,
        actor=town.users["fen_staff"],
        text="Adres?",
    )
    done = pothole(town, wall, OPENED)
    act(
        done,
        Action.RESOLVE,
        OPENED + timedelta(hours=2),
        wall,
        actor=town.users["fen_staff"],
        text="Asfalt yamandı.",
    )
    assert sweep(OPENED + timedelta(days=10), django_capture_on_commit_callbacks).escalations == 0
    assert Escalation.objects.count() == 0


def test_a_reopened_case_is_escalated_again_on_its_new_clock(
    town, wall, django_capture_on_commit_callbacks
):
    case = pothole(town, wall, OPENED)
    sweep(OPENED + timedelta(hours=50), django_capture_on_commit_callbacks)
    act(
        case,
        Action.RESOLVE,
        OPENED + timedelta(hours=51),
        wall,
        actor=town.users["fen_staff"],
        text="Asfalt yamandı.",
    )
    act(
        case,
        Action.REOPEN,
        OPENED + timedelta(hours=60),
        wall,
        actor=town.users["fen_manager"],
        text="Tekrar çöktü",
    )
    sweep(OPENED + timedelta(hours=60 + 37), django_capture_on_commit_callbacks)
    rows = list(
        Escalation.objects.filter(case=case)
        .order_by("created_at")
        .values_list("clock_number", "level")
    )
    assert rows == [(1, 1), (1, 2), (2, 1)]


def test_cases_written_without_the_hooks_are_adopted_by_the_sweep(
    town, wall, django_capture_on_commit_callbacks
):
    case = pothole(town, wall, OPENED)
    Clock.objects.filter(pk=case.pk).delete()  # as the bulk demo generator leaves them
    result = sweep(OPENED + timedelta(hours=37), django_capture_on_commit_callbacks)
    assert (result.adopted, result.escalations) == (1, 1)
    assert Clock.objects.get(pk=case.pk).due_at == case.due_at


def test_the_management_command_runs_one_sweep_and_can_be_rerun(town, wall, capsys):
    pothole(town, wall, OPENED)
    wall.set(OPENED + timedelta(days=5))
    call_command("deadline_sweep")
    call_command("deadline_sweep")
    out = capsys.readouterr().out.splitlines()
    assert "3 escalations" in out[0] and "0 escalations" in out[1]
    assert Escalation.objects.count() == 3


def test_schedule_runs_a_sweep_at_once_on_a_backend_without_deferral(town, wall, capsys):
    pothole(town, wall, OPENED)
    wall.set(OPENED + timedelta(days=5))
    call_command("deadline_sweep", "--schedule")
    assert "scheduled" in capsys.readouterr().out
    assert Escalation.objects.count() == 3


@pytest.mark.django_db(transaction=True)
def test_two_sweeps_at_once_escalate_each_level_exactly_once(wall):
    if connection.vendor != "postgresql":
        pytest.skip("row locks with SKIP LOCKED need PostgreSQL")
    town = make_town("paralel")
    cases = [pothole(town, wall, OPENED + timedelta(minutes=i)) for i in range(40)]
    start = threading.Barrier(2)
    results, errors = [], []

    def worker():
        try:
            start.wait()
            results.append(sweep_run(now=OPENED + timedelta(days=30), batch_size=3))
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sum(r.escalations for r in results) == 120
    assert all(r.examined for r in results), "both workers should have taken part"
    assert Escalation.objects.count() == 120
    for case in cases:
        assert escalations(case) == [1, 2, 3]
        assert case.events.filter(kind=EventKind.ESCALATED).count() == 3


def test_a_routine_sweep_adopts_only_new_cases_and_an_hourly_one_looks_at_all(
    town, wall, django_capture_on_commit_callbacks
):
    from acikmasa.deadlines.models import AdoptionMark

    old = pothole(town, wall, OPENED)
    sweep(OPENED, django_capture_on_commit_callbacks)  # the first sweep looks at everything
    Clock.objects.filter(pk=old.pk).delete()
    new = pothole(town, wall, OPENED)
    Clock.objects.filter(pk=new.pk).delete()
    assert (
        sweep(OPENED, django_capture_on_commit_callbacks).adopted == 1
    )  # only the case above the mark
    assert Clock.objects.filter(pk=new.pk).exists() and not Clock.objects.filter(pk=old.pk).exists()
    AdoptionMark.objects.update(
        full_scan_at=AdoptionMark.objects.get().full_scan_at - timedelta(hours=2)
    )
    assert sweep(OPENED, django_capture_on_commit_callbacks).adopted == 1
    assert Clock.objects.filter(pk=old.pk).exists()


def test_the_notice_task_drains_every_pending_notice_and_records_failures(town, wall, settings):
    from acikmasa.deadlines.tasks import escalation_notices_send

    with_addresses(town)
    for minute in range(5):
        pothole(town, wall, OPENED + timedelta(minutes=minute))
    sweep_run(now=OPENED + timedelta(hours=37))  # inside the test's transaction: nothing sent yet
    assert EscalationNotice.objects.filter(sent_at__isnull=True).count() == 5
    assert escalation_notices_send.call(limit=2) == 5
    assert (
        len(mail.outbox) == 5 and EscalationNotice.objects.filter(sent_at__isnull=True).count() == 0
    )
    # A mail server that refuses: the error is kept, the notice stays unsent and is retried later.
    pothole(town, wall, OPENED + timedelta(hours=1))
    sweep_run(now=OPENED + timedelta(hours=38))
    settings.MAILERS = {  # nothing listens on the discard port
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9},
        }
    }
    assert escalation_notices_send.call(limit=2) == 0
    failed = EscalationNotice.objects.get(sent_at__isnull=True)
    assert failed.attempts == 1 and failed.last_error
    for _ in range(6):  # each repeating sweep retries, five times at most
        escalation_notices_send.call(limit=2)
    failed.refresh_from_db()
    assert failed.attempts == 5 and failed.sent_at is None
