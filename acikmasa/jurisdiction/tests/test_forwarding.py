"""Forwarding out at intake and by staff, across tenants, with permissions and refusals."""

import pytest

from acikmasa.cases.events import EventKind
from acikmasa.cases.lifecycle import Action, Status
from acikmasa.cases.models import Case, CaseEvent
from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.cases.services.intake import case_submit
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.common.errors import NotFound, PermissionRefused, TransitionRefused
from acikmasa.common.testing import make_town
from acikmasa.directory.models import ExternalBody
from acikmasa.jurisdiction.models import ForwardRecord, JurisdictionRule
from acikmasa.jurisdiction.services import forward_execute, jurisdiction_forward
from acikmasa.notify.models import Notification

pytestmark = pytest.mark.django_db


def lights_rule(town, **kwargs):
    rule = JurisdictionRule.objects.create(
        municipality=town.municipality,
        name="Sokak lambaları dağıtım şirketinde",
        priority=10,
        external_body=town.external_bodies["elektrik"],
        **kwargs,
    )
    rule.subjects.set([town.subjects["street_light"]])
    return rule


def light(town, phone="05325556677"):
    citizen = (
        CitizenInput(first_name="Ali", last_name="Kaya", phone=phone, contact_consent=True)
        if phone
        else None
    )
    return case_submit(
        municipality=town.municipality,
        channel="web",
        subject="street_light",
        description="Lamba yanmıyor",
        citizen=citizen,
    ).case


def snapshot():
    return (
        list(Case.objects.order_by("pk").values_list("pk", "status", "forwarded_to_id", "version")),
        CaseEvent.objects.count(),
        ForwardRecord.objects.count(),
    )


def test_a_rule_that_forwards_at_intake_forwards_after_commit_and_tells_the_citizen(
    town, django_capture_on_commit_callbacks
):
    lights_rule(town, forward_at_intake=True)
    with django_capture_on_commit_callbacks(execute=True):
        case = light(town)
    case.refresh_from_db()
    assert (
        case.status == Status.FORWARDED_OUT
        and case.forwarded_to == town.external_bodies["elektrik"]
    )
    matched = case.events.get(kind=EventKind.JURISDICTION_MATCHED)
    assert (
        matched.payload["rule_name"] == "Sokak lambaları dağıtım şirketinde"
        and not matched.is_public
    )
    out = case.events.get(kind=EventKind.FORWARDED_OUT)
    assert "Elektrik Dağıtım A.Ş." in out.text and out.is_public and out.actor is None
    record = ForwardRecord.objects.get(case=case)
    assert (
        record.status == "done" and record.via == "intake" and case.tracking_number in record.letter
    )
    assert "Ali" not in record.letter  # the letter carries no personal data
    assert (
        Notification.objects.filter(case=case, event="forwarded").exclude(status="skipped").exists()
    )
    assert case.version == case.events.count()


def test_a_rule_without_intake_forwarding_leaves_the_case_to_staff(
    town, django_capture_on_commit_callbacks
):
    lights_rule(town)
    with django_capture_on_commit_callbacks(execute=True):
        case = light(town)
    case.refresh_from_db()
    assert case.status == Status.NEW and not ForwardRecord.objects.exists()


def test_staff_forward_by_the_previewed_rule(client, town):
    rule = lights_rule(town)
    case = light(town)
    client.force_login(town.users["fen_staff"])
    panel = client.get(f"/yetki/cases/{case.pk}/panel/").content.decode()
    assert rule.name in panel and "konu: Sokak lambası" in panel and 'name="rule"' in panel
    response = client.post(f"/yetki/cases/{case.pk}/forward/", {"rule": rule.pk})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Status.FORWARDED_OUT
    record = ForwardRecord.objects.get(case=case)
    assert record.via == "staff" and record.actor == town.users["fen_staff"] and record.rule == rule
    assert case.events.get(kind=EventKind.FORWARDED_OUT).actor == town.users["fen_staff"]


@pytest.mark.parametrize("user", ["desk", "caller", "mayor"])
def test_who_may_not_forward_out_is_refused_and_nothing_is_written(town, user):
    rule = lights_rule(town)
    case = light(town)
    before = snapshot()
    with pytest.raises(PermissionRefused):
        jurisdiction_forward(case_id=case.pk, rule_id=rule.pk, actor=town.users[user])
    assert snapshot() == before


def test_another_directorates_staff_do_not_even_see_the_case(client, town):
    rule = lights_rule(town)
    case = light(town)
    with pytest.raises(NotFound):
        jurisdiction_forward(case_id=case.pk, rule_id=rule.pk, actor=town.users["temizlik_staff"])
    client.force_login(town.users["temizlik_staff"])
    assert client.post(f"/yetki/cases/{case.pk}/forward/", {"rule": rule.pk}).status_code == 404


def test_a_stale_or_bad_rule_is_a_clear_error(client, town):
    rule = lights_rule(town)
    case = light(town)
    before = snapshot()
    with pytest.raises(TransitionRefused):
        jurisdiction_forward(case_id=case.pk, rule_id=rule.pk + 1, actor=town.users["fen_staff"])
    client.force_login(town.users["fen_staff"])
    for value in ("abc", "", str(rule.pk + 7)):
        response = client.post(f"/yetki/cases/{case.pk}/forward/", {"rule": value})
        assert response.status_code == 400 and 'role="alert"' in response.content.decode()
    assert snapshot() == before


def test_a_closed_case_is_not_forwarded_at_intake_time_either(
    town, django_capture_on_commit_callbacks
):
    lights_rule(town, forward_at_intake=True)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        case = light(town)
    case_transition(
        case_id=case.pk,
        actor=town.users["fen_manager"],
        request=TransitionRequest(Action.REJECT, text="Mükerrer, zaten bildirildi"),
    )
    for callback in callbacks:
        callback()
    record = ForwardRecord.objects.get(case=case)
    assert record.status == "failed" and record.error
    assert Case.objects.get(pk=case.pk).status == Status.REJECTED


@pytest.fixture
def metropolis(town):
    ibb = make_town("ibb")
    body = ExternalBody.objects.create(
        municipality=town.municipality,
        code="ibb",
        name="İBB Beyaz Masa",
        kind="metropolitan",
        phone="153",
    )
    rule = JurisdictionRule.objects.create(
        municipality=town.municipality,
        name="Ana cadde İBB'de",
        priority=5,
        external_body=body,
        target_municipality=ibb.municipality,
        forward_at_intake=True,
    )
    rule.streets.set([town.streets["ataturk"]])
    return ibb, rule


def test_a_rule_naming_another_tenant_opens_exactly_one_linked_case_there(
    client, town, metropolis, django_capture_on_commit_callbacks
):
    ibb, _rule = metropolis
    with django_capture_on_commit_callbacks(execute=True):
        case = case_submit(
            municipality=town.municipality,
            channel="web",
            subject="pothole",
            description="Ana caddede derin çukur",
            street=town.streets["ataturk"],
            citizen=CitizenInput(
                first_name="Ali", last_name="Kaya", phone="05325556677", contact_consent=True
            ),
        ).case
    case.refresh_from_db()
    record = ForwardRecord.objects.get(case=case)
    there = record.target_case
    assert case.status == Status.FORWARDED_OUT and there.municipality == ibb.municipality
    assert Case.objects.filter(municipality=ibb.municipality).count() == 1
    assert (
        there.subject.code == "pothole"
        and there.channel.code == "transfer"
        and there.external_id == f"testkent:{case.tracking_number}"
    )
    assert (
        there.citizen.phone == "+905325556677" and there.status == Status.NEW
    )  # not sent on again
    assert (
        there.events.get(kind=EventKind.CREATED).payload["extra"]["forwarded_from"][
            "tracking_number"
        ]
        == case.tracking_number
    )
    assert there.tracking_number in case.events.get(kind=EventKind.FORWARDED_OUT).text
    # a retry of the task, or of the whole forwarding, opens nothing more
    forward_execute(record_id=record.pk)
    assert Case.objects.filter(municipality=ibb.municipality).count() == 1
    # each case shows the other's tracking number
    client.force_login(town.users["admin"])
    assert there.tracking_number in client.get(f"/yetki/cases/{case.pk}/panel/").content.decode()
    client.force_login(ibb.users["admin"])
    assert case.tracking_number in client.get(f"/yetki/cases/{there.pk}/panel/").content.decode()


def test_a_retried_record_finds_the_case_already_opened_there(town, metropolis):
    ibb, rule = metropolis
    rule.forward_at_intake = False
    rule.save()
    case = case_submit(
        municipality=town.municipality,
        channel="web",
        subject="pothole",
        description="Çukur",
        street=town.streets["ataturk"],
    ).case
    first = jurisdiction_forward(case_id=case.pk, rule_id=rule.pk, actor=town.users["admin"])
    # the same external id through the intake door gives back the same case
    again = case_submit(
        municipality=ibb.municipality,
        channel="transfer",
        description="Çukur",
        external_id=f"testkent:{case.tracking_number}",
    )
    assert not again.created and again.case == first.target_case
    with pytest.raises(TransitionRefused):
        jurisdiction_forward(case_id=case.pk, rule_id=rule.pk, actor=town.users["admin"])
    assert Case.objects.filter(municipality=ibb.municipality).count() == 1
