"""Phones: accept what people type, store E.164, refuse junk, mask for display."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from acikmasa.common.phones import InvalidPhone, mask_phone, normalise_phone


@pytest.mark.parametrize(
    "typed",
    [
        "05321234567",
        "0532 123 45 67",
        "0 (532) 123-45-67",
        "5321234567",
        "+905321234567",
        "+90 532 123 45 67",
        "(0532) 123 45 67",
        "0532\u00a0123\u00a045\u00a067",
        "00905321234567",
        "0090 532 123 4567",
        "  0532 123 45 67  ",
        "905321234567",
    ],
)
def test_the_usual_ways_of_writing_a_mobile_number_give_one_e164(typed):
    assert normalise_phone(typed) == "+905321234567"


def test_a_landline_with_area_code_is_accepted():
    assert normalise_phone("0212 444 0 155") == "+902124440155"


def test_a_foreign_number_keeps_its_country():
    assert normalise_phone("+49 30 901820") == "+4930901820"


@pytest.mark.parametrize(
    "junk",
    [
        "",
        "   ",
        "123",
        "abc",
        "0532",
        "05321234567890123",
        "+90 000 000 00 00",
        "++905321234567",
        "0532 12A 45 67",
        "0532\u00a0123",
        "+",
        "()",
        None,
    ],
)
def test_junk_is_refused(junk):
    with pytest.raises(InvalidPhone):
        normalise_phone(junk)


@settings(max_examples=100)
@given(st.integers(500_000_000, 559_999_999))
def test_normalising_is_idempotent(subscriber):
    try:
        once = normalise_phone(f"0{subscriber}")
    except InvalidPhone:
        return
    assert normalise_phone(once) == once and once.startswith("+90")


def test_masking_shows_the_country_and_the_last_two_digits_only():
    masked = mask_phone("+905321234567")
    assert masked.startswith("+90") and masked.endswith("67") and "1234" not in masked
    assert mask_phone("") == ""
