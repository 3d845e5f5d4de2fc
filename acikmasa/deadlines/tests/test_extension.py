"""Law 4982 rules: the extension to 30 working days, and the copying-cost notice that stops the
clock."""

import pytest

from acikmasa.cases.events import EventKind
from acikmasa.cases.lifecycle import Action
from acikmasa.cases.models import Case
from acikmasa.common.errors import PermissionRefused, TransitionRefused
from acikmasa.deadlines.clock import CLOCK_RESUMED, CLOCK_STOPPED, replay
from acikmasa.deadlines.models import Clock
from acikmasa.deadlines.services import copying_cost_notice, copying_cost_paid, deadline_extend

from .conftest import act, at, information_request, pothole

NOTICE = "Talebiniz başka bir kurumun görüşünü gerektirdiğinden süre 30 iş gününe uzatılmıştır."


def ends(year, month, day):
    return at(year, month, day, 23, 59).replace(second=59)


def assert_nothing_written(case: Case) -> None:
    before = case.version
    case.refresh_from_db()
    assert case.version == before == case.events.count()


def test_an_extension_for_a_legal_reason_before_day_15_moves_the_due_time_to_30_working_days(
    town, wall
):
    case = information_request(town, wall, at(2026, 11, 2, 10))
    event = deadline_extend(
        case_id=case.pk,
        actor=town.users["pr"],
        reason="other_institution_opinion",
        notice_text=NOTICE,
        now=at(2026, 11, 20, 16),
    )
    case.refresh_from_db()
    assert case.due_at == ends(2026, 12, 14)  # the 30th working day after 2 November
    assert (event.kind, event.is_public, event.text) == (EventKind.DEADLINE_EXTENDED, True, NOTICE)
    assert event.payload["reason"] == "other_institution_opinion" and event.payload["added"] == 15
    assert Clock.objects.get(pk=case.pk).due_at == case.due_at == replay(case).due_at


def test_an_extension_after_the_first_15_working_days_is_refused(town, wall):
    case = information_request(town, wall, at(2026, 11, 2, 10))
    with pytest.raises(TransitionRefused):
        deadline_extend(
            case_id=case.pk,
            actor=None,
            reason="other_unit",
            notice_text=NOTICE,
            now=at(2026, 11, 24, 9),
        )
    assert_nothing_written(case)


@pytest.mark.parametrize("reason", ["busy", "", "holiday"])
def test_an_extension_without_one_of_the_three_legal_reasons_is_refused(town, wall, reason):
    case = information_request(town, wall, at(2026, 11, 2, 10))
    with pytest.raises(TransitionRefused) as refused:
        deadline_extend(
            case_id=case.pk, actor=None, reason=reason, notice_text=NOTICE, now=at(2026, 11, 3)
        )
    assert refused.value.field == "reason"
    assert_nothing_written(case)


def test_an_extension_without_the_notice_text_is_refused(town, wall):
    case = information_request(town, wall, at(2026, 11, 2, 10))
    with pytest.raises(TransitionRefused):
        deadline_extend(
            case_id=case.pk, actor=None, reason="other_unit", notice_text="  ", now=at(2026, 11, 3)
        )
    assert_nothing_written(case)


def test_a_second_extension_is_refused(town, wall):
    case = information_request(town, wall, at(2026, 11, 2, 10))
    deadline_extend(
        case_id=case.pk, actor=None, reason="other_unit", notice_text=NOTICE, now=at(2026, 11, 3)
    )
    case.refresh_from_db()
    with pytest.raises(TransitionRefused):
        deadline_extend(
            case_id=case.pk,
            actor=None,
            reason="several_institutions",
            notice_text=NOTICE,
            now=at(2026, 11, 4),
        )
    assert_nothing_written(case)


def test_extending_a_case_that_is_not_an_information_request_is_refused(town, wall):
    case = pothole(town, wall, at(2026, 11, 2, 10))
    with pytest.raises(TransitionRefused):
        deadline_extend(
            case_id=case.pk,
            actor=None,
            reason="other_unit",
            notice_text=NOTICE,
            now=at(2026, 11, 3),
        )
    assert_nothing_written(case)


def test_staff_outside_the_case_s_scope_cannot_extend(town, wall):
    case = information_request(town, wall, at(2026, 11, 2, 10))
    with pytest.raises(PermissionRefused):
        deadline_extend(
            case_id=case.pk,
            actor=town.users["desk"],
            reason="other_unit",
            notice_text=NOTICE,
            now=at(2026, 11, 3),
        )
    assert_nothing_written(case)


def test_a_copying_cost_notice_stops_the_clock_until_the_fee_is_paid(town, wall):
    case = information_request(town, wall, at(2026, 11, 2, 10))
    stopped = copying_cost_notice(
        case_id=case.pk,
        actor=None,
        amount="12.50",
        notice_text="Fotokopi ücreti 12,50 TL",
        now=at(2026, 11, 5, 10),
    )
    assert stopped.kind == CLOCK_STOPPED and stopped.payload["amount_try"] == "12.50"
    assert Clock.objects.get(pk=case.pk).next_check_at is None
    resumed = copying_cost_paid(case_id=case.pk, actor=None, now=at(2026, 11, 12, 10))
    case.refresh_from_db()
    assert resumed.kind == CLOCK_RESUMED
    assert case.due_at == ends(2026, 11, 30)  # 5 working days (6, 9, 10, 11, 12) given back


def test_a_second_copying_cost_notice_or_a_payment_without_notice_is_refused(town, wall):
    case = information_request(town, wall, at(2026, 11, 2, 10))
    with pytest.raises(TransitionRefused):
        copying_cost_paid(case_id=case.pk, actor=None, now=at(2026, 11, 3))
    with pytest.raises(TransitionRefused):
        copying_cost_notice(
            case_id=case.pk, actor=None, amount="-3", notice_text="Ücret", now=at(2026, 11, 3)
        )
    copying_cost_notice(
        case_id=case.pk, actor=None, amount="5", notice_text="Ücret 5 TL", now=at(2026, 11, 3)
    )
    case.refresh_from_db()
    with pytest.raises(TransitionRefused):
        copying_cost_notice(
            case_id=case.pk, actor=None, amount="5", notice_text="Ücret 5 TL", now=at(2026, 11, 4)
        )
    assert_nothing_written(case)


def test_a_copying_cost_pause_and_a_wait_for_the_citizen_overlap_into_one_pause(town, wall):
    case = information_request(town, wall, at(2026, 11, 2, 10))
    copying_cost_notice(
        case_id=case.pk, actor=None, amount="5", notice_text="Ücret 5 TL", now=at(2026, 11, 4, 10)
    )
    act(
        case,
        Action.ASK_CITIZEN,
        at(2026, 11, 5, 10),
        wall,
        actor=town.users["pr"],
        text="Adresiniz?",
    )
    copying_cost_paid(case_id=case.pk, actor=None, now=at(2026, 11, 6, 10))
    case.refresh_from_db()
    assert case.due_at == ends(2026, 11, 23)  # still paused: waiting for the citizen
    act(case, Action.RESUME, at(2026, 11, 10, 10), wall, by_citizen=True, text="Birlik Mah.")
    assert case.due_at == ends(2026, 11, 27)  # one pause from the 4th to the 10th: 4 working days


def test_a_refusal_speaks_turkish_first(town, wall):
    from django.utils import translation

    case = pothole(town, wall, at(2026, 11, 2, 10))
    with translation.override("tr"), pytest.raises(TransitionRefused) as refused:
        deadline_extend(
            case_id=case.pk,
            actor=None,
            reason="other_unit",
            notice_text=NOTICE,
            now=at(2026, 11, 3),
        )
    assert "bilgi edinme başvuruları" in refused.value.message
