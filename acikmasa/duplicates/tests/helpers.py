"""Builders for the duplicates tests: cases made through the real intake."""

from datetime import timedelta
from typing import Any

from django.utils import timezone

from acikmasa.cases.models import Case
from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.cases.services.intake import case_submit
from acikmasa.common.testing import Town

LAT, LNG = 41.0410, 28.8770
# About 50 m, 120 m and 400 m north of LAT (1 degree of latitude is about 111.3 km).
NORTH_50, NORTH_120, NORTH_400 = 50 / 111_320, 120 / 111_320, 400 / 111_320


def report(
    town: Town,
    description: str = "Sokak lambası yanmıyor, gece zifiri karanlık",
    *,
    subject: str = "street_light",
    lat: float | None = LAT,
    lng: float | None = LNG,
    days_ago: float = 0,
    phone: str = "",
    **kwargs: Any,
) -> Case:
    citizen = (
        CitizenInput(first_name="Ayşe", last_name="Yılmaz", phone=phone, contact_consent=True)
        if phone
        else None
    )
    return case_submit(
        municipality=town.municipality,
        channel="web",
        subject=subject,
        description=description,
        latitude=lat,
        longitude=lng,
        citizen=citizen,
        received_at=timezone.now() - timedelta(days=days_ago) if days_ago else None,
        **kwargs,
    ).case
