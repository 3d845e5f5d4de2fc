"""Reads for the back office, always built on `visible_cases` so scope is decided in one place."""

from dataclasses import dataclass, field, fields
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import connection
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from acikmasa.cases.lifecycle import OPEN_STATUSES, Status
from acikmasa.cases.models import Case, Citizen
from acikmasa.cases.permissions import (
    DIRECTORATE_ROLES,
    directorate_ids,
    staff_profile,
    visible_cases,
)
from acikmasa.common.identity import is_valid_tckn
from acikmasa.common.phones import InvalidPhone, normalise_phone
from acikmasa.common.turkish import fold
from acikmasa.directory.models import (
    Channel,
    Directorate,
    Neighbourhood,
    Role,
    StaffProfile,
    Street,
    Subject,
)

from .paging import Page, SortKey, keyset_page
from .textsearch import folded, folded_name

PAGE_SIZE = 50
COUNT_CAP = 1000  # counts stop here: "1000+" is all a queue needs, and it keeps counting cheap
DUE_SOON_HOURS = 24
NAME_IDS_CAP = 20_000  # citizens named by one search word, handed to PostgreSQL as a list

SORTS: dict[str, list[SortKey]] = {
    "due": [SortKey("due_at", nullable=True), SortKey("id")],
    "created": [SortKey("created_at", descending=True), SortKey("id", descending=True)],
    "priority": [
        SortKey("priority", descending=True),
        SortKey("due_at", nullable=True),
        SortKey("id"),
    ],
}


QUEUE_RELATED = ("subject", "directorate", "channel", "neighbourhood", "street", "assignee")
# What a queue row shows: leaves out descriptions, which cost more to load than the rest.
QUEUE_COLUMNS = (
    "id",
    "tracking_number",
    "status",
    "priority",
    "case_type",
    "due_at",
    "created_at",
    "municipality_id",
    *QUEUE_RELATED,
)
QUEUE_PREFETCH = (
    Prefetch("subject", Subject.objects.only("id", "name", "name_en")),
    Prefetch("directorate", Directorate.objects.only("id", "name", "name_en")),
    Prefetch("channel", Channel.objects.only("id", "name", "name_en")),
    Prefetch("neighbourhood", Neighbourhood.objects.only("id", "name")),
    Prefetch("street", Street.objects.only("id", "name")),
    Prefetch(
        "assignee", get_user_model().objects.only("id", "username", "first_name", "last_name")
    ),
)


@dataclass
class QueueFilters:
    """What the queue URL says; every field is a query parameter of the same name."""

    status: str = "open"  # "open", "all" or one Status value
    subject: int | None = None
    neighbourhood: int | None = None
    street: int | None = None
    channel: int | None = None
    case_type: str = ""
    assignee: str = ""  # "", "me", "none" or a user id
    directorate: int | None = None
    overdue: bool = False
    due_soon: bool = False
    sort: str = "due"

    def as_query(self, **override) -> dict[str, str]:
        """The non-default values as URL parameters (the pager and count links reuse them)."""
        values = {f.name: getattr(self, f.name) for f in fields(self)} | override
        defaults = QueueFilters()
        return {
            name: ("1" if value is True else str(value))
            for name, value in values.items()
            if value not in (None, "", False) and value != getattr(defaults, name, None)
        }


def queue_queryset(
    user: AbstractBaseUser, filters: QueueFilters, *, ignore: str = ""
) -> QuerySet[Case]:
    """Visible cases matching `filters`; `ignore` leaves one filter out (to count its
    alternatives)."""
    queryset = visible_cases(user)
    f = filters
    if ignore != "status":
        if f.status == "open":
            queryset = queryset.filter(status__in=OPEN_STATUSES)
        elif f.status in Status.values:
            queryset = queryset.filter(status=f.status)
    exact = {
        "subject_id": f.subject,
        "neighbourhood_id": f.neighbourhood,
        "street_id": f.street,
        "channel_id": f.channel,
        "case_type": f.case_type,
        "directorate_id": f.directorate,
    }
    queryset = queryset.filter(**{k: v for k, v in exact.items() if v not in (None, "")})
    if f.assignee == "me":
        queryset = queryset.filter(assignee_id=user.pk)
    elif f.assignee == "none":
        queryset = queryset.filter(assignee__isnull=True)
    elif f.assignee.isdigit():
        queryset = queryset.filter(assignee_id=int(f.assignee))
    now = timezone.now()
    # With ignore="status" the caller fixes the statuses itself (per-status partitions, counts).
    open_only = {"status__in": OPEN_STATUSES} if ignore != "status" else {}
    if f.overdue and ignore != "overdue":
        queryset = queryset.filter(due_at__lt=now, **open_only)
    if f.due_soon and ignore != "due_soon":
        queryset = queryset.filter(
            due_at__gte=now, due_at__lt=now + timedelta(hours=DUE_SOON_HOURS), **open_only
        )
    return queryset


def queue_page(
    *, user: AbstractBaseUser, filters: QueueFilters, cursor: str = "", size: int = PAGE_SIZE
) -> Page:
    """One page of the queue in the chosen order, fetched by keyset (fast at any depth)."""
    # Reference rows come in one small query each: a seven-table join costs PostgreSQL more to
    # plan than the page costs to read.
    sort = filters.sort if filters.sort in SORTS else "due"
    partitions = _due_partitions(user, filters) if sort == "due" else None
    # Each partition names its status: repeating the status list would only mislead the planner.
    queryset = queue_queryset(user, filters, ignore="status" if partitions else "")
    queryset = queryset.only(*QUEUE_COLUMNS).prefetch_related(*QUEUE_PREFETCH)
    return keyset_page(queryset, SORTS[sort], cursor, size, partitions=partitions)


def _due_partitions(user: AbstractBaseUser, filters: QueueFilters) -> list[Q] | None:
    """(directorate, status) or (status) slices: each is one range of a due-time index of cases.

    case_queue_idx is (directorate, status, due_at) and case_open_due_idx (municipality, status,
    due_at); visible_cases already fixes the municipality or the directorates.
    """
    profile = staff_profile(user)
    if profile is None:
        return None
    if filters.status == "open":
        statuses = sorted(OPEN_STATUSES)
    elif filters.status in Status.values:
        statuses = [filters.status]
    else:
        statuses = list(Status.values)
    if filters.overdue or filters.due_soon:
        statuses = [s for s in statuses if s in OPEN_STATUSES]
    if len(statuses) < 2 and not (
        profile.role in DIRECTORATE_ROLES and len(directorate_ids(profile)) > 1
    ):
        return None  # one index range already: nothing to merge
    if filters.directorate:
        directorates = [filters.directorate]
    elif profile.role in DIRECTORATE_ROLES:
        directorates = sorted(directorate_ids(profile))
    else:
        return [Q(status=s) for s in statuses]
    return [Q(directorate_id=d, status=s) for d in directorates for s in statuses]


def capped_count(queryset: QuerySet) -> int:
    """COUNT over at most COUNT_CAP + 1 rows: callers show "1000+" past the cap."""
    return queryset.order_by()[: COUNT_CAP + 1].count()


@dataclass
class QueueCounts:
    by_status: list[tuple[str, str, int]] = field(default_factory=list)  # (value, label, count)
    overdue: int = 0
    due_soon: int = 0
    cap: int = COUNT_CAP


def queue_counts(*, user: AbstractBaseUser, filters: QueueFilters) -> QueueCounts:
    """How many cases each status and each deadline filter would show, the other filters kept."""
    counts = QueueCounts()
    base = queue_queryset(user, filters, ignore="status")
    options = [("open", None), *[(s, s) for s in Status.values]]
    deadline_filter = filters.overdue or filters.due_soon  # those mean open cases only
    for value, status in options:
        queryset = (
            base.filter(status__in=OPEN_STATUSES) if status is None else base.filter(status=status)
        )
        label = str(Status(status).label) if status else ""
        skip = deadline_filter and status is not None and status not in OPEN_STATUSES
        counts.by_status.append((value, label, 0 if skip else capped_count(queryset)))
    counts.overdue = capped_count(
        queue_queryset(
            user, QueueFilters(**{**filters.__dict__, "overdue": True}), ignore="due_soon"
        )
    )
    counts.due_soon = capped_count(
        queue_queryset(
            user, QueueFilters(**{**filters.__dict__, "due_soon": True}), ignore="overdue"
        )
    )
    return counts


def assignable_staff(user: AbstractBaseUser) -> QuerySet:
    """People a manager can hand cases to: staff and managers of the manager's own directorates."""
    profile = staff_profile(user)
    if profile is None:
        return get_user_model().objects.none()
    staff = StaffProfile.objects.filter(
        municipality_id=profile.municipality_id,
        user__is_active=True,
        role__in=[Role.DIRECTORATE_STAFF, Role.DIRECTORATE_MANAGER],
    )
    if profile.role in DIRECTORATE_ROLES:
        staff = staff.filter(directorates__in=directorate_ids(profile))
    return (
        get_user_model()
        .objects.filter(pk__in=staff.values("user_id"))
        .order_by("first_name", "username")
    )


def case_assignees(case: Case) -> QuerySet:
    """Who a case can be assigned to: staff of the case's directorate."""
    profiles = StaffProfile.objects.filter(
        municipality_id=case.municipality_id,
        user__is_active=True,
        directorates=case.directorate_id,
        role__in=[Role.DIRECTORATE_STAFF, Role.DIRECTORATE_MANAGER],
    )
    return (
        get_user_model()
        .objects.filter(pk__in=profiles.values("user_id"))
        .order_by("first_name", "username")
    )


def subject_search(*, municipality_id: int, query: str, limit: int = 20) -> QuerySet[Subject]:
    """Active subjects whose name, English name or keywords contain every folded word of `query`."""
    subjects = Subject.objects.filter(
        municipality_id=municipality_id, is_active=True
    ).select_related("directorate")
    for word in fold(query).split():
        subjects = subjects.filter(search_key__contains=word)
    return subjects.order_by("name")[:limit]


def neighbourhood_search(*, municipality_id: int, query: str = "") -> QuerySet[Neighbourhood]:
    places = Neighbourhood.objects.filter(municipality_id=municipality_id).only("id", "name")
    for word in fold(query).split():
        places = places.filter(search_key__contains=word)
    return places.order_by("name")


def street_search(
    *, municipality_id: int, neighbourhood_id: int | None, query: str = "", limit: int = 200
) -> QuerySet[Street]:
    streets = Street.objects.filter(neighbourhood__municipality_id=municipality_id)
    if neighbourhood_id:
        streets = streets.filter(neighbourhood_id=neighbourhood_id)
    for word in fold(query).split():
        streets = streets.filter(search_key__contains=word)
    return streets.order_by("name")[:limit]


@dataclass
class CallerLookup:
    query: str
    kind: str = ""  # "phone", "national_id" or "" when the input is neither
    citizens: list[Citizen] = field(default_factory=list)
    open_cases: list[Case] = field(default_factory=list)
    earlier_cases: list[Case] = field(default_factory=list)


def caller_lookup(*, user: AbstractBaseUser, query: str, limit: int = 20) -> CallerLookup:
    """The caller's records by phone number or T.C. Kimlik No, with their visible cases."""
    profile = staff_profile(user)
    result = CallerLookup(query=query.strip())
    digits = "".join(ch for ch in result.query if ch.isdigit())
    citizens = (
        Citizen.objects.filter(municipality_id=profile.municipality_id)
        if profile
        else Citizen.objects.none()
    )
    if is_valid_tckn(digits) and len(digits) == len(result.query.replace(" ", "")):
        result.kind, citizens = "national_id", citizens.filter(national_id=digits)
    else:
        try:
            phone = normalise_phone(result.query)
        except InvalidPhone:
            return result
        result.kind, citizens = "phone", citizens.filter(phone=phone)
    result.citizens = list(citizens[:5])
    if result.citizens:
        cases = (
            visible_cases(user)
            .filter(citizen__in=result.citizens)
            .select_related("subject", "directorate")
        )
        result.open_cases = list(cases.filter(status__in=OPEN_STATUSES).order_by("due_at")[:limit])
        result.earlier_cases = list(
            cases.exclude(status__in=OPEN_STATUSES).order_by("-created_at")[:limit]
        )
    return result


def case_by_tracking_number(*, user: AbstractBaseUser, number: str) -> Case | None:
    number = number.strip()
    if not number:
        return None
    return (
        visible_cases(user)
        .select_related("subject", "directorate")
        .filter(tracking_number=number)
        .first()
    )


def case_search(*, user: AbstractBaseUser, query: str, limit: int = 50) -> list[Case]:
    """Tracking number, phone or T.C. Kimlik No exactly; otherwise citizen name and text, folded."""
    query = query.strip()
    cases = visible_cases(user).select_related("subject", "directorate", "citizen", "neighbourhood")
    if not query:
        return []
    exact = cases.filter(tracking_number=query)
    if exact.exists():
        return list(exact)
    digits = "".join(ch for ch in query if ch.isdigit())
    if is_valid_tckn(digits):
        return list(cases.filter(citizen__national_id=digits).order_by("-created_at")[:limit])
    try:
        phone = normalise_phone(query)
    except InvalidPhone:
        phone = ""
    if phone:
        return list(cases.filter(citizen__phone=phone).order_by("-created_at")[:limit])
    words = fold(query).split()
    if not words:
        return []
    text = Q()
    for word in words:
        text &= Q(description_folded__contains=word) | Q(citizen_id__in=_citizens_named(word))
    return list(
        cases.annotate(description_folded=folded("description"))
        .filter(text)
        .order_by("-created_at")[:limit]
    )


def _citizens_named(word: str) -> QuerySet[Citizen] | list[int]:
    """Citizens whose folded name holds `word` (a trigram index answers it on PostgreSQL).

    PostgreSQL gets the ids as a list: with the real number in front of it, the planner picks the
    right plan for the cases (an index OR for a rare name, the newest cases first for a common
    one); behind a subquery it has to guess. A word in too many names (one letter) and SQLite
    (its parameter limit) keep the subquery.
    """
    named = (
        Citizen.objects.annotate(name_folded=folded_name())
        .filter(name_folded__contains=word)
        .values_list("pk", flat=True)
    )
    if connection.vendor != "postgresql":
        return named
    ids = list(named[: NAME_IDS_CAP + 1])
    return ids if len(ids) <= NAME_IDS_CAP else named


def manager_summary(*, user: AbstractBaseUser) -> list[dict]:
    """Per directorate of a manager: open, overdue and unassigned counts (capped)."""
    profile = staff_profile(user)
    if profile is None:
        return []
    now = timezone.now()
    rows = []
    for directorate in profile.directorates.order_by("name"):
        open_cases = visible_cases(user).filter(directorate=directorate, status__in=OPEN_STATUSES)
        rows.append(
            {
                "directorate": directorate,
                "open": capped_count(open_cases),
                "overdue": capped_count(open_cases.filter(due_at__lt=now)),
                "unassigned": capped_count(open_cases.filter(assignee__isnull=True)),
            }
        )
    return rows


def assignee_load(*, user: AbstractBaseUser) -> list[dict]:
    """Open cases per person of the manager's directorates (a GROUP BY over open cases only)."""
    staff = assignable_staff(user)
    open_cases = visible_cases(user).filter(status__in=OPEN_STATUSES, assignee__in=staff)
    counts = dict(
        open_cases.values("assignee_id").annotate(n=Count("id")).values_list("assignee_id", "n")
    )
    return [{"user": person, "open": counts.get(person.pk, 0)} for person in staff]


def guidance_counts(*, user: AbstractBaseUser) -> dict[str, int]:
    """Guidance given today, in the last 7 days and in the last 30 days (for statistics)."""
    from .models import GuidanceLog

    profile = staff_profile(user)
    if profile is None:
        return {}
    logs = GuidanceLog.objects.filter(municipality_id=profile.municipality_id)
    start = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    return {
        "today": logs.filter(given_at__gte=start).count(),
        "week": logs.filter(given_at__gte=start - timedelta(days=6)).count(),
        "month": logs.filter(given_at__gte=start - timedelta(days=29)).count(),
    }


def guidance_recent(*, user: AbstractBaseUser, limit: int = 20) -> QuerySet:
    from .models import GuidanceLog

    profile = staff_profile(user)
    if profile is None:
        return GuidanceLog.objects.none()
    return GuidanceLog.objects.filter(municipality_id=profile.municipality_id).select_related(
        "subject", "referred_to", "neighbourhood", "given_by"
    )[:limit]


def field_neighbourhoods(*, user: AbstractBaseUser) -> QuerySet[Neighbourhood]:
    """The mahalleler a field representative works in: their region's, or all if they have none."""
    profile = staff_profile(user)
    if profile is None:
        return Neighbourhood.objects.none()
    places = Neighbourhood.objects.filter(municipality_id=profile.municipality_id)
    if profile.region_id:
        places = places.filter(region_id=profile.region_id)
    return places.order_by("name")


def visits_today(*, user: AbstractBaseUser) -> QuerySet:
    from .models import FieldVisit

    start = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    return FieldVisit.objects.filter(representative=user, visited_at__gte=start).select_related(
        "neighbourhood", "street", "case"
    )


@dataclass
class CoverageRow:
    name: str
    households: int
    visits: int
    households_reached: int
    requests: int

    @property
    def percent(self) -> float | None:
        return (
            round(100 * self.households_reached / self.households, 1) if self.households else None
        )


def visit_coverage(
    *, user: AbstractBaseUser, since_days: int | None = None
) -> list[tuple[CoverageRow, list[CoverageRow]]]:
    """Per region, then per mahalle: households, visits, distinct addresses reached, requests
    taken."""
    from .models import FieldVisit

    profile = staff_profile(user)
    if profile is None:
        return []
    visits = FieldVisit.objects.filter(municipality_id=profile.municipality_id)
    if since_days:
        visits = visits.filter(visited_at__gte=timezone.now() - timedelta(days=since_days))
    per_place = {
        row["neighbourhood_id"]: row
        for row in visits.values("neighbourhood_id").annotate(
            visits=Count("id"),
            reached=Count("address", distinct=True, filter=~Q(outcome="nobody_home")),
            requests=Count("id", filter=Q(outcome="request_taken")),
        )
    }
    regions: dict[object, tuple[CoverageRow, list[CoverageRow]]] = {}
    places = Neighbourhood.objects.filter(municipality_id=profile.municipality_id).select_related(
        "region"
    )
    for place in places.order_by("region__code", "name"):
        stats = per_place.get(place.pk, {})
        row = CoverageRow(
            place.name,
            place.households or 0,
            stats.get("visits", 0),
            stats.get("reached", 0),
            stats.get("requests", 0),
        )
        key = place.region_id
        if key not in regions:
            regions[key] = (CoverageRow(str(place.region) if place.region else "—", 0, 0, 0, 0), [])
        total, children = regions[key]
        children.append(row)
        total.households += row.households
        total.visits += row.visits
        total.households_reached += row.households_reached
        total.requests += row.requests
    return list(regions.values())
