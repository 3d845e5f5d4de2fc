from datetime import date

import pytest

from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.cases.services.intake import case_submit
from acikmasa.privacy.services.notices import notice_create, notice_publish


@pytest.fixture(autouse=True)
def _privacy_settings(settings, tmp_path):
    settings.ACIKMASA_NOTIFY_QUIET_START = "00:00"
    settings.ACIKMASA_NOTIFY_QUIET_END = "00:00"
    settings.ACIKMASA_NOTIFY_FILE_DIR = str(tmp_path / "notify")
    settings.ACIKMASA_NOTIFY_BACKENDS = {"email": "file", "sms": "file", "whatsapp": "file"}
    settings.ACIKMASA_NOTIFY_SITE_URL = "https://basvuru.example"
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def notice(town):
    draft = notice_create(
        municipality=town.municipality,
        summary="Verileriniz başvurunuzu yürütmek için işlenir.",
        body="Tam metin: KVKK md. 10 kapsamında aydınlatma.",
        summary_en="Your data is processed to handle your application.",
        body_en="Full text.",
        effective_from=date(2020, 1, 1),
    )
    return notice_publish(notice_id=draft.pk)


def submit(
    town,
    *,
    channel="call_centre",
    phone="+905321234567",
    national_id="",
    email="",
    consent=False,
    subject="pothole",
    description="Sokağımızda derin bir çukur var.",
    actor=None,
    first="Ayşe",
    last="Yılmaz",
    extra=None,
    address="",
):
    citizen = CitizenInput(
        first_name=first,
        last_name=last,
        phone=phone,
        email=email,
        national_id=national_id,
        contact_consent=consent,
        address=address,
    )
    return case_submit(
        municipality=town.municipality,
        channel=channel,
        description=description,
        subject=subject,
        citizen=citizen,
        submitted_by=actor,
        extra=extra,
    ).case
