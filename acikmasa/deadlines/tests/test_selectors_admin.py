"""Reads are scoped by what the user may see; the admin shows the engine's records read-only."""

from datetime import timedelta

import pytest
from django.urls import reverse

from acikmasa.common.errors import PermissionRefused
from acikmasa.deadlines.clock import Promise
from acikmasa.deadlines.models import ClosureDay
from acikmasa.deadlines.selectors import case_promise_get, escalation_list
from acikmasa.deadlines.sweep import sweep_run

from .conftest import at, pothole


def test_staff_of_another_directorate_cannot_read_a_case_s_promise(town, wall):
    case = pothole(town, wall, at(2026, 11, 2, 10))
    with pytest.raises(PermissionRefused):
        case_promise_get(user=town.users["temizlik_staff"], case=case, now=at(2026, 11, 3))
    view = case_promise_get(user=town.users["fen_staff"], case=case, now=at(2026, 11, 3, 23))
    assert view.status == Promise.DUE_SOON and view.state.due_at == at(2026, 11, 4, 10)


def test_escalations_are_listed_only_for_visible_cases(town, wall):
    case = pothole(town, wall, at(2026, 11, 2, 10))
    sweep_run(now=at(2026, 11, 2, 10) + timedelta(hours=40))
    assert [e.case_id for e in escalation_list(user=town.users["fen_manager"])] == [case.pk]
    assert list(escalation_list(user=town.users["temizlik_manager"])) == []


def test_the_admin_lists_closure_days_and_the_engine_s_records(
    town, wall, client, django_user_model
):
    root = django_user_model.objects.create_superuser(
        "root-deadlines", "root@example.org", "pw-root-deadlines"
    )
    client.force_login(root)
    admin_client = client
    ClosureDay.objects.create(
        municipality=town.municipality, day=at(2026, 11, 3).date(), reason="Köprü izni"
    )
    pothole(town, wall, at(2026, 11, 2, 10))
    sweep_run(now=at(2026, 11, 9))
    for name in ("closureday", "clock", "escalation", "escalationnotice"):
        response = admin_client.get(reverse(f"admin:deadlines_{name}_changelist"))
        assert response.status_code == 200, name
    assert admin_client.get(reverse("admin:deadlines_escalation_add")).status_code == 403
