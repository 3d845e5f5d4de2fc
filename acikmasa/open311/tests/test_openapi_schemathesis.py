"""Schemathesis drives every documented operation with generated input; bounded so CI stays fast."""

import pytest
import schemathesis
from django.core.cache import cache
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance, response_schema_conformance, status_code_conformance,
)

from acikmasa.open311.openapi import openapi_document
from acikmasa.wsgi import application

schema = schemathesis.openapi.from_dict(openapi_document())
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


def test_openapi_document_is_served(client):
    data = client.get("/open311/v2/openapi.json").json()
    assert data["openapi"].startswith("3.1") and "/requests.{format}" in data["paths"]


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_openapi_description(case, town):
    cache.clear()  # the generated calls would otherwise run into the anonymous rate limit
    case.call_and_validate(app=application, checks=CHECKS)
