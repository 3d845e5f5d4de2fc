"""Every reference-data admin page opens for a superuser, in Turkish and in English."""

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import translation

from acikmasa.directory import models

DIRECTORY_MODELS = sorted(
    (m for m in admin.site._registry if m._meta.app_label == "directory"), key=lambda m: m._meta.model_name
)


@pytest.fixture
def superuser_client(client, django_user_model, town):
    client.force_login(django_user_model.objects.create_superuser("root", "root@example.org", "pw"))
    return client


def test_all_reference_data_is_in_the_admin():
    expected = {models.Municipality, models.Directorate, models.ExternalBody, models.Channel, models.ApplicationPlace,
                models.ServiceStandard, models.Region, models.Neighbourhood, models.Street, models.Subject, models.StaffProfile}
    assert expected <= set(DIRECTORY_MODELS)


@pytest.mark.parametrize("model", DIRECTORY_MODELS, ids=lambda m: m._meta.model_name)
def test_the_changelist_and_add_page_open(superuser_client, model):
    name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    for url in (reverse(f"{name}_changelist"), reverse(f"{name}_changelist") + "?q=isik", reverse(f"{name}_add")):
        response = superuser_client.get(url)
        assert response.status_code == 200, url


@pytest.mark.parametrize("model", DIRECTORY_MODELS, ids=lambda m: m._meta.model_name)
def test_the_change_page_of_an_existing_row_opens(superuser_client, model):
    if model is models.Region:
        models.Region.objects.create(municipality=models.Municipality.objects.first(), code="kuzey", name="Kuzey")
    row = model.objects.first()
    assert row is not None
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[row.pk])
    assert superuser_client.get(url).status_code == 200


def test_the_admin_speaks_turkish_by_default_and_english_on_request(superuser_client):
    url = reverse("admin:directory_subject_changelist")
    assert "Konular" in superuser_client.get(url).text
    with translation.override("en"):
        english = superuser_client.get(reverse("admin:directory_subject_changelist"))  # /en/admin/...
    assert "Subjects" in english.text and "Konular" not in english.text


def test_a_subject_added_in_the_admin_gets_its_search_key(superuser_client, town):
    url = reverse("admin:directory_subject_add")
    response = superuser_client.post(url, {
        "municipality": town.municipality.pk, "code": "agac", "name": "AĞAÇ BUDAMA", "name_en": "Tree pruning",
        "directorate": town.directorates["fen"].pk, "default_case_type": "request", "keywords": "dal, ağaç",
        "is_active": "on",
    })
    assert response.status_code == 302, response.text[:2000]
    subject = models.Subject.objects.get(code="agac")
    assert "agac budama" in subject.search_key
