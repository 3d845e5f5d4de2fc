"""Reads for routing: training history and the triage queue, scoped like every desk list."""

from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Exists, OuterRef, QuerySet

from acikmasa.cases.lifecycle import OPEN_STATUSES
from acikmasa.cases.models import Case
from acikmasa.cases.permissions import visible_cases

from .learn import Example
from .models import Correction

MAX_TRAINING = 200_000
CORRECTION_WEIGHT = 3.0  # a case staff corrected by hand teaches more than one nobody looked at


def training_examples(
    *,
    municipality_id: int,
    until: datetime | None = None,
    since: datetime | None = None,
    limit: int = MAX_TRAINING,
) -> list[tuple[datetime, Example]]:
    """The municipality's cases with a subject, oldest first, labelled with their current subject.

    The current subject is the corrected one when staff re-routed the case, so corrections become
    labels; those cases weigh CORRECTION_WEIGHT. Cases registered from `since` up to `until`.
    """
    queryset = Case.objects.filter(municipality_id=municipality_id, subject__isnull=False)
    if until is not None:
        queryset = queryset.filter(created_at__lt=until)
    if since is not None:
        queryset = queryset.filter(created_at__gte=since)
    corrected = Exists(Correction.objects.filter(case=OuterRef("pk")))
    rows = (
        queryset.annotate(corrected=corrected)
        .order_by("-created_at", "-pk")
        .values_list(
            "created_at",
            "description",
            "subject_id",
            "channel__code",
            "neighbourhood_id",
            "corrected",
        )[:limit]
    )
    examples = [
        (at, Example(text, subject, channel or "", hood, CORRECTION_WEIGHT if fixed else 1.0))
        for at, text, subject, channel, hood, fixed in rows
    ]
    examples.reverse()
    return examples


def triage_cases(user: AbstractBaseUser) -> QuerySet[Case]:
    """Open cases the user may see that have no subject yet: the desk's triage queue, oldest
    first."""
    return (
        visible_cases(user)
        .filter(subject__isnull=True, status__in=OPEN_STATUSES)
        .select_related("channel", "neighbourhood", "citizen")
        .order_by("created_at", "pk")
    )
