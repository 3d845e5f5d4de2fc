"""Schemathesis drives every documented operation with generated input; bounded so CI stays fast."""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from acikmasa.open311.openapi import openapi_document
from acikmasa.security.ratelimit import rate_limits_reset
from acikmasa.wsgi import application

schema = schemathesis.openapi.from_dict(openapi_document())
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def keep_db_connection():
    """Calling the WSGI app directly would close the test's connection after each request, as a
    real server does; Django's own test client disconnects the same handlers."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_openapi_document_is_served(client):
    data = client.get("/open311/v2/openapi.json").json()
    assert data["openapi"].startswith("3.1") and "/requests.{format}" in data["paths"]


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_openapi_description(case, town, keep_db_connection):
    rate_limits_reset()  # the generated calls would otherwise run into the anonymous rate limit
    case.call_and_validate(app=application, checks=CHECKS)
