"""The access log's one writer: a plain insert per view, cheap enough for every case page."""

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from ..models import AccessLog


def access_record(
    *,
    user: AbstractBaseUser,
    municipality_id: int,
    action: str,
    citizen_id: int | None = None,
    case_id: int | None = None,
    detail: str = "",
) -> AccessLog | None:
    """Append who saw whose data and why; nothing is written when no person's data was shown.

    Callers: every staff view that shows or exports a citizen's personal data.
    Side effects: one AccessLog row (a single INSERT, no reads).
    """
    if citizen_id is None:
        return None
    return AccessLog.objects.create(
        at=timezone.now(),
        municipality_id=municipality_id,
        user_id=user.pk,
        citizen_id=citizen_id,
        case_id=case_id,
        action=action,
        detail=detail[:200],
    )


def access_record_many(
    *,
    user: AbstractBaseUser,
    municipality_id: int,
    action: str,
    shown: Iterable[tuple[int | None, int | None]],
    detail: str = "",
) -> int:
    """One row per (citizen id, case id) shown in a list (search results, caller lookup), in one
    INSERT."""
    now = timezone.now()
    rows, seen = [], set()
    for citizen_id, case_id in shown:
        if citizen_id is None or (citizen_id, case_id) in seen:
            continue
        seen.add((citizen_id, case_id))
        rows.append(
            AccessLog(
                at=now,
                municipality_id=municipality_id,
                user_id=user.pk,
                citizen_id=citizen_id,
                case_id=case_id,
                action=action,
                detail=detail[:200],
            )
        )
    AccessLog.objects.bulk_create(rows)
    return len(rows)
