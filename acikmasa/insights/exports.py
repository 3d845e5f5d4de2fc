"""Exports: an .xlsx workbook with typed cells, and the anonymised CSV open-data file.

The CSV carries no personal data: no citizen, no description, no address, no coordinates, no
tracking number or token (they lead back to a person through the tracking page); a location is
coarsened to its street and mahalle, and times to the day.
"""

import csv
import io
from collections.abc import Iterator

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from acikmasa.cases.models import Case
from acikmasa.cases.outcomes import APPEALS, LEGAL_GROUNDS

from .selectors import Dashboard, PlaceRow, ScoreRow

PERCENT = "0.0%"
HOURS = "0.0"
OPEN_DATA_COLUMNS = (
    "registered_on",
    "case_type",
    "channel",
    "subject",
    "directorate",
    "neighbourhood",
    "street",
    "status",
    "resolved_on",
    "days_to_resolve",
    "deadline_met",
)


def _sheet(
    book: Workbook, title: str, header: list[str], rows: list[list], formats: dict[int, str]
) -> None:
    sheet = book.create_sheet(str(title)[:31])
    sheet.append([str(h) for h in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for column, number_format in formats.items():
        for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            cell.number_format = number_format
    for index in range(1, len(header) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 18
    sheet.freeze_panes = "A2"


FIGURE_HEADER = [
    pgettext_lazy("insights", "Received"),
    _("Solved"),
    _("Open"),
    pgettext_lazy("insights", "Overdue"),
    _("Solved share"),
    _("Median hours to resolve"),
    _("90th percentile hours"),
    _("Deadline met"),
    _("Reopen rate"),
]
FIGURE_FORMATS = {5: PERCENT, 6: HOURS, 7: HOURS, 8: PERCENT, 9: PERCENT}


def _figure_cells(f) -> list:
    return [
        f.received,
        f.solved,
        f.open,
        f.overdue,
        f.solved_share,
        f.median_hours,
        f.p90_hours,
        f.met_share,
        f.reopen_rate,
    ]


def workbook_bytes(
    *,
    dashboard: Dashboard,
    scorecard: list[ScoreRow],
    hoods: list[PlaceRow],
    streets: list[PlaceRow],
) -> bytes:
    """The dashboard, scorecard and place tables as an .xlsx with numbers, shares and dates
    typed."""
    book = Workbook()
    book.remove(book.active)
    f = dashboard.filters
    _sheet(
        book,
        "Summary",
        [_("From"), _("To"), *FIGURE_HEADER],
        [[f.start, f.end, *_figure_cells(dashboard.figures)]],
        {1: "yyyy-mm-dd", 2: "yyyy-mm-dd", **{k + 2: v for k, v in FIGURE_FORMATS.items()}},
    )
    _sheet(
        book,
        "Series",
        [_("Period"), pgettext_lazy("insights", "Received"), _("Solved")],
        [[row["at"], row["received"], row["solved"]] for row in dashboard.series],
        {1: "yyyy-mm-dd"},
    )
    _sheet(
        book,
        "Directorates",
        [
            _("Directorate"),
            *FIGURE_HEADER,
            _("Received (previous period)"),
            _("Solved share (previous period)"),
        ],
        [
            [
                r.directorate.name,
                *_figure_cells(r.current),
                r.previous.received,
                r.previous.solved_share,
            ]
            for r in scorecard
        ],
        {**{k + 1: v for k, v in FIGURE_FORMATS.items()}, 12: PERCENT},
    )
    _sheet(
        book,
        "Neighbourhoods",
        [_("Neighbourhood"), *FIGURE_HEADER],
        [[str(r.place or "—"), *_figure_cells(r.figures)] for r in hoods],
        {k + 1: v for k, v in FIGURE_FORMATS.items()},
    )
    _sheet(
        book,
        "Streets",
        [_("Street"), _("Neighbourhood"), *FIGURE_HEADER],
        [
            [
                str(r.place or "—"),
                str(r.place.neighbourhood) if r.place else "",
                *_figure_cells(r.figures),
            ]
            for r in streets
        ],
        {k + 2: v for k, v in FIGURE_FORMATS.items()},
    )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _day(moment) -> str:
    return timezone.localtime(moment).date().isoformat() if moment else ""


def open_data_rows(cases: QuerySet[Case]) -> Iterator[list[str]]:
    """One anonymised row per case: the columns of OPEN_DATA_COLUMNS, and nothing else."""
    yield list(OPEN_DATA_COLUMNS)
    columns = cases.order_by("created_at", "id").values_list(
        "created_at",
        "case_type",
        "channel__code",
        "subject__name",
        "directorate__name",
        "neighbourhood__name",
        "street__name",
        "status",
        "resolved_at",
        "due_at",
    )
    for (
        created,
        case_type,
        channel,
        subject,
        directorate,
        hood,
        street,
        status,
        resolved,
        due,
    ) in columns.iterator(2000):
        days = f"{(resolved - created).total_seconds() / 86400:.1f}" if resolved else ""
        met = ("yes" if resolved <= due else "no") if resolved and due else ""
        yield [
            _day(created),
            case_type,
            channel,
            subject or "",
            directorate or "",
            hood or "",
            street or "",
            status,
            _day(resolved),
            days,
            met,
        ]


class _Echo:
    def write(self, value: str) -> str:
        return value


def open_data_csv(cases: QuerySet[Case]) -> Iterator[str]:
    """The open-data CSV as text chunks for a streaming response."""
    writer = csv.writer(_Echo())
    for row in open_data_rows(cases):
        yield writer.writerow(row)


def information_rows(stats) -> list[list]:
    rows = [
        [pgettext_lazy("insights", "Received"), stats.received],
        [_("Granted"), stats.granted],
        [_("Partly granted"), stats.partly_granted],
        [_("Refused"), stats.refused],
    ]
    rows += [
        [f"{_('Refused')}: {ground_label(ground)}", n]
        for ground, n in sorted(stats.refused_by_ground.items())
    ]
    rows += [
        [pgettext_lazy("insights", "Forwarded to another institution"), stats.forwarded],
        [_("Pending"), stats.pending],
        [_("Appealed"), stats.appealed],
    ]
    rows += [
        [f"{_('Appealed')}: {APPEALS[kind]}", n]
        for kind, n in sorted(stats.appealed_by.items())
        if kind in APPEALS
    ]
    rows += [
        [
            _("Estimated from the text (decisions recorded before structured outcomes)"),
            stats.estimated_outcomes,
        ]
    ]
    return [[str(label), n] for label, n in rows]


def ground_label(ground: str) -> str:
    """The article's name for a structured ground; "Art. N" for one read from text; or "not
    stated"."""
    if ground in LEGAL_GROUNDS:
        return str(LEGAL_GROUNDS[ground])
    if ground.startswith("art_"):
        return _("Art. %(no)s") % {"no": ground[4:]}
    return str(_("ground not stated"))


def information_workbook_bytes(stats) -> bytes:
    book = Workbook()
    book.remove(book.active)
    _sheet(
        book,
        f"Law 4982 Art. 30 {stats.year}",
        [_("Figure"), _("Count")],
        information_rows(stats),
        {},
    )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
