"""The monthly report for the mayor: one month's figures beside the month before, with charts, as a
PDF.

The figures are the dashboard's and the scorecards' (the same roll-ups and the same truth rule);
WeasyPrint turns the HTML with inline SVG charts into the PDF. WeasyPrint needs Pango on the
server: when it (or its libraries) is missing the page says so instead of failing.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone
from django.utils.translation import gettext as _

from . import charts
from .figures import Figures
from .filters import InsightFilters
from .selectors import Dashboard, ScoreRow, dashboard_get, scorecard_get, where_get

TOP_PLACES = 10


class PdfUnavailable(Exception):
    """WeasyPrint or its system libraries are not installed on this server."""


@dataclass
class MonthlyReport:
    month: date
    board: Dashboard
    previous: Figures
    scorecard: list[ScoreRow]
    places: list
    series_svg: str
    directorates_svg: str
    channels_svg: str
    generated_at: object


def month_of(value: str | None, today: date | None = None) -> date:
    """ "2026-10" → 1 Oct 2026; anything else → the last complete month."""
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        return date(year, month, 1)
    except ValueError:
        today = today or timezone.localdate()
        return (today.replace(day=1) - timedelta(days=1)).replace(day=1)


def month_filters(month: date) -> InsightFilters:
    following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return InsightFilters(start=month, end=following - timedelta(days=1), bucket="day")


def monthly_report_get(*, user: AbstractBaseUser, month: date) -> MonthlyReport:
    """Everything the report prints, within what `user` may see (the mayor: the municipality)."""
    filters = month_filters(month)
    board = dashboard_get(user=user, filters=filters)
    before = month_filters((month - timedelta(days=1)).replace(day=1))
    previous = dashboard_get(user=user, filters=before).figures
    scorecard = scorecard_get(user=user, filters=filters)
    hoods, _streets = where_get(user=user, filters=filters)
    channel_total = sum(n for _c, n in board.channels) or 1
    return MonthlyReport(
        month=month,
        board=board,
        previous=previous,
        scorecard=scorecard,
        places=hoods[:TOP_PLACES],
        series_svg=charts.columns(
            [(row["at"].strftime("%d.%m"), row["received"], row["solved"]) for row in board.series]
        ),
        directorates_svg=charts.bars(
            [
                (row.directorate.name, row.current.met_share)
                for row in scorecard
                if row.current.met_share is not None
            ],
            share=True,
        ),
        channels_svg=charts.bars(
            [(str(c) if c else _("Unknown"), n / channel_total) for c, n in board.channels],
            share=True,
        ),
        generated_at=timezone.localtime(),
    )


def pdf_bytes(html: str, base_url: str) -> bytes:
    """The report's HTML as PDF; PdfUnavailable when WeasyPrint cannot run here."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as missing:  # OSError: Pango/GObject libraries not found
        raise PdfUnavailable(str(missing)) from missing
    return HTML(string=html, base_url=base_url).write_pdf()
