from dataclasses import dataclass
from datetime import time, timedelta

import pytest
from django.utils import timezone

from acikmasa.common.testing import make_user
from acikmasa.directory.models import Region, Role, ServiceStandard, Subject

from ..models import HomeVisitService, VisitSlot, VisitTeam


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@dataclass
class Visits:
    town: object
    team: VisitTeam
    other_team: VisitTeam
    slots: list
    subject: Subject


def make_visits(town) -> Visits:
    m = town.municipality
    north = Region.objects.create(municipality=m, code="kuzey", name="Kuzey Bölgesi")
    south = Region.objects.create(municipality=m, code="guney", name="Güney Bölgesi")
    town.neighbourhoods["birlik"].region = north
    town.neighbourhoods["birlik"].save()
    town.neighbourhoods["tuna"].region = south
    town.neighbourhoods["tuna"].save()
    field = ServiceStandard.objects.create(
        municipality=m,
        sequence_no=8,
        name="Saha Çalışmaları",
        deadline_amount=15,
        deadline_unit=ServiceStandard.Unit.CALENDAR_DAYS,
    )
    subject = Subject.objects.create(
        municipality=m,
        code="hizmet-kapinizda",
        name="Hizmet Kapınızda ev ziyareti",
        directorate=town.directorates["fen"],
        service_standard=field,
    )
    HomeVisitService.objects.create(municipality=m, subject=subject)
    team = VisitTeam.objects.create(municipality=m, name="Kuzey ekibi", region=north)
    team.members.add(town.users["field"])
    make_user(town, "field_south", Role.FIELD_REP)
    other = VisitTeam.objects.create(municipality=m, name="Güney ekibi", region=south)
    other.members.add(town.users["field_south"])
    tomorrow = timezone.localdate() + timedelta(days=1)
    slots = []
    for day in range(3):
        start = timezone.make_aware(
            timezone.datetime.combine(tomorrow + timedelta(days=day), time(10, 0))
        )
        slots.append(
            VisitSlot.objects.create(
                team=team, starts_at=start, ends_at=start + timedelta(hours=2), capacity=1
            )
        )
    VisitSlot.objects.create(
        team=other,
        starts_at=slots[0].starts_at,
        ends_at=slots[0].ends_at,
        capacity=2,
    )
    return Visits(town, team, other, slots, subject)


@pytest.fixture
def visits(town) -> Visits:
    return make_visits(town)
