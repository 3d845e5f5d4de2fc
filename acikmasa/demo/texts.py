"""Compose varied Turkish texts: citizens' descriptions and staff's answers.

A description is built from the subject's own clauses (phrases.py) wrapped in generic parts
(greeting, place, duration, feeling, closing), then roughened the way people really type: no
Turkish letters, all capitals, typos, no punctuation. wording.py rewords the clause (synonyms,
spoken forms, fillers) and makes some messages terse, some vague, and a few filed under a
neighbouring subject, so that subject suggestion is measured on a fair, not a templated, test.
"""

import random

from acikmasa.common.turkish import fold, turkish_lower

from . import wording
from .phrases import SUBJECT_PHRASES

# Shares of descriptions filed under a neighbouring subject, too vague to tell, or terse
# (wording.py).
MISFILED_SHARE = 0.04
VAGUE_SHARE = 0.05
TERSE_SHARE = 0.15

GREETINGS = [
    "Merhaba,",
    "Merhabalar.",
    "İyi günler,",
    "Selamün aleyküm,",
    "Sayın yetkili,",
    "Sayın Başkanım,",
    "Kolay gelsin,",
    "Hayırlı günler.",
    "Değerli belediyemiz,",
    "Başkanım merhaba,",
    "Selamlar,",
    "İyi akşamlar,",
    "Sayın ilgili,",
    "Merhaba ben mahalle sakiniyim.",
    "Ben {mahalle} sakiniyim,",
]
PLACES = [
    "{mahalle} Mahallesi {street} üzerinde",
    "{street} No:{no} önünde",
    "{mahalle} mah. {street} civarında",
    "{street} ile {street2} köşesinde",
    "{street} başında",
    "{mahalle} Mahallesi {street} No:{no} önünde",
    "{street} No:{no} karşısında",
    "{mahalle}'de {street} tarafında",
    "evimizin önünde, {street} üzerinde",
    "{street} üzerindeki okulun yanında",
    "{street} camii arkasında",
    "{mahalle} mahallesinde {street} sonunda",
    "{street} {no} numaranın önünde",
    "{mahalle} {street} tarafında",
]
DURATIONS = [
    "{n} gündür",
    "bir haftadır",
    "iki haftadır",
    "aylardır",
    "dünden beri",
    "geçen haftadan beri",
    "bu sabahtan beri",
    "uzun zamandır",
    "bayramdan beri",
    "{n} haftadır",
    "3 gündür",
    "yaklaşık bir aydır",
]
FEELINGS = [
    "Lütfen acil ilgilenin.",
    "Artık bıktık.",
    "Daha önce de bildirdim ama sonuç çıkmadı.",
    "Komşular da şikayetçi.",
    "Çocuklar tehlikede.",
    "Yaşlılar zor durumda.",
    "Gereğinin yapılmasını rica ederim.",
    "Yardımcı olursanız sevinirim.",
    "Kaç kere aradık kimse gelmedi.",
    "Mağduriyetimizin giderilmesini istiyorum.",
    "Bu konuda bir çözüm bekliyoruz.",
    "Lütfen bir ekip gönderin.",
    "Sabrımız kalmadı.",
    "Bilginize sunarım.",
    "İlgilenirseniz çok sevinirim.",
]
CLOSINGS = [
    "Teşekkürler.",
    "İlginize teşekkür ederim.",
    "Gereğini arz ederim.",
    "Kolay gelsin.",
    "Saygılarımla.",
    "Allah razı olsun.",
    "İyi çalışmalar.",
    "Şimdiden teşekkürler.",
    "Saygılar.",
    "Teşekkür ederim, iyi günler.",
]
ALSO = ["Ayrıca", "Bir de", "Bu arada", "Aynı yerde", "Ek olarak"]

RESOLUTION_SUFFIXES = [
    "",
    " Vatandaşımıza bilgi verilmiştir.",
    " Başvuru sahibine geri dönüş yapılmıştır.",
    " Yerinde fotoğrafla kontrol edilmiştir.",
    " Bilgilerinize sunarız.",
    " Konu takibe alınmıştır.",
]
ASK_CITIZEN = [
    "Adres tarifi yetersiz; bina numarası ve yakın bir nokta bildirir misiniz?",
    "Sorunun fotoğrafını gönderebilir misiniz?",
    "Ekiplerimiz adresi bulamadı, sizinle iletişime geçmek istiyoruz.",
    "Başvurunuzu değerlendirebilmemiz için kimlik ve ikamet bilgilerinizi iletiniz.",
    "Sorun hangi saatlerde yaşanıyor? Bilgi verirseniz ekip yönlendireceğiz.",
]
CITIZEN_REPLIES = [
    "Fotoğrafı gönderdim.",
    "Bina numarası 14, marketin karşısı.",
    "Akşam 9dan sonra oluyor.",
    "Bilgileri ilettim.",
]
WAIT_OTHER = [
    "İSKİ ile ortak çalışma gerekiyor, koordinasyon yazısı gönderildi.",
    "Malzeme temini bekleniyor.",
    "Karayolları / İBB görüşü bekleniyor.",
    "İhale süreci tamamlandıktan sonra çalışma yapılacaktır.",
    "Kolluk kuvvetleri ile ortak denetim planlandı.",
    "Mülk sahibinin izni bekleniyor.",
]
FORWARD_REASONS = [
    "Konu müdürlüğümüzün görev alanında değildir, ilgili müdürlüğe sevk edilmiştir.",
    "Başvuru yanlış müdürlüğe yönlendirilmiş; görev alanına göre sevk edildi.",
    "Talep ilgili birimin yetkisinde olduğundan sevk edilmiştir.",
]
FORWARD_OUT = {
    "bedas": [
        "Sokak aydınlatması BEDAŞ'ın sorumluluğundadır; arıza kaydı BEDAŞ'a iletilmiştir.",
        "Aydınlatma arızası elektrik dağıtım şirketi BEDAŞ'a bildirilmiştir (186).",
    ],
    "iski": [
        "Su ve kanalizasyon hatları İSKİ'nin sorumluluğundadır; başvuru İSKİ'ye iletilmiştir.",
        "Arıza İSKİ 185 hattına ve yazılı olarak İSKİ'ye bildirilmiştir.",
    ],
    "igdas": ["Doğalgaz hatları İGDAŞ'ın sorumluluğundadır; başvuru İGDAŞ'a iletilmiştir (187)."],
    "ibb": [
        "Konu İstanbul Büyükşehir Belediyesinin sorumluluğundadır; Beyaz Masa'ya iletilmiştir.",
        "Ana arter ve toplu ulaşım İBB'nin yetkisindedir; başvuru İBB'ye sevk edilmiştir.",
    ],
}
REJECT_REASONS = [
    "Talep belediyemizin görev ve yetki alanı dışındadır.",
    "Adres bilgisi yetersiz olduğundan işlem yapılamamıştır.",
    "Yerinde yapılan incelemede bildirilen sorun tespit edilememiştir.",
    "Söz konusu alan özel mülk olduğundan müdahale edilememektedir.",
    "Aynı konuda yargı süreci devam ettiğinden başvuru işleme alınamamıştır.",
    "Başvuru sosyal inceleme kriterlerini karşılamadığından olumsuz sonuçlanmıştır.",
]
REOPEN_TEXTS = [
    "Sorun hala devam ediyor, kimse gelmedi.",
    "Çözüldü denmiş ama aynı durum sürüyor.",
    "Yapılan iş yetersiz, tekrar bakılmasını istiyorum.",
    "Bir hafta sonra aynı sorun tekrar başladı.",
    "Vatandaş aradı: sorun giderilmemiş.",
]
NOTES = [
    "Ekip yönlendirildi.",
    "Vatandaş telefonla arandı, ulaşılamadı.",
    "Yerinde keşif yapıldı.",
    "Haftalık programa alındı.",
    "Müdür bey bilgilendirildi.",
    "Benzer başvurular birlikte değerlendirilecek.",
]
ANSWERS = [
    "Başvurunuz ilgili ekibimize iletilmiştir, en kısa sürede çalışma yapılacaktır.",
    "Talebiniz programa alınmıştır.",
    "Konu hakkında inceleme başlatılmıştır.",
]


def _typo(rng: random.Random, text: str) -> str:
    """One realistic slip: swapped, dropped or doubled letter in a random word."""
    words = text.split(" ")
    candidates = [i for i, w in enumerate(words) if len(w) > 4]
    if not candidates:
        return text
    i = rng.choice(candidates)
    w = words[i]
    j = rng.randrange(1, len(w) - 2)
    kind = rng.random()
    if kind < 0.4:
        w = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    elif kind < 0.75:
        w = w[:j] + w[j + 1 :]
    else:
        w = w[:j] + w[j] + w[j:]
    words[i] = w
    return " ".join(words)


def _upper_tr(text: str) -> str:
    return text.replace("i", "İ").replace("ı", "I").upper()


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    # str.upper() turns "i" into "I"; in Turkish it is "İ".
    text = "İ" + text[1:] if text[0] == "i" else text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


class TextComposer:
    """Descriptions and staff texts for generated cases; all randomness comes from the given rng."""

    def __init__(self) -> None:
        self.phrases = {
            code: tuple(part.split("|") for part in parts)
            for code, parts in SUBJECT_PHRASES.items()
        }

    def description(
        self,
        rng: random.Random,
        *,
        subject: str,
        mahalle: str,
        street: str,
        street2: str,
        also: str | None = None,
    ) -> str:
        r = rng.random
        style = r()
        if style < MISFILED_SHARE:
            subject = wording.neighbour(
                rng, subject
            )  # what was meant; the case keeps the subject it was filed under
        clauses, details, _ = self.phrases[subject]
        slots = {
            "mahalle": mahalle,
            "street": street,
            "street2": street2,
            "no": rng.randint(1, 120),
            "n": rng.randint(2, 9),
        }
        core = wording.reword(rng, rng.choice(clauses))
        if style > 1 - VAGUE_SHARE:
            return self._roughen(rng, wording.vague(rng, core).format(**slots))
        if style > 1 - VAGUE_SHARE - TERSE_SHARE:
            return self._roughen(rng, wording.terse(rng, core).format(**slots))
        if r() < 0.45:
            core = rng.choice(DURATIONS) + " " + core
        if r() < 0.7:
            core = rng.choice(PLACES) + " " + core
        parts = []
        if r() < 0.55:
            parts.append(rng.choice(GREETINGS))
        sentence = _sentence(core)
        if parts and parts[-1].endswith(","):
            sentence = core[0] + sentence[1:]  # after "Merhaba," the sentence goes on in lower case
        parts.append(sentence)
        if r() < 0.6:
            parts.append(rng.choice(details))
        if also is not None:
            parts.append(_sentence(f"{rng.choice(ALSO)} {rng.choice(self.phrases[also][0])}"))
        if r() < 0.5:
            parts.append(rng.choice(FEELINGS))
        if r() < 0.45:
            parts.append(rng.choice(CLOSINGS))
        text = " ".join(parts).format(**slots)
        return self._roughen(rng, text)

    def _roughen(self, rng: random.Random, text: str) -> str:
        r = rng.random
        for _ in range(rng.choice((0, 0, 0, 1, 1, 2))):
            text = _typo(rng, text)
        style = r()
        if style < 0.22:
            text = fold(text) if r() < 0.5 else _ascii_keep_case(text)
        elif style < 0.28:
            text = _upper_tr(text)
        elif style < 0.40:
            text = turkish_lower(text)
        if r() < 0.10:
            text = text.replace(".", "").replace(",", "")
        return text

    def resolution(self, rng: random.Random, subject: str) -> str:
        return rng.choice(self.phrases[subject][2]) + rng.choice(RESOLUTION_SUFFIXES)

    @staticmethod
    def pick(rng: random.Random, pool: list[str]) -> str:
        return rng.choice(pool)


_ASCII = str.maketrans(
    {
        "ı": "i",
        "İ": "I",
        "ğ": "g",
        "Ğ": "G",
        "ü": "u",
        "Ü": "U",
        "ş": "s",
        "Ş": "S",
        "ö": "o",
        "Ö": "O",
        "ç": "c",
        "Ç": "C",
        "â": "a",
    }
)


def _ascii_keep_case(text: str) -> str:
    return text.translate(_ASCII)
