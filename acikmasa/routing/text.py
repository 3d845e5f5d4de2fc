"""Turkish normalisation for matching citizens' words: folding, misspellings, colloquial forms,
suffixes.

Everything works on `common.turkish.fold` output (lower case with İ/ı handled, no diacritics), so
"IŞIKLAR", "ışıklar" and "isiklar" all become the tokens ["isik"] after stemming.
"""

import re
from functools import lru_cache

from acikmasa.common.turkish import fold

_WORD = re.compile(r"[a-z0-9]+")
MIN_STEM = 3

# Common misspellings and spoken forms seen in citizens' messages (folded spelling -> folded word).
MISSPELLINGS = {
    "bi": "bir",
    "herkez": "herkes",
    "yanliz": "yalniz",
    "kopke": "kopek",
    "konteynir": "konteyner",
    "konteynr": "konteyner",
    "kontayner": "konteyner",
    "container": "konteyner",
    "logar": "rogar",
    "lamda": "lamba",
    "lanba": "lamba",
    "kaldirm": "kaldirim",
    "kaldrim": "kaldirim",
    "asvalt": "asfalt",
    "asfallt": "asfalt",
    "cukr": "cukur",
    "cokur": "cukur",
    "agec": "agac",
    "kopeg": "kopek",
    "mahle": "mahalle",
    "mah": "mahalle",
    "sk": "sokak",
    "sok": "sokak",
    "cad": "cadde",
    "cd": "cadde",
    "napcaz": "ne yapacagiz",
    "naptiniz": "ne yaptiniz",
    "noldu": "ne oldu",
    "niye": "neden",
    "gelmiyo": "gelmiyor",
}

# Inflectional endings after folding (vowel harmony collapsed by folding: ı->i, ü->u, ö->o).
# Longest first, so "larindan" goes before "dan".
SUFFIXES = sorted(
    {
        "lar",
        "ler",
        "larin",
        "lerin",
        "lari",
        "leri",
        "larda",
        "lerde",
        "lardan",
        "lerden",
        "lara",
        "lere",
        "da",
        "de",
        "ta",
        "te",
        "dan",
        "den",
        "tan",
        "ten",
        "nda",
        "nde",
        "ndan",
        "nden",
        "na",
        "ne",
        "ya",
        "ye",
        "yi",
        "yu",
        "nin",
        "nun",
        "in",
        "un",
        "i",
        "u",
        "a",
        "e",
        "si",
        "su",
        "ni",
        "nu",
        "im",
        "um",
        "imiz",
        "umuz",
        "iniz",
        "unuz",
        "miz",
        "muz",
        "niz",
        "nuz",
        "la",
        "le",
        "yla",
        "yle",
        "ki",
        "daki",
        "deki",
        "taki",
        "teki",
        "yor",
        "iyor",
        "uyor",
        "miyor",
        "muyor",
        "mis",
        "mus",
        "di",
        "du",
        "ti",
        "tu",
        "madi",
        "medi",
        "mez",
        "maz",
        "mak",
        "mek",
        "acak",
        "ecek",
        "dir",
        "dur",
        "tir",
        "tur",
        "mistir",
        "mustur",
    },
    key=len,
    reverse=True,
)


def normalise(text: str) -> str:
    """Folded text with spoken forms written out: "Lambalar YANMIYO!" -> "lambalar yanmiyor"."""
    return " ".join(_respell(word) for word in _WORD.findall(fold(text or "")))


def _respell(word: str) -> str:
    word = MISSPELLINGS.get(word, word)
    # Spoken "-yo"/"-yolar" for "-yor"/"-yorlar": yanmıyo, gelmiyolar, akıyo.
    if len(word) > 4 and word.endswith(("iyo", "uyo")):
        return word + "r"
    if len(word) > 6 and word.endswith(("iyolar", "uyolar")):
        return word[:-3] + "rlar"
    return word


@lru_cache(maxsize=65_536)
def stem(word: str) -> str:
    """Strip inflectional endings, keeping at least MIN_STEM letters: "cukurlardan" -> "cukur".

    A light, rule-based stemmer: it need not find the dictionary root, only map the inflected forms
    of one word to the same key. Keywords and texts go through the same function.
    """
    for _ in range(3):
        for suffix in SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
                word = word[: -len(suffix)]
                break
        else:
            break
    return word


def tokens(text: str) -> list[str]:
    """Normalised words of `text` (not stemmed)."""
    return normalise(text).split()


def stems(text: str) -> list[str]:
    return [stem(word) for word in tokens(text)]
