"""Text similarity of two citizens' descriptions, Turkish-aware, without a model or a dependency.

Character trigrams of the folded words (common.turkish.fold: İ/ı, ş, ğ... and capitals equal):
Turkish glues suffixes to stems ("lambası", "lambalar", "lambanın"), so whole-word comparison
misses what trigrams of the shared stem catch; trigrams also absorb typos ("yanmıyo") and word
order. The Dice coefficient of the two trigram sets gives 0 (nothing shared) to 1 (same words).
"""

from functools import lru_cache

from acikmasa.common.turkish import fold

# Filler that every complaint shares; leaving it in would make unrelated texts look alike.
STOP_WORDS = frozenset(
    [
        "ve",
        "ile",
        "bir",
        "bu",
        "su",
        "o",
        "da",
        "de",
        "mi",
        "mu",
        "icin",
        "cok",
        "var",
        "yok",
        "gibi",
        "ama",
        "fakat",
        "artik",
        "hala",
        "daha",
        "en",
        "her",
        "ne",
        "lutfen",
        "rica",
        "ederim",
        "ediyoruz",
        "ediyorum",
        "merhaba",
        "iyi",
        "gunler",
        "sayin",
        "yetkili",
        "belediye",
        "mahallesi",
        "mahalle",
        "sokak",
        "sokagi",
        "caddesi",
        "cadde",
        "no",
        "numara",
        "onunde",
    ]
)


@lru_cache(maxsize=4096)
def trigrams(text: str) -> frozenset[str]:
    grams: set[str] = set()
    for word in fold(text).replace(".", " ").replace(",", " ").split():
        word = "".join(ch for ch in word if ch.isalnum())
        if len(word) < 2 or word in STOP_WORDS:
            continue
        padded = f" {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return frozenset(grams)


def similarity(first: str, second: str) -> float:
    """Dice coefficient of the trigram sets, 0–1; 0 when either text has no content words."""
    a, b = trigrams(first[:2000]), trigrams(second[:2000])
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))
