"""Login throttling and lockout, the admin's unlock path, session rotation, logout on password
change."""

import logging

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client

from acikmasa.security.lockout import login_unlock
from acikmasa.security.models import LoginThrottle

pytestmark = pytest.mark.django_db


def attempt(client, username, password, **extra):
    return client.post("/login/", {"username": username, "password": password}, **extra)


def test_a_correct_login_rotates_the_session_key(client, staff):
    client.get("/login/")
    attempt(client, "masa", "wrong")
    before = client.cookies["sessionid"].value if "sessionid" in client.cookies else None
    response = attempt(client, "masa", "pw-masa")
    assert response.status_code == 302
    assert client.cookies["sessionid"].value != before
    assert int(client.session[SESSION_KEY]) == staff.pk


def test_five_failures_lock_the_user_name_with_a_clear_turkish_message(client, staff):
    for _ in range(4):
        assert "kilidini" not in attempt(client, "masa", "wrong").content.decode()
    response = attempt(client, "masa", "wrong")
    text = response.content.decode()
    assert (
        response.status_code == 400
        and "Çok sayıda hatalı deneme" in text
        and "sistem yöneticisinden" in text
    )
    # Locked: even the right password is refused, and nobody is logged in.
    response = attempt(client, "masa", "pw-masa")
    assert (
        "Çok sayıda hatalı deneme" in response.content.decode()
        and SESSION_KEY not in client.session
    )


def test_the_lock_ends_after_the_cooling_off_period(client, staff, settings):
    settings.ACIKMASA_LOGIN_LOCK_MINUTES = 0  # a lock that is already over when it is read
    for _ in range(5):
        attempt(client, "masa", "wrong")
    assert attempt(client, "masa", "pw-masa").status_code == 302


def test_the_user_name_lock_holds_from_every_address(staff):
    for i in range(5):
        attempt(Client(REMOTE_ADDR=f"198.51.100.{i}"), "masa", "wrong")
    response = attempt(Client(REMOTE_ADDR="203.0.113.9"), "masa", "pw-masa")
    assert response.status_code == 400 and "Çok sayıda hatalı deneme" in response.content.decode()


def test_one_address_guessing_many_names_is_locked(client, staff, settings):
    settings.ACIKMASA_LOGIN_MAX_FAILURES_PER_ADDRESS = 3
    for name in ["ali", "veli", "ayse"]:
        attempt(client, name, "wrong")
    response = attempt(client, "masa", "pw-masa")
    assert "Çok sayıda hatalı deneme" in response.content.decode()
    assert attempt(Client(REMOTE_ADDR="203.0.113.10"), "masa", "pw-masa").status_code == 302


def test_a_success_clears_the_user_names_failures(client, staff):
    for _ in range(4):
        attempt(client, "masa", "wrong")
    assert attempt(client, "masa", "pw-masa").status_code == 302
    assert not LoginThrottle.objects.filter(scope="username").exists()


def test_an_administrator_unlocks_from_the_admin(client, staff, town, django_user_model):
    admin_client = Client()
    admin_client.force_login(django_user_model.objects.create_superuser("root", "", "pw-root-2026"))
    for _ in range(5):
        attempt(client, "masa", "wrong")
    row = LoginThrottle.objects.get(scope="username")
    assert row.user == staff and row.label == "masa" and row.locked_until
    response = admin_client.post(
        "/admin/security/loginthrottle/", {"action": "unlock", "_selected_action": [row.pk]}
    )
    assert (
        response.status_code == 302 and not LoginThrottle.objects.filter(scope="username").exists()
    )
    assert attempt(client, "masa", "pw-masa").status_code == 302


def test_unlock_service_by_user(client, staff):
    for _ in range(5):
        attempt(client, "masa", "wrong")
    assert login_unlock(user=staff) == 1


def test_the_table_and_the_log_hold_no_name_of_an_unknown_user(client, caplog):
    with caplog.at_level(logging.INFO, logger="acikmasa.security"):
        for _ in range(5):
            attempt(client, "ayse.yilmaz@example.com", "wrong")
    row = LoginThrottle.objects.get(scope="username")
    assert row.user is None and row.label == "" and "ayse" not in row.key
    assert caplog.records and all(
        "ayse" not in r.getMessage() and "127.0.0.1" not in r.getMessage() for r in caplog.records
    )


def test_changing_the_password_ends_other_sessions(staff):
    other = Client()
    other.force_login(staff)
    assert other.get("/cases/").status_code == 200
    staff.set_password("a-new-long-password-2026")
    staff.save()
    response = other.get("/cases/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_the_admins_own_login_page_sends_to_the_throttled_one(client):
    response = client.get("/admin/login/?next=/admin/cases/")
    assert response.status_code == 302 and response["Location"].startswith(
        "/login/?next=%2Fadmin%2Fcases%2F"
    )


def test_an_open_redirect_through_next_is_refused(client, staff):
    response = client.post(
        "/login/?next=//evil.example/", {"username": "masa", "password": "pw-masa"}
    )
    assert response.status_code == 302 and "evil.example" not in response["Location"]


def test_the_shell_command_unlocks_a_user(client, staff):
    from io import StringIO

    from django.core.management import call_command

    for _ in range(5):
        attempt(client, "masa", "wrong")
    out = StringIO()
    call_command("login_unlock", "masa", stdout=out)
    assert (
        "1 lock(s) lifted." in out.getvalue()
        and attempt(client, "masa", "pw-masa").status_code == 302
    )
