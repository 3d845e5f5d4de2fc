"""Whatever an authentic provider sends, the answer is a JSON 2xx/4xx, never a 500, and no
existing case changes unless the payload really is a message for it."""

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from acikmasa.cases.services.intake import case_submit
from acikmasa.channels.meta import sign
from acikmasa.channels.whatsapp.tests.helpers import fixture

pytestmark = pytest.mark.django_db
FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False),
    st.text(max_size=30),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=15,
)


def paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += paths(child, (*prefix, index))
    return found


def mutate(document: Any, path: tuple, replacement: Any, drop: bool) -> Any:
    if not path:
        return replacement
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    if drop and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = replacement
    return document


@pytest.fixture
def existing_case(town):
    return case_submit(
        municipality=town.municipality, channel="web", description="Mevcut başvuru"
    ).case


@FUZZ
@given(data=st.data())
def test_mutated_whatsapp_payloads_never_break_the_webhook(client, existing_case, data):
    document = fixture(
        data.draw(
            st.sampled_from(["text", "image", "location", "interactive_button_reply", "status"])
        )
    )
    path = data.draw(st.sampled_from(paths(document)))
    document = mutate(document, path, data.draw(json_values), data.draw(st.booleans()))
    body = json.dumps(document).encode()
    response = client.post(
        "/hooks/whatsapp/",
        data=body,
        content_type="application/json",
        HTTP_X_HUB_SIGNATURE_256=sign("demo-whatsapp-secret", body),
    )
    assert response.status_code in (200, 400, 422), response.content
    existing_case.refresh_from_db()
    assert existing_case.version == existing_case.events.count()
    assert existing_case.events.filter(kind="message_received").count() == 0


@FUZZ
@given(
    body=st.one_of(st.binary(max_size=300), json_values.map(lambda v: json.dumps(v).encode())),
    url=st.sampled_from(
        [
            "/hooks/whatsapp/",
            "/hooks/facebook/",
            "/hooks/sms/",
            "/hooks/telephony/",
            "/hooks/email/",
        ]
    ),
)
def test_arbitrary_signed_bodies_get_a_json_answer(client, existing_case, body, url):
    secrets = {
        "/hooks/whatsapp/": "demo-whatsapp-secret",
        "/hooks/facebook/": "demo-facebook-secret",
    }
    headers = (
        {"HTTP_X_HUB_SIGNATURE_256": sign(secrets[url], body)}
        if url in secrets
        else {
            "HTTP_X_ACIKMASA_SECRET": {
                "/hooks/sms/": "demo-sms-secret",
                "/hooks/telephony/": "demo-telephony-secret",
                "/hooks/email/": "demo-email-secret",
            }[url]
        }
    )
    response = client.post(url, data=body, content_type="application/json", **headers)
    assert response.status_code in (200, 400, 422), response.content
    assert response["Content-Type"].startswith("application/json")
    existing_case.refresh_from_db()
    assert existing_case.version == existing_case.events.count()
    assert existing_case.events.filter(kind="message_received").count() == 0
