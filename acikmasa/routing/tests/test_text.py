import pytest
from hypothesis import given
from hypothesis import strategies as st

from acikmasa.common.turkish import turkish_upper
from acikmasa.routing.text import MIN_STEM, normalise, stem, stems, tokens

TURKISH = st.text(
    alphabet="abcçdefgğhıijklmnoöprsştuüvyzABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZ âî0123456789.,!?-",
    max_size=60,
)
WORD = st.text(alphabet="abcdefghijklmnoprstuvyz", min_size=1, max_size=20)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IŞIK", "isik"),
        ("ışık", "isik"),
        ("isik", "isik"),
        ("İSTANBUL", "istanbul"),
        ("ISPARTA", "isparta"),
        ("Çöp KONTEYNERİ", "cop konteyneri"),
        ("Ağaç, dalları!", "agac dallari"),
        ("kâğıt", "kagit"),
    ],
)
def test_normalise_folds_turkish_capitals_and_diacritics(text, expected):
    assert normalise(text) == expected


def test_spoken_forms_and_misspellings_are_written_out():
    assert normalise("lambalar YANMIYO, bi bakın") == "lambalar yanmiyor bir bakin"
    assert tokens("konteynır gelmiyolar") == ["konteyner", "gelmiyorlar"]


@pytest.mark.parametrize(
    "word", ["çukur", "çukurlar", "çukurlardan", "ÇUKURU", "çukurda", "cukurlari"]
)
def test_inflected_forms_share_one_stem(word):
    assert stems(word) == ["cukur"]


def test_different_words_keep_different_stems():
    assert len(set(stems("lamba çöp köpek asfalt konteyner"))) == 5


@given(TURKISH)
def test_normalise_is_idempotent_and_blind_to_turkish_case(text):
    once = normalise(text)
    assert normalise(once) == once
    assert normalise(turkish_upper(text)) == once


@given(WORD)
def test_a_stem_is_a_prefix_of_its_word_and_never_too_short(word):
    result = stem(word)
    assert word.startswith(result)
    assert len(result) >= min(len(word), MIN_STEM)
