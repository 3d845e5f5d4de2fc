"""Hostile input against every public form: each attempt gets a 4xx with a clear message and the
database is unchanged (every table's row count and content hash compared before and after)."""

import io

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from acikmasa.cases.lifecycle import Action
from acikmasa.cases.models import Attachment, Case
from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.cases.services.intake import case_submit
from acikmasa.cases.services.transitions import TransitionRequest, case_transition
from acikmasa.notify.models import Survey
from acikmasa.portal.forms import new_form_token
from acikmasa.security.testing import database_snapshot, snapshot_difference

from .files import FAKE_IMAGES, fake_image, jpeg_with_gps, jpeg_zip_polyglot
from .hostile import BAD_ENCODINGS, DANGEROUS_MARKUP, INJECTIONS, body_with, multipart_with

pytestmark = pytest.mark.django_db
FORM = "application/x-www-form-urlencoded"
# form → the text fields a citizen (or an attacker) types into.
TEXT_FIELDS = {
    "submit": ["description", "address", "first_name", "last_name", "phone"],
    "track": ["tracking_number", "phone_last4"],
    "track_info": ["text"],
    "track_reopen": ["text"],
    "survey": ["comment"],
    "login": ["username", "password"],
}


@pytest.fixture(autouse=True)
def _no_rate_limits(monkeypatch):
    """Hundreds of attempts from one address would (rightly) end in 429s: the limits are tested in
    test_ratelimit.py; here every attempt must reach the form's own checks."""
    monkeypatch.setattr("acikmasa.security.middleware.rules_for", lambda name: ())


@pytest.fixture
def world(town, staff):
    case = case_submit(
        municipality=town.municipality,
        channel="web",
        subject="pothole",
        description="Çukur",
        citizen=CitizenInput(phone="05321234567"),
    ).case
    survey = Survey.objects.create(case=case)
    return {"town": town, "case": case, "survey": survey}


def target(world, form: str) -> tuple[str, dict]:
    """The URL and a valid body of each public form."""
    town, case = world["town"], world["case"]
    return {
        "submit": (
            "/basvuru/",
            {
                "case_type": "request",
                "subject": town.subjects["pothole"].pk,
                "description": "Çukur var",
                "address": "Atatürk Cd. 5",
                "first_name": "Ali",
                "last_name": "Veli",
                "phone": "05321234567",
                "privacy_read": "on",
                "form_token": new_form_token(),
            },
        ),
        "track": (
            "/basvuru/takip/",
            {"tracking_number": case.tracking_number, "phone_last4": "4567"},
        ),
        "track_info": (f"/basvuru/takip/{case.public_token}/bilgi/", {"text": "Kapı no 5"}),
        "track_reopen": (f"/basvuru/takip/{case.public_token}/cozulmedi/", {"text": "Hâlâ var"}),
        "survey": (
            f"/anket/{world['survey'].token}/",
            {"solved": "yes", "score": "5", "comment": "iyi"},
        ),
        "login": ("/login/", {"username": "masa", "password": "pw-masa"}),
    }[form]


def assert_refused(response, before, *, statuses=(400,), says: str | None = None):
    assert response.status_code in statuses, (response.status_code, response.content[:300])
    assert response.status_code < 500
    if says:
        assert says in response.content.decode(), response.content[:500]
    assert snapshot_difference(before, database_snapshot()) == {}


@pytest.mark.parametrize("form", sorted(TEXT_FIELDS))
def test_badly_encoded_text_is_refused_in_every_field(client, world, form):
    url, valid = target(world, form)
    before = database_snapshot()
    for field in TEXT_FIELDS[form]:
        for raw in BAD_ENCODINGS.values():
            response = client.post(url, body_with(valid, field, raw), content_type=FORM)
            assert_refused(response, before, says="geçerli metin olmayan")


@pytest.mark.parametrize("form", sorted(TEXT_FIELDS))
def test_raw_windows1254_bytes_in_a_multipart_body_are_refused(client, world, form):
    url, valid = target(world, form)
    before = database_snapshot()
    field = TEXT_FIELDS[form][0]
    body, content_type = multipart_with(valid, field, "Kısa yağmur çukuru".encode("cp1254"))
    assert_refused(
        client.post(url, body, content_type=content_type), before, says="geçerli metin olmayan"
    )


@pytest.mark.parametrize("form", sorted(TEXT_FIELDS))
def test_structural_attacks_get_a_4xx(client, world, form, settings):
    url, valid = target(world, form)
    before = database_snapshot()
    # Over-long values.
    for field in TEXT_FIELDS[form]:
        assert_refused(client.post(url, {**valid, field: "ş" * 20_001}), before)
    # Thousands of fields (Django's DATA_UPLOAD_MAX_NUMBER_FIELDS).
    many = "&".join(f"f{i}=x" for i in range(django_settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 10))
    assert_refused(client.post(url, many, content_type=FORM), before, says="okunamadı")
    # A body over the request limit: refused before it is read.
    settings.ACIKMASA_MAX_REQUEST_BYTES = 20_000
    assert_refused(
        client.post(url, "a=" + "x" * 30_000, content_type=FORM), before, statuses=(413,), says="MB"
    )
    settings.ACIKMASA_MAX_REQUEST_BYTES = 60 * 1024 * 1024
    # JSON, XML and garbage where a form is expected.
    assert_refused(
        client.post(url, b'{"description": "x"}', content_type="application/json"), before
    )
    assert_refused(
        client.post(
            url,
            b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>",
            content_type="application/xml",
        ),
        before,
    )
    assert_refused(
        client.post(
            url, b"--nope\r\n\r\n\xff\xfe", content_type="multipart/form-data; boundary=other"
        ),
        before,
    )
    # No CSRF token.
    assert_refused(
        Client(enforce_csrf_checks=True).post(url, valid),
        before,
        statuses=(403,),
        says="güvenlik anahtarı",
    )
    # A method the form does not take.
    assert_refused(
        client.put(url, body_with(valid, "x", "1"), content_type=FORM), before, statuses=(400, 405)
    )


def test_the_lookup_forms_refuse_injection_without_revealing_anything(client, world):
    before = database_snapshot()
    for form in ("track", "login"):
        url, valid = target(world, form)
        for field in TEXT_FIELDS[form]:
            for payload in INJECTIONS.values():
                response = client.post(url, {**valid, field: payload})
                assert_refused(response, before)
                text = response.content.decode()
                assert (
                    world["case"].public_token not in text
                    and django_settings.SECRET_KEY not in text
                )
                assert not any(markup in text for markup in DANGEROUS_MARKUP)
                assert "pwned" not in response.cookies and "evil.example" not in response.get(
                    "Location", ""
                )


def _act(world, case, *actions):
    for action in actions:
        case_transition(
            case_id=case.pk,
            actor=world["town"].users["fen_staff"],
            request=TransitionRequest(action, text="Soru?"),
        )
    case.refresh_from_db()
    return case


def _submit(client, world, **fields):
    url, valid = target(world, "submit")
    return client.post(url, {**valid, **fields})


def _assert_escaped_everywhere(client, world, case, payload):
    staff = world["town"].users["fen_manager"]
    pages = [client.get(f"/basvuru/takip/{case.public_token}/").content.decode()]
    desk = Client()
    desk.force_login(staff)
    pages.append(desk.get(f"/cases/{case.pk}/").content.decode())
    pages.append(Client().get("/open311/v2/requests.xml?extensions=true").content.decode())
    for page in pages:
        assert django_settings.SECRET_KEY not in page
        assert not any(markup in page for markup in DANGEROUS_MARKUP), payload


@pytest.mark.parametrize("name", sorted(INJECTIONS))
def test_injected_text_is_stored_verbatim_and_rendered_escaped(client, world, name):
    payload = INJECTIONS[name]
    response = _submit(client, world, description=f"Çukur {payload}", address=payload[:300])
    assert response.status_code == 302, response.content[:400]
    case = Case.objects.latest("pk")
    assert case.description == f"Çukur {payload}".strip() and case.address == payload[:300].strip()
    assert Case.objects.count() == 2  # the SQL was text, nothing was dropped
    assert "pwned" not in response.cookies and "evil.example" not in response["Location"]
    # Staff ask a question; the citizen answers with more hostile text through the tracking page.
    _act(world, case, Action.START, Action.ASK_CITIZEN)
    assert (
        client.post(
            f"/basvuru/takip/{case.public_token}/bilgi/", {"text": payload.strip() or "x"}
        ).status_code
        == 302
    )
    _assert_escaped_everywhere(client, world, case, payload)


@pytest.mark.parametrize("name", sorted(FAKE_IMAGES))
def test_fake_photos_are_refused_on_the_portal(client, world, name):
    before = database_snapshot()
    photo = SimpleUploadedFile(name, fake_image(name), content_type="image/jpeg")
    url, valid = target(world, "submit")
    response = client.post(url, {**valid, "photos": [photo]})
    assert_refused(response, before)


def test_too_many_and_too_large_photos_are_refused(client, world, settings):
    before = database_snapshot()
    url, valid = target(world, "submit")
    photos = [
        SimpleUploadedFile(f"{i}.jpg", jpeg_with_gps(), content_type="image/jpeg") for i in range(6)
    ]
    assert_refused(client.post(url, {**valid, "photos": photos}), before)
    settings.ACIKMASA_MAX_ATTACHMENT_BYTES = 300
    assert_refused(
        client.post(url, {**valid, "photos": [SimpleUploadedFile("a.jpg", jpeg_with_gps())]}),
        before,
    )


def test_a_polyglot_photo_is_stored_as_a_clean_image(client, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    url, valid = target(world, "submit")
    response = client.post(
        url, {**valid, "photos": [SimpleUploadedFile("x.jpg", jpeg_zip_polyglot())]}
    )
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    with attachment.file.open("rb") as stored:
        content = stored.read()
    assert (
        b"PK\x03\x04" not in content
        and b"shell.php" not in content
        and b"EvKamerasi" not in content
    )
    image = Image.open(io.BytesIO(content))
    assert image.format == "JPEG" and not image.getexif()
    served = client.get(f"/basvuru/foto/{attachment.pk}/{attachment.sha256}/")
    assert served["Content-Type"] == "image/jpeg" and served["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("name", ["php.jpg", "svg.jpg", "html.jpg", "bomb.png"])
def test_fake_evidence_photos_are_refused_on_the_desk(world, name):
    town, case = world["town"], world["case"]
    desk = Client()
    desk.force_login(town.users["fen_staff"])
    case = _act(world, case, Action.START)
    before = database_snapshot()
    photo = SimpleUploadedFile(name, fake_image(name), content_type="image/jpeg")
    response = desk.post(
        f"/cases/{case.pk}/actions/resolve/",
        {"text": "Çukur asfaltla kapatıldı.", "photo": photo, "version": case.version},
    )
    assert_refused(response, before, says="JPEG")


def test_desk_evidence_photos_lose_their_gps(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    town, case = world["town"], world["case"]
    desk = Client()
    desk.force_login(town.users["fen_staff"])
    case = _act(world, case, Action.START)
    photo = SimpleUploadedFile("after.jpg", jpeg_with_gps(), content_type="image/jpeg")
    response = desk.post(
        f"/cases/{case.pk}/actions/resolve/",
        {"text": "Çukur asfaltla kapatıldı.", "photo": photo, "version": case.version},
    )
    assert response.status_code == 302
    with Attachment.objects.get().file.open("rb") as stored:
        image = Image.open(io.BytesIO(stored.read()))
    assert not image.getexif()
