"""Turkish-aware text folding so that "IŞIK", "ışık" and "isik" compare equal."""

import unicodedata

# Python's str.lower() maps "I" to "i" and "İ" to "i̇" (with a combining dot): wrong for Turkish.
_TURKISH_LOWER = str.maketrans({"I": "ı", "İ": "i"})
_TURKISH_UPPER = str.maketrans({"ı": "I", "i": "İ"})
_ASCII_FOLD = str.maketrans(
    {"ı": "i", "ğ": "g", "ü": "u", "ş": "s", "ö": "o", "ç": "c", "â": "a", "î": "i", "û": "u"}
)


def turkish_lower(text: str) -> str:
    """Lower-case with Turkish rules (I→ı, İ→i)."""
    return text.translate(_TURKISH_LOWER).lower()


def turkish_upper(text: str) -> str:
    """Upper-case with Turkish rules (ı→I, i→İ)."""
    return text.translate(_TURKISH_UPPER).upper()


def fold(text: str) -> str:
    """Lower-case, strip diacritics and map Turkish letters to ASCII, collapse spaces.

    Used for search keys: a citizen typing without Turkish letters must still find the subject.
    Idempotent (fold(fold(x)) == fold(x)), so folded keys can be compared with folded queries.
    """
    folded = _fold_once(text)
    for _ in range(3):  # compatibility forms (ℰ, ㎒) may surface new capitals; settle them
        again = _fold_once(folded)
        if again == folded:
            break
        folded = again
    return folded


def _fold_once(text: str) -> str:
    lowered = turkish_lower(unicodedata.normalize("NFKC", text)).translate(_ASCII_FOLD)
    decomposed = unicodedata.normalize("NFKD", lowered)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.split())
