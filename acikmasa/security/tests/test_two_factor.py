"""Two-factor login: enrolment, the step after the password, replay, recovery codes, role policy,
idle timeout."""

import base64
import re
import time

import pytest
from django.contrib.auth import SESSION_KEY

from acikmasa.directory.models import Role
from acikmasa.security import totp
from acikmasa.security.models import RecoveryCode, RolePolicy, TwoFactorDevice
from acikmasa.security.twofactor import two_factor_enrol

pytestmark = pytest.mark.django_db


def code_for(secret: str, at: float | None = None) -> str:
    return totp.hotp(base64.b32decode(secret), totp.step_at(at))


@pytest.fixture
def enrolled(staff):
    secret = totp.new_secret()
    codes = two_factor_enrol(user=staff, secret=secret, code=code_for(secret, time.time() - 30))
    return secret, codes


def test_enrolment_shows_the_secret_once_and_stores_it_after_a_correct_code(client, staff):
    client.force_login(staff)
    page = client.get("/guvenlik/iki-adim/kur/").content.decode()
    secret = client.session["security_enrol_secret"]
    assert "otpauth://totp/" in page and f"secret={secret}" in page.replace("&amp;", "&")
    assert (
        client.post(
            "/guvenlik/iki-adim/kur/",
            {"code": "000000" if code_for(secret) != "000000" else "111111"},
        ).status_code
        == 400
    )
    response = client.post("/guvenlik/iki-adim/kur/", {"code": code_for(secret)})
    codes = re.findall(r"<code>([A-Z2-9]{5}-[A-Z2-9]{5})</code>", response.content.decode())
    assert response.status_code == 200 and len(codes) == 10
    device = TwoFactorDevice.objects.get(user=staff)
    assert device.secret == secret and "security_enrol_secret" not in client.session
    # Only hashes are stored.
    assert not RecoveryCode.objects.filter(
        code_hash__in=[c.replace("-", "") for c in codes]
    ).exists()


def test_the_password_alone_does_not_log_in_an_enrolled_user(client, staff, enrolled):
    secret, _ = enrolled
    response = client.post("/login/", {"username": "masa", "password": "pw-masa"})
    assert response.status_code == 302 and response["Location"] == "/guvenlik/dogrulama/"
    assert SESSION_KEY not in client.session
    assert client.get("/cases/").status_code == 302  # still anonymous
    response = client.post("/guvenlik/dogrulama/", {"code": code_for(secret)})
    assert response.status_code == 302 and int(client.session[SESSION_KEY]) == staff.pk


def test_a_code_cannot_be_used_twice(client, staff, enrolled):
    secret, _ = enrolled
    code = code_for(secret)
    client.post("/login/", {"username": "masa", "password": "pw-masa"})
    assert client.post("/guvenlik/dogrulama/", {"code": code}).status_code == 302
    client.post("/logout/")
    client.post("/login/", {"username": "masa", "password": "pw-masa"})
    response = client.post("/guvenlik/dogrulama/", {"code": code})
    assert response.status_code == 400 and SESSION_KEY not in client.session


def test_a_recovery_code_works_once(client, staff, enrolled):
    _, codes = enrolled
    client.post("/login/", {"username": "masa", "password": "pw-masa"})
    assert client.post("/guvenlik/dogrulama/", {"code": codes[0].lower()}).status_code == 302
    client.post("/logout/")
    client.post("/login/", {"username": "masa", "password": "pw-masa"})
    assert client.post("/guvenlik/dogrulama/", {"code": codes[0]}).status_code == 400


def test_wrong_codes_count_towards_the_lockout(client, staff, enrolled):
    secret, _ = enrolled
    client.post("/login/", {"username": "masa", "password": "pw-masa"})
    wrong = "123456" if code_for(secret) != "123456" else "654321"
    for _ in range(5):
        response = client.post("/guvenlik/dogrulama/", {"code": wrong})
    assert "Çok sayıda hatalı deneme" in response.content.decode()
    response = client.post("/guvenlik/dogrulama/", {"code": code_for(secret)})
    assert response.status_code == 400 and SESSION_KEY not in client.session


def test_the_verification_step_expires(client, staff, enrolled, monkeypatch):
    secret, _ = enrolled
    client.post("/login/", {"username": "masa", "password": "pw-masa"})
    session = client.session
    session["security_pending_login"]["at"] -= 600
    session.save()
    response = client.post("/guvenlik/dogrulama/", {"code": code_for(secret)})
    assert response.status_code == 302 and response["Location"] == "/login/"


def test_a_role_that_requires_two_factors_must_enrol_first(client, staff):
    RolePolicy.objects.create(role=Role.DESK_AGENT, requires_two_factor=True)
    client.post("/login/", {"username": "masa", "password": "pw-masa"})
    response = client.get("/cases/")
    assert response.status_code == 302 and response["Location"] == "/guvenlik/iki-adim/kur/"
    secret = client.session.get("security_enrol_secret")
    client.get("/guvenlik/iki-adim/kur/")
    secret = client.session["security_enrol_secret"]
    client.post("/guvenlik/iki-adim/kur/", {"code": code_for(secret)})
    assert client.get("/cases/").status_code == 200
    # ...and cannot switch it off.
    client.post("/guvenlik/iki-adim/kapat/", {"password": "pw-masa"})
    assert TwoFactorDevice.objects.filter(user=staff).exists()


def test_switching_off_needs_the_password(client, staff, enrolled):
    client.force_login(staff)
    client.post("/guvenlik/iki-adim/kapat/", {"password": "wrong"})
    assert TwoFactorDevice.objects.filter(user=staff).exists()
    client.post("/guvenlik/iki-adim/kapat/", {"password": "pw-masa"})
    assert not TwoFactorDevice.objects.filter(user=staff).exists()


def test_staff_are_logged_out_after_the_idle_timeout(client, staff, settings):
    client.force_login(staff)
    assert client.get("/cases/").status_code == 200
    session = client.session
    session["security_seen_at"] -= 31 * 60
    session.save()
    response = client.get("/cases/")
    assert response.status_code == 302 and response["Location"].startswith("/login/?next=")
    assert SESSION_KEY not in client.session


def test_a_role_policy_can_shorten_the_idle_timeout(client, staff):
    RolePolicy.objects.create(role=Role.DESK_AGENT, idle_minutes=5)
    client.force_login(staff)
    session = client.session
    session["security_seen_at"] -= 6 * 60
    session.save()
    assert client.get("/cases/").status_code == 302
