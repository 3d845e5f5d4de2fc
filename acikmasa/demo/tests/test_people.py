import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from acikmasa.common.identity import is_valid_tckn
from acikmasa.common.phones import normalise_phone
from acikmasa.demo.people import DEMO_PASSWORD, demo_logins, mobile_phone, national_id, staff_load
from acikmasa.demo.reference import reference_load
from acikmasa.directory.models import ApplicationPlace, Role, StaffProfile


def test_generated_national_ids_are_valid_and_never_repeat():
    numbers = [national_id(i, 987_654) for i in range(50_000)]
    assert all(is_valid_tckn(n) for n in numbers)
    assert len(set(numbers)) == len(numbers)


def test_generated_phones_are_e164_turkish_mobiles():
    for i in range(500):
        phone = mobile_phone(i, 12_345)
        assert phone.startswith("+905") and len(phone) == 13
        assert normalise_phone(phone) == phone


@pytest.mark.django_db
def test_staff_exist_for_every_role_and_load_twice_without_duplicates():
    ref = reference_load()
    staff_load(ref)
    staff_load(ref)
    assert get_user_model().objects.count() == len(demo_logins())
    roles = set(StaffProfile.objects.values_list("role", flat=True))
    assert roles == set(Role.values)
    assert StaffProfile.objects.filter(role=Role.FIELD_REP).count() == 10
    assert set(
        StaffProfile.objects.filter(role=Role.FIELD_REP).values_list("region__code", flat=True)
    ) == {f"bolge-{i}" for i in range(1, 6)}
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff and admin.check_password(DEMO_PASSWORD)
    fen = StaffProfile.objects.get(user__username="fen1")
    assert list(fen.directorates.values_list("code", flat=True)) == ["fen"]
    assert ApplicationPlace.objects.get(person_name="Ercan ZENGİN").user.username == "halkla.mudur"


@pytest.mark.django_db
def test_demo_logins_command_prints_every_account_with_the_password(capsys):
    staff_load(reference_load())
    call_command("demo_logins", "--port", "8123")
    out = capsys.readouterr().out
    assert DEMO_PASSWORD in out and "http://127.0.0.1:8123/" in out
    for username in (
        "admin",
        "masa1",
        "cagri1",
        "saha10",
        "fen1",
        "fen.mudur",
        "halkla.mudur",
        "baskan.yrd",
    ):
        assert f"\n{username} " in out
