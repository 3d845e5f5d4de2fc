"""Random bodies and query strings: never a server error, never a partial write."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from acikmasa.cases.models import Case, CaseEvent, Citizen
from acikmasa.security.ratelimit import rate_limits_reset

pytestmark = pytest.mark.django_db
FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
FIELDS = [
    "service_code",
    "lat",
    "long",
    "address_string",
    "address_id",
    "description",
    "email",
    "phone",
    "attribute[case_type]",
    "attribute[mahalle][]",
    "attribute[x]",
    "media_url",
    "jurisdiction_id",
]


@FUZZ
@given(body=st.binary(max_size=300))
def test_random_bytes_as_a_post_body_are_refused_without_writing(client, town, api_key, body):
    rate_limits_reset()
    response = client.post(
        "/open311/v2/requests.json",
        b"api_key=" + api_key.encode() + b"&" + body,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (400, 404), response.content
    assert response.json()[0]["code"] == response.status_code
    assert (
        not Case.objects.exists()
        and not CaseEvent.objects.exists()
        and not Citizen.objects.exists()
    )


@FUZZ
@given(form=st.dictionaries(st.sampled_from(FIELDS), st.text(max_size=50), max_size=6))
def test_random_field_values_give_a_case_or_a_spec_error(client, town, api_key, form):
    rate_limits_reset()
    before = Case.objects.count()
    response = client.post("/open311/v2/requests.json", {"api_key": api_key, **form})
    assert response.status_code in (200, 400, 403, 404), response.content
    assert Case.objects.count() == before + (1 if response.status_code == 200 else 0)


@FUZZ
@given(query=st.text(max_size=120))
def test_random_query_strings_never_break_the_list(client, town, query):
    rate_limits_reset()
    response = client.get("/open311/v2/requests.xml?" + query)
    assert response.status_code in (200, 400, 403, 404)
    assert response["Content-Type"] == "text/xml; charset=utf-8"
