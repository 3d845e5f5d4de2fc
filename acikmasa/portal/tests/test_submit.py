"""The submit page: one door (case_submit via the web channel), photos cleaned, double submits
safe."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from acikmasa.cases.models import Attachment, Case, CaseEvent, Citizen
from acikmasa.portal.forms import new_form_token

from .conftest import jpeg_with_gps

pytestmark = pytest.mark.django_db
URL = "/basvuru/"


def _form(town, **extra):
    return {
        "form_token": new_form_token(),
        "case_type": "request",
        "subject": town.subjects["pothole"].pk,
        "description": "Okul önünde derin çukur var",
        "neighbourhood": town.neighbourhoods["birlik"].pk,
        "street": town.streets["ataturk"].pk,
        "address": "No 12 önü",
        "latitude": "41.041",
        "longitude": "28.877",
        "phone": "0532 123 45 67",
        "privacy_read": "on",
        **extra,
    }


def _nothing_written():
    return (
        not Case.objects.exists()
        and not CaseEvent.objects.exists()
        and not Citizen.objects.exists()
    )


@pytest.mark.parametrize("prefix,words", [("", "Yeni başvuru"), ("/en", "New application")])
def test_form_renders_in_turkish_and_english(client, town, prefix, words):
    response = client.get(prefix + URL)
    assert response.status_code == 200
    assert words in response.content.decode()
    assert "Yol çukuru" in response.content.decode()


def test_submission_creates_a_web_case_and_shows_number_deadline_and_private_link(client, town):
    response = client.post(URL, _form(town), follow=True)
    case = Case.objects.get()
    assert case.channel.code == "web" and case.subject == town.subjects["pothole"]
    assert case.street == town.streets["ataturk"] and case.latitude == 41.041
    assert case.citizen.phone == "+905321234567"
    page = response.content.decode()
    assert case.tracking_number in page
    assert f"/basvuru/takip/{case.public_token}/" in page
    assert "48 saat" in page  # the binding standard and its deadline
    assert case.due_at is not None


def test_photos_are_stored_without_exif(client, town):
    photo = SimpleUploadedFile("IMG_1.jpg", jpeg_with_gps(), content_type="image/jpeg")
    client.post(URL, _form(town) | {"photos": [photo]})
    attachment = Attachment.objects.get()
    with attachment.file.open("rb") as f:
        stored = f.read()
    assert not Image.open(io.BytesIO(stored)).getexif() and b"PhoneCam" not in stored
    assert attachment.is_public and attachment.content_type == "image/jpeg"
    served = client.get(f"/basvuru/foto/{attachment.pk}/{attachment.sha256}/")
    assert served.status_code == 200 and b"".join(served.streaming_content) == stored
    assert client.get(f"/basvuru/foto/{attachment.pk}/{'0' * 64}/").status_code == 404


def test_double_submit_with_the_same_form_token_gives_one_case(client, town):
    data = _form(town)
    first = client.post(URL, data)
    second = client.post(URL, data)
    assert Case.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_forged_form_token_is_refused_and_writes_nothing(client, town):
    response = client.post(URL, _form(town, form_token="portal-made-up"))
    assert response.status_code == 400 and _nothing_written()


@pytest.mark.parametrize(
    "change",
    [
        {"privacy_read": ""},
        {"description": ""},
        {"description": "x" * 4001},
        {"subject": "999999"},
        {"phone": "123"},
        {"latitude": "95"},
        {"longitude": ""},
        {"street": "999999"},
        {"case_type": "information"},  # Law 4982: name and address needed
    ],
)
def test_bad_input_gets_a_form_error_and_writes_nothing(client, town, change):
    response = client.post(URL, _form(town) | change)
    assert response.status_code == 400
    assert 'class="p-error"' in response.content.decode()
    assert _nothing_written()


def test_street_outside_the_mahalle_is_refused(client, town):
    response = client.post(URL, _form(town, neighbourhood=town.neighbourhoods["tuna"].pk))
    assert response.status_code == 400 and _nothing_written()


def test_information_request_with_identity_is_accepted_and_anonymous_request_too(client, town):
    client.post(
        URL,
        _form(
            town,
            case_type="information",
            first_name="Ayşe",
            last_name="Kaya",
            email="a@example.org",
        ),
    )
    client.post(URL, _form(town, phone=""))
    assert Case.objects.count() == 2
    assert Case.objects.filter(citizen__isnull=True).count() == 1


def test_six_photos_or_a_fake_photo_are_refused_and_write_nothing(client, town):
    photos = [
        SimpleUploadedFile(f"p{i}.jpg", jpeg_with_gps(), content_type="image/jpeg")
        for i in range(6)
    ]
    assert client.post(URL, _form(town) | {"photos": photos}).status_code == 400
    fake = SimpleUploadedFile("p.jpg", b"MZ\x90\x00 not a photo", content_type="image/jpeg")
    assert client.post(URL, _form(town) | {"photos": [fake]}).status_code == 400
    assert _nothing_written() and not Attachment.objects.exists()


def test_subject_search_folds_turkish_letters(client, town):
    def names(q):
        return [s["name"] for s in client.get("/basvuru/konular/", {"q": q}).json()["subjects"]]

    assert names("isik") == ["Sokak lambası / ışık arızası"]
    assert names("IŞIK") == ["Sokak lambası / ışık arızası"]
    assert names("COP") == ["Çöp toplama"]
    assert names("cukur") == ["Yol çukuru"]


def test_streets_of_a_mahalle_and_outlines(client, town):
    birlik = town.neighbourhoods["birlik"]
    birlik.boundary = {
        "type": "Polygon",
        "coordinates": [[[28.87, 41.04], [28.88, 41.04], [28.88, 41.05], [28.87, 41.04]]],
    }
    birlik.save()
    assert (
        client.get("/basvuru/sokaklar/", {"mahalle": birlik.pk}).json()["streets"][0]["name"]
        == "Atatürk Caddesi"
    )
    assert (
        client.get("/basvuru/sokaklar/", {"mahalle": town.neighbourhoods["tuna"].pk}).json()[
            "streets"
        ]
        == []
    )
    features = client.get("/basvuru/mahalleler.geojson").json()["features"]
    assert [f["properties"]["name"] for f in features] == ["Birlik"]


def test_tile_url_setting_reaches_the_map(client, town, settings):
    settings.ACIKMASA_MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    assert (
        'data-tiles="https://tiles.example.org/{z}/{x}/{y}.png"' in client.get(URL).content.decode()
    )


def test_a_pin_without_a_mahalle_gets_the_mahalle_of_its_outline(client, town):
    tuna = town.neighbourhoods["tuna"]
    tuna.boundary = {
        "type": "Polygon",
        "coordinates": [
            [[28.87, 41.03], [28.89, 41.03], [28.89, 41.05], [28.87, 41.05], [28.87, 41.03]]
        ],
    }
    tuna.save()
    client.post(URL, _form(town, neighbourhood="", street=""))
    assert Case.objects.get().neighbourhood == tuna
