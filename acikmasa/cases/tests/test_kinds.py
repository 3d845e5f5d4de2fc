"""Every event kind is declared once, with its visibility and its two labels in both languages."""

from django.utils import translation
from django.utils.translation import trans_real

from acikmasa.cases.kinds import KINDS, PUBLIC_KINDS, EventKind, Visibility, citizen_label
from acikmasa.cases.models import CaseEvent

# Kinds other apps wrote as plain strings before they were declared: their codes never change.
ONCE_PLAIN_STRINGS = {
    "clock_stopped",
    "clock_resumed",
    "survey_answered",
    "message_failed",
    "personal_data_anonymised",
    "supported",
}


def _labels(kind: str) -> list[str]:
    """The msgids (the English) of a kind's two labels."""
    with translation.override("en"):
        return [str(EventKind(kind).label), str(KINDS[kind].citizen_label)]


def test_every_kind_has_a_visibility_and_a_citizen_label():
    assert set(KINDS) == set(EventKind.values)
    for kind, declared in KINDS.items():
        assert declared.visibility in (Visibility.PUBLIC, Visibility.INTERNAL), kind
        assert str(declared.citizen_label).strip(), kind
        assert str(EventKind(kind).label).strip(), kind


def test_every_label_is_translated_into_turkish():
    catalogue = trans_real.translation("tr")._catalog
    missing = [
        (kind, msgid)
        for kind in EventKind.values
        for msgid in _labels(kind)
        if not catalogue.get(msgid)
    ]
    assert missing == []
    with translation.override("tr"):
        assert citizen_label("created") == "Başvurunuz kaydedildi"
    with translation.override("en"):
        assert citizen_label("created") == "Your application was registered"


def test_the_kinds_once_kept_elsewhere_are_declared_with_their_stored_codes():
    assert set(EventKind.values) >= ONCE_PLAIN_STRINGS


def test_the_stored_field_offers_the_declared_kinds():
    field = CaseEvent._meta.get_field("kind")
    assert [code for code, _label in field.choices] == list(EventKind.values)


def test_public_kinds_are_exactly_those_declared_public():
    assert {k for k, d in KINDS.items() if d.visibility == Visibility.PUBLIC} == PUBLIC_KINDS
    assert "note_added" not in PUBLIC_KINDS and "clock_stopped" in PUBLIC_KINDS


def test_no_raw_code_reaches_a_reader():
    with translation.override("tr"):
        for kind in EventKind.values:
            assert citizen_label(kind) != kind
        assert citizen_label("something_unknown") != "something_unknown"
