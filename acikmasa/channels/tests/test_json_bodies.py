import pytest

from acikmasa.channels.base import BadPayload, load_json_object


@pytest.mark.parametrize(
    "body", [b'{"a": NaN}', b'{"a": Infinity}', b'{"a": -Infinity}', b"[1]", b"\xff{}", b"{"]
)
def test_bodies_that_are_not_a_json_object_are_bad_payloads(body):
    # NaN/Infinity would pass Python's json module but fail the database's JSON columns later.
    with pytest.raises(BadPayload):
        load_json_object(body)


def test_a_json_object_is_returned_as_it_is():
    assert load_json_object('{"text": "ışık"}'.encode()) == {"text": "ışık"}
