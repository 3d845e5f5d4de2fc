import pytest
from django.urls import reverse

from acikmasa.cases.events import EventKind
from acikmasa.cases.models import Priority
from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.cases.services.intake import case_submit
from acikmasa.common.errors import PermissionRefused, TransitionRefused, ValidationFailed
from acikmasa.directory.models import ServiceStandard
from acikmasa.privacy.models import AccessLog

from ..models import Basis, PriorityGroup
from ..selectors import LOG_DETAIL, members_list
from ..services import membership_end, membership_record

pytestmark = pytest.mark.django_db
TCKN = "10000000146"


@pytest.fixture
def group(town):
    fast = ServiceStandard.objects.create(
        municipality=town.municipality,
        sequence_no=20,
        name="Öncelikli hizmet",
        deadline_amount=3,
        deadline_unit=ServiceStandard.Unit.CALENDAR_DAYS,
    )
    return PriorityGroup.objects.create(
        municipality=town.municipality,
        code="yalniz-yasli",
        name="Yalnız yaşayan yaşlılar",
        priority=Priority.HIGH,
        standard=fast,
    )


def record(town, group, user="desk", **extra):
    return membership_record(
        user=town.users[user],
        citizen=CitizenInput(first_name="Fatma", last_name="Demir", national_id=TCKN),
        group_id=group.pk,
        basis=extra.get("basis", Basis.CONSENT),
        evidence=extra.get("evidence", "Açık rıza formu no. 2026/114"),
    )


def submit(town, national_id=TCKN):
    return case_submit(
        municipality=town.municipality,
        channel="call_centre",
        description="Sokakta çöp birikti, alınmadı.",
        subject=town.subjects["waste"],
        citizen=CitizenInput(first_name="Fatma", last_name="Demir", national_id=national_id),
    ).case


def test_a_member_gets_priority_and_the_shorter_standard_without_the_group_in_history(town, group):
    ordinary = submit(town, national_id="")
    record(town, group)
    case = submit(town)
    assert case.priority == Priority.HIGH
    assert case.service_standard == group.standard
    assert case.due_at < ordinary.due_at
    created = case.events.get(kind=EventKind.CREATED)
    assert created.payload["priority_care"] is True
    assert "yalniz" not in str(created.payload) and "Yalnız" not in str(created.payload)
    assert ordinary.priority == Priority.NORMAL and "priority_care" not in (
        ordinary.events.get(kind=EventKind.CREATED).payload
    )


def test_an_ended_membership_no_longer_applies(town, group):
    membership = record(town, group)
    membership_end(user=town.users["pr"], membership_id=membership.pk, reason="Rıza geri alındı.")
    assert submit(town).priority == Priority.NORMAL
    with pytest.raises(TransitionRefused):
        membership_end(user=town.users["pr"], membership_id=membership.pk, reason="again")


def test_recording_needs_a_basis_evidence_and_the_id_number(town, group):
    with pytest.raises(ValidationFailed) as refused:
        membership_record(
            user=town.users["desk"],
            citizen=CitizenInput(first_name="A", last_name="B"),
            group_id=group.pk,
            basis="because",
            evidence="",
        )
    assert set(refused.value.errors) == {"national_id", "basis", "evidence"}


def test_the_same_group_twice_is_refused(town, group):
    record(town, group)
    with pytest.raises(TransitionRefused):
        record(town, group)


def test_only_the_pr_manager_and_admins_read_and_every_read_is_logged(town, group):
    membership = record(town, group)
    with pytest.raises(PermissionRefused):
        members_list(user=town.users["desk"], group_id=group.pk)
    with pytest.raises(PermissionRefused):
        record(town, group, user="fen_staff")
    shown = members_list(user=town.users["pr"], group_id=group.pk)
    assert [m.pk for m in shown] == [membership.pk]
    log = AccessLog.objects.get(user=town.users["pr"])
    assert log.citizen_id == membership.citizen_id and log.detail == LOG_DETAIL
    members_list(user=town.users["admin"], query="fatma demir")
    assert AccessLog.objects.filter(detail=LOG_DETAIL).count() == 2


def test_the_screen_shows_counts_to_agents_and_names_only_to_readers(town, group, client):
    record(town, group)
    client.force_login(town.users["desk"])
    page = client.get(reverse("prioritycare:overview") + f"?group={group.pk}")
    assert page.status_code == 200 and "Fatma" not in page.content.decode()
    client.force_login(town.users["pr"])
    page = client.get(reverse("prioritycare:overview") + f"?group={group.pk}")
    assert "Fatma Demir" in page.content.decode()
    assert AccessLog.objects.filter(user=town.users["pr"], detail=LOG_DETAIL).count() == 1
    client.force_login(town.users["fen_staff"])
    assert client.get(reverse("prioritycare:overview")).status_code == 403
