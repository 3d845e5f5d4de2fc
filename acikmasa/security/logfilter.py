"""A logging filter that masks T.C. Kimlik numbers, phone numbers and e-mail addresses in every
record."""

import logging
import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Eleven digits not inside a longer number: checked against the T.C. Kimlik checksum below.
ELEVEN_DIGITS = re.compile(r"(?<!\d)[1-9]\d{10}(?!\d)")
# Phones: +90 / 0090 / 0 then 10 digits starting 2-5 (landlines and mobiles), separators allowed,
# and any other +country number of 8-15 digits.
PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)90[\s.-]?|0)?\(?[2-5]\d{2}\)?[\s.-]?\d{3}[\s.-]?\d{2}[\s.-]?\d{2}(?!\d)"
    r"|(?<![\w+])\+[1-9](?:[\s.-]?\d){7,14}(?!\d)"
)


def is_tckn(digits: str) -> bool:
    """T.C. Kimlik No rule: 11 digits, first not 0, two check digits (10th and 11th)."""
    d = [int(c) for c in digits]
    if len(d) != 11 or d[0] == 0:
        return False
    tenth = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    return tenth == d[9] and sum(d[:10]) % 10 == d[10]


def mask(text: str) -> str:
    text = EMAIL.sub("[e-posta]", text)
    text = ELEVEN_DIGITS.sub(lambda m: "[tckn]" if is_tckn(m.group()) else m.group(), text)
    return PHONE.sub("[telefon]", text)


class PersonalDataFilter(logging.Filter):
    """Rewrites the message (arguments merged in) and any traceback text; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: log it as it is rather than lose the record
            message = str(record.msg)
        record.msg, record.args = mask(message), ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask(record.exc_text)
        if record.stack_info:
            record.stack_info = mask(record.stack_info)
        return True
