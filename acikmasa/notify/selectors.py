"""Reads of notify, always scoped by what the user may see."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Avg, Count, F, Q, QuerySet

from acikmasa.cases.models import Case
from acikmasa.cases.permissions import visible_cases

from .models import CannedAnswer, Notification, SurveyAnswer


def failed_notifications(user: AbstractBaseUser | None) -> QuerySet[Notification]:
    """Messages that could not be delivered, on cases the user may see, newest first."""
    return (
        Notification.objects.filter(status=Notification.Status.FAILED, case__in=visible_cases(user))
        .select_related("case")
        .order_by("-created_at")
    )


def canned_answers_for(case: Case) -> QuerySet[CannedAnswer]:
    """Active canned answers of the case's municipality: its subject's first, then general ones."""
    scope = (
        Q(subject__isnull=True) | Q(subject_id=case.subject_id)
        if case.subject_id
        else Q(subject__isnull=True)
    )
    return CannedAnswer.objects.filter(
        scope, municipality_id=case.municipality_id, is_active=True
    ).order_by(
        F("subject_id").asc(nulls_last=True),
        "position",
        "title",
    )


@dataclass(frozen=True)
class SurveyFigures:
    directorate_id: int | None
    directorate: str
    responses: int
    solved: int
    not_solved: int
    solved_share: float | None
    mean_score: float | None


def survey_figures(
    user: AbstractBaseUser | None, *, since: datetime | None = None
) -> list[SurveyFigures]:
    """Per directorate: answers, solved share and mean score, over the cases the user may see."""
    answers = SurveyAnswer.objects.filter(case__in=visible_cases(user))
    if since is not None:
        answers = answers.filter(answered_at__gte=since)
    rows = (
        answers.values("directorate_id", "directorate__name")
        .annotate(
            responses=Count("id"),
            solved_count=Count("id", filter=Q(solved=True)),
            mean=Avg("score"),
        )
        .order_by("directorate__name")
    )
    return [
        SurveyFigures(
            directorate_id=row["directorate_id"],
            directorate=row["directorate__name"] or "",
            responses=row["responses"],
            solved=row["solved_count"],
            not_solved=row["responses"] - row["solved_count"],
            solved_share=row["solved_count"] / row["responses"] if row["responses"] else None,
            mean_score=float(row["mean"]) if row["mean"] is not None else None,
        )
        for row in rows
    ]
