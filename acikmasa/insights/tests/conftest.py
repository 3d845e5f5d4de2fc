from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from acikmasa.cases.models import Case
from acikmasa.cases.services.citizens import CitizenInput
from acikmasa.cases.services.intake import case_submit
from acikmasa.cases.services.transitions import TransitionRequest, case_transition

IST = ZoneInfo("Europe/Istanbul")
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=IST)  # a Monday


class WallClock:
    """Sets the time the services read (django.utils.timezone.now); the database stays real."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.now = T0
        monkeypatch.setattr(timezone, "now", lambda: self.now)

    def set(self, moment: datetime) -> datetime:
        self.now = moment
        return moment


@pytest.fixture
def wall(monkeypatch) -> WallClock:
    return WallClock(monkeypatch)


class History:
    """Builds cases through case_submit and case_transition at chosen moments."""

    def __init__(self, town, wall: WallClock) -> None:
        self.town, self.wall = town, wall

    def submit(
        self,
        *,
        at: datetime,
        subject: str = "pothole",
        channel: str = "web",
        citizen: CitizenInput | None = None,
        case_type: str | None = None,
        neighbourhood: str | None = None,
        street: str | None = None,
        description: str = "Sokakta derin bir çukur var, araçlar zarar görüyor.",
    ) -> Case:
        self.wall.set(at)
        return case_submit(
            municipality=self.town.municipality,
            channel=channel,
            subject=subject,
            description=description,
            citizen=citizen,
            case_type=case_type,
            received_at=at,
            neighbourhood=self.town.neighbourhoods[neighbourhood].pk if neighbourhood else None,
            street=self.town.streets[street].pk if street else None,
        ).case

    def act(
        self, case: Case, action: str, *, at: datetime, text: str = "", actor: str = "pr", **params
    ) -> Case:
        self.wall.set(at)
        case_transition(
            case_id=case.pk,
            request=TransitionRequest(action=action, text=text, params=params),
            actor=self.town.users[actor],
        )
        return Case.objects.get(pk=case.pk)

    def resolve(
        self,
        case: Case,
        *,
        after_hours: float,
        actor: str = "pr",
        text: str = "Çukur asfaltla kapatıldı.",
    ) -> Case:
        return self.act(
            case,
            "resolve",
            at=case.created_at + timedelta(hours=after_hours),
            text=text,
            actor=actor,
        )


@pytest.fixture
def history(town, wall) -> History:
    return History(town, wall)


@pytest.fixture
def story(history, wall):
    """Five cases with known outcomes (times in hours from T0):
    A pothole solved at 10 h (met), B pothole solved at 60 h (missed), C pothole rejected,
    D pothole still open (overdue at +100 h), E waste (no standard) solved at 20 h, reopened, solved
    at 30 h.
    """
    t = history.town
    a = history.submit(at=T0, neighbourhood="birlik", street="ataturk")
    b = history.submit(at=T0 + timedelta(minutes=1), neighbourhood="birlik")
    c = history.submit(at=T0 + timedelta(minutes=2), neighbourhood="tuna")
    d = history.submit(at=T0 + timedelta(minutes=3), channel="call_centre")
    e = history.submit(at=T0 + timedelta(minutes=4), subject="waste")
    a = history.resolve(a, after_hours=10)
    e = history.resolve(e, after_hours=20)
    e = history.act(e, "reopen", at=e.created_at + timedelta(hours=25), text="Çöp hâlâ toplanmadı.")
    e = history.resolve(e, after_hours=30)
    b = history.resolve(b, after_hours=60)
    c = history.act(
        c, "reject", at=T0 + timedelta(hours=70), text="Özel mülk içinde; belediyenin görevi değil."
    )
    wall.set(T0 + timedelta(hours=100))
    return {"a": a, "b": b, "c": c, "d": d, "e": e, "town": t}


@pytest.fixture(autouse=True)
def turkish():
    """Each test starts in Turkish: a request to /en/ leaves English active in this thread."""
    from django.utils import translation

    with translation.override("tr"):
        yield
