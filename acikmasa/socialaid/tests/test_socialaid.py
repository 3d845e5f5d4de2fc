import pytest
from django.urls import reverse

from acikmasa.cases.events import EventKind
from acikmasa.cases.lifecycle import Action, Status
from acikmasa.cases.models import Case
from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.cases.services.intake import case_submit
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.common.errors import PermissionRefused, TransitionRefused, ValidationFailed
from acikmasa.common.testing import make_user
from acikmasa.directory.models import Region, Role, Subject
from acikmasa.notify.models import Notification

from ..models import AidGround, AidKind, AidSubject, HouseholdCheck
from ..services import Visit, check_decide, check_visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def aid(town):
    m = town.municipality
    food = Subject.objects.create(
        municipality=m,
        code="gida-yardimi",
        name="Gıda yardımı",
        directorate=town.directorates["temizlik"],
    )
    AidSubject.objects.create(subject=food, kind=AidKind.FOOD)
    region = Region.objects.create(municipality=m, code="r1", name="Bölge 1")
    town.neighbourhoods["birlik"].region = region
    town.neighbourhoods["birlik"].save()
    field = town.users["field"].staff
    field.region = region
    field.save()
    other = make_user(town, "field_other", Role.FIELD_REP)
    other.staff.region = Region.objects.create(municipality=m, code="r2", name="Bölge 2")
    other.staff.save()
    grounds = {
        "yes": AidGround.objects.create(
            municipality=m,
            code="muhtac",
            applies_to=AidGround.AppliesTo.APPROVAL,
            text="5393 s. Kanun md. 14; Yönetmelik md. 8: muhtaçlık koşulu sağlanıyor",
        ),
        "no": AidGround.objects.create(
            municipality=m,
            code="gelir",
            applies_to=AidGround.AppliesTo.REFUSAL,
            text="Sosyal Yardım Yönetmeliği md. 9: hane geliri sınırın üstünde",
        ),
    }
    return food, grounds


def food_request(town, food) -> Case:
    return case_submit(
        municipality=town.municipality,
        channel="call_centre",
        description="Evde yiyecek kalmadı, üç çocuğum var, gıda kolisi istiyorum.",
        subject=food,
        neighbourhood=town.neighbourhoods["birlik"],
        citizen=CitizenInput(first_name="Elif", phone="0535 000 11 22", contact_consent=True),
    ).case


def test_a_food_aid_request_opens_a_household_check_in_its_own_transaction(town, aid):
    food, _grounds = aid
    case = food_request(town, food)
    check = HouseholdCheck.objects.get(case=case)
    assert check.status == HouseholdCheck.Status.OPEN and check.kind == AidKind.FOOD
    opened = case.events.get(kind=EventKind.HOUSEHOLD_CHECK_OPENED)
    assert not opened.is_public and opened.payload["check"] == check.pk
    assert Case.objects.get(pk=case.pk).version == case.events.count() == 3
    other = case_submit(
        municipality=town.municipality,
        channel="web",
        description="çöp",
        subject=town.subjects["waste"],
    ).case
    assert not HouseholdCheck.objects.filter(case=other).exists()


def test_a_case_corrected_to_an_aid_subject_gets_its_check(town, aid):
    food, _grounds = aid
    case = case_submit(
        municipality=town.municipality,
        channel="web",
        description="yardım istiyorum, evde yiyecek yok",
        subject=town.subjects["waste"],
    ).case
    case_transition(
        case_id=case.pk,
        actor=town.users["temizlik_staff"],
        request=TransitionRequest(
            action=Action.RECLASSIFY, text="Konu gıda yardımı", params={"subject_id": food.pk}
        ),
    )
    assert HouseholdCheck.objects.filter(case=case).exists()


def test_visit_then_refusal_tells_the_citizen_the_reason_and_ground(town, aid):
    food, grounds = aid
    case = food_request(town, food)
    check = HouseholdCheck.objects.get(case=case)
    with pytest.raises(PermissionRefused):
        check_visit(
            user=town.users["field_other"],
            check_id=check.pk,
            visit=Visit(household_size=5, findings="Hane ziyaret edildi, bilgiler alındı."),
        )
    with pytest.raises(TransitionRefused):  # no decision before the visit
        check_decide(
            user=town.users["temizlik_manager"],
            check_id=check.pk,
            approved=False,
            ground_id=grounds["no"].pk,
            reason="Gelir sınırın üstünde.",
        )
    check_visit(
        user=town.users["field"],
        check_id=check.pk,
        visit=Visit(
            household_size=5, findings="Eşi çalışıyor, düzenli geliri var.", monthly_income=42000
        ),
    )
    visited = case.events.get(kind=EventKind.HOUSEHOLD_VISITED)
    assert not visited.is_public and "42000" not in str(visited.payload)
    with pytest.raises(ValidationFailed):  # an approval ground for a refusal
        check_decide(
            user=town.users["temizlik_manager"],
            check_id=check.pk,
            approved=False,
            ground_id=grounds["yes"].pk,
            reason="Hane geliri yönetmelikteki sınırın üstünde.",
        )
    check_decide(
        user=town.users["temizlik_manager"],
        check_id=check.pk,
        approved=False,
        ground_id=grounds["no"].pk,
        reason="Hane geliri yönetmelikteki sınırın üstünde.",
    )
    case.refresh_from_db()
    assert case.status == Status.REJECTED
    rejected = case.events.get(kind=EventKind.REJECTED)
    assert "sınırın üstünde" in rejected.text and "md. 9" in rejected.text
    told = Notification.objects.get(case=case, source_event=rejected.pk)
    assert "md. 9" in told.text


def test_approval_resolves_and_staff_below_manager_may_not_refuse(town, aid):
    food, grounds = aid
    case = food_request(town, food)
    check = HouseholdCheck.objects.get(case=case)
    check_visit(
        user=town.users["field"],
        check_id=check.pk,
        visit=Visit(household_size=4, findings="Eşi vefat etmiş, çalışan yok, kira borcu var."),
    )
    with pytest.raises(PermissionRefused):
        check_decide(
            user=town.users["temizlik_staff"],
            check_id=check.pk,
            approved=False,
            ground_id=grounds["no"].pk,
            reason="Hane geliri sınırın üstünde.",
        )
    check_decide(
        user=town.users["temizlik_manager"],
        check_id=check.pk,
        approved=True,
        ground_id=grounds["yes"].pk,
        reason="Gıda kolisi bu hafta teslim edilecek.",
    )
    check.refresh_from_db()
    assert check.decision == HouseholdCheck.Decision.APPROVED
    assert Case.objects.get(pk=case.pk).status == Status.RESOLVED


def test_the_field_rep_sees_their_regions_open_checks_on_the_page(town, aid, client):
    food, _grounds = aid
    case = food_request(town, food)
    check = HouseholdCheck.objects.get(case=case)
    client.force_login(town.users["field"])
    listing = client.get(reverse("socialaid:checks"))
    assert case.tracking_number in listing.content.decode()
    posted = client.post(
        reverse("socialaid:check", args=[check.pk]),
        {"household_size": 3, "findings": "Yaşlı çift, emekli maaşı yetmiyor."},
    )
    assert posted.status_code == 302
    check.refresh_from_db()
    assert check.status == HouseholdCheck.Status.VISITED
    client.force_login(town.users["field_other"])
    assert client.get(reverse("socialaid:check", args=[check.pk])).status_code == 404
