import pytest
from django.urls import reverse

from acikmasa.cases.models import Case
from acikmasa.desk.models import FieldVisit, GuidanceLog
from acikmasa.directory.models import Region


def test_guidance_is_logged_and_counted_without_a_case(town, client):
    client.force_login(town.users["desk"])
    response = client.post(
        reverse("desk:guidance"),
        {"topic": "Kreş başvurusu nereye yapılır", "referred_to": town.directorates["temizlik"].pk},
    )
    assert response.status_code == 302
    log = GuidanceLog.objects.get()
    assert log.given_by == town.users["desk"] and log.referred_to == town.directorates["temizlik"]
    assert not Case.objects.exists()
    page = client.get(reverse("desk:guidance"))
    assert page.context["counts"] == {"today": 1, "week": 1, "month": 1}
    assert "Kreş başvurusu" in page.content.decode()


def test_guidance_without_topic_keeps_the_note_and_says_why(town, client):
    client.force_login(town.users["desk"])
    response = client.post(reverse("desk:guidance"), {"topic": "", "note": "yaşlı ziyaretçi"})
    assert response.status_code == 400 and "topic" in response.context["form"].errors
    assert "yaşlı ziyaretçi" in response.content.decode()
    assert not GuidanceLog.objects.exists()


def test_guidance_is_refused_to_directorate_staff(town, client):
    client.force_login(town.users["fen_staff"])
    assert client.post(reverse("desk:guidance"), {"topic": "x"}).status_code == 403
    assert not GuidanceLog.objects.exists()


@pytest.fixture
def region(town):
    region = Region.objects.create(municipality=town.municipality, code="r1", name="1. Bölge")
    birlik = town.neighbourhoods["birlik"]
    birlik.region, birlik.households = region, 400
    birlik.save()
    profile = town.users["field"].staff
    profile.region = region
    profile.save()
    return region


def _visit(town, **overrides):
    return {
        "neighbourhood": town.neighbourhoods["birlik"].pk,
        "street": town.streets["ataturk"].pk,
        "address": "No 12 D 3",
        "outcome": "visited",
    } | overrides


def test_field_visit_nobody_home_is_recorded(town, client, region):
    client.force_login(town.users["field"])
    response = client.post(reverse("desk:field"), _visit(town, outcome="nobody_home"))
    assert response.status_code == 302
    visit = FieldVisit.objects.get()
    assert visit.outcome == "nobody_home" and visit.region == region and visit.case is None


def test_field_visit_with_a_request_registers_a_field_case(town, client, region):
    client.force_login(town.users["field"])
    response = client.post(
        reverse("desk:field"),
        _visit(
            town,
            outcome="request_taken",
            subject=town.subjects["pothole"].pk,
            description="Kapının önünde çukur",
            first_name="Hatice",
            phone="0532 765 43 21",
        ),
    )
    assert response.status_code == 302
    visit = FieldVisit.objects.get()
    case = visit.case
    assert case.channel.code == "field" and case.neighbourhood == town.neighbourhoods["birlik"]
    assert case.address == "No 12 D 3" and case.citizen.first_name == "Hatice"
    assert case.events.get(kind="created").actor == town.users["field"]


def test_field_request_without_description_writes_nothing(town, client, region):
    client.force_login(town.users["field"])
    response = client.post(reverse("desk:field"), _visit(town, outcome="request_taken"))
    assert response.status_code == 400
    assert {"subject", "description"} <= set(response.context["form"].errors)
    assert 'value="No 12 D 3"' in response.content.decode()
    assert not FieldVisit.objects.exists() and not Case.objects.exists()


def test_field_visit_outside_the_region_is_refused(town, client, region):
    client.force_login(town.users["field"])
    response = client.post(
        reverse("desk:field"), _visit(town, neighbourhood=town.neighbourhoods["tuna"].pk, street="")
    )
    assert response.status_code == 400 and "neighbourhood" in response.context["form"].errors
    assert not FieldVisit.objects.exists()


def test_field_page_is_refused_to_other_roles(town, client):
    client.force_login(town.users["caller"])
    assert client.get(reverse("desk:field")).status_code == 403


def test_coverage_per_region_and_mahalle(town, client, region):
    client.force_login(town.users["field"])
    for address, outcome in [
        ("No 1", "visited"),
        ("No 2", "nobody_home"),
        ("No 1", "visited"),
        ("No 3", "request_taken"),
    ]:
        extra = (
            {"subject": town.subjects["pothole"].pk, "description": "Çukur"}
            if outcome == "request_taken"
            else {}
        )
        client.post(reverse("desk:field"), _visit(town, address=address, outcome=outcome, **extra))
    client.force_login(town.users["pr"])
    response = client.get(reverse("desk:coverage"))
    assert response.status_code == 200
    totals = {total.name: (total, rows) for total, rows in response.context["regions"]}
    total, rows = totals["1. Bölge"]
    birlik = next(r for r in rows if r.name == "Birlik")
    assert (birlik.visits, birlik.households_reached, birlik.requests, birlik.households) == (
        4,
        2,
        1,
        400,
    )
    assert total.percent == 0.5


def test_coverage_is_refused_to_field_staff_and_agents(town, client):
    for user in ("field", "caller", "fen_staff"):
        client.force_login(town.users[user])
        assert client.get(reverse("desk:coverage")).status_code == 403


def test_field_visit_time_can_be_given_but_not_in_the_future(town, client, region):
    client.force_login(town.users["field"])
    client.post(reverse("desk:field"), _visit(town, visited_at="2026-01-05T10:30"))
    visit = FieldVisit.objects.get()
    assert (visit.visited_at.month, visit.visited_at.day) == (1, 5)
    response = client.post(reverse("desk:field"), _visit(town, visited_at="2099-01-01T10:00"))
    assert response.status_code == 400 and "visited_at" in response.context["form"].errors
    assert FieldVisit.objects.count() == 1


def test_field_page_loads_streets_of_the_chosen_mahalle_with_htmx(town, client, region):
    client.force_login(town.users["field"])
    html = client.get(reverse("desk:field")).content.decode()
    assert 'hx-target="#id_street"' in html


def test_admin_lists_guidance_and_visits(town, client, django_user_model):
    admin = django_user_model.objects.create_superuser(
        username="root", password="x", email="r@example.org"
    )
    client.force_login(admin)
    assert client.get("/admin/desk/guidancelog/").status_code == 200
    assert client.get("/admin/desk/fieldvisit/").status_code == 200
