from datetime import date

import pytest

from acikmasa.common.errors import TransitionRefused, ValidationFailed
from acikmasa.privacy.models import Consent, NoticeReceipt, PrivacyNotice, Purpose
from acikmasa.privacy.selectors import current_notice
from acikmasa.privacy.services.consents import consent_give, consent_withdraw
from acikmasa.privacy.services.notices import notice_create, notice_publish

from .conftest import submit


def test_versions_count_up_per_municipality_and_only_published_ones_are_in_force(town, notice):
    draft = notice_create(
        municipality=town.municipality,
        summary="v2 kısa",
        body="v2 tam",
        effective_from=date(2021, 1, 1),
    )
    assert (notice.version, draft.version) == (1, 2)
    assert current_notice(town.municipality.pk) == notice  # a draft is never shown
    notice_publish(notice_id=draft.pk)
    assert current_notice(town.municipality.pk).pk == draft.pk
    assert current_notice(town.municipality.pk, on=date(2020, 6, 1)) == notice


def test_a_published_notice_is_never_edited_nor_deleted_nor_published_twice(town, notice):
    notice.summary = "değiştirilmiş"
    with pytest.raises(PermissionError):
        notice.save()
    with pytest.raises(PermissionError):
        notice.delete()
    with pytest.raises(TransitionRefused):
        notice_publish(notice_id=notice.pk)
    assert (
        PrivacyNotice.objects.get(pk=notice.pk).summary
        == "Verileriniz başvurunuzu yürütmek için işlenir."
    )


def test_a_notice_without_text_or_date_is_refused_and_nothing_is_written(town):
    with pytest.raises(ValidationFailed) as refused:
        notice_create(municipality=town.municipality, summary=" ", body="", effective_from=None)
    assert set(refused.value.errors) == {"summary", "body", "effective_from"}
    assert not PrivacyNotice.objects.exists()


def test_intake_records_the_notice_version_given_and_how(town, notice):
    by_phone = submit(town, actor=town.users["caller"])
    online = submit(town, channel="web", phone="+905321234568")
    by_sms = submit(town, channel="sms", phone="+905321234569")
    receipts = {r.case_id: r for r in NoticeReceipt.objects.all()}
    assert (
        receipts[by_phone.pk].via == "staff"
        and receipts[by_phone.pk].given_by == town.users["caller"]
    )
    assert receipts[online.pk].via == "form" and receipts[online.pk].notice == notice
    assert receipts[by_sms.pk].via == "published"  # no consent: no acknowledgement carries the link


def test_the_version_the_form_showed_is_recorded_even_after_a_newer_one(town, notice):
    newer = notice_publish(
        notice_id=notice_create(
            municipality=town.municipality, summary="v2", body="v2", effective_from=date(2021, 1, 1)
        ).pk
    )
    case = submit(town, channel="web", extra={"privacy_notice": notice.pk})
    assert NoticeReceipt.objects.get(case=case).notice == notice
    forged = submit(town, channel="web", phone="+905321234570", extra={"privacy_notice": 999_999})
    assert NoticeReceipt.objects.get(case=forged).notice == newer  # unknown id: the one in force


def test_no_receipt_when_the_municipality_has_not_published_a_notice(town):
    case = submit(town)
    assert not NoticeReceipt.objects.filter(case=case).exists()


def test_a_ticked_box_records_consents_with_version_and_channel(town, notice):
    case = submit(town, channel="web", consent=True)
    rows = Consent.objects.filter(citizen=case.citizen).order_by("purpose")
    assert [(c.purpose, c.channel, c.notice_id, c.case_id) for c in rows] == [
        ("contact", "web", notice.pk, case.pk),
        ("survey", "web", notice.pk, case.pk),
    ]
    again = submit(town, channel="web", consent=True, description="İkinci başvuru")
    assert (
        again.citizen == case.citizen and Consent.objects.filter(citizen=case.citizen).count() == 2
    )


def test_service_never_depends_on_consent(town, notice):
    case = submit(town, consent=False)
    assert case.pk and case.directorate is not None and not Consent.objects.exists()


def test_withdrawing_contact_consent_stops_messages_and_is_recorded_once(town, notice):
    case = submit(town, channel="web", consent=True)
    contact = Consent.objects.get(citizen=case.citizen, purpose=Purpose.CONTACT)
    consent_withdraw(consent_id=contact.pk, channel="call_centre", user=town.users["caller"])
    contact.refresh_from_db()
    case.citizen.refresh_from_db()
    assert (
        contact.withdrawn_at
        and contact.withdrawn_via == "call_centre"
        and not case.citizen.contact_consent
    )
    with pytest.raises(TransitionRefused):
        consent_withdraw(consent_id=contact.pk, channel="web")
    renewed, created = consent_give(citizen=case.citizen, purpose=Purpose.CONTACT, channel="desk")
    assert created and renewed.pk != contact.pk
    case.citizen.refresh_from_db()
    assert case.citizen.contact_consent


def test_withdrawing_demographic_consent_erases_gender_and_birth_year(town):
    case = submit(town)
    citizen = case.citizen
    type(citizen).objects.filter(pk=citizen.pk).update(gender="female", birth_year=1980)
    consent, _ = consent_give(citizen=citizen, purpose=Purpose.DEMOGRAPHICS, channel="desk")
    consent_withdraw(consent_id=consent.pk, channel="desk")
    citizen.refresh_from_db()
    assert (citizen.gender, citizen.birth_year) == ("", None)


def test_bad_consent_input_is_refused_without_writing(town):
    case = submit(town)
    with pytest.raises(ValidationFailed) as refused:
        consent_give(citizen=case.citizen, purpose="marketing", channel="")
    assert set(refused.value.errors) == {"purpose", "channel"}
    assert not Consent.objects.exists()
