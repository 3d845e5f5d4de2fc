import pytest
from django.urls import reverse

from .helpers import VALID_TCKN, new_case, with_citizen


def _found(client, query):
    return [
        c.tracking_number
        for c in client.get(reverse("desk:search"), {"q": query}).context["results"]
    ]


def test_search_by_tracking_number_phone_and_national_id(town, client):
    case = with_citizen(town)
    new_case(town)
    client.force_login(town.users["caller"])
    for query in (case.tracking_number, "0532 123 45 67", VALID_TCKN):
        assert _found(client, query) == [case.tracking_number]


@pytest.mark.parametrize("query", ["IŞIKOĞLU", "ışıkoğlu", "isikoglu", "ayse isik"])
def test_search_by_citizen_name_folds_turkish_on_both_sides(town, client, query):
    case = with_citizen(town)
    client.force_login(town.users["caller"])
    assert _found(client, query) == [case.tracking_number]


@pytest.mark.parametrize("query", ["ÇUKUR", "cukur", "büyük çukur", "BUYUK"])
def test_search_by_text_folds_turkish(town, client, query):
    case = new_case(town, description="Sokakta BÜYÜK bir Çukur var")
    new_case(town, subject="waste", description="Çöp alınmadı")
    client.force_login(town.users["caller"])
    assert _found(client, query) == [case.tracking_number]


def test_search_is_scoped_to_what_the_user_may_see(town, client):
    waste = new_case(town, subject="waste", description="Çöp alınmadı")
    client.force_login(town.users["fen_staff"])
    assert _found(client, "çöp") == [] and _found(client, waste.tracking_number) == []


@pytest.mark.parametrize(
    "user, target",
    [
        ("caller", "/call/"),
        ("desk", "/walk-in/"),
        ("field", "/field/"),
        ("fen_staff", "/cases/"),
        ("pr", "/cases/?overdue=1"),
        ("mayor", "/cases/?overdue=1"),
    ],
)
def test_each_role_lands_on_its_own_work(town, client, user, target):
    client.force_login(town.users[user])
    response = client.get(reverse("desk:home"))
    assert response.status_code == 302 and response["Location"] == target


def test_manager_lands_on_counts_of_their_directorates(town, client):
    new_case(town)
    new_case(town, subject="waste", description="Çöp")
    client.force_login(town.users["fen_manager"])
    response = client.get(reverse("desk:home"))
    assert response.status_code == 200
    [row] = response.context["summary"]
    assert (
        row["directorate"] == town.directorates["fen"]
        and row["open"] == 1
        and row["unassigned"] == 1
    )


def test_user_without_staff_profile_is_refused(town, client, django_user_model):
    user = django_user_model.objects.create_user(username="stranger", password="x")
    client.force_login(user)
    assert client.get(reverse("desk:home")).status_code == 403
    assert client.get(reverse("desk:queue")).status_code == 403
