"""POST requests: the single intake door, keys, location rules, idempotency, and no partial
writes."""

from urllib.parse import urlencode
from xml.etree import ElementTree as ET

import pytest

from acikmasa.cases.models import Case, CaseEvent, Citizen
from acikmasa.open311.models import ClientApp, RequestRecord
from acikmasa.security.ratelimit import rate_limits_reset

from .conftest import assert_valid

pytestmark = pytest.mark.django_db
URL = "/open311/v2/requests.json"
FORM = "application/x-www-form-urlencoded"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    rate_limits_reset()


def post(client, data, *, url=URL, **headers):
    body = data if isinstance(data, (bytes, str)) else urlencode(data, doseq=True)
    return client.post(url, body, content_type=FORM, headers=headers)


def _valid(api_key, **extra):
    return {
        "api_key": api_key,
        "service_code": "pothole",
        "lat": "41.041",
        "long": "28.877",
        "description": "Kaldırımda büyük çukur",
        **extra,
    }


def _nothing_written():
    return (
        Case.objects.count() == 0
        and CaseEvent.objects.count() == 0
        and Citizen.objects.count() == 0
    )


def test_post_creates_a_case_through_the_open311_channel(client, town, api_key):
    response = post(
        client,
        _valid(
            api_key,
            first_name="Ayşe",
            last_name="Yılmaz",
            phone="0532 123 45 67",
            email="ayse@example.org",
            device_id="dev-1",
            account_id="acc-9",
            media_url="https://example.org/p.jpg",
            **{
                "attribute[mahalle]": str(town.neighbourhoods["tuna"].pk),
                "attribute[case_type][]": "complaint",
            },
        ),
    )
    assert response.status_code == 200
    [created] = response.json()
    case = Case.objects.get(tracking_number=created["service_request_id"])
    assert case.channel.code == "open311" and case.case_type == "complaint"
    assert case.neighbourhood == town.neighbourhoods["tuna"] and case.directorate.code == "fen"
    assert case.citizen.phone == "+905321234567"
    assert created["token"] == case.open311_record.token and created["account_id"] == "acc-9"
    assert "48 saat" in created["service_notice"]
    assert list(case.events.values_list("kind", flat=True)) == ["created", "routed"]
    # The new request reads back, with the client's media_url, and its token resolves.
    item = client.get(f"/open311/v2/requests/{case.tracking_number}.json").json()
    assert_valid("requests.json", item)
    assert item[0]["media_url"] == "https://example.org/p.jpg"
    token = client.get(f"/open311/v2/tokens/{created['token']}.json").json()
    assert token == [{"service_request_id": case.tracking_number, "token": created["token"]}]


def test_post_in_xml_answers_in_xml(client, town, api_key):
    response = post(client, _valid(api_key), url="/open311/v2/requests.xml")
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    root = ET.fromstring(response.content)
    assert root.tag == "service_requests" and root.find("request/service_request_id").text


def test_address_string_or_address_id_is_enough(client, town, api_key):
    street = town.streets["ataturk"]
    assert (
        post(
            client, {"api_key": api_key, "service_code": "waste", "address_string": "No 5"}
        ).status_code
        == 200
    )
    response = post(
        client, {"api_key": api_key, "service_code": "waste", "address_id": str(street.pk)}
    )
    case = Case.objects.get(tracking_number=response.json()[0]["service_request_id"])
    assert case.street == street and case.neighbourhood == street.neighbourhood
    assert case.description == "Çöp toplama"  # the service name stands in for a missing description


@pytest.mark.parametrize(
    "data,status",
    [
        ({"api_key": ""}, 403),
        ({"api_key": "am_wrong"}, 403),
        ({"service_code": "nope"}, 404),
        ({"service_code": ""}, 400),
        ({"lat": "91"}, 400),
        ({"lat": "nan"}, 400),
        ({"long": "abc"}, 400),
        ({"lat": "", "long": ""}, 400),  # no location at all
        ({"long": ""}, 400),  # lat without long
        ({"description": "x" * 4001}, 400),
        ({"attribute[case_type]": "gossip"}, 400),
        ({"attribute[colour]": "red"}, 400),
        ({"attribute[mahalle]": "999999"}, 400),
        ({"attribute[case_type][]": ["request", "complaint"]}, 400),
        ({"address_id": "999999"}, 400),
        ({"email": "not-an-email"}, 400),
        ({"phone": "12"}, 400),
        ({"media_url": "javascript:alert(1)"}, 400),
        ({"attribute[case_type]": "information"}, 400),  # Law 4982 needs the applicant's identity
        ({"jurisdiction_id": "elsewhere"}, 403),
    ],
)
def test_malformed_post_gets_the_spec_error_and_writes_nothing(client, town, api_key, data, status):
    form = _valid(api_key) | data
    if form["api_key"] == "am_wrong":
        form["api_key"] = "am_wrong"
    response = post(client, form)
    assert response.status_code == status, response.content
    body = response.json()
    assert body[0]["code"] == status and body[0]["description"]
    assert _nothing_written()


@pytest.mark.parametrize(
    "body",
    [
        b"api_key=K&service_code=pothole&lat=41&long=28&description=\xff\xfe",
        b"api_key=K&service_code=pothole&lat=41&long=28&description=%FF%FE",
        b"api_key=K&service_code=pothole&lat=41&long=28&description=a%00b",
    ],
)
def test_broken_encodings_are_400_and_write_nothing(client, town, api_key, body):
    response = post(client, body.replace(b"K", api_key.encode(), 1))
    assert response.status_code == 400
    assert _nothing_written()


def test_multipart_is_accepted_and_broken_bytes_in_it_are_refused(client, town, api_key):
    ok = client.post(URL, _valid(api_key))  # the test client sends multipart/form-data
    assert ok.status_code == 200 and Case.objects.count() == 1
    boundary = "XyZ"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="api_key"\r\n\r\n{api_key}\r\n'
            f"--{boundary}\r\nContent-Disposition: form-data; "
            'name="service_code"\r\n\r\npothole\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="address_string"\r\n\r\n'
        ).encode()
        + b"\xff\xfe"
        + (f"\r\n--{boundary}--\r\n").encode()
    )
    bad = client.generic(
        "POST", URL, body, content_type=f"multipart/form-data; boundary={boundary}"
    )
    assert bad.status_code == 400 and Case.objects.count() == 1


def test_json_body_is_refused(client, town, api_key):
    response = client.post(URL, {"api_key": api_key}, content_type="application/json")
    assert response.status_code == 400 and _nothing_written()


def test_same_idempotency_key_returns_the_first_case(client, town, api_key):
    first = post(client, _valid(api_key), **{"Idempotency-Key": "abc-123"})
    again = post(
        client, _valid(api_key, description="farklı metin"), **{"Idempotency-Key": "abc-123"}
    )
    other = post(client, _valid(api_key), **{"Idempotency-Key": "abc-124"})
    assert first.json() == again.json()
    assert again["Idempotent-Replayed"] == "true"
    assert other.json()[0]["service_request_id"] != first.json()[0]["service_request_id"]
    assert Case.objects.count() == 2 and RequestRecord.objects.count() == 2


def test_idempotency_keys_of_two_clients_do_not_collide(client, town, api_key):
    from acikmasa.open311.services import client_app_create

    _, other_key = client_app_create(municipality=town.municipality, name="Other")
    a = post(client, _valid(api_key), **{"Idempotency-Key": "same"})
    b = post(client, _valid(other_key), **{"Idempotency-Key": "same"})
    assert a.json()[0]["service_request_id"] != b.json()[0]["service_request_id"]


def test_rate_limit_per_key_is_429_after_the_limit(client, town, api_key, monkeypatch):
    # Hold the clock inside one minute: the limit counts per fixed minute window.
    monkeypatch.setattr("acikmasa.security.ratelimit._now", lambda: 1_800_000_010.0)
    ClientApp.objects.update(rate_limit_per_minute=2)
    statuses = [post(client, _valid(api_key)).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert Case.objects.count() == 2


def test_inactive_key_is_refused(client, town, api_key):
    ClientApp.objects.update(is_active=False)
    assert post(client, _valid(api_key)).status_code == 403


def test_only_the_hash_of_a_key_is_stored(town, api_key):
    app = ClientApp.objects.get()
    assert api_key not in (app.key_hash, app.key_prefix) and len(app.key_hash) == 64


def test_demo_key_command_is_idempotent_and_prints_the_fixed_key(town, capsys):
    from django.core.management import call_command

    from acikmasa.open311.services import DEMO_KEY

    call_command("open311_demo_key")
    call_command("open311_demo_key")
    assert DEMO_KEY in capsys.readouterr().out
    assert ClientApp.objects.filter(name="Demo client").count() == 1


def test_wrong_method_is_405_error_list(client, town):
    response = client.delete(URL)
    assert response.status_code == 405 and response.json()[0]["code"] == 405
