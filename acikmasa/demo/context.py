"""What the case generator needs to know about the loaded reference data, as plain values (ids)."""

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings

from acikmasa.deadlines.calculator import calendar_for
from acikmasa.deadlines.policy import binding_standard
from acikmasa.directory.models import Role, StaffProfile

from . import catalogue, geography
from .reference import Reference


@dataclass(frozen=True)
class SubjectInfo:
    index: int
    code: str
    id: int
    directorate: str
    directorate_id: int
    case_type: str
    share: float
    median_days: float
    season: str
    urgent: bool
    external: str
    external_id: int | None
    external_name: str


@dataclass(frozen=True)
class HoodInfo:
    index: int
    id: int
    name: str
    households: int
    latitude: float
    longitude: float
    region: str
    streets: tuple[tuple[int, str], ...]


@dataclass
class Context:
    ref: Reference
    municipality_id: int
    code: str
    subjects: list[SubjectInfo]
    hoods: list[HoodInfo]
    channels: dict[str, int]
    directorate_ids: dict[str, int]
    staff: dict[str, list[int]]  # directorate code -> staff user ids
    managers: dict[str, int]  # directorate code -> manager user id
    desk: list[int]
    call: list[int]
    field_reps: dict[str, list[int]]  # region code -> field representatives
    _standards: dict[tuple, "BoundStandard | None"] = field(default_factory=dict)

    def standard(self, channel: str, case_type: str, subject: str) -> "BoundStandard | None":
        """The standard binding cases of this kind, asked once from the deadline policy.

        A subject takes part in the choice only through the standard it names, so the answer is
        cached per (channel, type, subject's standard); each case's due time is then computed with
        acikmasa.deadlines.calculator.compute_due_at on the standard's calendar.
        """
        row = self.ref.subjects[subject]
        key = (channel, case_type, row.service_standard_id)
        if key not in self._standards:
            standard, _ = binding_standard(
                municipality=self.ref.municipality,
                channel=self.ref.channels[channel],
                case_type=case_type,
                subject=row,
                start=_REPRESENTATIVE_START,
            )
            self._standards[key] = (
                None
                if standard is None
                else BoundStandard(
                    standard.pk,
                    standard.deadline_amount,
                    standard.deadline_unit,
                    self._calendar(standard.is_statutory),
                )
            )
        return self._standards[key]

    def _calendar(self, statutory: bool):
        key = ("calendar", statutory)
        if key not in self._standards:
            self._standards[key] = calendar_for(
                municipality=self.ref.municipality, statutory=statutory
            )
        return self._standards[key]


@dataclass(frozen=True)
class BoundStandard:
    id: int
    amount: int
    unit: str
    calendar: object  # acikmasa.deadlines.calendar.BusinessCalendar


# A Monday morning: the standard chosen for a kind of case does not depend on the day it came in.
_REPRESENTATIVE_START = datetime(2025, 3, 3, 10, 0, tzinfo=ZoneInfo(settings.TIME_ZONE))


def build_context(ref: Reference) -> Context:
    subjects = []
    for index, spec in enumerate(catalogue.SUBJECTS):
        body = ref.external_bodies.get(spec.external)
        subjects.append(
            SubjectInfo(
                index,
                spec.code,
                ref.subjects[spec.code].pk,
                spec.directorate,
                ref.directorates[spec.directorate].pk,
                spec.case_type,
                spec.share,
                spec.median_days,
                spec.season,
                spec.urgent,
                spec.external,
                body.pk if body else None,
                body.name if body else "",
            )
        )
    hoods = [
        HoodInfo(
            index,
            ref.neighbourhoods[m.name].pk,
            m.name,
            m.households,
            m.latitude,
            m.longitude,
            m.region,
            tuple((s.pk, s.name) for s in ref.streets[m.name]),
        )
        for index, m in enumerate(geography.MAHALLELER)
    ]
    staff: dict[str, list[int]] = {code: [] for code in ref.directorates}
    managers: dict[str, int] = {}
    desk, call, field_reps = [], [], {code: [] for code in ref.regions}
    profiles = (
        StaffProfile.objects.filter(municipality=ref.municipality, user__is_active=True)
        .select_related("region")
        .prefetch_related("directorates")
        .order_by("user__username")
    )
    for profile in profiles:
        codes = [d.code for d in profile.directorates.all()]
        if profile.role == Role.DIRECTORATE_STAFF:
            for code in codes:
                staff[code].append(profile.user_id)
        elif profile.role in (Role.DIRECTORATE_MANAGER, Role.PR_MANAGER):
            for code in codes:
                managers.setdefault(code, profile.user_id)
        elif profile.role == Role.DESK_AGENT:
            desk.append(profile.user_id)
        elif profile.role == Role.CALL_AGENT:
            call.append(profile.user_id)
        elif profile.role == Role.FIELD_REP and profile.region:
            field_reps[profile.region.code].append(profile.user_id)
    for code in ref.directorates:
        # A directorate without staff accounts is worked by its manager.
        if not staff[code] and code in managers:
            staff[code] = [managers[code]]
    return Context(
        ref=ref,
        municipality_id=ref.municipality.pk,
        code=ref.municipality.code,
        subjects=subjects,
        hoods=hoods,
        channels={code: c.pk for code, c in ref.channels.items()},
        directorate_ids={code: d.pk for code, d in ref.directorates.items()},
        staff=staff,
        managers=managers,
        desk=desk,
        call=call,
        field_reps=field_reps,
    )
