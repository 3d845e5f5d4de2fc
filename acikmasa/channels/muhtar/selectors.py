"""Muhtar reads: their own mahalle's muhtar cases, and the separate report staff asked for (seed
003)."""

from datetime import datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from acikmasa.cases.lifecycle import OPEN_STATUSES, Status
from acikmasa.cases.models import Case
from acikmasa.cases.permissions import visible_cases

from .models import Muhtar


def muhtar_cases(*, muhtar: Muhtar) -> QuerySet[Case]:
    """What a muhtar may follow: cases sent through the muhtar channel for their own mahalle."""
    return (
        Case.objects.filter(channel__code="muhtar", neighbourhood_id=muhtar.neighbourhood_id)
        .select_related("subject")
        .order_by("-created_at")
    )


def muhtar_report(*, user: AbstractBaseUser, since: datetime | None = None) -> list[dict[str, Any]]:
    """Muhtar cases per mahalle within what the user may see: total, open, solved, overdue."""
    now = timezone.now()
    cases = visible_cases(user).filter(channel__code="muhtar")
    if since:
        cases = cases.filter(created_at__gte=since)
    rows = (
        cases.values("neighbourhood__name")
        .annotate(
            total=Count("pk"),
            open=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
            solved=Count("pk", filter=Q(status__in=[Status.RESOLVED, Status.CLOSED])),
            overdue=Count("pk", filter=Q(status__in=OPEN_STATUSES, due_at__lt=now)),
        )
        .order_by("-total", "neighbourhood__name")
    )
    return list(rows)
