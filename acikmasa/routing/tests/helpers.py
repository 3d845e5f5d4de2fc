"""Builders for routing tests: a small synthetic case history, written as imported rows."""

import random
from datetime import timedelta

from django.utils import timezone

from acikmasa.cases.lifecycle import Status
from acikmasa.cases.models import Case
from acikmasa.cases.services.intake import case_submit
from acikmasa.directory.models import Channel

# Per subject of common.testing.make_town: words citizens use, mixed into varied sentences.
WORDS = {
    "pothole": [
        "çukur",
        "asfalt bozuk",
        "yolda göçük",
        "tekerlek patladı",
        "yama yapılmadı",
        "yol çökmüş",
    ],
    "street_light": [
        "lamba yanmıyor",
        "sokak karanlık",
        "direk eğilmiş",
        "ışıklar sönük",
        "aydınlatma yok",
        "ampul patlak",
    ],
    "waste": [
        "çöp toplanmadı",
        "konteyner taştı",
        "poşetler kokuyor",
        "çöp arabası gelmedi",
        "atıklar birikti",
        "kedi çöpü dağıttı",
    ],
}
FILLER = [
    "Merhaba",
    "lütfen",
    "acil",
    "iki gündür",
    "sokağımızda",
    "kimse gelmedi",
    "teşekkürler",
    "evimizin önünde",
]


def sentence(rng: random.Random, subject: str) -> str:
    words = rng.sample(WORDS[subject], 2) + rng.sample(FILLER, 2)
    rng.shuffle(words)
    text = " ".join(words)
    return text.upper() if rng.random() < 0.2 else text


def history(town, per_subject: int = 30, *, seed: int = 1, start_days_ago: int = 400) -> list[Case]:
    """`per_subject` closed cases per subject, one a day back from `start_days_ago` (oldest
    first)."""
    rng = random.Random(seed)
    channel = Channel.objects.get(code="call_centre")
    now = timezone.now()
    rows = []
    codes = [code for code in WORDS for _ in range(per_subject)]
    rng.shuffle(codes)
    for i, code in enumerate(codes):
        subject = town.subjects[code]
        at = now - timedelta(days=start_days_ago) + timedelta(hours=6 * i)
        rows.append(
            Case(
                municipality=town.municipality,
                tracking_number=f"2020-{i + 1:06d}",
                public_token=f"hist-{seed}-{i}",
                channel=channel,
                subject=subject,
                directorate=subject.directorate,
                status=Status.CLOSED,
                description=sentence(rng, code),
                created_at=at,
                updated_at=at,
            )
        )
    return Case.objects.bulk_create(rows)


def whatsapp(town, text: str, **kwargs) -> Case:
    """A message that arrives without a subject, as the channels submit it."""
    return case_submit(
        municipality=town.municipality, channel="whatsapp", description=text, **kwargs
    ).case
