"""How people really word a request: synonyms, spoken forms, fillers, terse messages, vague ones,
and the odd case filed under a neighbouring subject. Makes the demo a fair test for routing
(docs/routing.md): no fixed sentence a lookup table could learn.
"""

import random
import re

from .catalogue import SUBJECTS

# Whole words (lower case) and what people write instead; the first entry is the word itself.
SYNONYMS: dict[str, list[str]] = {
    "araç": ["araba", "oto", "araç"],
    "araçlar": ["arabalar", "araçlar", "otolar"],
    "araba": ["araç", "araba", "teneke"],
    "kaldırım": ["kaldırım", "yaya yolu", "tretuvar", "kaldrım"],
    "kaldırımı": ["kaldırımı", "yaya yolunu", "tretuvarı"],
    "sokak": ["sokak", "sk", "cadde", "sokak arası"],
    "sokakta": ["sokakta", "sokağımızda", "bizim sokakta", "mahallede", "sk da"],
    "sokağımızda": ["sokağımızda", "sokakta", "bizim orda", "yolumuzda"],
    "çok": ["çok", "aşırı", "baya", "fazlasıyla", "cok", "acayip"],
    "her": ["her", "hep her"],
    "kırık": ["kırık", "kırılmış", "bozuk", "parçalanmış", "kırk"],
    "bozuk": ["bozuk", "arızalı", "berbat", "bozk"],
    "çalışmıyor": ["çalışmıyor", "çalışmıyo", "bozuk", "işlemiyor"],
    "yanmıyor": ["yanmıyor", "yanmıyo", "sönük", "çalışmıyor"],
    "geliyor": ["geliyor", "geliyo", "gelip duruyor"],
    "gelmiyor": ["gelmiyor", "gelmiyo", "uğramıyor"],
    "istiyoruz": ["istiyoruz", "rica ediyoruz", "bekliyoruz", "istiyoz", "talep ediyoruz"],
    "gece": ["gece", "geceleri", "gece vakti", "gece yarısı"],
    "her gün": ["her gün", "hergün", "her allahın günü"],
    "çocuklar": ["çocuklar", "çocuklarımız", "ufaklıklar", "cocuklar"],
    "köpek": ["köpek", "it", "kopek", "köpk"],
    "köpekler": ["köpekler", "itler", "sokak köpekleri", "kopekler"],
    "kedi": ["kedi", "pisi", "kedicik"],
    "ağaç": ["ağaç", "agaç", "ağac"],
    "ağacın": ["ağacın", "agacın"],
    "çöp": ["çöp", "cop", "çöpler"],
    "çöpler": ["çöpler", "çöp poşetleri", "copler", "çöpleri"],
    "lamba": ["lamba", "lambası", "ışık", "lmba"],
    "su": ["su", "suyu"],
    "yol": ["yol", "yolu", "cadde"],
    "yolu": ["yolu", "caddeyi", "yolumuzu"],
    "lütfen": ["lütfen", "lutfen", "ne olur", "rica etsem"],
    "acil": ["acil", "acilen", "ivedilikle", "ACİL"],
    "yapılsın": ["yapılsın", "yapılsa iyi olur", "yapılmasını istiyoruz", "yapılsn"],
    "kimse": ["kimse", "hiç kimse", "bi kişi bile"],
    "var": ["var", "mevcut", "vaar"],
    "yok": ["yok", "yoktur", "hiç yok"],
    "değil": ["değil", "deil", "degil"],
    "bir": ["bir", "bi", "tek bir"],
}
FILLERS = ["ya", "yani", "abi", "artık", "hala", "resmen", "valla", "bakın", "yine", "maalesef"]
TERSE_ENDINGS = ["", "", " acil", " !!", " lütfen", " ???", " bakarmısınız", " ne zaman gelcek"]
VAGUE = [
    "{street} tarafında bir sorun var, kimse ilgilenmiyor.",
    "Daha önce de yazdım, hala çözülmedi.",
    "Mahallemizdeki durumla ilgili şikayetim var, arayın lütfen.",
    "Bir aydır aynı sorun, belediye nerede?",
    "Geçen hafta bildirdiğim konu hala duruyor.",
    "Evimizin önündeki durum çekilmez oldu.",
    "{mahalle} için bir talebim olacaktı.",
    "Buraya bir bakın artık.",
]
VAGUE_HINTS = [
    "{word} meselesi yine aynı.",
    "konu {word}.",
    "{word} ile ilgili.",
    "yine {word}...",
    "",
]
_WORDS = re.compile(r"\w+", re.UNICODE)

_DIRECTORATE = {s.code: s.directorate for s in SUBJECTS}
_SIBLINGS = {
    s.code: [o.code for o in SUBJECTS if o.directorate == s.directorate and o.code != s.code]
    for s in SUBJECTS
}


def reword(rng: random.Random, clause: str) -> str:
    """The clause with some words swapped for what people also say, spoken forms and a filler."""
    out = []
    for word in clause.split(" "):
        bare = word.strip(",.!?").lower()
        options = SYNONYMS.get(bare)
        if options and rng.random() < 0.45:
            word = (
                word.replace(word.strip(",.!?"), rng.choice(options))
                if word.strip(",.!?")
                else word
            )
        elif len(word) > 5 and word.endswith("yor") and rng.random() < 0.3:
            word = word[:-1]  # spoken: "gidiyo", "kapatıyo"
        out.append(word)
    if len(out) > 3 and rng.random() < 0.3:
        out.insert(rng.randrange(1, len(out)), rng.choice(FILLERS))
    if len(out) > 5 and rng.random() < 0.15:
        del out[rng.randrange(1, len(out) - 1)]  # a word lost while typing fast
    return " ".join(out)


def terse(rng: random.Random, clause: str) -> str:
    """A WhatsApp-style message: the first few words of the complaint, maybe a nudge."""
    words = clause.split(" ")
    keep = max(3, min(len(words), rng.randint(3, 7)))
    return " ".join(words[:keep]) + rng.choice(TERSE_ENDINGS)


def vague(rng: random.Random, clause: str) -> str:
    """A message that hardly says what it is about: a generic complaint with at most one hint
    word."""
    words = [w for w in _WORDS.findall(clause) if len(w) >= 5]
    hint = rng.choice(VAGUE_HINTS).format(word=rng.choice(words)) if words else ""
    return (rng.choice(VAGUE) + " " + hint).strip()


def neighbour(rng: random.Random, subject: str) -> str:
    """Another subject of the same directorate: what was really meant when the wrong one was
    picked."""
    siblings = _SIBLINGS.get(subject) or [subject]
    return rng.choice(siblings)
