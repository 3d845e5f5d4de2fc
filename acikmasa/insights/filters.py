"""What an insights URL says: the period and the slicing filters, parsed once, echoed back in
links."""

from dataclasses import dataclass, fields, replace
from datetime import date, datetime, time, timedelta

from django.db.models import QuerySet
from django.http import QueryDict
from django.utils import timezone

from acikmasa.cases.models import CaseType

BUCKETS = ("day", "week", "month")
DEFAULT_DAYS = 30


def _int(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if value.isascii() and value.isdigit() and 0 < int(value) < 2**63 else None


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "").strip())
    except ValueError:
        return None


@dataclass(frozen=True)
class InsightFilters:
    """Cases registered from `start` to `end` (both inclusive, local dates) and matching the
    slices."""

    start: date
    end: date
    directorate: int | None = None
    subject: int | None = None
    channel: int | None = None
    case_type: str = ""
    neighbourhood: int | None = None
    bucket: str = "day"

    @classmethod
    def from_query(cls, query: QueryDict | dict, *, today: date | None = None) -> "InsightFilters":
        """Parse a URL's parameters; a bad or missing value falls back to the default, never an
        error page."""
        today = today or timezone.localdate()
        end = _date(query.get("end")) or today
        start = _date(query.get("start")) or end - timedelta(days=DEFAULT_DAYS - 1)
        if start > end:
            start, end = end, start
        case_type = query.get("case_type") or ""
        bucket = query.get("bucket") or ""
        return cls(
            start=start,
            end=end,
            directorate=_int(query.get("directorate")),
            subject=_int(query.get("subject")),
            channel=_int(query.get("channel")),
            neighbourhood=_int(query.get("neighbourhood")),
            case_type=case_type if case_type in CaseType.values else "",
            bucket=bucket
            if bucket in BUCKETS
            else ("month" if (end - start).days > 120 else "day"),
        )

    @property
    def since(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.start, time.min))

    @property
    def until(self) -> datetime:
        """The first moment after the period (exclusive bound: indexes serve `<`)."""
        return timezone.make_aware(datetime.combine(self.end + timedelta(days=1), time.min))

    def previous(self) -> "InsightFilters":
        """The period of the same length just before this one (for scorecard comparison)."""
        length = (self.end - self.start).days + 1
        return replace(
            self, start=self.start - timedelta(days=length), end=self.start - timedelta(days=1)
        )

    def apply(self, queryset: QuerySet) -> QuerySet:
        exact = {
            "directorate_id": self.directorate,
            "subject_id": self.subject,
            "channel_id": self.channel,
            "case_type": self.case_type,
            "neighbourhood_id": self.neighbourhood,
        }
        return queryset.filter(created_at__gte=self.since, created_at__lt=self.until).filter(
            **{k: v for k, v in exact.items() if v not in (None, "")}
        )

    def as_query(self, **override) -> dict[str, str]:
        """Every set value as URL parameters, so a link reproduces exactly this view."""
        values = {f.name: getattr(self, f.name) for f in fields(self)} | override
        return {
            k: (v.isoformat() if isinstance(v, date) else str(v))
            for k, v in values.items()
            if v not in (None, "")
        }
