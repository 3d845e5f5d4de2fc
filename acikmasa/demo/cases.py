"""Generate realistic cases with their full event history, as plain rows, deterministically.

Nothing here touches the database: ids come from the caller, rows go back as tuples in the column
orders below (writer.py inserts them). Every history is replayed through the lifecycle table while
it is built, so a generated case can only contain moves `case_transition` would allow.
"""

import bisect
import hashlib
import itertools
import math
import random
from base64 import urlsafe_b64encode
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings

from acikmasa.cases.events import ACTION_EVENT_KINDS, PUBLIC_KINDS, EventKind
from acikmasa.cases.guards import MIN_RESOLUTION_LENGTH
from acikmasa.cases.lifecycle import TRANSITIONS, Action, Status, target_status
from acikmasa.cases.services.tracking import format_tracking_number
from acikmasa.deadlines.calculator import compute_due_at

from . import people, texts
from .context import Context, HoodInfo, SubjectInfo

A = Action
CITIZEN_COLUMNS = (
    "id",
    "municipality_id",
    "first_name",
    "last_name",
    "national_id",
    "phone",
    "email",
    "address",
    "neighbourhood_id",
    "contact_consent",
    "gender",
    "birth_year",
    "created_at",
)
CASE_COLUMNS = (
    "id",
    "municipality_id",
    "tracking_number",
    "public_token",
    "case_type",
    "channel_id",
    "external_id",
    "subject_id",
    "directorate_id",
    "assignee_id",
    "status",
    "priority",
    "description",
    "citizen_id",
    "neighbourhood_id",
    "street_id",
    "address",
    "latitude",
    "longitude",
    "service_standard_id",
    "duplicate_of_id",
    "forwarded_to_id",
    "created_at",
    "due_at",
    "resolved_at",
    "closed_at",
    "updated_at",
    "version",
)
EVENT_COLUMNS = (
    "case_id",
    "sequence",
    "kind",
    "actor_id",
    "actor_kind",
    "created_at",
    "from_status",
    "to_status",
    "directorate_id",
    "is_public",
    "text",
    "payload",
)

# Channel mix (percent): phone and WhatsApp lead (seed 002); CİMER about 3 %.
CHANNEL_MIX = {
    "call_centre": 29,
    "whatsapp": 17,
    "desk": 10,
    "web": 8,
    "social_media": 7,
    "mobile_app": 6,
    "field": 6,
    "cimer": 3,
    "muhtar": 3,
    "petition": 3,
    "email": 2.5,
    "information_request": 1.5,
    "sms": 1.5,
    "guidance": 1.5,
}
DUPLICATE_SHARE = 0.03
OFFICE_CHANNELS = frozenset({"desk", "field", "petition", "guidance", "muhtar"})
ALWAYS_OPEN = ["call_centre", "whatsapp", "web", "social_media", "mobile_app"]
IDENTIFIED_SHARE = {
    "desk": 1.0,
    "petition": 1.0,
    "cimer": 1.0,
    "information_request": 1.0,
    "guidance": 0.6,
    "field": 0.9,
    "call_centre": 0.68,
    "whatsapp": 0.72,
    "web": 0.62,
    "social_media": 0.35,
    "mobile_app": 0.85,
    "email": 0.95,
    "sms": 0.8,
    "muhtar": 0.5,
}
NEEDS_ID_CARD = frozenset({"desk", "petition", "cimer"})
LOCATED = frozenset({"whatsapp", "mobile_app", "web", "field"})
HOUR_WEIGHTS = [
    0.3,
    0.2,
    0.1,
    0.1,
    0.1,
    0.2,
    0.5,
    1.2,
    2.5,
    4,
    4.5,
    4.5,
    3.5,
    3.8,
    4.2,
    4,
    3.5,
    3,
    2.5,
    2.3,
    2.2,
    2,
    1.4,
    0.8,
]
WEEKDAY_WEIGHTS = [1.25, 1.15, 1.1, 1.05, 1.0, 0.6, 0.45]
RELATED_DIRECTORATES = {
    "zabita": ["temizlik", "fen", "imar"],
    "temizlik": ["zabita", "park", "iklim"],
    "fen": ["park", "imar", "ulasim"],
    "park": ["fen", "temizlik"],
    "veteriner": ["zabita", "saglik"],
    "sosyal": ["kadin", "saglik"],
}


@dataclass
class Step:
    action: str
    at: datetime
    actor: int | None
    text: str = ""
    by_citizen: bool = False
    params: dict = field(default_factory=dict)


@dataclass
class Chunk:
    citizens: list[tuple] = field(default_factory=list)
    cases: list[tuple] = field(default_factory=list)
    events: list[tuple] = field(default_factory=list)


@dataclass
class _Master:
    case_id: int
    tracking_number: str
    created_at: datetime


class InvalidPath(AssertionError):
    """A generated history broke the lifecycle table: a bug in the generator, never data."""


def _season(kind: str, month: int) -> float:
    """How much more (or less) a subject is asked about in `month` than on average."""
    if kind == "summer":
        return max(0.1, 1 + 0.9 * math.cos(2 * math.pi * (month - 7) / 12))
    if kind == "winter":
        return max(0.1, 1 + 0.9 * math.cos(2 * math.pi * (month - 1) / 12))
    if kind == "snow":
        return {12: 2.5, 1: 4.0, 2: 3.5, 3: 1.0, 11: 0.3}.get(month, 0.0)
    return 1.0


class CaseGenerator:
    """Cases in created order over [start, end); call `chunk()` until `remaining` is 0."""

    def __init__(
        self,
        ctx: Context,
        *,
        seed: int,
        count: int,
        start: datetime,
        end: datetime,
        first_index: int = 0,
        citizen_index: int = 0,
        tracking: dict[int, int] | None = None,
    ) -> None:
        self.ctx, self.count, self.end = ctx, count, end
        self.rng = random.Random(f"acikmasa-demo:{seed}:{first_index}")
        self.token_key = f"{ctx.code}:{seed}:".encode()
        self.index = first_index
        self.citizen_index = citizen_index
        self.citizen_salt = people._salt(
            0, ctx.code
        )  # fixed per municipality: numbers never repeat
        self.tracking = dict(tracking or {})
        self.remaining = count
        self.zone = ZoneInfo(settings.TIME_ZONE)
        self.texts = texts.TextComposer()
        self.times = self._timestamps(start, end)
        self.channels = list(CHANNEL_MIX)
        self.channel_cum = list(itertools.accumulate(CHANNEL_MIX.values()))
        self.hood_cum = list(itertools.accumulate(h.households**1.4 for h in ctx.hoods))
        self.subject_cum = {
            month: list(
                itertools.accumulate(s.share * _season(s.season, month) for s in ctx.subjects)
            )
            for month in range(1, 13)
        }
        self.by_code = {s.code: s for s in ctx.subjects}
        self.pool: list[
            tuple[int, int, bool, bool]
        ] = []  # (citizen id, hood index, has ID no, identifies)
        self.frequent: list[tuple[int, int, bool, bool]] = []
        self.masters: dict[tuple[int, int], _Master] = {}
        self.twin_checks = self.twin_found = 0

    # Time -------------------------------------------------------------------------------------

    def _timestamps(self, start: datetime, end: datetime) -> Iterator[datetime]:
        """`count` times in order, skewed by weekday, hour, season and a slow growth in use."""
        first, last = start.astimezone(self.zone).date(), end.astimezone(self.zone).date()
        days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
        weights = [
            WEEKDAY_WEIGHTS[d.weekday()]
            * (1 + 0.25 * i / max(1, len(days) - 1))
            * _season("summer", d.month) ** 0.2
            for i, d in enumerate(days)
        ]
        total, running, given = sum(weights), 0.0, 0
        hour_cum = list(itertools.accumulate(HOUR_WEIGHTS))
        for day, weight in zip(days, weights, strict=True):
            running += weight
            n = round(self.count * running / total) - given
            given += n
            times = []
            for _ in range(n):
                hour = bisect.bisect(hour_cum, self.rng.random() * hour_cum[-1])
                at = datetime.combine(
                    day,
                    time(min(hour, 23), self.rng.randrange(60), self.rng.randrange(60)),
                    self.zone,
                )
                if at < start or at >= end:
                    at = (
                        start + (end - start) * self.rng.random()
                        if day == first
                        else end - timedelta(seconds=self.rng.randrange(1, 3600))
                    )
                    at = max(start, min(at, end - timedelta(seconds=1)))
                times.append(at)
            yield from sorted(times)

    # Cases ------------------------------------------------------------------------------------

    def chunk(self, size: int, case_ids: list[int], next_citizen_id: Callable[[], int]) -> Chunk:
        out = Chunk()
        for case_id in case_ids[: min(size, self.remaining)]:
            self._one(out, case_id, next(self.times), next_citizen_id)
            self.remaining -= 1
        return out

    def _one(
        self, out: Chunk, case_id: int, created: datetime, next_citizen_id: Callable[[], int]
    ) -> None:
        rng, r = self.rng, self.rng.random
        channel = self._channel(created)
        subject = self._subject(channel, created.month)
        if subject.code == "muhtarlik-talebi":
            channel = "muhtar"
        case_type = self._case_type(subject, channel)
        hood = self.ctx.hoods[bisect.bisect(self.hood_cum, r() * self.hood_cum[-1])]
        citizen_id, hood = self._citizen(out, channel, case_type, hood, created, next_citizen_id)
        street_id, street = rng.choice(hood.streets)
        _, street2 = rng.choice(hood.streets)
        also = rng.choice(self.ctx.subjects).code if r() < 0.07 else None
        description = self.texts.description(
            rng,
            subject=subject.code,
            mahalle=hood.name,
            street=street,
            street2=street2,
            also=also if also != subject.code else None,
        )
        standard = self.ctx.standard(channel, case_type, subject.code)
        due_at = (
            compute_due_at(created, standard.amount, standard.unit, calendar=standard.calendar)
            if standard
            else None
        )
        year = created.astimezone(self.zone).year
        self.tracking[year] = self.tracking.get(year, 0) + 1
        tracking_number = format_tracking_number(year, self.tracking[year])
        submitter = self._submitter(channel, hood)
        steps = self._plan(subject, channel, hood, citizen_id, created)
        events, final = self._replay(
            case_id, subject, channel, case_type, created, submitter, steps, standard, due_at
        )
        located = channel in LOCATED and r() < 0.75
        lat = round(hood.latitude + rng.gauss(0, 0.0018), 6) if located else None
        lon = round(hood.longitude + rng.gauss(0, 0.0022), 6) if located else None
        address = (
            f"{hood.name} Mah. {street} No:{rng.randint(1, 120)} Esenler/İstanbul"
            if r() < 0.7
            else ""
        )
        out.cases.append(
            (
                case_id,
                self.ctx.municipality_id,
                tracking_number,
                self._token(),
                case_type,
                self.ctx.channels[channel],
                self._external_id(channel, year),
                subject.id,
                final["directorate_id"],
                final["assignee_id"],
                final["status"],
                self._priority(subject),
                description,
                citizen_id,
                hood.id,
                street_id,
                address,
                lat,
                lon,
                standard.id if standard else None,
                final["duplicate_of_id"],
                final["forwarded_to_id"],
                created,
                due_at,
                final["resolved_at"],
                final["closed_at"],
                final["updated_at"],
                len(events),
            )
        )
        out.events.extend(events)
        if final["duplicate_of_id"] is None:
            self.masters[(subject.index, hood.index)] = _Master(case_id, tracking_number, created)
        self.index += 1

    def _channel(self, created: datetime) -> str:
        channel = self.channels[
            bisect.bisect(self.channel_cum, self.rng.random() * self.channel_cum[-1])
        ]
        local = created.astimezone(self.zone)
        office_open = local.weekday() < 5 and time(8, 30) <= local.time() < time(17, 30)
        if channel in OFFICE_CHANNELS and not office_open:
            channel = self.rng.choice(ALWAYS_OPEN)
        return channel

    def _subject(self, channel: str, month: int) -> SubjectInfo:
        if channel == "information_request":
            return self.by_code["bilgi-edinme"]
        if channel == "muhtar" and self.rng.random() < 0.35:
            return self.by_code["muhtarlik-talebi"]
        cum = self.subject_cum[month]
        return self.ctx.subjects[bisect.bisect(cum, self.rng.random() * cum[-1])]

    def _case_type(self, subject: SubjectInfo, channel: str) -> str:
        r = self.rng.random()
        kind = subject.case_type
        if channel == "information_request":
            return "information"
        if (kind == "request" and r < 0.12) or (
            channel == "cimer" and kind == "request" and r < 0.5
        ):
            return "complaint"
        if kind == "complaint" and r < 0.06:
            return "request"
        if kind in ("request", "complaint") and r > 0.985:
            return "wish" if r > 0.993 else "suggestion"
        return kind

    def _priority(self, subject: SubjectInfo) -> int:
        r = self.rng.random()
        if subject.urgent:
            return 4 if r < 0.3 else 3
        return 3 if r < 0.05 else 1 if r > 0.95 else 2

    def _token(self) -> str:
        digest = hashlib.blake2b(self.token_key + str(self.index).encode(), digest_size=24).digest()
        return urlsafe_b64encode(digest).decode()

    def _external_id(self, channel: str, year: int) -> str:
        if channel == "cimer":
            return f"CIMER-{year}-{self.index + 1:08d}"
        if channel == "whatsapp":
            return f"wamid.{self.rng.getrandbits(80):020x}{self.index:x}"
        return ""

    def _submitter(self, channel: str, hood: HoodInfo) -> int | None:
        if channel in ("desk", "petition", "guidance"):
            return self.rng.choice(self.ctx.desk) if self.ctx.desk else None
        if channel == "call_centre":
            return self.rng.choice(self.ctx.call) if self.ctx.call else None
        if channel == "field":
            reps = self.ctx.field_reps.get(hood.region) or []
            return self.rng.choice(reps) if reps else None
        return None  # the citizen (or the channel) registered it

    # Citizens ---------------------------------------------------------------------------------

    def _citizen(
        self,
        out: Chunk,
        channel: str,
        case_type: str,
        hood: HoodInfo,
        created: datetime,
        next_id: Callable[[], int],
    ) -> tuple[int | None, HoodInfo]:
        r = self.rng.random
        if case_type != "information" and r() >= IDENTIFIED_SHARE[channel]:
            return None, hood
        needs_card, needs_identity = channel in NEEDS_ID_CARD, case_type == "information"
        if self.pool and r() < 0.38:
            source = self.frequent if self.frequent and r() < 0.3 else self.pool
            citizen_id, hood_index, has_card, identifies = self.rng.choice(source)
            if (has_card or not needs_card) and (identifies or not needs_identity):
                return citizen_id, self.ctx.hoods[hood_index] if r() < 0.85 else hood
        return self._new_citizen(
            out, channel, hood, created, needs_card, needs_identity, next_id
        ), hood

    def _new_citizen(
        self,
        out: Chunk,
        channel: str,
        hood: HoodInfo,
        created: datetime,
        needs_card: bool,
        needs_identity: bool,
        next_id: Callable[[], int],
    ) -> int:
        rng, r = self.rng, self.rng.random
        index, citizen_id = self.citizen_index, next_id()
        self.citizen_index += 1
        female = r() < 0.52
        first = rng.choice(people.FEMALE_NAMES if female else people.MALE_NAMES)
        last = rng.choice(people.LAST_NAMES)
        named = needs_card or needs_identity or r() < 0.88
        card = needs_card or r() < 0.45
        phone = channel in ("whatsapp", "sms", "call_centre") or r() < 0.85
        email = needs_identity or channel == "email" or r() < 0.18
        address = needs_identity or r() < 0.45
        row = (
            citizen_id,
            self.ctx.municipality_id,
            first if named else "",
            last if named else "",
            people.national_id(index, self.citizen_salt) if card else "",
            people.mobile_phone(index, self.citizen_salt) if phone else "",
            people.email_for(first, last, index, r()) if email else "",
            f"{hood.name} Mah. {rng.choice(hood.streets)[1]} No:{rng.randint(1, 120)} "
            f"D:{rng.randint(1, 16)} Esenler/İstanbul"
            if address
            else "",
            hood.id,
            r() < 0.65,
            ("female" if female else "male") if r() < 0.6 else "",
            rng.randint(1945, 2007) if r() < 0.45 else None,
            created,
        )
        out.citizens.append(row)
        entry = (citizen_id, hood.index, card, named and (email or address))
        if len(self.pool) < 100_000:
            self.pool.append(entry)
        else:
            self.pool[rng.randrange(len(self.pool))] = entry
        if r() < 0.02 and len(self.frequent) < 500:
            self.frequent.append(entry)
        return citizen_id

    # Histories --------------------------------------------------------------------------------

    def _plan(
        self,
        subject: SubjectInfo,
        channel: str,
        hood: HoodInfo,
        citizen_id: int | None,
        created: datetime,
    ) -> list[Step]:
        rng, r = self.rng, self.rng.random
        directorate = subject.directorate
        staff = self.ctx.staff[directorate] or [None]
        manager = self.ctx.managers.get(directorate)
        hours = subject.median_days * 24 * math.exp(rng.gauss(0, 0.8))
        if r() < 0.03:
            hours *= 6  # a few get stuck far past their deadline
        hours = max(hours, 0.5)
        clock = _Clock(created, rng, self.zone)
        worker = rng.choice(staff)
        closer = (
            rng.choice(self.ctx.call)
            if self.ctx.call and channel != "desk"
            else (rng.choice(self.ctx.desk) if self.ctx.desk else manager)
        )
        master = self.masters.get((subject.index, hood.index))
        recent = master is not None and created - master.created_at < timedelta(days=10)
        # About 3 % duplicates at any volume: the more often a recent twin exists (bigger data
        # sets), the smaller the chance that a case is one.
        self.twin_checks += 1
        self.twin_found += recent
        if recent and r() < min(
            1.0, DUPLICATE_SHARE * (self.twin_checks + 10) / (self.twin_found + 1)
        ):
            return [
                Step(
                    A.MARK_DUPLICATE,
                    clock.after(rng.uniform(0.5, 30)),
                    worker,
                    params={"master_id": master.case_id, "tracking": master.tracking_number},
                )
            ]
        if subject.case_type == "thanks":
            return [
                Step(
                    A.ANSWER,
                    clock.after(rng.uniform(1, 20)),
                    worker,
                    "Teşekkürünüz için biz teşekkür ederiz.",
                ),
                Step(A.RESOLVE, clock.after(0.2), worker, self.texts.resolution(rng, subject.code)),
                Step(A.CLOSE, clock.after(rng.uniform(0.5, 12)), closer),
            ]
        if subject.external and r() < (0.8 if subject.external == "bedas" else 0.65):
            steps = [Step(A.START, clock.after(rng.uniform(0.3, 8)), worker)] if r() < 0.4 else []
            text = rng.choice(texts.FORWARD_OUT[subject.external])
            steps.append(
                Step(
                    A.FORWARD_OUT,
                    clock.after(rng.uniform(0.5, 24)),
                    worker,
                    text,
                    params={"body_id": subject.external_id, "body_name": subject.external_name},
                )
            )
            return steps
        reject_share = (
            0.12 if subject.code in ("gida-yardimi", "yakacak-yardimi", "kacak-yapi") else 0.035
        )
        if r() < reject_share:
            steps = (
                [
                    Step(
                        A.ASSIGN,
                        clock.after(rng.uniform(1, 24)),
                        manager,
                        params={"assignee": worker},
                    )
                ]
                if manager and r() < 0.5
                else []
            )
            steps.append(
                Step(
                    A.REJECT,
                    clock.after(hours * 0.6),
                    manager or worker,
                    rng.choice(texts.REJECT_REASONS),
                )
            )
            return steps
        return self._worked(subject, channel, citizen_id, clock, hours, worker, manager, closer)

    def _worked(
        self,
        subject: SubjectInfo,
        channel: str,
        citizen_id: int | None,
        clock: "_Clock",
        hours: float,
        worker: int | None,
        manager: int | None,
        closer: int | None,
    ) -> list[Step]:
        rng, r = self.rng, self.rng.random
        steps: list[Step] = []
        directorate = subject.directorate
        if directorate in RELATED_DIRECTORATES and r() < 0.04:
            target = rng.choice(RELATED_DIRECTORATES[directorate])
            steps.append(
                Step(
                    A.FORWARD,
                    clock.after(rng.uniform(1, 30)),
                    manager or worker,
                    rng.choice(texts.FORWARD_REASONS),
                    params={"directorate": target},
                )
            )
            directorate = target
            worker = rng.choice(self.ctx.staff[target] or [None])
            manager = self.ctx.managers.get(target)
        if manager and r() < 0.55:
            steps.append(
                Step(
                    A.ASSIGN,
                    clock.after(min(hours * 0.15, rng.expovariate(1 / 4))),
                    manager,
                    params={"assignee": worker},
                )
            )
        steps.append(Step(A.START, clock.after(hours * rng.uniform(0.1, 0.3)), worker))
        if r() < 0.015:
            return steps  # forgotten: stays open, soon overdue
        if r() < 0.06:
            steps.append(
                Step(A.ASK_CITIZEN, clock.after(hours * 0.1), worker, rng.choice(texts.ASK_CITIZEN))
            )
            by_citizen = citizen_id is not None and r() < 0.7
            steps.append(
                Step(
                    A.RESUME,
                    clock.after(rng.uniform(2, 72), office=not by_citizen),
                    None if by_citizen else worker,
                    rng.choice(texts.CITIZEN_REPLIES) if by_citizen else "",
                    by_citizen=by_citizen,
                )
            )
        elif r() < 0.05:
            steps.append(
                Step(A.WAIT_OTHER, clock.after(hours * 0.1), worker, rng.choice(texts.WAIT_OTHER))
            )
            steps.append(Step(A.RESUME, clock.after(hours * rng.uniform(0.3, 1.0)), worker))
        if r() < 0.1:
            steps.append(Step(A.NOTE, clock.after(hours * 0.1), worker, rng.choice(texts.NOTES)))
        if subject.case_type == "information" or r() < 0.12:
            steps.append(
                Step(A.ANSWER, clock.after(hours * 0.3), worker, rng.choice(texts.ANSWERS))
            )
        steps.append(
            Step(A.RESOLVE, clock.at_least(hours), worker, self.texts.resolution(rng, subject.code))
        )
        if r() < 0.04:
            return steps  # resolved, feedback not yet given
        steps.append(Step(A.CLOSE, clock.after(rng.lognormvariate(math.log(18), 0.8)), closer))
        if r() < 0.045:
            by_citizen = citizen_id is not None and r() < 0.6
            steps.append(
                Step(
                    A.REOPEN,
                    clock.after(rng.uniform(24, 240), office=not by_citizen),
                    None if by_citizen else closer,
                    rng.choice(texts.REOPEN_TEXTS),
                    by_citizen=by_citizen,
                )
            )
            steps.append(Step(A.START, clock.after(rng.uniform(2, 48)), worker))
            steps.append(
                Step(
                    A.RESOLVE,
                    clock.after(hours * rng.uniform(0.3, 1)),
                    worker,
                    self.texts.resolution(rng, subject.code),
                )
            )
            steps.append(Step(A.CLOSE, clock.after(rng.uniform(4, 48)), closer))
        return steps

    def _replay(
        self,
        case_id: int,
        subject: SubjectInfo,
        channel: str,
        case_type: str,
        created: datetime,
        submitter: int | None,
        steps: list[Step],
        standard: tuple | None,
        due_at: datetime | None,
    ) -> tuple[list[tuple], dict]:
        """Apply the steps that happened before `end` through the lifecycle table; rows + final
        state."""
        state = {
            "status": Status.NEW,
            "directorate_id": subject.directorate_id,
            "assignee_id": None,
            "resolved_at": None,
            "closed_at": None,
            "updated_at": created,
            "forwarded_to_id": None,
            "duplicate_of_id": None,
        }
        actor_kind = "staff" if submitter else "citizen"
        events = [
            (
                case_id,
                1,
                EventKind.CREATED,
                submitter,
                actor_kind,
                created,
                "",
                Status.NEW,
                subject.directorate_id,
                True,
                "",
                {
                    "channel": channel,
                    "subject": subject.code,
                    "case_type": case_type,
                    "service_standard": standard.id if standard else None,
                    "due_at": due_at.isoformat() if due_at else None,
                },
            ),
            (
                case_id,
                2,
                EventKind.ROUTED,
                submitter,
                "staff" if submitter else "system",
                created,
                "",
                "",
                subject.directorate_id,
                False,
                "",
                {"directorate": subject.directorate_id, "reason": "subject"},
            ),
        ]
        last_resolution: int | None = None
        for step in steps:
            if step.at >= self.end:
                break
            move = TRANSITIONS[step.action]
            status = state["status"]
            if status not in move.sources:
                raise InvalidPath(f"{step.action} from {status} (case {case_id})")
            if move.needs_text and not step.text.strip():
                raise InvalidPath(f"{step.action} needs a text (case {case_id})")
            payload = self._effects(step, state, len(events) + 1, last_resolution)
            new_status = target_status(step.action, status)
            state["status"] = new_status
            state["updated_at"] = step.at
            if step.action == A.RESOLVE:
                last_resolution = len(events) + 1
                state["resolved_at"] = step.at
            elif step.action == A.CLOSE:
                state["closed_at"] = step.at
            elif step.action == A.REOPEN:
                state["resolved_at"] = state["closed_at"] = None
                last_resolution = None
            kind = ACTION_EVENT_KINDS[step.action]
            events.append(
                (
                    case_id,
                    len(events) + 1,
                    kind,
                    step.actor,
                    "citizen" if step.by_citizen else "staff" if step.actor else "system",
                    step.at,
                    status,
                    new_status if new_status != status else "",
                    state["directorate_id"],
                    kind in PUBLIC_KINDS,
                    step.text,
                    payload,
                )
            )
        return events, state

    def _effects(self, step: Step, state: dict, sequence: int, last_resolution: int | None) -> dict:
        """What the action's guard (acikmasa.cases.guards) would change and record."""
        action, params = step.action, step.params
        if action == A.ASSIGN:
            previous, state["assignee_id"] = state["assignee_id"], params["assignee"]
            return {"assignee": params["assignee"], "previous_assignee": previous}
        if action == A.START and state["assignee_id"] is None and step.actor is not None:
            state["assignee_id"] = step.actor
            return {"assignee": step.actor}
        if action == A.FORWARD:
            target = self.ctx.directorate_ids[params["directorate"]]
            payload = {"from_directorate": state["directorate_id"], "to_directorate": target}
            state["directorate_id"], state["assignee_id"] = target, None
            return payload
        if action == A.RESOLVE and len(step.text.strip()) < MIN_RESOLUTION_LENGTH:
            raise InvalidPath("a resolution needs a real text")
        if action == A.CLOSE:
            if last_resolution is None:
                raise InvalidPath("close without a standing resolution")
            return {"resolution_event": last_resolution}
        if action == A.REOPEN:
            return {"previous_status": state["status"]}
        if action == A.MARK_DUPLICATE:
            state["duplicate_of_id"] = params["master_id"]
            return {"master": params["master_id"], "master_tracking_number": params["tracking"]}
        if action == A.FORWARD_OUT:
            state["forwarded_to_id"] = params["body_id"]
            return {"external_body": params["body_id"], "external_body_name": params["body_name"]}
        return {}


class _Clock:
    """Moves forward only: each step of a history happens after the one before.

    Staff work in office hours (weekdays 08:30-17:30): a staff step that would fall outside them
    moves to the next morning. Citizens answer and reopen at any hour.
    """

    OPENS, CLOSES = time(8, 30), time(17, 30)

    def __init__(self, start: datetime, rng: random.Random, zone: ZoneInfo) -> None:
        self.start = self.now = start
        self.rng, self.zone = rng, zone

    def after(self, hours: float, *, office: bool = True) -> datetime:
        self.now = (
            self._office(self.now + timedelta(hours=max(hours, 1 / 60)))
            if office
            else (self.now + timedelta(hours=max(hours, 1 / 60)))
        )
        return self.now

    def at_least(self, hours_since_start: float) -> datetime:
        self.now = self._office(
            max(self.now + timedelta(minutes=5), self.start + timedelta(hours=hours_since_start))
        )
        return self.now

    def _office(self, moment: datetime) -> datetime:
        local = moment.astimezone(self.zone)
        if local.weekday() < 5 and self.OPENS <= local.time() < self.CLOSES:
            return moment
        day = local.date() if local.time() < self.OPENS else local.date() + timedelta(days=1)
        while day.weekday() >= 5:
            day += timedelta(days=1)
        opening = datetime.combine(day, self.OPENS, self.zone)
        return opening + timedelta(minutes=self.rng.uniform(0, 240))


def day_span(until: datetime, years: int) -> tuple[datetime, datetime]:
    return until - timedelta(days=round(365.25 * years)), until
