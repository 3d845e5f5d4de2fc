import io

import pytest
from django.urls import reverse
from PIL import Image

from acikmasa.cases.events import EventKind
from acikmasa.cases.lifecycle import Action, Status
from acikmasa.cases.models import Case
from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.cases.services.intake import IncomingFile
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.common.errors import PermissionRefused, TransitionRefused, ValidationFailed
from acikmasa.notify.models import Notification
from acikmasa.privacy.models import AccessLog
from acikmasa.units.periods import year_bounds

from ..models import Referral
from ..selectors import career_figures
from ..services import (
    SeekerInput,
    employer_register,
    referral_answer,
    seeker_consent_withdraw,
    seeker_refer,
    seeker_register,
    vacancy_open,
)

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def seeker_input(**overrides) -> SeekerInput:
    data = {
        "citizen": CitizenInput(
            first_name="Zeynep", last_name="Aydın", phone="0533 222 11 00", contact_consent=True
        ),
        "profession": "Muhasebe elemanı",
        "education": "bachelor",
        "experience_years": 3,
        "share_consent": True,
        "cv": IncomingFile(name="zeynep-cv.pdf", content=PDF, content_type="application/pdf"),
    }
    return SeekerInput(**(data | overrides))


@pytest.fixture
def vacancy(town, centre):
    staff = town.users["kariyer_staff"]
    firm = employer_register(user=staff, name="Yıldız Tekstil A.Ş.", sector="Tekstil")
    return vacancy_open(user=staff, employer_id=firm.pk, title="Ön muhasebe", positions=2)


def test_the_desk_registers_a_seeker_as_a_case_of_the_centre_with_the_cv(town, centre):
    seeker = seeker_register(user=town.users["desk"], data=seeker_input())
    assert seeker.case.directorate == centre.directorate
    assert seeker.cv_content_type == "application/pdf" and seeker.cv.read() == PDF
    assert seeker.may_be_shared


def test_no_cv_without_consent_and_no_disguised_file(town, centre):
    with pytest.raises(ValidationFailed) as refused:
        seeker_register(user=town.users["desk"], data=seeker_input(share_consent=False))
    assert "cv" in refused.value.errors
    exe = IncomingFile(name="cv.pdf", content=b"MZ\x90\x00binary", content_type="application/pdf")
    with pytest.raises(ValidationFailed):
        seeker_register(user=town.users["desk"], data=seeker_input(cv=exe))
    assert not Case.objects.exists()


def test_a_photo_cv_is_rebuilt_without_its_metadata(town, centre):
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "white").save(buffer, format="JPEG", comment=b"gps here")
    photo = IncomingFile(name="cv.jpg", content=buffer.getvalue(), content_type="image/jpeg")
    seeker = seeker_register(user=town.users["desk"], data=seeker_input(cv=photo))
    assert b"gps here" not in seeker.cv.read()


def test_refer_and_answer_tell_the_seeker_and_hired_resolves(town, centre, vacancy):
    staff = town.users["kariyer_staff"]
    seeker = seeker_register(user=town.users["desk"], data=seeker_input())
    referral = seeker_refer(user=staff, seeker_id=seeker.pk, vacancy_id=vacancy.pk)
    case = Case.objects.get(pk=seeker.case_id)
    assert case.status == Status.IN_PROGRESS
    sent = case.events.get(kind=EventKind.JOB_REFERRED)
    assert sent.is_public and "Yıldız Tekstil" in sent.text
    assert "Yıldız Tekstil" in Notification.objects.get(source_event=sent.pk).text
    with pytest.raises(TransitionRefused):
        seeker_refer(user=staff, seeker_id=seeker.pk, vacancy_id=vacancy.pk)
    referral_answer(user=staff, referral_id=referral.pk, answer="interview", note="Pazartesi 10:00")
    referral_answer(user=staff, referral_id=referral.pk, answer="hired")
    case.refresh_from_db()
    assert case.status == Status.RESOLVED
    answers = case.events.filter(kind=EventKind.EMPLOYER_ANSWERED).order_by("sequence")
    assert [e.payload["answer"] for e in answers] == ["interview", "hired"]
    assert Notification.objects.filter(source_event__in=[e.pk for e in answers]).count() == 2
    start, end = year_bounds(case.created_at.year)
    figures = career_figures(municipality_id=town.municipality.pk, start=start, end=end)
    assert (figures.applications, figures.referrals, figures.interviews, figures.placements) == (
        1,
        1,
        1,
        1,
    )


def test_a_job_application_is_not_resolved_before_the_seeker_has_an_answer(town, centre, vacancy):
    staff = town.users["kariyer_staff"]
    seeker = seeker_register(user=town.users["desk"], data=seeker_input())
    resolve = TransitionRequest(action=Action.RESOLVE, text="Kendisine iş bulunamadı, kapatıldı.")
    with pytest.raises(TransitionRefused):
        case_transition(case_id=seeker.case_id, actor=staff, request=resolve)
    referral = seeker_refer(user=staff, seeker_id=seeker.pk, vacancy_id=vacancy.pk)
    with pytest.raises(TransitionRefused):
        case_transition(case_id=seeker.case_id, actor=staff, request=resolve)
    referral_answer(user=staff, referral_id=referral.pk, answer=Referral.Answer.NOT_HIRED)
    case_transition(case_id=seeker.case_id, actor=staff, request=resolve)
    assert Case.objects.get(pk=seeker.case_id).status == Status.RESOLVED


def test_without_consent_nothing_is_sent_and_withdrawing_deletes_the_cv(town, centre, vacancy):
    staff = town.users["kariyer_staff"]
    seeker = seeker_register(user=town.users["desk"], data=seeker_input())
    name = seeker.cv.name
    storage = seeker.cv.storage
    seeker_consent_withdraw(user=staff, seeker_id=seeker.pk)
    assert not storage.exists(name)
    with pytest.raises(TransitionRefused):
        seeker_refer(user=staff, seeker_id=seeker.pk, vacancy_id=vacancy.pk)


def test_only_the_centre_refers(town, centre, vacancy):
    seeker = seeker_register(user=town.users["desk"], data=seeker_input())
    for user in ("desk", "fen_staff", "mayor"):
        with pytest.raises(PermissionRefused):
            seeker_refer(user=town.users[user], seeker_id=seeker.pk, vacancy_id=vacancy.pk)


def test_the_pages_render_and_opening_a_seeker_is_logged(town, centre, vacancy, client):
    seeker = seeker_register(user=town.users["desk"], data=seeker_input())
    client.force_login(town.users["kariyer_staff"])
    assert client.get(reverse("careers:board")).status_code == 200
    assert client.get(reverse("careers:employers")).status_code == 200
    page = client.get(reverse("careers:seeker", args=[seeker.pk]))
    assert page.status_code == 200 and "Zeynep" in page.content.decode()
    assert AccessLog.objects.filter(case_id=seeker.case_id, detail="career centre").exists()
    posted = client.post(reverse("careers:refer", args=[seeker.pk]), {"vacancy": vacancy.pk})
    assert posted.status_code == 302 and Referral.objects.filter(seeker=seeker).exists()
    cv = client.get(reverse("careers:cv", args=[seeker.pk]))
    assert cv.status_code == 200 and cv["Content-Type"] == "application/octet-stream"
    client.force_login(town.users["fen_staff"])
    assert client.get(reverse("careers:seeker", args=[seeker.pk])).status_code == 404
