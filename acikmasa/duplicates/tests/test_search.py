"""Candidate search: radius, time window, subject relation, text, place without a pin."""

import pytest

from acikmasa.cases.lifecycle import Action
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.duplicates.models import DuplicateCandidate, SubjectDuplicateRule
from acikmasa.duplicates.search import Probe, candidate_search

from .helpers import LAT, NORTH_50, NORTH_120, NORTH_400, report

pytestmark = pytest.mark.django_db


def found(case):
    return {m.case_id: m for m in candidate_search(Probe.of(case))}


def test_a_similar_report_within_the_radius_is_a_candidate_and_a_far_one_is_not(town):
    near = report(town, lat=LAT + NORTH_50)
    far = report(town, lat=LAT + NORTH_400)
    new = report(town, "Lamba yanmıyor, sokak karanlık kaldı")
    matches = found(new)
    assert near.pk in matches and far.pk not in matches
    assert 40 <= matches[near.pk].distance_m <= 60
    assert {"same_subject", "nearby"} <= set(matches[near.pk].reasons)


def test_the_radius_is_set_per_subject(town):
    SubjectDuplicateRule.objects.create(subject=town.subjects["street_light"], radius_m=500)
    far = report(town, lat=LAT + NORTH_400)
    assert far.pk in found(report(town))


def test_cases_older_than_the_window_are_not_candidates_unless_the_subject_allows_it(town):
    old = report(town, days_ago=40)
    assert old.pk not in found(report(town))
    SubjectDuplicateRule.objects.create(subject=town.subjects["street_light"], window_days=60)
    assert old.pk in found(report(town))


def test_only_open_cases_are_candidates(town):
    done = report(town)
    case_transition(
        case_id=done.pk,
        actor=town.users["fen_staff"],
        request=TransitionRequest(Action.RESOLVE, text="Lamba değiştirildi, yanıyor."),
    )
    assert done.pk not in found(report(town))


def test_another_subject_counts_only_when_related(town):
    pothole = report(town, "Lamba direğinin dibinde çukur", subject="pothole")
    waste = report(town, "Lamba direğinin dibinde çöp", subject="waste")
    new = report(town, "Lamba direğinin dibinde karanlık")
    assert pothole.pk not in found(new) and waste.pk not in found(new)
    rule = SubjectDuplicateRule.objects.create(subject=town.subjects["waste"])
    rule.related_subjects.add(
        town.subjects["street_light"]
    )  # set on the other side: works both ways
    matches = found(report(town, "Lamba direğinin dibinde karanlık"))
    assert waste.pk in matches and "related_subject" in matches[waste.pk].reasons
    assert pothole.pk not in matches


def test_same_directorate_makes_its_subjects_related(town):
    pothole = report(town, "Lamba direğinin dibinde çukur var", subject="pothole")
    SubjectDuplicateRule.objects.create(
        subject=town.subjects["street_light"], same_directorate=True
    )
    assert pothole.pk in found(report(town, "Lamba direğinin dibinde çukur var"))


def test_text_similarity_decides_in_the_same_mahalle_without_a_pin(town):
    tuna = town.neighbourhoods["tuna"]
    alike = report(
        town, "Okul önündeki sokak lambası yanmıyor", lat=None, lng=None, neighbourhood=tuna
    )
    other = report(
        town, "Parktaki oyun alanı aydınlatması istiyoruz", lat=None, lng=None, neighbourhood=tuna
    )
    matches = found(
        report(
            town, "okul onundeki sokak lambasi yanmiyor!", lat=None, lng=None, neighbourhood=tuna
        )
    )
    assert alike.pk in matches and other.pk not in matches
    assert {"same_mahalle", "similar_text"} <= set(matches[alike.pk].reasons)
    assert matches[alike.pk].distance_m is None


def test_same_street_without_a_pin_counts_for_a_pinned_report(town):
    street = town.streets["ataturk"]
    unpinned = report(town, lat=None, lng=None, street=street)
    matches = found(report(town, street=street))
    assert "same_street" in matches[unpinned.pk].reasons


def test_a_report_with_no_place_at_all_has_no_candidates(town):
    report(town, lat=None, lng=None)
    assert found(report(town, lat=None, lng=None)) == {}


def test_the_intake_stores_the_links_and_a_rerun_adds_none(town):
    first = report(town, lat=LAT + NORTH_120 / 2)
    second = report(town)
    link = DuplicateCandidate.objects.get(case=second)
    assert link.candidate_id == first.pk and link.state == "pending" and 0.5 <= link.score <= 1
    from acikmasa.duplicates.services import candidates_store

    candidates_store(second)
    assert DuplicateCandidate.objects.filter(case=second).count() == 1


def test_the_search_reads_a_bounded_number_of_queries(town, django_assert_max_num_queries):
    for i in range(20):
        report(town, lat=LAT + i * NORTH_50 / 10)
    new = report(town)
    with django_assert_max_num_queries(3):
        assert len(candidate_search(Probe.of(new))) == 10  # MAX_STORED


def test_a_fault_in_the_search_never_blocks_the_intake(town, monkeypatch):
    from acikmasa.duplicates import services

    def broken(probe, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(services, "candidate_search", broken)
    case = report(town)
    case.refresh_from_db()
    assert case.pk and case.events.filter(kind="created").exists()
    assert not DuplicateCandidate.objects.exists()


def test_the_scan_command_links_cases_that_skipped_the_hook_and_reruns_add_nothing(town):
    from io import StringIO

    from django.core.management import call_command

    first, second = report(town), report(town)
    DuplicateCandidate.objects.all().delete()  # as after a bulk load, which skips the hooks
    out = StringIO()
    call_command("duplicates_scan", "--days", "5", stdout=out)
    assert "cases scanned 2" in out.getvalue()
    assert DuplicateCandidate.objects.filter(case=second, candidate=first).exists()
    count = DuplicateCandidate.objects.count()
    call_command("duplicates_scan", stdout=StringIO())
    assert DuplicateCandidate.objects.count() == count
