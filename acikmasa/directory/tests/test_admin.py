"""Every reference-data admin page opens for a superuser, in Turkish and in English."""

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import translation

from acikmasa.directory import models

DIRECTORY_MODELS = sorted(
    (m for m in admin.site._registry if m._meta.app_label == "directory"),
    key=lambda m: m._meta.model_name,
)


@pytest.fixture
def superuser_client(client, django_user_model, town):
    client.force_login(django_user_model.objects.create_superuser("root", "root@example.org", "pw"))
    return client


def test_all_reference_data_is_in_the_admin():
    expected = {
        models.Municipality,
        models.Directorate,
        models.ExternalBody,
        models.Channel,
        models.ApplicationPlace,
        models.ServiceStandard,
        models.Region,
        models.Neighbourhood,
        models.Street,
        models.Subject,
        models.StaffProfile,
    }
    assert expected <= set(DIRECTORY_MODELS)


@pytest.mark.parametrize("model", DIRECTORY_MODELS, ids=lambda m: m._meta.model_name)
def test_the_changelist_and_add_page_open(superuser_client, model):
    name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    for url in (
        reverse(f"{name}_changelist"),
        reverse(f"{name}_changelist") + "?q=isik",
        reverse(f"{name}_add"),
    ):
        response = superuser_client.get(url)
        assert response.status_code == 200, url


@pytest.mark.parametrize("model", DIRECTORY_MODELS, ids=lambda m: m._meta.model_name)
def test_the_change_page_of_an_existing_row_opens(superuser_client, model):
    if model is models.Region:
        models.Region.objects.create(
            municipality=models.Municipality.objects.first(), code="kuzey", name="Kuzey"
        )
    row = model.objects.first()
    assert row is not None
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[row.pk])
    assert superuser_client.get(url).status_code == 200


def test_the_admin_speaks_turkish_by_default_and_english_on_request(superuser_client):
    url = reverse("admin:directory_subject_changelist")
    assert "Konular" in superuser_client.get(url).text
    with translation.override("en"):
        english = superuser_client.get(
            reverse("admin:directory_subject_changelist")
        )  # /en/admin/...
    assert "Subjects" in english.text and "Konular" not in english.text


def test_a_subject_added_in_the_admin_gets_its_search_key(superuser_client, town):
    url = reverse("admin:directory_subject_add")
    response = superuser_client.post(
        url,
        {
            "municipality": town.municipality.pk,
            "code": "agac",
            "name": "AĞAÇ BUDAMA",
            "name_en": "Tree pruning",
            "directorate": town.directorates["fen"].pk,
            "default_case_type": "request",
            "keywords": "dal, ağaç",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.text[:2000]
    subject = models.Subject.objects.get(code="agac")
    assert "agac budama" in subject.search_key


def test_a_subject_pointing_at_another_municipalitys_directorate_is_refused(superuser_client, town):
    from acikmasa.common.testing import make_town

    other = make_town("baskakent")
    response = superuser_client.post(
        reverse("admin:directory_subject_add"),
        {
            "municipality": town.municipality.pk,
            "code": "kopru",
            "name": "Köprü",
            "default_case_type": "request",
            "directorate": other.directorates["fen"].pk,
            "service_standard": other.standards["fast"].pk,
            "is_active": "on",
        },
    )
    assert response.status_code == 200  # the form again, with errors
    assert set(response.context["adminform"].form.errors) == {"directorate", "service_standard"}
    assert not models.Subject.objects.filter(code="kopru").exists()


def test_a_subject_with_an_unknown_case_type_is_refused(superuser_client, town):
    response = superuser_client.post(
        reverse("admin:directory_subject_add"),
        {
            "municipality": town.municipality.pk,
            "code": "x",
            "name": "X",
            "default_case_type": "lament",
            "directorate": town.directorates["fen"].pk,
            "is_active": "on",
        },
    )
    assert "default_case_type" in response.context["adminform"].form.errors


def test_a_service_standard_keeps_the_case_types_ticked_in_the_admin(superuser_client, town):
    standard = town.standards["info"]
    url = reverse("admin:directory_servicestandard_change", args=[standard.pk])
    page = superuser_client.get(url)
    assert page.context["adminform"].form["case_types"].value() == ["information"]
    response = superuser_client.post(
        url,
        {
            "municipality": town.municipality.pk,
            "sequence_no": 3,
            "name": standard.name,
            "deadline_amount": 15,
            "deadline_unit": "working_days",
            "case_types": ["information", "complaint"],
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    standard.refresh_from_db()
    assert standard.case_types == ["information", "complaint"]


def test_staff_of_one_municipality_cannot_join_anothers_directorate(superuser_client, town):
    from acikmasa.common.testing import make_town

    other = make_town("baskakent")
    profile = town.users["fen_staff"].staff
    response = superuser_client.post(
        reverse("admin:directory_staffprofile_change", args=[profile.pk]),
        {
            "user": profile.user_id,
            "municipality": town.municipality.pk,
            "role": profile.role,
            "directorates": [other.directorates["fen"].pk],
        },
    )
    assert "directorates" in response.context["adminform"].form.errors
    assert list(profile.directorates.values_list("code", flat=True)) == ["fen"]
    assert profile.directorates.get().municipality == town.municipality
