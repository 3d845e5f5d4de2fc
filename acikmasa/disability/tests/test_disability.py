import pytest
from django.urls import reverse
from django.utils import timezone

from acikmasa.cases.events import EventKind
from acikmasa.cases.lifecycle import Action
from acikmasa.cases.models import Case
from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.cases.services.intake import case_submit
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.common.errors import ValidationFailed
from acikmasa.common.testing import make_user
from acikmasa.directory.models import Directorate, Role, Subject
from acikmasa.portal.forms import new_form_token

from ..models import DisabilityUnit
from ..selectors import unit_year
from ..services import AccessibleApplication, disability_apply

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit(town):
    m = town.municipality
    directorate = Directorate.objects.create(municipality=m, code="engelli", name="Engelli Birimi")
    town.directorates["engelli"] = directorate
    subject = Subject.objects.create(
        municipality=m,
        code="engelli-birimi",
        name="Engelli Birimi başvurusu",
        directorate=directorate,
    )
    make_user(town, "engelli_staff", Role.DIRECTORATE_STAFF, ["engelli"])
    return DisabilityUnit.objects.create(
        municipality=m,
        directorate=directorate,
        subject=subject,
        relay_sms_number="0532 000 00 00",
        video_call_url="https://meet.example.org/engelli",
        video_call_hours="Hafta içi 09:00–17:00",
    )


def application(**overrides) -> AccessibleApplication:
    data = {
        "form_token": "t1",
        "description": "Akülü sandalyemin şarj cihazı bozuldu, yardım istiyorum.",
        "contact_by": "sms",
        "citizen": CitizenInput(first_name="Emre", phone="0532 444 55 66"),
    }
    return AccessibleApplication(**(data | overrides))


def test_the_accessible_form_files_into_the_units_queue_with_the_way_to_answer(town, unit):
    case = disability_apply(municipality=town.municipality, data=application()).case
    assert case.directorate == unit.directorate and case.channel.code == "web"
    extra = case.events.get(kind=EventKind.CREATED).payload["extra"]
    assert extra["contact_by"] == "sms" and extra["accessible_form"] is True
    again = disability_apply(municipality=town.municipality, data=application())
    assert again.case == case and not again.created


def test_a_text_answer_needs_the_matching_address(town, unit):
    with pytest.raises(ValidationFailed) as refused:
        disability_apply(
            municipality=town.municipality,
            data=application(contact_by="email", citizen=CitizenInput(phone="05324445566")),
        )
    assert "email" in refused.value.errors
    with pytest.raises(ValidationFailed):
        disability_apply(municipality=town.municipality, data=application(contact_by="fax"))
    assert not Case.objects.exists()


def test_the_units_year_in_the_seed_form(town, unit):
    staff = town.users["engelli_staff"]
    cases = [
        disability_apply(municipality=town.municipality, data=application(form_token=f"t{n}")).case
        for n in range(4)
    ]
    for case in cases[:3]:
        case_transition(
            case_id=case.pk,
            actor=staff,
            request=TransitionRequest(
                action=Action.RESOLVE, text="Cihaz değiştirildi, teslim edildi."
            ),
        )
    case_submit(  # another directorate's case does not count
        municipality=town.municipality,
        channel="web",
        description="çukur var",
        subject=town.subjects["pothole"],
    )
    year = unit_year(unit=unit, year=timezone.localdate().year)
    assert (year.received, year.concluded, year.open) == (4, 3, 1)
    assert sum(r for _m, r, _c in year.months) == 4
    last_year = unit_year(unit=unit, year=timezone.localdate().year - 1)
    assert last_year.received == 0


def test_the_form_page_is_labelled_and_a_refusal_lists_errors_with_links(town, unit, client):
    url = reverse("disability:apply")
    page = client.get(url)
    body = page.content.decode()
    assert page.status_code == 200
    assert unit.relay_sms_number in body and unit.video_call_url in body
    assert 'for="id_description"' in body and 'autocomplete="tel"' in body
    refused = client.post(url, {"form_token": new_form_token(), "contact_by": "sms"})
    assert refused.status_code == 400
    text = refused.content.decode()
    assert 'role="alert"' in text and 'href="#id_description"' in text
    assert 'aria-invalid="true"' in text
    sent = client.post(
        url,
        {
            "form_token": new_form_token(),
            "description": "Kaldırıma rampa yapılmasını istiyorum, sandalye ile geçemiyorum.",
            "contact_by": "whatsapp",
            "phone": "0532 444 55 66",
            "privacy_read": "on",
        },
    )
    assert sent.status_code == 302
    assert Case.objects.get().directorate == unit.directorate


def test_the_unit_page_is_for_the_unit_and_overseers(town, unit, client):
    client.force_login(town.users["fen_staff"])
    assert client.get(reverse("disability:unit")).status_code == 404
    client.force_login(town.users["engelli_staff"])
    page = client.get(reverse("disability:unit"))
    assert page.status_code == 200 and 'id="unit-sentence"' in page.content.decode()
    client.force_login(town.users["mayor"])
    assert client.get(reverse("disability:unit")).status_code == 200
