"""Clock rules through real case transitions: pause, resume, forward, reopen, promise status."""

from datetime import timedelta

from acikmasa.cases.events import EventKind
from acikmasa.cases.lifecycle import Action
from acikmasa.deadlines.clock import Promise, replay
from acikmasa.deadlines.models import Clock, ClosureDay

from .conftest import act, at, information_request, pothole

RESOLUTION = "Yol asfaltlandı, çukur kapatıldı."


def ends(year, month, day):
    return at(year, month, day, 23, 59).replace(second=59)


def assert_cache_matches_history(case):
    state = replay(case)
    clock = Clock.objects.get(pk=case.pk)
    assert case.due_at == state.due_at == clock.due_at
    return state


def test_waiting_for_the_citizen_pauses_the_clock_and_the_answer_moves_the_due_time(town, wall):
    case = information_request(town, wall, at(2026, 11, 2, 10))  # Monday
    assert case.due_at == ends(2026, 11, 23)  # 15 working days
    pr = town.users["pr"]
    act(
        case,
        Action.ASK_CITIZEN,
        at(2026, 11, 4, 10),
        wall,
        actor=pr,
        text="Hangi yılın harcamaları?",
    )
    clock = Clock.objects.get(pk=case.pk)
    assert clock.paused_since == at(2026, 11, 4, 10) and clock.next_check_at is None
    assert case.due_at == ends(2026, 11, 23)  # unchanged while paused
    act(case, Action.RESUME, at(2026, 11, 10, 9), wall, by_citizen=True, text="2025 yılı.")
    # Paused Wed 4th, answered Tue 10th: 4 working days (5, 6, 9, 10) are given back.
    assert case.due_at == ends(2026, 11, 27)
    assert case.events.filter(kind=EventKind.RESUMED).count() == 1
    state = assert_cache_matches_history(case)
    assert not state.is_paused and Clock.objects.get(pk=case.pk).paused_since is None


def test_a_paused_clock_does_not_become_due_soon_or_overdue(town, wall):
    case = pothole(town, wall, at(2026, 11, 2, 10))
    act(
        case,
        Action.ASK_CITIZEN,
        at(2026, 11, 2, 12),
        wall,
        actor=town.users["fen_staff"],
        text="Adres tarifi?",
    )
    assert replay(case).promise(at(2026, 11, 20, 10)) == Promise.ON_TRACK


def test_a_pause_that_begins_after_the_due_time_gives_nothing_back(town, wall):
    case = pothole(town, wall, at(2026, 11, 2, 10))
    due = case.due_at
    staff = town.users["fen_staff"]
    act(case, Action.ASK_CITIZEN, at(2026, 11, 5, 10), wall, actor=staff, text="Adres tarifi?")
    act(case, Action.RESUME, at(2026, 11, 9, 10), wall, by_citizen=True, text="Okulun arkası.")
    assert case.due_at == due == at(2026, 11, 4, 10)
    assert replay(case).promise(at(2026, 11, 9, 11)) == Promise.OVERDUE


def test_forwarding_inside_the_municipality_keeps_the_clock_running(town, wall):
    case = pothole(town, wall, at(2026, 11, 2, 10))
    due = case.due_at
    act(
        case,
        Action.FORWARD,
        at(2026, 11, 3, 9),
        wall,
        actor=town.users["fen_staff"],
        text="Temizlik işi",
        directorate_id=town.directorates["temizlik"].pk,
    )
    assert case.due_at == due and Clock.objects.get(pk=case.pk).number == 1
    assert_cache_matches_history(case)


def test_a_reopened_case_gets_a_new_clock_per_its_standard(town, wall):
    case = pothole(town, wall, at(2026, 11, 2, 10))
    staff, manager = town.users["fen_staff"], town.users["fen_manager"]
    act(case, Action.RESOLVE, at(2026, 11, 3, 10), wall, actor=staff, text=RESOLUTION)
    assert replay(case).promise(at(2026, 11, 30)) == Promise.MET
    Clock.objects.filter(pk=case.pk).update(level=2)  # as if it had been escalated before
    act(case, Action.REOPEN, at(2026, 11, 10, 15), wall, actor=manager, text="Çukur yeniden açıldı")
    assert case.due_at == at(2026, 11, 12, 15)
    clock = Clock.objects.get(pk=case.pk)
    assert (clock.number, clock.level, clock.stopped_at) == (2, 0, None)
    assert clock.next_check_at == at(2026, 11, 10, 15) + timedelta(hours=36)  # 75 % of 48 hours
    assert_cache_matches_history(case)


def test_the_promise_status_follows_the_history(town, wall):
    case = pothole(town, wall, at(2026, 11, 2, 10))
    state = replay(case)
    assert state.promise(at(2026, 11, 3, 9)) == Promise.ON_TRACK  # 23 of 48 hours
    assert state.promise(at(2026, 11, 3, 23)) == Promise.DUE_SOON  # 37 of 48 hours
    assert state.promise(at(2026, 11, 4, 11)) == Promise.OVERDUE
    act(
        case,
        Action.RESOLVE,
        at(2026, 11, 4, 11),
        wall,
        actor=town.users["fen_staff"],
        text=RESOLUTION,
    )
    assert replay(case).promise(at(2026, 11, 30)) == Promise.MISSED
    on_time = pothole(town, wall, at(2026, 11, 2, 10))
    act(
        on_time,
        Action.RESOLVE,
        at(2026, 11, 4, 9),
        wall,
        actor=town.users["fen_staff"],
        text=RESOLUTION,
    )
    assert replay(on_time).promise(at(2026, 11, 30)) == Promise.MET
    assert Clock.objects.get(pk=on_time.pk).next_check_at is None


def test_closure_days_move_the_municipality_s_own_standard_but_not_a_statutory_one(town, wall):
    ClosureDay.objects.create(
        municipality=town.municipality, day=at(2026, 11, 3).date(), reason="Köprü izni"
    )
    own = pothole(town, wall, at(2026, 11, 2, 10))
    assert own.due_at == at(2026, 11, 5, 10)  # 48 hours plus the closed day
    statutory = town.standards["info"]
    statutory.is_statutory = True
    statutory.save()
    law = information_request(town, wall, at(2026, 11, 2, 10))
    assert law.due_at == ends(2026, 11, 23)
    statutory.is_statutory = False
    statutory.save()
    own_info = information_request(town, wall, at(2026, 11, 2, 10))
    assert own_info.due_at == ends(2026, 11, 24)


def test_adding_or_removing_a_closure_day_re_times_the_open_clocks_it_concerns(
    town, wall, django_capture_on_commit_callbacks
):
    own = pothole(town, wall, at(2026, 11, 2, 10))
    statutory = town.standards["info"]
    statutory.is_statutory = True
    statutory.save()
    law = information_request(town, wall, at(2026, 11, 2, 10))
    with django_capture_on_commit_callbacks(execute=True):
        closure = ClosureDay.objects.create(
            municipality=town.municipality, day=at(2026, 11, 3).date(), reason="Köprü"
        )
    own.refresh_from_db()
    law.refresh_from_db()
    assert own.due_at == at(2026, 11, 5, 10) == Clock.objects.get(pk=own.pk).due_at
    assert law.due_at == ends(2026, 11, 23)  # the law does not know closure days
    assert_cache_matches_history(own)
    with django_capture_on_commit_callbacks(execute=True):
        closure.delete()
    own.refresh_from_db()
    assert own.due_at == at(2026, 11, 4, 10)
    assert own.version == own.events.count()  # no event: only the calendar changed
