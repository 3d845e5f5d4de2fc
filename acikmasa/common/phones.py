"""Phone numbers: accept what people type (05.., 0090.., +90.., spaces), store E.164."""

import re

import phonenumbers

# Digits with the usual separators and at most one leading plus. phonenumbers alone would also take
# letters (vanity numbers: "0532 ABC") and a doubled plus, which here are typing mistakes.
_TYPED = re.compile(r"\+?[0-9 ().\-/]*[0-9][0-9 ().\-/]*")


class InvalidPhone(ValueError):
    pass


def normalise_phone(raw: str, region: str = "TR") -> str:
    """Return the number in E.164 (+905321234567) or raise InvalidPhone."""
    text = " ".join(raw.split()) if isinstance(raw, str) else ""  # pasted numbers carry odd spaces
    if not _TYPED.fullmatch(text):
        raise InvalidPhone(f"not a phone number: {raw!r}")
    if text.startswith("00"):
        text = "+" + text[2:]
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as exc:
        raise InvalidPhone(str(exc)) from exc
    if not phonenumbers.is_valid_number(number):
        raise InvalidPhone(f"not a valid phone number: {raw!r}")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def mask_phone(e164: str) -> str:
    """+905321234567 -> +90 *******67: enough to confirm with the caller, not to dial."""
    if len(e164) < 7:
        return "*" * len(e164)
    return f"{e164[:3]} {'*' * (len(e164) - 5)}{e164[-2:]}"
