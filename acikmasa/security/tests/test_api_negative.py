"""Schemathesis in negative mode against the Open311 OpenAPI document: every request that breaks the
schema is refused with a 4xx (never a 500, never accepted), and none of them writes anything."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import negative_data_rejection

from acikmasa.open311.openapi import openapi_document
from acikmasa.open311.tests.test_openapi_schemathesis import keep_db_connection  # noqa: F401 (fixture)
from acikmasa.security.ratelimit import rate_limits_reset
from acikmasa.security.testing import database_snapshot, snapshot_difference
from acikmasa.wsgi import application

schema = schemathesis.openapi.from_dict(openapi_document())
schema.config.generation.update(modes=[GenerationMode.NEGATIVE])


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
def test_schema_breaking_requests_are_refused_and_write_nothing(case, town, keep_db_connection):  # noqa: F811
    rate_limits_reset()
    before = database_snapshot()
    response = case.call(app=application)
    case.validate_response(response, checks=[not_a_server_error, negative_data_rejection])
    assert 400 <= response.status_code < 500 or case.method == "GET"
    assert snapshot_difference(before, database_snapshot()) == {}
