"""The notice where data is collected (portal, messages, survey, desk), the admin, the demo,
exports."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from acikmasa.cases.models import Case
from acikmasa.notify.models import Notification
from acikmasa.portal.forms import new_form_token
from acikmasa.privacy.models import AccessLog, Consent, NoticeReceipt, PrivacyNotice
from acikmasa.privacy.services.notices import notice_create, notice_publish

from .conftest import submit


def _portal_form(town, **extra):
    return {
        "form_token": new_form_token(),
        "case_type": "request",
        "subject": town.subjects["pothole"].pk,
        "description": "Okul önünde derin çukur var",
        "phone": "0532 123 45 67",
        "privacy_read": "on",
        **extra,
    }


def test_portal_shows_the_version_in_force_and_records_the_one_shown(town, notice):
    client = Client()
    page = client.get("/basvuru/").content.decode()
    assert notice.summary in page and f'name="privacy_notice" value="{notice.pk}"' in page
    assert reverse("privacy:notice_version", args=[1]) in page
    assert "Your data is processed" in client.get("/en/basvuru/").content.decode()
    newer = notice_publish(
        notice_id=notice_create(
            municipality=town.municipality, summary="v2", body="v2", effective_from=date(2021, 1, 1)
        ).pk
    )
    client.post(
        "/basvuru/", _portal_form(town, privacy_notice=str(notice.pk), contact_consent="on")
    )
    case = Case.objects.get()
    receipt = NoticeReceipt.objects.get(case=case)
    assert (receipt.notice, receipt.via) == (notice, "form") and newer.pk != notice.pk
    assert set(Consent.objects.filter(citizen=case.citizen).values_list("purpose", flat=True)) == {
        "contact",
        "survey",
    }


def test_portal_refused_form_writes_no_privacy_rows(town, notice):
    response = Client().post(
        "/basvuru/",
        _portal_form(town, description="", privacy_notice=str(notice.pk), contact_consent="on"),
    )
    assert response.status_code == 400
    assert (
        not Case.objects.exists()
        and not NoticeReceipt.objects.exists()
        and not Consent.objects.exists()
    )


def test_public_notice_pages_show_versions_and_404_without_one(town):
    assert Client().get(reverse("privacy:notice")).status_code == 404
    first = notice_publish(
        notice_id=notice_create(
            municipality=town.municipality,
            summary="bir",
            body="birinci tam metin",
            effective_from=date(2020, 1, 1),
        ).pk
    )
    notice_publish(
        notice_id=notice_create(
            municipality=town.municipality,
            summary="iki",
            body="ikinci tam metin",
            effective_from=date(2021, 1, 1),
        ).pk
    )
    assert "ikinci tam metin" in Client().get(reverse("privacy:notice")).content.decode()
    assert (
        "birinci tam metin"
        in Client().get(reverse("privacy:notice_version", args=[first.version])).content.decode()
    )
    assert Client().get(reverse("privacy:notice_version", args=[9])).status_code == 404


def test_acknowledgement_message_links_the_notice(town, notice, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        case = submit(town, channel="sms", consent=True)
    note = Notification.objects.get(case=case, event="registered")
    assert note.text.endswith("Aydınlatma metni: https://basvuru.example/kvkk/")
    assert NoticeReceipt.objects.get(case=case).via == "message"


def test_survey_page_links_the_notice(town, notice):
    from acikmasa.notify.models import Survey

    case = submit(town, consent=True)
    survey = Survey.objects.create(case=case)
    page = Client().get(reverse("notify:survey", args=[survey.token])).content.decode()
    assert reverse("privacy:notice") in page


def test_desk_intake_screens_show_the_notice_to_give(town, notice):
    client = Client()
    client.force_login(town.users["desk"])
    for name in ("desk:call", "desk:walkin"):
        page = client.get(reverse(name)).content.decode()
        assert notice.summary in page and "privacy-notice" in page
    client.force_login(town.users["field"])
    assert notice.summary in client.get(reverse("desk:field")).content.decode()


def test_admin_publishes_drafts_and_locks_published_versions(town):
    admin_user = town.users["admin"]
    admin_user.is_staff = admin_user.is_superuser = True
    admin_user.save()
    client = Client()
    client.force_login(admin_user)
    add = client.post(
        reverse("admin:privacy_privacynotice_add"),
        {
            "municipality": town.municipality.pk,
            "title": "Aydınlatma",
            "summary": "kısa",
            "summary_en": "",
            "body": "tam",
            "body_en": "",
            "effective_from": "2024-01-01",
        },
    )
    assert add.status_code == 302
    draft = PrivacyNotice.objects.get()
    assert draft.version == 1 and not draft.is_published
    client.post(
        reverse("admin:privacy_privacynotice_changelist"),
        {"action": "publish", "_selected_action": [draft.pk]},
    )
    draft.refresh_from_db()
    assert draft.is_published
    refused = client.post(
        reverse("admin:privacy_privacynotice_change", args=[draft.pk]),
        {
            "municipality": town.municipality.pk,
            "title": "X",
            "summary": "değişti",
            "body": "değişti",
            "effective_from": "2024-01-01",
        },
    )
    assert refused.status_code == 403
    assert (
        client.get(reverse("admin:privacy_privacynotice_change", args=[draft.pk])).status_code
        == 200
    )  # still readable
    draft.refresh_from_db()
    assert draft.summary == "kısa"


def test_opening_a_citizen_in_the_admin_is_logged(town):
    case = submit(town)
    admin_user = town.users["admin"]
    admin_user.is_staff = admin_user.is_superuser = True
    admin_user.save()
    client = Client()
    client.force_login(admin_user)
    assert (
        client.get(reverse("admin:cases_citizen_change", args=[case.citizen_id])).status_code == 200
    )
    row = AccessLog.objects.get()
    assert (row.citizen_id, row.action, row.detail) == (case.citizen_id, "citizen_viewed", "admin")


def test_open_data_export_carries_no_personal_data(town):
    from acikmasa.insights.exports import open_data_csv

    case = submit(town, national_id="10000000146", email="ayse@example.com", address="Kapı 5")
    text = "".join(open_data_csv(Case.objects.filter(pk=case.pk)))
    for personal in ("Ayşe", "Yılmaz", "10000000146", "5321234567", "ayse@example.com", "Kapı 5"):
        assert personal not in text
    assert (
        "Yol çukuru" in text and len(text.strip().splitlines()) == 2
    )  # the header and the one case


@pytest.mark.django_db
def test_demo_has_a_published_notice_retention_and_the_request_subject():
    from acikmasa.demo.privacy import privacy_demo_load
    from acikmasa.demo.reference import reference_load
    from acikmasa.privacy.models import RetentionPolicy
    from acikmasa.privacy.services.requests import SUBJECT_CODE

    ref = reference_load()
    first = privacy_demo_load(ref)
    assert privacy_demo_load(ref) == first and first.is_published and "Esenler" in first.summary
    assert RetentionPolicy.objects.filter(municipality=ref.municipality).count() == 3
    assert ref.municipality.subjects.filter(code=SUBJECT_CODE).count() == 1
