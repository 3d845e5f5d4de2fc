"""The admin shows cases and their history but never changes them."""

import pytest
from django.urls import reverse

from acikmasa.cases.models import Attachment, Case, CaseEvent, Citizen
from acikmasa.cases.services.citizens import CitizenInput

from .helpers import case_row, event_rows, submit


@pytest.fixture
def root(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", "root@example.org", "pw"))
    return client


@pytest.mark.parametrize(
    "model", [Case, CaseEvent, Citizen, Attachment], ids=lambda m: m._meta.model_name
)
def test_the_changelist_opens_and_nothing_can_be_added(root, town, model):
    submit(town, citizen=CitizenInput(national_id="10000000146", phone="05321234567"))
    name = f"admin:cases_{model._meta.model_name}"
    assert root.get(reverse(f"{name}_changelist")).status_code == 200
    assert root.get(reverse(f"{name}_add")).status_code == 403


def test_a_case_is_shown_read_only_and_a_posted_change_is_refused(root, town):
    case = submit(town)
    before_row, before_events = case_row(case), event_rows(case)
    url = reverse("admin:cases_case_change", args=[case.pk])
    page = root.get(url)
    assert page.status_code == 200 and case.tracking_number in page.text
    assert 'name="_save"' not in page.text
    response = root.post(url, {"status": "closed", "description": "değiştirildi"})
    assert response.status_code == 403
    assert (
        root.post(reverse("admin:cases_case_delete", args=[case.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert case_row(case) == before_row and event_rows(case) == before_events


def test_an_event_cannot_be_deleted_from_the_admin(root, town):
    event = submit(town).events.first()
    response = root.post(reverse("admin:cases_caseevent_delete", args=[event.pk]), {"post": "yes"})
    assert response.status_code == 403 and CaseEvent.objects.filter(pk=event.pk).exists()


def test_the_citizen_list_masks_identity_numbers(root, town):
    submit(town, citizen=CitizenInput(national_id="10000000146", phone="05321234567"))
    page = root.get(reverse("admin:cases_citizen_changelist")).text
    assert "10*******46" in page and "10000000146" not in page
