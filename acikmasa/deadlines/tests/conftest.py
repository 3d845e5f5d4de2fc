from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from acikmasa.cases.models import Case
from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.cases.services.intake import case_submit
from acikmasa.cases.services.transitions import TransitionRequest, case_transition

IST = ZoneInfo("Europe/Istanbul")


def at(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=IST)


class WallClock:
    """Sets the time the services read (django.utils.timezone.now); the database stays real."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.now = timezone.now()
        monkeypatch.setattr(timezone, "now", lambda: self.now)

    def set(self, moment: datetime) -> datetime:
        self.now = moment
        return moment


@pytest.fixture
def wall(monkeypatch) -> WallClock:
    return WallClock(monkeypatch)


def information_request(town, wall: WallClock, when: datetime) -> Case:
    """A Law 4982 request (15 working days in the test town), registered at `when`."""
    wall.set(when)
    return case_submit(
        municipality=town.municipality,
        channel="information_request",
        case_type="information",
        description="Belediyenin 2025 yılı asfalt harcamalarını öğrenmek istiyorum.",
        citizen=CitizenInput(
            first_name="Ayşe", last_name="Yılmaz", address="Birlik Mah. 1. Sok. No:3"
        ),
        received_at=when,
    ).case


def pothole(town, wall: WallClock, when: datetime) -> Case:
    """A 48-hour case (the test town's fast standard)."""
    wall.set(when)
    return case_submit(
        municipality=town.municipality,
        channel="call_centre",
        subject="pothole",
        description="Sokakta derin çukur var",
        received_at=when,
    ).case


def act(
    case: Case,
    action: str,
    when: datetime,
    wall: WallClock,
    *,
    actor=None,
    text: str = "",
    by_citizen: bool = False,
    **params,
) -> Case:
    wall.set(when)
    case_transition(
        case_id=case.pk,
        actor=actor,
        by_citizen=by_citizen,
        request=TransitionRequest(action=action, text=text, params=params),
    )
    case.refresh_from_db()
    return case
