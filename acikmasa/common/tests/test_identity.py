"""T.C. Kimlik No: checked by the algorithm (two check digits), not by a list."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from acikmasa.common.identity import is_valid_tckn, mask_tckn, tckn_check_digits

FIRST_NINE = st.text(alphabet="0123456789", min_size=9, max_size=9).filter(lambda s: s[0] != "0")


def build(first_nine: str) -> str:
    return first_nine + tckn_check_digits(first_nine)


def test_the_published_example_is_valid():
    assert is_valid_tckn("10000000146")


def test_the_check_digits_follow_the_rule_with_a_true_modulo():
    # d10 = (7*(1+0+0+0+0) - (0+0+0+0)) mod 10 = 7; d11 = (1+7) mod 10 = 8
    assert tckn_check_digits("100000000") == "78"
    # odd sum 4, even sum 36: 28 - 36 = -8, and -8 mod 10 is 2 (C's remainder would give -8)
    assert tckn_check_digits("191919190")[0] == "2"


@settings(max_examples=200)
@given(FIRST_NINE)
def test_a_number_built_by_the_algorithm_is_valid(first_nine):
    number = build(first_nine)
    d = [int(c) for c in number]
    assert d[9] == (7 * sum(d[0:9:2]) - sum(d[1:8:2])) % 10
    assert d[10] == sum(d[:10]) % 10
    assert is_valid_tckn(number)


@settings(max_examples=200)
@given(FIRST_NINE, st.integers(0, 10), st.integers(1, 9))
def test_changing_any_single_digit_makes_it_invalid(first_nine, position, delta):
    number = build(first_nine)
    changed = number[:position] + str((int(number[position]) + delta) % 10) + number[position + 1 :]
    assert not is_valid_tckn(changed)


@settings(max_examples=100)
@given(st.text(alphabet="0123456789", min_size=8, max_size=8))
def test_a_leading_zero_is_invalid_even_with_right_check_digits(rest):
    assert not is_valid_tckn(build("0" + rest))


@settings(max_examples=200)
@given(st.text(max_size=20).filter(lambda s: len(s) != 11))
def test_a_wrong_length_is_invalid(text):
    assert not is_valid_tckn(text)


@settings(max_examples=100)
@given(FIRST_NINE, st.integers(0, 10), st.sampled_from(list(" -.aİ٣²")))
def test_a_non_digit_anywhere_is_invalid(first_nine, position, junk):
    number = build(first_nine)
    assert not is_valid_tckn(number[:position] + junk + number[position + 1 :])


@pytest.mark.parametrize(
    "value", ["", "1000000014", "100000001460", "1000000014a", "٣0000000146", " 10000000146"]
)
def test_malformed_values_are_invalid(value):
    assert not is_valid_tckn(value)


def test_a_non_string_is_invalid_not_a_crash():
    assert not is_valid_tckn(None)  # type: ignore[arg-type]
    assert not is_valid_tckn(10000000146)  # type: ignore[arg-type]


def test_masking_keeps_the_first_two_and_last_two_digits():
    assert mask_tckn("10000000146") == "10*******46"
    assert mask_tckn("") == ""
