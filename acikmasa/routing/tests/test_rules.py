import pytest
from django.core.exceptions import ValidationError

from acikmasa.routing.models import KeywordRule
from acikmasa.routing.rules import UNKNOWN_MASS, RuleIndex, rule_confidences, rules_for
from acikmasa.routing.suggest import suggest_subjects
from acikmasa.routing.text import tokens


def _codes(town, text):
    return [
        s.subject.code
        for s in suggest_subjects(municipality_id=town.municipality.pk, text=text).items
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Sokakta büyük bir ÇUKUR var",
        "cukurlardan gecilmiyor",
        "asfaltı bozuk yol",
        "yoldaki çukuru kapatın",
    ],
)
def test_subject_keywords_find_the_subject_in_any_spelling(town, text):
    assert _codes(town, text)[0] == "pothole"


def test_a_typo_in_a_long_keyword_still_matches(town):
    KeywordRule.objects.create(
        municipality=town.municipality, subject=town.subjects["street_light"], phrase="aydınlatma"
    )
    assert _codes(town, "sokağın AYDINALTMASI bozuk")[0] == "street_light"


def test_an_admins_rule_adds_words_and_a_phrase_must_appear_in_order(town):
    assert _codes(town, "ampul patlamış") == []
    KeywordRule.objects.create(
        municipality=town.municipality,
        subject=town.subjects["street_light"],
        phrase="ampul patla",
        weight=2,
    )
    assert _codes(town, "Ampuller patlamış") == ["street_light"]
    assert _codes(town, "patlamış ampul") == []


def test_a_negative_rule_speaks_against_its_subject(town):
    text = "çöp kamyonu yolu kapattı"
    assert "waste" in _codes(town, text)
    KeywordRule.objects.create(
        municipality=town.municipality, subject=town.subjects["waste"], phrase="kamyon", weight=-1
    )
    assert "waste" not in _codes(town, text)


def test_inactive_rules_and_subjects_and_other_towns_rules_do_not_count(town):
    from acikmasa.common.testing import make_town

    other = make_town("oteki")
    KeywordRule.objects.create(
        municipality=other.municipality, subject=other.subjects["waste"], phrase="ampul"
    )
    KeywordRule.objects.create(
        municipality=town.municipality,
        subject=town.subjects["waste"],
        phrase="ampul",
        is_active=False,
    )
    assert _codes(town, "ampul") == []
    town.subjects["pothole"].is_active = False
    town.subjects["pothole"].save()
    assert "pothole" not in _codes(town, "çukur asfalt")


def test_confidence_keeps_room_for_none_of_these():
    assert rule_confidences({1: 1.0}) == {1: 1.0 / (1.0 + UNKNOWN_MASS)}
    shares = rule_confidences({1: 3.0, 2: 1.0, 3: -2.0})
    assert (
        set(shares) == {1, 2}
        and shares[1] == pytest.approx(3 * shares[2])
        and sum(shares.values()) < 1
    )


def test_each_rule_counts_once_however_often_its_word_appears(town):
    index = RuleIndex(rules_for(town.municipality.pk))
    assert index.scores(tokens("çukur çukur çukur")) == index.scores(tokens("çukur"))


def test_a_rule_without_letters_is_refused_by_validation(town):
    rule = KeywordRule(
        municipality=town.municipality, subject=town.subjects["waste"], phrase=" ,.! "
    )
    with pytest.raises(ValidationError) as refused:
        rule.full_clean()
    assert "phrase" in refused.value.message_dict


def test_a_rule_for_another_towns_subject_is_refused(town):
    from acikmasa.common.testing import make_town

    other = make_town("oteki")
    rule = KeywordRule(
        municipality=town.municipality, subject=other.subjects["waste"], phrase="çöp"
    )
    with pytest.raises(ValidationError):
        rule.full_clean()
