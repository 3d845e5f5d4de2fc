import itertools
from collections import Counter, defaultdict
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import translation

from acikmasa.cases.events import ACTION_EVENT_KINDS, EventKind
from acikmasa.cases.lifecycle import TRANSITIONS, Status, target_status
from acikmasa.cases.models import Case, CaseEvent, Citizen, TrackingSequence
from acikmasa.cases.services.intake import case_submit
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.common.identity import is_valid_tckn
from acikmasa.deadlines.policy import binding_standard
from acikmasa.demo.cases import CASE_COLUMNS, CaseGenerator, day_span
from acikmasa.demo.context import build_context
from acikmasa.demo.reference import reference_load
from acikmasa.demo.services import demo_load
from acikmasa.directory.models import Role, StaffProfile

from .conftest import UNTIL

pytestmark = pytest.mark.django_db
ACTION_OF_KIND = {kind: action for action, kind in ACTION_EVENT_KINDS.items()}


def _generate(ctx, seed: int, count: int = 300):
    start, end = day_span(UNTIL, 2)
    generator = CaseGenerator(ctx, seed=seed, count=count, start=start, end=end)
    citizen_ids = itertools.count(1)
    chunks = []
    while generator.remaining:
        chunks.append(
            generator.chunk(
                120,
                list(range(len(chunks) * 120 + 1, len(chunks) * 120 + 121)),
                lambda: next(citizen_ids),
            )
        )
    return [(c.citizens, c.cases, c.events) for c in chunks]


def test_same_seed_generates_identical_rows_and_another_seed_does_not():
    ctx = build_context(reference_load())
    first, second, other = _generate(ctx, 3), _generate(ctx, 3), _generate(ctx, 4)
    assert first == second
    assert first != other


def test_every_generated_history_replays_and_follows_the_lifecycle_table(demo):
    cases = {c.pk: c for c in Case.objects.filter(municipality=demo.municipality)}
    events = defaultdict(list)
    for event in CaseEvent.objects.filter(case__municipality=demo.municipality).order_by(
        "case_id", "sequence"
    ):
        events[event.case_id].append(event)
    assert len(cases) == 400
    for case_id, case in cases.items():
        history = events[case_id]
        assert [e.sequence for e in history] == list(range(1, len(history) + 1))
        assert case.version == len(history)
        assert (history[0].kind, history[0].to_status) == (EventKind.CREATED, Status.NEW)
        status, resolved, resolved_at, closed_at = Status.NEW, None, None, None
        for event in history[1:]:
            if event.kind == EventKind.ROUTED:
                continue
            action = ACTION_OF_KIND[event.kind]
            assert event.from_status == status and status in TRANSITIONS[action].sources, (
                case.tracking_number,
                action,
            )
            new = target_status(action, status)
            assert event.to_status == (new if new != status else "")
            if TRANSITIONS[action].needs_text:
                assert event.text.strip()
            if event.kind == EventKind.RESOLVED:
                assert len(event.text) >= 10
                resolved, resolved_at = event, event.created_at
            elif event.kind == EventKind.CLOSED:
                assert resolved is not None and resolved.sequence < event.sequence
                closed_at = event.created_at
            elif event.kind == EventKind.REOPENED:
                resolved = resolved_at = closed_at = None
            assert event.created_at >= case.created_at
            status = new
        assert case.status == status
        assert (case.resolved_at, case.closed_at) == (resolved_at, closed_at)
        assert case.updated_at == history[-1].created_at
        if case.service_standard_id:
            assert case.due_at is not None and case.due_at > case.created_at


def test_the_standard_and_due_time_are_those_the_deadline_policy_gives(demo):
    cases = Case.objects.filter(municipality=demo.municipality).select_related("channel", "subject")
    for case in cases.order_by("id")[:60]:
        standard, due_at = binding_standard(
            municipality=demo.municipality,
            channel=case.channel,
            case_type=case.case_type,
            subject=case.subject,
            start=case.created_at,
        )
        assert case.service_standard == standard
        assert case.due_at == due_at
    assert cases.filter(service_standard__isnull=False).count() >= 0.9 * cases.count()


def test_the_skew_is_real(demo):
    cases = Case.objects.filter(municipality=demo.municipality)
    by_directorate = Counter(cases.values_list("directorate__code", flat=True))
    assert by_directorate.most_common(1)[0][0] == "zabita"
    assert cases.values("neighbourhood").distinct().count() >= 15
    assert cases.values("channel").distinct().count() >= 8
    statuses = set(cases.values_list("status", flat=True))
    assert {Status.CLOSED, Status.REJECTED, Status.DUPLICATE, Status.FORWARDED_OUT} <= statuses
    assert statuses & {Status.NEW, Status.ASSIGNED, Status.IN_PROGRESS, Status.RESOLVED}
    anonymous = cases.filter(citizen=None).count() / cases.count()
    assert 0.2 <= anonymous <= 0.4
    lights = cases.filter(subject__code="sokak-lambasi", status=Status.FORWARDED_OUT)
    assert all(c.forwarded_to.code == "bedas" for c in lights)
    assert cases.filter(events__kind=EventKind.REOPENED).exists()


def test_descriptions_are_varied_and_citizens_valid(demo):
    cases = Case.objects.filter(municipality=demo.municipality)
    assert cases.values("description").distinct().count() >= 0.9 * cases.count()
    citizens = Citizen.objects.filter(municipality=demo.municipality)
    ids = [c.national_id for c in citizens if c.national_id]
    assert ids and all(is_valid_tckn(n) for n in ids)
    assert len(set(ids)) == len(ids)
    assert all(c.phone.startswith("+905") for c in citizens if c.phone)
    assert (
        cases.values("citizen").exclude(citizen=None).distinct().count()
        < cases.exclude(citizen=None).count()
    )


def test_tracking_numbers_run_per_year_and_new_cases_continue_them(demo):
    per_year = defaultdict(list)
    for number in (
        Case.objects.filter(municipality=demo.municipality)
        .order_by("created_at", "id")
        .values_list("tracking_number", flat=True)
    ):
        year, value = number.split("-")
        per_year[int(year)].append(int(value))
    for year, values in per_year.items():
        assert values == list(range(1, len(values) + 1))
        assert TrackingSequence.objects.get(
            municipality=demo.municipality, year=year
        ).last_value == len(values)
    last_year = max(per_year)
    submitted = case_submit(
        municipality=demo.municipality,
        channel="web",
        description="Sokak lambası yanmıyor",
        subject="sokak-lambasi",
        received_at=UNTIL,
    ).case
    assert submitted.tracking_number == f"{last_year}-{len(per_year[last_year]) + 1:06d}"


def test_a_generated_open_case_can_be_worked_through_case_transition(demo):
    case = Case.objects.filter(municipality=demo.municipality, status=Status.IN_PROGRESS).first()
    worker = (
        StaffProfile.objects.filter(role=Role.DIRECTORATE_STAFF, directorates=case.directorate)
        .first()
        .user
    )
    event = case_transition(
        case_id=case.pk,
        actor=worker,
        request=TransitionRequest(
            action="resolve", text="Ekip yerinde sorunu giderdi.", expected_version=case.version
        ),
    )
    assert event.sequence == case.version + 1
    assert Case.objects.get(pk=case.pk).status == Status.RESOLVED


@translation.override("en")
def test_demo_command_runs_twice_without_duplicating_and_can_add_cases(capsys):
    call_command("demo", "--cases", "120", "--seed", "2")
    call_command("demo", "--cases", "120", "--seed", "2")
    assert "already loaded" in capsys.readouterr().out
    call_command("demo", "--if-empty")
    assert "already loaded" in capsys.readouterr().out
    assert Case.objects.count() == 120
    call_command("demo", "--cases", "30", "--add-cases")
    numbers = list(Case.objects.values_list("tracking_number", flat=True))
    assert len(numbers) == len(set(numbers)) == 150
    assert len(set(Case.objects.values_list("public_token", flat=True))) == 150


def test_same_seed_loads_the_same_cases_into_two_municipalities():
    demo_load(seed=5, cases=150, until=UNTIL, code="esenler")
    demo_load(seed=5, cases=150, until=UNTIL, code="esenler-ikiz")

    def rows(code):
        return list(
            Case.objects.filter(municipality__code=code)
            .order_by("tracking_number")
            .values_list(
                "tracking_number",
                "description",
                "status",
                "subject__code",
                "channel__code",
                "created_at",
                "due_at",
                "neighbourhood__name",
                "closed_at",
                "version",
            )
        )

    assert rows("esenler") == rows("esenler-ikiz")


@pytest.mark.django_db(transaction=True)
def test_chunked_load_outside_a_transaction_writes_every_chunk_once():
    # On PostgreSQL this takes the pipelined path: a writer thread commits chunk n while n+1 is
    # made.
    result = demo_load(seed=9, cases=330, until=UNTIL, chunk_size=100)
    cases = Case.objects.filter(municipality=result.municipality)
    assert result.created_cases == cases.count() == 330
    assert (
        result.created_events
        == CaseEvent.objects.filter(case__municipality=result.municipality).count()
    )
    assert sum(cases.values_list("version", flat=True)) == result.created_events
    numbers = sorted(cases.values_list("tracking_number", flat=True))
    for year in {n[:4] for n in numbers}:
        values = [int(n[5:]) for n in numbers if n.startswith(year)]
        assert values == list(range(1, len(values) + 1))
        assert TrackingSequence.objects.get(
            municipality=result.municipality, year=int(year)
        ).last_value == len(values)


def test_duplicates_stay_a_small_share_however_dense_the_cases():
    # 3,000 cases in ten days is as dense as a million over two years: twins are everywhere.
    ctx = build_context(reference_load())
    start, end = UNTIL - timedelta(days=10), UNTIL
    generator = CaseGenerator(ctx, seed=11, count=3000, start=start, end=end)
    citizen_ids = itertools.count(1)
    chunk = generator.chunk(3000, list(range(1, 3001)), lambda: next(citizen_ids))
    duplicate_of = CASE_COLUMNS.index("duplicate_of_id")
    share = sum(1 for row in chunk.cases if row[duplicate_of] is not None) / len(chunk.cases)
    assert 0.015 <= share <= 0.06
