from hypothesis import given
from hypothesis import strategies as st

from acikmasa.duplicates.text import similarity


def test_turkish_capitals_and_ascii_spelling_are_the_same_text():
    assert similarity("SOKAK LAMBASI IŞIK VERMİYOR", "sokak lambası ışık vermiyor") == 1.0
    assert similarity("ışık vermiyor", "isik vermiyor") == 1.0


def test_suffixes_and_typos_still_look_alike_and_other_problems_do_not():
    alike = similarity("Sokak lambası 3 gündür yanmıyor", "lambalar yanmıyo karanlık")
    unrelated = similarity("Sokak lambası yanmıyor", "Çöp konteyneri taştı, koku var")
    assert alike > 0.4 > unrelated
    assert unrelated < 0.2


def test_filler_words_alone_make_nothing_alike():
    assert similarity("merhaba lütfen ve bir", "merhaba lütfen ve bir") == 0.0


@given(st.text(max_size=80), st.text(max_size=80))
def test_similarity_is_symmetric_and_between_zero_and_one(a, b):
    assert 0.0 <= similarity(a, b) <= 1.0
    assert similarity(a, b) == similarity(b, a)
