from acikmasa.notify.models import CannedAnswer
from acikmasa.notify.selectors import canned_answers_for

from .conftest import submit


def _canned(town):
    m = town.municipality
    general = CannedAnswer.objects.create(
        municipality=m, title="Teşekkür", body="Başvurunuz için teşekkür ederiz."
    )
    pothole = CannedAnswer.objects.create(
        municipality=m,
        subject=town.subjects["pothole"],
        title="Asfalt",
        body="Çukur asfaltla kapatıldı.",
    )
    waste = CannedAnswer.objects.create(
        municipality=m, subject=town.subjects["waste"], title="Çöp", body="Konteyner boşaltıldı."
    )
    CannedAnswer.objects.create(municipality=m, title="Eski", body="Kullanılmıyor", is_active=False)
    return general, pothole, waste


def test_canned_answers_are_those_of_the_subject_then_the_general_ones(town):
    general, pothole, _waste = _canned(town)
    case = submit(town)
    assert list(canned_answers_for(case)) == [pothole, general]
    case.subject = None
    assert list(canned_answers_for(case)) == [general]


def test_canned_answers_partial_for_the_desk(client, town):
    _canned(town)
    case = submit(town)
    client.force_login(town.users["fen_staff"])
    page = client.get(f"/anket/personel/hazir-yanitlar/{case.pk}/?target=id_text")
    assert page.status_code == 200
    assert (
        "Çukur asfaltla kapatıldı." in page.content.decode()
        and "Konteyner" not in page.content.decode()
    )


def test_canned_answers_of_another_directorates_case_are_refused(client, town):
    case = submit(town)
    client.force_login(town.users["temizlik_staff"])
    assert client.get(f"/anket/personel/hazir-yanitlar/{case.pk}/").status_code == 404


def test_staff_pages_are_refused_to_visitors(client, town):
    case = submit(town)
    assert client.get("/anket/personel/basarisiz/").status_code == 302
    assert client.get(f"/anket/personel/hazir-yanitlar/{case.pk}/").status_code == 302


def test_failures_page_in_english(client, town):
    client.force_login(town.users["pr"])
    page = client.get("/en/anket/personel/basarisiz/")
    assert page.status_code == 200 and b"Messages that could not be delivered" in page.content


def test_admin_lists_load_for_an_administrator(client, town):
    from django.contrib.auth import get_user_model

    root = get_user_model().objects.create_superuser("root", "root@example.com", "pw")
    client.force_login(root)
    for model in (
        "notification",
        "messagetemplate",
        "surveyanswer",
        "cannedanswer",
        "directoratealert",
    ):
        assert client.get(f"/admin/notify/{model}/").status_code == 200, model
    assert client.get("/admin/notify/notification/?status__exact=failed").status_code == 200
