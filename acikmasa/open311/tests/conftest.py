import json
from pathlib import Path

import pytest
from django.test import Client
from jsonschema import Draft7Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from acikmasa.cases.services.intake import case_submit
from acikmasa.open311.services import client_app_create

SCHEMAS = Path(__file__).parent / "schemas"


def _registry() -> Registry:
    resources = []
    for path in SCHEMAS.glob("*.json"):
        resources.append(
            (
                path.name,
                Resource.from_contents(json.loads(path.read_text()), default_specification=DRAFT7),
            )
        )
    return Registry().with_resources(resources)


REGISTRY = _registry()


def assert_valid(name: str, data) -> None:
    """Validate a response body against one of the shipped GeoReport v2 schemas."""
    schema = json.loads((SCHEMAS / name).read_text())
    Draft7Validator(
        schema, registry=REGISTRY, format_checker=Draft7Validator.FORMAT_CHECKER
    ).validate(data)


def schema_for(method: str, path: str, status: int) -> str | None:
    """Which schema a JSON answer of the API must satisfy."""
    if not path.startswith("/open311/v2/") or path.endswith("openapi.json"):
        return None
    if status >= 400:
        return "acikmasa-errors.json"
    name = path.removeprefix("/open311/v2/").removesuffix(".json")
    if name == "discovery":
        return "acikmasa-discovery.json"
    if name == "services":
        return "services.json"
    if name.startswith("services/"):
        return "service-definition.json"
    if name == "requests":
        return "acikmasa-post-response.json" if method == "POST" else "requests.json"
    if name.startswith("requests/"):
        return "requests.json"
    if name.startswith("tokens/"):
        return "acikmasa-tokens.json"
    return None


class ValidatingClient(Client):
    """Every JSON response of the API seen by a test is validated against its schema."""

    def request(self, **request):
        response = super().request(**request)
        if response.get("Content-Type", "").startswith("application/json"):
            name = schema_for(request["REQUEST_METHOD"], request["PATH_INFO"], response.status_code)
            if name:
                assert_valid(name, json.loads(response.content))
                response.validated_schema = name
        return response


@pytest.fixture
def client() -> ValidatingClient:
    return ValidatingClient()


@pytest.fixture
def api_key(town) -> str:
    _, raw = client_app_create(municipality=town.municipality, name="Test app")
    return raw


@pytest.fixture
def make_case(town):
    def make(**kwargs):
        defaults = {
            "municipality": town.municipality,
            "channel": "web",
            "description": "Çukur var",
            "subject": "pothole",
            "neighbourhood": town.neighbourhoods["birlik"],
            "latitude": 41.04,
            "longitude": 28.88,
        }
        return case_submit(**(defaults | kwargs)).case

    return make
