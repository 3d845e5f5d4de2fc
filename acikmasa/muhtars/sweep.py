"""The muhtar sweep: tells every active muhtar what happened in their mahalle since the window
began, and makes last month's summary once the month is over.

Idempotent: it looks back over a window longer than its interval, and each fact is told once (a
unique notice per muhtar, case and kind). Nothing here runs inside a case's transaction, so a
muhtar's screen can never hold back a citizen's case. Until the one periodic mechanism (issue 15)
is on main it runs as `acikmasa muhtar_sweep` or the `muhtar_sweep` task.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from acikmasa.cases.events import EventKind
from acikmasa.cases.lifecycle import OPEN_STATUSES
from acikmasa.cases.models import Case, CaseEvent
from acikmasa.channels.muhtar.models import Muhtar

from . import messages
from .models import MuhtarSummary

WINDOW = timedelta(days=2)
SOLVED = ("resolved", "closed")


@dataclass
class SweepResult:
    muhtars: int = 0
    new: int = 0
    overdue: int = 0
    resolved: int = 0
    summaries: int = 0


def _mahalle(muhtar: Muhtar):
    return Case.objects.filter(
        municipality_id=muhtar.neighbourhood.municipality_id,
        neighbourhood_id=muhtar.neighbourhood_id,
    )


def _own(muhtar: Muhtar):
    """Cases this muhtar filed: they know of them already."""
    return Exists(
        CaseEvent.objects.filter(
            case_id=OuterRef("pk"), kind=EventKind.CREATED, actor_id=muhtar.user_id
        )
    )


def muhtar_sweep(*, now: datetime | None = None) -> SweepResult:
    now = now or timezone.now()
    since = now - WINDOW
    result = SweepResult()
    for muhtar in Muhtar.objects.filter(is_active=True).select_related("neighbourhood"):
        result.muhtars += 1
        cases = _mahalle(muhtar)
        new = cases.filter(created_at__gte=since, created_at__lte=now).exclude(_own(muhtar))
        result.new += messages.tell_muhtar_new(muhtar, new.values_list("pk", flat=True))
        late = cases.filter(status__in=OPEN_STATUSES, due_at__gte=since, due_at__lt=now)
        result.overdue += messages.tell_muhtar_overdue(muhtar, late.values_list("pk", flat=True))
        solved = CaseEvent.objects.filter(
            kind=EventKind.RESOLVED,
            created_at__gte=since,
            created_at__lte=now,
            case__in=cases.values("pk"),
        ).values_list("case_id", flat=True)
        result.resolved += messages.tell_muhtar_resolved(muhtar, set(solved))
        result.summaries += summary_make(muhtar=muhtar, now=now)
    return result


def last_month(today: date) -> date:
    return (today.replace(day=1) - timedelta(days=1)).replace(day=1)


def month_figures(muhtar: Muhtar, month: date, now: datetime) -> dict:
    """The mahalle's month: received (and by the muhtar), solved, still open, overdue now, and the
    five most frequent subjects. Plain numbers and names, no person."""
    start = timezone.make_aware(datetime.combine(month, time.min))
    following = (month + timedelta(days=32)).replace(day=1)
    end = timezone.make_aware(datetime.combine(following, time.min))
    cases = _mahalle(muhtar).filter(created_at__gte=start, created_at__lt=end).order_by()
    counts = cases.aggregate(
        received=Count("pk"),
        by_muhtar=Count("pk", filter=Q(channel__code="muhtar")),
        solved=Count("pk", filter=Q(status__in=SOLVED)),
        open=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
        overdue=Count("pk", filter=Q(status__in=OPEN_STATUSES, due_at__lt=now)),
    )
    subjects = (
        cases.exclude(subject=None)
        .values("subject__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "subject__name")[:5]
    )
    return counts | {"subjects": [[row["subject__name"], row["n"]] for row in subjects]}


def summary_make(*, muhtar: Muhtar, now: datetime) -> int:
    """Last month's summary for one muhtar, once; returns 1 when it was made now."""
    month = last_month(timezone.localtime(now).date())
    if MuhtarSummary.objects.filter(muhtar=muhtar, month=month).exists():
        return 0
    summary, created = MuhtarSummary.objects.get_or_create(
        muhtar=muhtar,
        month=month,
        defaults={"figures": month_figures(muhtar, month, now), "created_at": now},
    )
    if created:
        messages.tell_muhtar_summary(muhtar, summary)
    return int(created)
