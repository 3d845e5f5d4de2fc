"""Reads for a muhtar (their mahalle only, no applicant's identity) and the muhtar coverage of the
analysis pages (scoped by visible_cases like every analysis figure)."""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from acikmasa.cases.events import EventKind
from acikmasa.cases.lifecycle import OPEN_STATUSES
from acikmasa.cases.models import Case, CaseEvent
from acikmasa.cases.permissions import visible_cases
from acikmasa.channels.muhtar.models import Muhtar
from acikmasa.directory.models import Neighbourhood

from .models import MuhtarNotice, MuhtarSummary

# What a muhtar sees of a case: never who applied nor what they wrote (a complaint may be about a
# neighbour, KVKK), only what and where; the full text of the cases they filed themselves.
SAFE_FIELDS = (
    "id",
    "tracking_number",
    "status",
    "created_at",
    "due_at",
    "resolved_at",
    "subject__name",
    "subject__name_en",
    "street__name",
    "channel__code",
)
FILTERS = ("open", "overdue", "solved", "mine")
PAGE = 100


def mahalle_cases(*, muhtar: Muhtar, show: str = "") -> QuerySet[Case]:
    """Every case of the muhtar's mahalle, newest first, with `filed` when the muhtar filed it."""
    now = timezone.now()
    cases = Case.objects.filter(
        municipality_id=muhtar.neighbourhood.municipality_id,
        neighbourhood_id=muhtar.neighbourhood_id,
    ).annotate(
        filed=Exists(
            CaseEvent.objects.filter(
                case_id=OuterRef("pk"), kind=EventKind.CREATED, actor_id=muhtar.user_id
            )
        )
    )
    if show == "open":
        cases = cases.filter(status__in=OPEN_STATUSES)
    elif show == "overdue":
        cases = cases.filter(status__in=OPEN_STATUSES, due_at__lt=now)
    elif show == "solved":
        cases = cases.filter(status__in=("resolved", "closed"))
    elif show == "mine":
        cases = cases.filter(filed=True)
    return (
        cases.select_related("subject", "street", "channel")
        .only(*SAFE_FIELDS)
        .order_by("-created_at")
    )


def mahalle_counts(*, muhtar: Muhtar) -> dict[str, int]:
    now = timezone.now()
    return (
        Case.objects.filter(
            municipality_id=muhtar.neighbourhood.municipality_id,
            neighbourhood_id=muhtar.neighbourhood_id,
        )
        .order_by()
        .aggregate(
            total=Count("pk"),
            open=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
            overdue=Count("pk", filter=Q(status__in=OPEN_STATUSES, due_at__lt=now)),
            solved=Count("pk", filter=Q(status__in=("resolved", "closed"))),
        )
    )


def notices_for(*, muhtar: Muhtar, limit: int = 50) -> QuerySet[MuhtarNotice]:
    return (
        MuhtarNotice.objects.filter(muhtar=muhtar)
        .select_related("case__subject", "case__street", "summary")
        .order_by("read_at", "-created_at")[:limit]
    )


def summaries_for(*, muhtar: Muhtar) -> QuerySet[MuhtarSummary]:
    return MuhtarSummary.objects.filter(muhtar=muhtar).order_by("-month")[:12]


@dataclass
class CoverageRow:
    neighbourhood: Neighbourhood
    total: int
    by_muhtar: int
    muhtar_solved: int
    muhtar_open: int
    has_account: bool

    @property
    def share(self) -> float | None:
        return self.by_muhtar / self.total if self.total else None


def muhtar_coverage(*, user: AbstractBaseUser, cases: QuerySet[Case]) -> list[CoverageRow]:
    """Per mahalle: all cases of the period, those the muhtar filed, how those fared, and whether
    the mahalle's muhtar has an account. `cases` is the period's scoped set (insights filters)."""
    rows = (
        cases.exclude(neighbourhood=None)
        .order_by()
        .values("neighbourhood_id")
        .annotate(
            total=Count("pk"),
            by_muhtar=Count("pk", filter=Q(channel__code="muhtar")),
            muhtar_solved=Count(
                "pk", filter=Q(channel__code="muhtar", status__in=("resolved", "closed"))
            ),
            muhtar_open=Count("pk", filter=Q(channel__code="muhtar", status__in=OPEN_STATUSES)),
        )
    )
    counted = {row["neighbourhood_id"]: row for row in rows}
    visible = visible_cases(user)
    municipality_ids = visible.values("municipality_id")[:1]
    places = Neighbourhood.objects.filter(municipality_id__in=municipality_ids).order_by("name")
    with_account = set(
        Muhtar.objects.filter(is_active=True, neighbourhood__in=places).values_list(
            "neighbourhood_id", flat=True
        )
    )
    out = []
    for place in places:
        row = counted.get(place.pk, {})
        out.append(
            CoverageRow(
                place,
                row.get("total", 0),
                row.get("by_muhtar", 0),
                row.get("muhtar_solved", 0),
                row.get("muhtar_open", 0),
                place.pk in with_account,
            )
        )
    return out
