"""Our answers to CİMER applications, in the columns staff paste back into CİMER."""

import csv
import io
from collections.abc import Iterable
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Prefetch
from django.utils import timezone

from acikmasa.cases.events import EventKind
from acikmasa.cases.models import CaseEvent
from acikmasa.cases.permissions import visible_cases

HEADINGS = ["Başvuru No", "Takip No", "Durum", "Cevap Metni", "Cevap Tarihi", "Birim"]
ANSWER_KINDS = (
    EventKind.ANSWER_WRITTEN,
    EventKind.RESOLVED,
    EventKind.REJECTED,
    EventKind.FORWARDED_OUT,
)


def answer_rows(*, user: AbstractBaseUser, since: datetime | None = None) -> list[list[str]]:
    """One row per CİMER case the user may see that has a public answer, latest answer first."""
    answers = (
        CaseEvent.objects.filter(kind__in=ANSWER_KINDS, is_public=True)
        .exclude(text="")
        .order_by("-sequence")
    )
    cases = (
        visible_cases(user)
        .filter(channel__code="cimer")
        .exclude(external_id="")
        .select_related("directorate")
        .prefetch_related(Prefetch("events", queryset=answers, to_attr="answers"))
        .order_by("external_id")
    )
    rows = []
    for case in cases:
        if not case.answers:
            continue
        answer = case.answers[0]
        if since and answer.created_at < since:
            continue
        rows.append(
            [
                case.external_id,
                case.tracking_number,
                str(case.get_status_display()),
                answer.text,
                timezone.localtime(answer.created_at).strftime("%d.%m.%Y %H:%M"),
                case.directorate.name if case.directorate else "",
            ]
        )
    return rows


def as_csv(rows: Iterable[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(HEADINGS)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")  # the BOM makes Excel read the Turkish letters right


def as_xlsx(rows: Iterable[list[str]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Cevaplar"
    sheet.append(HEADINGS)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
