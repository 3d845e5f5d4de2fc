"""Turkish folding: search that works whether or not people type Turkish letters."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from acikmasa.common.turkish import fold, turkish_lower


def test_isik_is_one_word_in_every_spelling():
    assert fold("IŞIK") == fold("ışık") == fold("isik") == fold("Işık") == "isik"


def test_dotted_capital_i_lowers_to_plain_i():
    assert fold("İstanbul") == "istanbul"
    assert turkish_lower("İSTANBUL") == "istanbul"
    assert turkish_lower("ISPARTA") == "ısparta"


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("ÇÖP KONTEYNERİ", "cop konteyneri"),
        ("Ağaç budama", "agac budama"),
        ("Güneşli  Sokak", "gunesli sokak"),
        ("Hâkimiyet", "hakimiyet"),
        ("i\u0307stanbul", "istanbul"),
        ("Şİkayet", "sikayet"),
    ],
)
def test_turkish_letters_and_spaces_fold(text, folded):
    assert fold(text) == folded


@settings(max_examples=200)
@given(st.text(max_size=40))
def test_folding_is_idempotent_and_ascii_for_turkish_text(text):
    once = fold(text)
    assert fold(once) == once
    turkish = "".join(
        ch for ch in text if ch in "abcçdefgğhıijklmnoöprsştuüvyzABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZ "
    )
    assert fold(turkish).isascii()


def test_upper_case_follows_turkish_rules():
    from acikmasa.common.turkish import turkish_upper

    assert turkish_upper("ışık istanbul") == "IŞIK İSTANBUL"
    assert turkish_lower(turkish_upper("çiğdem ılık")) == "çiğdem ılık"
