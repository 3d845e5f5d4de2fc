"""What a muhtar is told: one function per message (issue 20). Today each writes notices shown on
the muhtar's screen; when the one outbox (issue 14) has the muhtar-screen adapter, these are the
places to convert."""

from collections.abc import Iterable

from django.utils import timezone

from acikmasa.channels.muhtar.models import Muhtar

from .models import MuhtarNotice, MuhtarSummary


def _tell(muhtar: Muhtar, kind: str, case_ids: Iterable[int]) -> int:
    now = timezone.now()
    rows = [MuhtarNotice(muhtar=muhtar, kind=kind, case_id=i, created_at=now) for i in case_ids]
    before = MuhtarNotice.objects.filter(muhtar=muhtar, kind=kind).count()
    MuhtarNotice.objects.bulk_create(rows, ignore_conflicts=True)
    return MuhtarNotice.objects.filter(muhtar=muhtar, kind=kind).count() - before


def tell_muhtar_new(muhtar: Muhtar, case_ids: Iterable[int]) -> int:
    return _tell(muhtar, MuhtarNotice.Kind.NEW, case_ids)


def tell_muhtar_overdue(muhtar: Muhtar, case_ids: Iterable[int]) -> int:
    return _tell(muhtar, MuhtarNotice.Kind.OVERDUE, case_ids)


def tell_muhtar_resolved(muhtar: Muhtar, case_ids: Iterable[int]) -> int:
    return _tell(muhtar, MuhtarNotice.Kind.RESOLVED, case_ids)


def tell_muhtar_summary(muhtar: Muhtar, summary: MuhtarSummary) -> int:
    _notice, created = MuhtarNotice.objects.get_or_create(
        muhtar=muhtar,
        summary=summary,
        defaults={"kind": MuhtarNotice.Kind.SUMMARY, "created_at": timezone.now()},
    )
    return int(created)
