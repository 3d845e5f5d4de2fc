"""The access log from the desk screens, the masking policy, and the officer's reports."""

import pytest
from django.db import connection, transaction
from django.db.utils import DatabaseError
from django.test import Client
from django.urls import reverse

from acikmasa.privacy.models import AccessLog
from acikmasa.privacy.policy import FULL_ID_ROLES, shown_national_id, shown_phone

from .conftest import submit

TCKN = "10000000146"


def login(town, name):
    client = Client()
    client.force_login(town.users[name])
    return client


def test_opening_a_case_page_logs_who_whose_data_and_the_case(town, django_assert_num_queries):
    case = submit(town, national_id=TCKN)
    login(town, "fen_staff").get(reverse("desk:case", args=[case.pk]))
    row = AccessLog.objects.get()
    assert (row.user, row.citizen_id, row.case_id, row.action) == (
        town.users["fen_staff"],
        case.citizen_id,
        case.pk,
        "case_viewed",
    )
    anonymous = submit(town, first="", last="", phone="")
    login(town, "fen_staff").get(reverse("desk:case", args=[anonymous.pk]))
    assert AccessLog.objects.count() == 1  # no person, nothing to log


def test_a_page_outside_the_users_scope_logs_nothing(town):
    case = submit(town)
    response = login(town, "temizlik_staff").get(reverse("desk:case", args=[case.pk]))
    assert response.status_code == 404 and not AccessLog.objects.exists()


@pytest.mark.parametrize(
    "role_user, sees_id, sees_phone",
    [
        ("desk", True, True),
        ("caller", True, True),
        ("pr", True, True),
        ("admin", True, True),
        ("fen_staff", False, True),
        ("fen_manager", False, True),
        ("mayor", False, False),
        ("field", False, False),
    ],
)
def test_case_page_masks_id_and_phone_by_role(town, role_user, sees_id, sees_phone):
    case = submit(town, national_id=TCKN)
    page = login(town, role_user).get(reverse("desk:case", args=[case.pk])).content.decode()
    assert (TCKN in page) is sees_id and ("10*******46" in page) is not sees_id
    assert ("+905321234567" in page) is sees_phone


def test_masking_policy_is_one_function_for_every_screen():
    assert shown_national_id(TCKN, "directorate_staff") == "10*******46"
    assert shown_national_id(TCKN, "call_agent") == TCKN
    assert shown_phone("+905321234567", "executive") == "+90 ********67"
    assert shown_phone("", "executive") == ""
    assert "executive" not in FULL_ID_ROLES


def test_caller_lookup_logs_each_record_shown_and_masks_for_other_roles(town):
    case = submit(town, national_id=TCKN)
    part = (
        login(town, "caller")
        .get(reverse("desk:caller_lookup"), {"q": "0532 123 45 67"})
        .content.decode()
    )
    assert TCKN in part
    row = AccessLog.objects.get()
    assert (row.citizen_id, row.action, row.detail) == (case.citizen_id, "caller_lookup", "phone")
    part = login(town, "fen_staff").get(reverse("desk:caller_lookup"), {"q": TCKN}).content.decode()
    assert TCKN not in part and "10*******46" in part and 'data-national-id=""' in part


def test_search_logs_the_citizens_it_showed_never_the_query(town):
    first = submit(town)
    second = submit(town, description="Başka bir çukur daha")
    login(town, "caller").get(reverse("desk:search"), {"q": "+905321234567"})
    rows = AccessLog.objects.filter(action="searched")
    assert {(r.citizen_id, r.case_id) for r in rows} == {
        (first.citizen_id, first.pk),
        (second.citizen_id, second.pk),
    }
    assert all("532" not in r.detail for r in rows)


def test_access_log_refuses_update_and_delete(town):
    case = submit(town)
    login(town, "caller").get(reverse("desk:case", args=[case.pk]))
    row = AccessLog.objects.get()
    with pytest.raises(PermissionError):
        AccessLog.objects.filter(pk=row.pk).update(detail="x")
    with pytest.raises(PermissionError):
        AccessLog.objects.all().delete()
    with pytest.raises(PermissionError):
        row.save()
    with pytest.raises(PermissionError):
        row.delete()


@pytest.mark.postgres_only
def test_postgres_trigger_refuses_raw_changes_to_the_access_log(town):
    case = submit(town)
    login(town, "caller").get(reverse("desk:case", args=[case.pk]))
    row = AccessLog.objects.get()
    for sql in (
        "UPDATE privacy_accesslog SET detail = 'x' WHERE id = %s",
        "DELETE FROM privacy_accesslog WHERE id = %s",
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [row.pk])
    assert AccessLog.objects.filter(pk=row.pk, detail="").exists()


def test_reports_per_citizen_and_per_staff_member_for_the_officer_only(town):
    case = submit(town)
    login(town, "caller").get(reverse("desk:case", args=[case.pk]))
    login(town, "fen_staff").get(reverse("desk:case", args=[case.pk]))
    officer = login(town, "pr")
    per_citizen = officer.get(reverse("privacy:access_report"), {"citizen": case.citizen_id})
    assert per_citizen.status_code == 200 and [
        r.user.username for r in per_citizen.context["rows"]
    ] == ["fen_staff", "caller"]
    per_user = officer.get(reverse("privacy:access_report"), {"user": town.users["caller"].pk})
    assert [r.case_id for r in per_user.context["rows"]] == [case.pk]
    assert officer.get(reverse("privacy:access_report"), {"citizen": 999_999}).status_code == 404
    assert login(town, "fen_manager").get(reverse("privacy:access_report")).status_code == 403


def test_the_officer_opening_a_citizen_is_itself_logged(town):
    case = submit(town)
    link = reverse("privacy:citizen", args=[case.citizen_id])
    assert link in login(town, "pr").get(reverse("desk:case", args=[case.pk])).content.decode()
    assert (
        link
        not in login(town, "fen_staff").get(reverse("desk:case", args=[case.pk])).content.decode()
    )
    assert login(town, "admin").get(link).status_code == 200
    assert AccessLog.objects.filter(action="citizen_viewed").get().user == town.users["admin"]
