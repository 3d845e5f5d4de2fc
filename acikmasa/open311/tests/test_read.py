"""GET endpoints: shapes, formats, filters and the spec's errors."""

from datetime import timedelta
from xml.etree import ElementTree as ET

import pytest
from django.utils import timezone

from acikmasa.cases.lifecycle import Action
from acikmasa.cases.models import Case
from acikmasa.cases.services.transitions import TransitionRequest, case_transition

from .conftest import assert_valid

pytestmark = pytest.mark.django_db
BASE = "/open311/v2/"


def _xml(response) -> ET.Element:
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    assert response.content.startswith(b'<?xml version="1.0" encoding="utf-8"?>')
    return ET.fromstring(response.content)


def test_discovery_lists_the_v2_endpoint_in_both_formats(client, town):
    data = client.get(BASE + "discovery.json").json()
    assert data["endpoints"][0]["url"].endswith("/open311/v2/")
    assert set(data["endpoints"][0]["formats"]) == {"application/json", "text/xml"}
    root = _xml(client.get(BASE + "discovery.xml"))
    assert root.tag == "discovery"
    assert [f.text for f in root.find("endpoints/endpoint/formats")] == [
        "application/json",
        "text/xml",
    ]


def test_services_are_our_subjects_and_validate(client, town):
    data = client.get(BASE + "services.json").json()
    assert_valid("services.json", data)
    assert {s["service_code"] for s in data} == {"pothole", "street_light", "waste"}
    pothole = next(s for s in data if s["service_code"] == "pothole")
    assert pothole["metadata"] is True and pothole["group"] == "Fen İşleri Müdürlüğü"
    root = _xml(client.get(BASE + "services.xml"))
    assert root.tag == "services" and len(root.findall("service")) == 3
    assert root.find("service/metadata").text == "true"


def test_service_definition_has_case_type_and_mahalle_attributes(client, town):
    data = client.get(BASE + "services/pothole.json").json()
    assert_valid("service-definition.json", data)
    codes = {a["code"]: a for a in data["attributes"]}
    assert set(codes) == {"case_type", "mahalle"}
    assert {"key": str(town.neighbourhoods["tuna"].pk), "name": "Tuna"} in codes["mahalle"][
        "values"
    ]
    root = _xml(client.get(BASE + "services/pothole.xml"))
    assert root.tag == "service_definition"
    assert root.find("attributes/attribute/values/value/key") is not None


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_unknown_service_is_a_404_error_list_in_the_requested_format(client, town, fmt):
    response = client.get(BASE + f"services/nope.{fmt}")
    assert response.status_code == 404
    if fmt == "json":
        assert response.json() == [{"code": 404, "description": "Unknown service_code."}]
    else:
        root = _xml(response)
        assert root.tag == "errors" and root.find("error/code").text == "404"


def test_request_fields_follow_the_spec(client, town, make_case):
    case = make_case()
    case_transition(
        case_id=case.pk,
        actor=town.users["fen_staff"],
        request=TransitionRequest(Action.ANSWER, text="Ekip yönlendirildi."),
    )
    data = client.get(BASE + f"requests/{case.tracking_number}.json").json()
    assert_valid("requests.json", data)
    item = data[0]
    case.refresh_from_db()
    assert item["service_request_id"] == case.tracking_number
    assert item["status"] == "open" and item["status_notes"] == "Ekip yönlendirildi."
    assert item["agency_responsible"] == "Fen İşleri Müdürlüğü"
    assert item["expected_datetime"] == timezone.localtime(case.due_at).isoformat(
        timespec="seconds"
    )
    assert item["expected_datetime"].endswith("+03:00")
    assert "48 saat" in item["service_notice"]
    assert item["lat"] == 41.04 and isinstance(item["long"], float)
    assert item["description"] == "Çukur var"


def test_resolved_case_is_closed_and_agent_typed_text_is_not_published(client, town, make_case):
    case = make_case(channel="call_centre", description="Ahmet Bey 0532... aradı")
    case_transition(
        case_id=case.pk,
        actor=town.users["fen_staff"],
        request=TransitionRequest(Action.RESOLVE, text="Asfalt yamandı, yol açık."),
    )
    item = client.get(BASE + f"requests/{case.tracking_number}.json").json()[0]
    assert item["status"] == "closed" and item["status_notes"] == "Asfalt yamandı, yol açık."
    assert item["description"] is None


def test_information_requests_are_never_published(client, town, make_case):
    from acikmasa.cases.services.citizens import CitizenInput

    case = make_case(
        case_type="information", citizen=CitizenInput(first_name="A", last_name="B", email="a@b.tr")
    )
    assert client.get(BASE + f"requests/{case.tracking_number}.json").status_code == 404
    assert client.get(BASE + "requests.json").json() == []


def test_request_list_defaults_to_the_last_90_days(client, town, make_case):
    recent = make_case()
    old = make_case(received_at=timezone.now() - timedelta(days=120))
    ids = [r["service_request_id"] for r in client.get(BASE + "requests.json").json()]
    assert ids == [recent.tracking_number]
    start = (timezone.now() - timedelta(days=200)).isoformat()
    data = client.get(BASE + "requests.json", {"start_date": start}).json()
    assert_valid("requests.json", data)
    assert {r["service_request_id"] for r in data} == {recent.tracking_number, old.tracking_number}


def test_request_list_filters_by_status_code_and_ids(client, town, make_case):
    open_case = make_case()
    waste = make_case(subject="waste")
    case_transition(
        case_id=waste.pk,
        actor=town.users["temizlik_staff"],
        request=TransitionRequest(Action.RESOLVE, text="Çöpler toplandı bugün."),
    )

    def ids(**q):
        return [r["service_request_id"] for r in client.get(BASE + "requests.json", q).json()]

    assert ids(status="open") == [open_case.tracking_number]
    assert ids(status="closed") == [waste.tracking_number]
    assert ids(service_code="waste") == [waste.tracking_number]
    assert set(
        ids(
            service_request_id=f"{open_case.tracking_number},{waste.tracking_number}",
            status="closed",
        )
    ) == {open_case.tracking_number, waste.tracking_number}


def test_paging_and_updated_after_extensions(client, town, make_case):
    cases = [make_case() for _ in range(5)]
    page1 = client.get(BASE + "requests.json", {"page_size": 2}).json()
    page3 = client.get(BASE + "requests.json", {"page_size": 2, "page": 3}).json()
    assert len(page1) == 2 and len(page3) == 1
    assert page3[0]["service_request_id"] == cases[0].tracking_number
    Case.objects.filter(pk=cases[1].pk).update(updated_at=timezone.now() + timedelta(hours=1))
    later = (timezone.now() + timedelta(minutes=30)).isoformat()
    assert [
        r["service_request_id"]
        for r in client.get(BASE + "requests.json", {"updated_after": later}).json()
    ] == [cases[1].tracking_number]


def test_extensions_give_channel_photos_and_public_notes(client, town, make_case):
    case = make_case()
    case_transition(
        case_id=case.pk,
        actor=town.users["fen_staff"],
        request=TransitionRequest(Action.NOTE, text="iç not"),
    )
    item = client.get(
        BASE + f"requests/{case.tracking_number}.json", {"extensions": "true"}
    ).json()[0]
    assert_valid("request.json", item)
    ext = item["extended_attributes"]
    assert ext["channel"] == "web" and ext["photos"] == [] and ext["mahalle"] == "Birlik"
    assert [n["type"] for n in ext["notes"]] == ["created"]  # internal notes stay inside
    root = _xml(client.get(BASE + "requests.xml", {"extensions": "true"}))
    assert root.find("request/extended_attributes/channel").text == "web"


@pytest.mark.parametrize(
    "query",
    [
        {"start_date": "yesterday"},
        {"status": "pending"},
        {"page": "0"},
        {"page_size": "-3"},
        {"start_date": "2026-05-02", "end_date": "2026-05-01"},
        {"extensions": "maybe"},
        {"jurisdiction_id": "atlantis"},
        {"end_date": "0001-01-01"},
        {"updated_after": "0001-01-01T00:00:00-12:00"},
        {"start_date": "9999-12-31T23:59:59+14:00"},
        {"start_date": "2026-01-01T25:00:00"},
    ],
)
def test_bad_list_parameters_are_400(client, town, query):
    response = client.get(BASE + "requests.json", query)
    assert response.status_code == 400
    assert response.json()[0]["code"] == 400


def test_broken_query_encoding_is_400(client, town):
    response = client.get(BASE + "requests.json?service_code=%FF%FE")
    assert response.status_code == 400


def test_unknown_request_and_token_are_404(client, town):
    assert client.get(BASE + "requests/2026-999999.json").status_code == 404
    assert client.get(BASE + "tokens/nope.xml").status_code == 404
    assert client.get(BASE + "requests.html").status_code == 404


def test_jurisdiction_is_required_when_several_are_served(client, town):
    from acikmasa.common.testing import make_town

    make_town("ikinci")
    assert client.get(BASE + "services.json").status_code == 400
    data = client.get(BASE + "services.json", {"jurisdiction_id": "ikinci"}).json()
    assert_valid("services.json", data)


def test_bad_api_key_on_a_read_is_403(client, town):
    response = client.get(BASE + "services.json", {"api_key": "wrong"})
    assert response.status_code == 403 and response.json()[0]["code"] == 403


def test_every_json_answer_is_checked_against_a_schema(client, town, make_case, api_key):
    case = make_case()
    urls = [
        "discovery.json",
        "services.json",
        "services/pothole.json",
        "requests.json",
        f"requests/{case.tracking_number}.json",
        "services/nope.json",
    ]
    assert all(getattr(client.get(BASE + u), "validated_schema", None) for u in urls)
    posted = client.post(
        BASE + "requests.json", {"api_key": api_key, "service_code": "waste", "address_string": "x"}
    )
    assert posted.validated_schema == "acikmasa-post-response.json"
    token = posted.json()[0]["token"]
    assert client.get(BASE + f"tokens/{token}.json").validated_schema == "acikmasa-tokens.json"


def test_the_schemas_would_catch_a_wrong_type():
    from jsonschema import ValidationError

    wrong = [
        {
            "service_request_id": 123,
            "status": "open",
            "service_code": "x",
            "requested_datetime": "2026-01-01T00:00:00+03:00",
        }
    ]
    with pytest.raises(ValidationError):
        assert_valid("requests.json", wrong)
    with pytest.raises(ValidationError):
        assert_valid("acikmasa-errors.json", [{"code": "404", "description": "x"}])
