"""No personal data in logs: T.C. Kimlik No, phone numbers and e-mail addresses are masked."""

import logging

import pytest

from acikmasa.security.logfilter import PersonalDataFilter, is_tckn, mask

VALID_TCKN = "10000000146"


@pytest.mark.parametrize(
    "text, hidden",
    [
        (f"vatandaş {VALID_TCKN} başvurdu", VALID_TCKN),
        ("ara 0532 123 45 67 lütfen", "123 45 67"),
        ("ara +90 (532) 123-45-67", "123-45-67"),
        ("05321234567 aradı", "05321234567"),
        ("sabit hat 0212 555 12 34", "555 12 34"),
        ("yurt dışı +49 30 1234567", "1234567"),
        ("e-posta ayse.yilmaz+masa@example.com.tr yazdı", "ayse.yilmaz"),
    ],
)
def test_personal_data_is_masked(text, hidden):
    assert hidden not in mask(text)


@pytest.mark.parametrize(
    "text",
    [
        "Başvuru 2026-000123 kaydedildi",
        "12345678901 geçersiz kimlik numarası değil",
        "saat 2026-11-27 10:14:48",
        "case id=4521 version=7",
        "port 8400",
    ],
)
def test_ordinary_numbers_stay(text):
    assert mask(text) == text


def test_tckn_checksum():
    assert is_tckn(VALID_TCKN) and not is_tckn("12345678901") and not is_tckn("01234567890")


def test_the_filter_masks_arguments_and_tracebacks(caplog):
    logger = logging.getLogger("acikmasa.test.logfilter")
    logger.addFilter(PersonalDataFilter())
    try:
        with caplog.at_level(logging.INFO, logger="acikmasa.test.logfilter"):
            logger.info("citizen %s phone %s", VALID_TCKN, "0532 123 45 67")
            try:
                raise ValueError(f"bad e-mail ali@example.org for {VALID_TCKN}")
            except ValueError:
                logger.exception("failed")
    finally:
        logger.filters.clear()
    text = caplog.text + "".join(r.exc_text or "" for r in caplog.records)
    assert VALID_TCKN not in text and "123 45 67" not in text and "ali@example.org" not in text
    assert "[tckn]" in text and "[telefon]" in text and "[e-posta]" in text


def test_the_projects_handlers_carry_the_filter():
    from django.conf import settings

    handlers = settings.LOGGING["handlers"]
    assert handlers and all("personal_data" in h.get("filters", []) for h in handlers.values())
    assert logging.getLogger().handlers and any(
        isinstance(f, PersonalDataFilter) for h in logging.getLogger().handlers for f in h.filters
    )
