"""Remove personal details from free text and JSON: phone numbers, ID numbers, e-mails, known names.

Used when a case's personal data is anonymised. Conservative on purpose: a run of digits that
could be a phone or an 11-digit ID is replaced even if it was a parcel number; figures in the
text matter less than the person.
"""

import re
from typing import Any

from acikmasa.common.turkish import fold

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# +90 532 123 45 67, 0532 123 4567, 05321234567, 532-123-45-67, 0212 555 12 34 (a separator may
# be a space, dot, dash or slash; brackets around the area code).
PHONE = re.compile(r"(?<!\d)(?:\+\s?90|0090|0)?[\s.\-/]*\(?[2-5]\d{2}\)?(?:[\s.\-/]*\d){7}(?!\d)")
NATIONAL_ID = re.compile(r"(?<!\d)[1-9]\d{10}(?!\d)")
# Keys in event payloads and raw provider items that hold a person's identifiers.
PERSONAL_KEYS = frozenset(
    {
        "sender",
        "unparsed_phone",
        "phone",
        "email",
        "from",
        "from_address",
        "national_id",
        "first_name",
        "last_name",
        "name",
        "represented_name",
        "address",
        "recipient",
        "to",
        "wa_id",
        "profile",
        "contact",
    }
)
MARK = {"email": "[e-posta]", "phone": "[telefon]", "id": "[kimlik no]", "name": "[ad]"}


def scrub_text(text: str, names: list[str] | tuple[str, ...] = ()) -> str:
    """The text with e-mails, ID numbers, phone numbers and the given names replaced by markers."""
    if not text:
        return text
    text = EMAIL.sub(MARK["email"], text)
    text = NATIONAL_ID.sub(MARK["id"], text)
    text = PHONE.sub(MARK["phone"], text)
    for name in sorted({n for n in names if len(n) >= 2}, key=len, reverse=True):
        text = _replace_name(text, name)
    return text


def _replace_name(text: str, name: str) -> str:
    """Replace a name whatever its case and dotted/dotless i (AYŞE, ayşe, Ayse all match Ayşe)."""
    target = fold(name)
    words = re.finditer(r"\w+", text)
    out, last = [], 0
    for match in words:
        if fold(match.group()) == target:
            out.append(text[last : match.start()])
            out.append(MARK["name"])
            last = match.end()
    out.append(text[last:])
    return "".join(out)


def scrub_json(value: Any, names: tuple[str, ...] = ()) -> Any:
    """A copy of a JSON value with personal keys blanked and every string scrubbed."""
    if isinstance(value, dict):
        return {
            k: (
                ""
                if k in PERSONAL_KEYS and isinstance(v, (str, int)) and v != ""
                else scrub_json(v, names)
            )
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [scrub_json(v, names) for v in value]
    if isinstance(value, str):
        return scrub_text(value, names)
    return value
