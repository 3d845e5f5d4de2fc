import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from acikmasa.cases.events import EventKind
from acikmasa.cases.models import Case
from acikmasa.channels.models import InboundMessage, Muhtar

pytestmark = pytest.mark.django_db


@pytest.fixture
def muhtar(town):
    user = get_user_model().objects.create_user(
        username="birlik_muhtari", password="pw", first_name="Kemal", last_name="Aydın"
    )
    return Muhtar.objects.create(user=user, neighbourhood=town.neighbourhoods["birlik"])


def form(client, **data):
    page = client.get(reverse("channels:muhtar"))
    key = page.context["form"].initial["key"]
    return client.post(
        reverse("channels:muhtar"),
        {"key": key, "description": "Muhtarlık önündeki yol çöktü.", **data},
    ), key


def test_muhtar_submits_for_their_own_mahalle(client, town, muhtar):
    client.force_login(muhtar.user)
    response, _key = form(
        client,
        subject=town.subjects["pothole"].pk,
        street=town.streets["ataturk"].pk,
        first_name="Hatice",
        last_name="Er",
        phone="05321230000",
    )
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.channel.code == "muhtar" and case.neighbourhood == town.neighbourhoods["birlik"]
    assert case.directorate == town.directorates["fen"] and case.street == town.streets["ataturk"]
    assert case.citizen.first_name == "Hatice"
    created = case.events.get(kind=EventKind.CREATED)
    assert created.actor == muhtar.user and created.payload["extra"]["muhtar"] == muhtar.user_id
    assert case.tracking_number in client.get(response["Location"]).content.decode()


def test_double_submission_of_the_same_form_makes_one_case(client, town, muhtar):
    client.force_login(muhtar.user)
    _, key = form(client)
    client.post(
        reverse("channels:muhtar"), {"key": key, "description": "Muhtarlık önündeki yol çöktü."}
    )
    assert (
        Case.objects.count() == 1 and InboundMessage.objects.filter(channel="muhtar").count() == 1
    )


def test_a_street_of_another_mahalle_is_refused(client, town, muhtar):
    from acikmasa.directory.models import Street

    elsewhere = Street.objects.create(neighbourhood=town.neighbourhoods["tuna"], name="Tuna Sokak")
    client.force_login(muhtar.user)
    response, _key = form(client, street=elsewhere.pk)
    assert response.status_code == 400 and Case.objects.count() == 0


def test_empty_request_is_refused_with_a_form_error(client, town, muhtar):
    client.force_login(muhtar.user)
    response, _key = form(client, description="")
    assert response.status_code == 400 and Case.objects.count() == 0
    assert InboundMessage.objects.count() == 0


def test_users_without_a_muhtar_account_cannot_submit(client, town, muhtar):
    client.force_login(town.users["desk"])
    assert client.get(reverse("channels:muhtar")).status_code == 403
    muhtar.is_active = False
    muhtar.save()
    client.force_login(muhtar.user)
    assert client.get(reverse("channels:muhtar")).status_code == 403


def test_muhtar_follows_only_their_mahalles_muhtar_cases(client, town, muhtar):
    from acikmasa.cases.services.intake import case_submit

    other = case_submit(
        municipality=town.municipality,
        channel="web",
        description="Web'den gelen",
        neighbourhood=town.neighbourhoods["birlik"],
    ).case
    client.force_login(muhtar.user)
    form(client)
    page = client.get(reverse("channels:muhtar")).content.decode()
    mine = Case.objects.get(channel__code="muhtar")
    assert mine.tracking_number in page and other.tracking_number not in page


def test_report_counts_muhtar_cases_per_mahalle_for_staff(client, town, muhtar):
    client.force_login(muhtar.user)
    form(client)
    form(client)
    client.force_login(town.users["pr"])
    response = client.get(reverse("channels:muhtar_report"))
    assert response.context["rows"] == [
        {"neighbourhood__name": "Birlik", "total": 2, "open": 2, "solved": 0, "overdue": 0}
    ]
    client.force_login(
        town.users["temizlik_staff"]
    )  # directorate staff see only their directorates' cases
    assert client.get(reverse("channels:muhtar_report")).context["rows"] == []
