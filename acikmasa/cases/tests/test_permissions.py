"""RBAC: who sees and who acts, through selectors, services and URLs."""

import pytest
from django.urls import reverse

from acikmasa.cases.lifecycle import Action, Status
from acikmasa.cases.models import CaseEvent
from acikmasa.cases.permissions import can_act, can_register, can_view, visible_cases
from acikmasa.cases.selectors import CaseFilters, case_get, case_list
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.common.errors import PermissionRefused
from acikmasa.common.testing import make_town

from .helpers import RESOLUTION, case_in, event_rows, submit

WIDE_READERS = ["desk", "caller", "field", "pr", "mayor", "admin"]


@pytest.fixture
def two_cases(town):
    return submit(town, subject="pothole"), submit(town, subject="waste")


def test_directorate_staff_see_only_their_directorates_cases(town, two_cases):
    fen_case, temizlik_case = two_cases
    for user in ("fen_staff", "fen_manager"):
        assert list(case_list(user=town.users[user])) == [fen_case]
        assert can_view(town.users[user], fen_case) and not can_view(
            town.users[user], temizlik_case
        )
    assert list(case_list(user=town.users["temizlik_staff"])) == [temizlik_case]


def test_reading_another_directorates_case_by_id_is_a_404(town, two_cases):
    from django.http import Http404

    with pytest.raises(Http404):
        case_get(user=town.users["fen_staff"], case_id=two_cases[1].pk)


def test_a_filter_cannot_widen_the_scope(town, two_cases):
    filters = CaseFilters(directorate_id=town.directorates["temizlik"].pk)
    assert list(case_list(user=town.users["fen_staff"], filters=filters)) == []


def test_an_unrouted_case_is_visible_to_wide_readers_only(town):
    case = submit(town, subject=None, description="Konusu belli değil")
    assert not visible_cases(town.users["fen_manager"]).filter(pk=case.pk).exists()
    assert all(can_view(town.users[u], case) for u in WIDE_READERS)


@pytest.mark.parametrize("user", WIDE_READERS)
def test_municipality_wide_readers_see_every_case(town, two_cases, user):
    assert set(case_list(user=town.users[user])) == set(two_cases)


def test_another_municipalitys_staff_see_nothing_and_act_on_nothing(town, two_cases):
    other = make_town("baskakent")
    for name, user in other.users.items():
        assert not case_list(user=user).exists(), name
        assert not any(can_view(user, c) for c in two_cases)
        with pytest.raises(PermissionRefused):
            case_transition(
                case_id=two_cases[0].pk,
                actor=user,
                request=TransitionRequest(action=Action.NOTE, text="Not"),
            )
    assert CaseEvent.objects.filter(case__in=two_cases).count() == 4


def test_users_without_a_staff_profile_or_inactive_see_nothing(town, two_cases, django_user_model):
    stranger = django_user_model.objects.create_user("stranger", password="x")
    assert not visible_cases(stranger).exists()
    retired = town.users["admin"]
    retired.is_active = False
    retired.save()
    assert not visible_cases(retired).exists() and not can_act(retired, two_cases[0], Action.NOTE)


@pytest.mark.parametrize("action", [Action.START, Action.NOTE, Action.RESOLVE, Action.ASK_CITIZEN])
def test_acting_on_another_directorates_case_is_refused(town, action):
    case = case_in(town, Status.NEW, subject="waste")
    before = event_rows(case)
    with pytest.raises(PermissionRefused):
        case_transition(
            case_id=case.pk,
            actor=town.users["fen_staff"],
            request=TransitionRequest(action=action, text=RESOLUTION),
        )
    assert event_rows(case) == before


@pytest.mark.parametrize("action", Action.values)
def test_the_executive_reads_but_may_do_nothing(town, action):
    case = case_in(town, Status.NEW)
    assert can_view(town.users["mayor"], case)
    assert not can_act(town.users["mayor"], case, action)
    with pytest.raises(PermissionRefused):
        case_transition(
            case_id=case.pk,
            actor=town.users["mayor"],
            request=TransitionRequest(action=action, text=RESOLUTION),
        )
    assert not can_register(town.users["mayor"])


@pytest.mark.parametrize("agent", ["desk", "caller"])
def test_intake_agents_close_and_reopen_but_do_not_resolve(town, agent):
    user = town.users[agent]
    case = case_in(town, Status.IN_PROGRESS)
    assert can_register(user)
    with pytest.raises(PermissionRefused):
        case_transition(
            case_id=case.pk,
            actor=user,
            request=TransitionRequest(action=Action.RESOLVE, text=RESOLUTION),
        )
    case_transition(
        case_id=case.pk,
        actor=town.users["fen_staff"],
        request=TransitionRequest(action=Action.RESOLVE, text=RESOLUTION),
    )
    case_transition(case_id=case.pk, actor=user, request=TransitionRequest(action=Action.CLOSE))
    case_transition(
        case_id=case.pk,
        actor=user,
        request=TransitionRequest(
            action=Action.REOPEN, text="Vatandaş çukurun duruyor dediğini bildirdi"
        ),
    )
    case.refresh_from_db()
    assert case.status == Status.REOPENED


def test_only_managers_assign(town):
    case = case_in(town, Status.NEW)
    params = {"assignee_id": town.users["fen_staff"].pk}
    with pytest.raises(PermissionRefused):
        case_transition(
            case_id=case.pk,
            actor=town.users["fen_staff"],
            request=TransitionRequest(action=Action.ASSIGN, params=params),
        )
    case_transition(
        case_id=case.pk,
        actor=town.users["fen_manager"],
        request=TransitionRequest(action=Action.ASSIGN, params=params),
    )
    case.refresh_from_db()
    assert case.assignee == town.users["fen_staff"]


def test_the_case_list_takes_a_bounded_number_of_queries(town, django_assert_max_num_queries):
    for i in range(30):
        submit(
            town,
            subject=["pothole", "waste", "street_light"][i % 3],
            neighbourhood=town.neighbourhoods["birlik"].pk,
        )
    for user in ("fen_staff", "admin"):
        with django_assert_max_num_queries(3):
            rows = list(case_list(user=town.users[user]))
            for case in rows:
                # Touch what the list shows: related rows must come with the bounded queries.
                _ = (
                    case.subject.name,
                    case.directorate.name,
                    case.channel.name,
                    case.neighbourhood,
                    case.assignee,
                )
        assert rows


# --- by URL: the desk answers 404 outside the scope and 403 when the role may not act ---


def test_a_staff_member_gets_404_for_another_directorates_case_page(client, town):
    case = submit(town, subject="waste")
    client.force_login(town.users["fen_staff"])
    assert client.get(reverse("desk:case", args=[case.pk])).status_code == 404
    client.force_login(town.users["temizlik_staff"])
    assert client.get(reverse("desk:case", args=[case.pk])).status_code == 200


def test_another_municipalitys_admin_gets_404(client, town):
    case = submit(town)
    other = make_town("baskakent")
    client.force_login(other.users["admin"])
    assert client.get(reverse("desk:case", args=[case.pk])).status_code == 404


def test_posting_an_action_on_another_directorates_case_is_refused_and_writes_nothing(client, town):
    case = submit(town, subject="waste")
    before = event_rows(case)
    client.force_login(town.users["fen_manager"])
    response = client.post(
        reverse("desk:case_action", args=[case.pk, Action.RESOLVE]), {"text": RESOLUTION}
    )
    assert response.status_code in (403, 404)
    assert event_rows(case) == before


def test_the_executive_posting_an_action_gets_403_and_writes_nothing(client, town):
    case = submit(town)
    before = event_rows(case)
    client.force_login(town.users["mayor"])
    assert client.get(reverse("desk:case", args=[case.pk])).status_code == 200
    response = client.post(reverse("desk:case_action", args=[case.pk, Action.START]), {})
    assert response.status_code == 403
    assert event_rows(case) == before


def test_an_anonymous_visitor_is_sent_to_log_in(client, town):
    case = submit(town)
    response = client.get(reverse("desk:case", args=[case.pk]))
    assert response.status_code == 302 and "login" in response["Location"]
    before = event_rows(case)
    client.post(reverse("desk:case_action", args=[case.pk, Action.START]), {})
    assert event_rows(case) == before


def test_an_allowed_post_writes_exactly_one_event(client, town):
    case = submit(town)
    client.force_login(town.users["fen_staff"])
    response = client.post(
        reverse("desk:case_action", args=[case.pk, Action.START]), {"version": case.version}
    )
    assert response.status_code in (200, 302)
    assert len(event_rows(case)) == 3
