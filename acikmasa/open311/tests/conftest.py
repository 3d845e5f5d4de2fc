import json
from pathlib import Path

import pytest
from jsonschema import Draft7Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from acikmasa.cases.services.intake import case_submit
from acikmasa.open311.services import client_app_create

SCHEMAS = Path(__file__).parent / "schemas"


def _registry() -> Registry:
    resources = []
    for path in SCHEMAS.glob("*.json"):
        resources.append((path.name, Resource.from_contents(json.loads(path.read_text()), default_specification=DRAFT7)))
    return Registry().with_resources(resources)


REGISTRY = _registry()


def assert_valid(name: str, data) -> None:
    """Validate a response body against one of the shipped GeoReport v2 schemas."""
    schema = json.loads((SCHEMAS / name).read_text())
    Draft7Validator(schema, registry=REGISTRY, format_checker=Draft7Validator.FORMAT_CHECKER).validate(data)


@pytest.fixture
def api_key(town) -> str:
    _, raw = client_app_create(municipality=town.municipality, name="Test app")
    return raw


@pytest.fixture
def make_case(town):
    def make(**kwargs):
        defaults = dict(municipality=town.municipality, channel="web", description="Çukur var", subject="pothole",
                        neighbourhood=town.neighbourhoods["birlik"], latitude=41.04, longitude=28.88)
        return case_submit(**(defaults | kwargs)).case
    return make
