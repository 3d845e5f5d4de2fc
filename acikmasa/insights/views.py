"""Thin views: parse the URL into filters, call one selector, render. Refusals are 403 pages."""

from functools import wraps
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseForbidden,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from acikmasa.cases.models import Case, CaseType
from acikmasa.cases.outcomes import APPEALS
from acikmasa.common.errors import PermissionRefused
from acikmasa.directory.models import Neighbourhood

from . import exports, geo, legal, public, report, selectors, who
from .access import insights_profile
from .conf import tile_url
from .figures import DRILL_METRICS
from .filters import InsightFilters

SCORE_COLUMNS = [
    ("received", pgettext_lazy("insights", "Received")),
    ("solved", _("Solved")),
    ("open", _("Open")),
    ("overdue", pgettext_lazy("insights", "Overdue")),
    ("solved_share", _("Solved share")),
    ("met_share", _("Deadline met")),
    ("reopen_rate", _("Reopen rate")),
    ("median_hours", _("Median time to resolve")),
    ("p90_hours", _("90th percentile")),
    ("satisfaction", _("Satisfaction")),
    ("said_solved_share", _("Solved, says the citizen")),
]
METRIC_LABELS = {
    "received": _("received"),
    "solved": pgettext_lazy("insights", "solved"),
    "open": _("open"),
    "overdue": pgettext_lazy("insights", "overdue"),
    "met": _("deadline met"),
    "missed": _("deadline missed"),
    "reopened": _("reopened"),
    "answered": _("survey answered"),
    "said_unsolved": _("said not solved in the survey"),
}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def insights_view(view):
    """Login required; a role that may not read insights gets a 403 page saying why."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        try:
            insights_profile(request.user)
            return view(request, *args, **kwargs)
        except PermissionRefused as refused:
            return HttpResponseForbidden(
                render_to_string("insights/refused.html", {"message": refused.message}, request)
            )

    return wrapper


def _filters(request: HttpRequest) -> InsightFilters:
    return InsightFilters.from_query(request.GET)


def _context(request: HttpRequest, filters: InsightFilters, **extra) -> dict:
    return {
        "filters": filters,
        "query": urlencode(filters.as_query()),
        "case_types": CaseType.choices,
        "choices": selectors.filter_choices(user=request.user),
        **extra,
    }


@insights_view
def dashboard(request: HttpRequest) -> HttpResponse:
    filters = _filters(request)
    board = selectors.dashboard_get(user=request.user, filters=filters)
    top = max((row["received"] for row in board.series), default=0)
    return render(
        request, "insights/dashboard.html", _context(request, filters, board=board, series_top=top)
    )


@insights_view
def drill(request: HttpRequest) -> HttpResponse:
    filters = _filters(request)
    metric = request.GET.get("metric", "received")
    metric = metric if metric in DRILL_METRICS else "received"
    page = Paginator(
        selectors.drill_down(user=request.user, filters=filters, metric=metric), 50
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "insights/drill.html",
        _context(
            request,
            filters,
            metric=metric,
            metric_label=METRIC_LABELS[metric],
            page=page,
        ),
    )


@insights_view
def scorecard(request: HttpRequest) -> HttpResponse:
    filters = _filters(request)
    sort = request.GET.get("sort", "received")
    rows = selectors.scorecard_get(user=request.user, filters=filters, sort=sort)
    return render(
        request,
        "insights/scorecard.html",
        _context(request, filters, rows=rows, sort=sort, columns=SCORE_COLUMNS),
    )


@insights_view
def where(request: HttpRequest) -> HttpResponse:
    filters = _filters(request)
    hoods, streets = selectors.where_get(user=request.user, filters=filters)
    profile = insights_profile(request.user)
    outlines = Neighbourhood.objects.filter(municipality_id=profile.municipality_id).only(
        "id", "name", "boundary"
    )
    shapes, height = geo.map_shapes(
        outlines, {r.place.pk: r.figures.received for r in hoods if r.place}
    )
    return render(
        request,
        "insights/where.html",
        _context(
            request,
            filters,
            hoods=hoods,
            streets=streets,
            shapes=shapes,
            map_height=height,
            map_width=geo.WIDTH,
            shades=geo.SHADES,
            tile_url=tile_url(),
        ),
    )


@insights_view
def demographics(request: HttpRequest) -> HttpResponse:
    filters = _filters(request)
    breakdown = who.demographics_get(user=request.user, filters=filters)
    rows = [
        (band, [breakdown.cell(band, g) for g, _label in breakdown.genders])
        for band in breakdown.bands
    ]
    return render(
        request, "insights/who.html", _context(request, filters, breakdown=breakdown, rows=rows)
    )


def _year(request: HttpRequest) -> int:
    value = request.GET.get("year", "")
    return (
        int(value) if value.isdigit() and 2000 <= int(value) <= 2100 else timezone.localdate().year
    )


@insights_view
def information_requests(request: HttpRequest) -> HttpResponse:
    stats = legal.information_stats_get(user=request.user, year=_year(request))
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(exports.information_workbook_bytes(stats), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="bilgi-edinme-{stats.year}.xlsx"'
        return response
    grounds = [(exports.ground_label(g), n) for g, n in sorted(stats.refused_by_ground.items())]
    appeals = [(APPEALS[k], n) for k, n in sorted(stats.appealed_by.items()) if k in APPEALS]
    return render(
        request,
        "insights/information.html",
        {"stats": stats, "grounds": grounds, "appeals": appeals},
    )


@insights_view
def export_xlsx(request: HttpRequest) -> HttpResponse:
    filters = _filters(request)
    hoods, streets = selectors.where_get(user=request.user, filters=filters)
    body = exports.workbook_bytes(
        dashboard=selectors.dashboard_get(user=request.user, filters=filters),
        scorecard=selectors.scorecard_get(user=request.user, filters=filters),
        hoods=hoods,
        streets=streets,
    )
    response = HttpResponse(body, content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="analiz-{filters.start}-{filters.end}.xlsx"'
    )
    return response


@insights_view
def export_csv(request: HttpRequest) -> StreamingHttpResponse:
    filters = _filters(request)
    cases = selectors.scoped_cases(user=request.user, filters=filters)
    response = StreamingHttpResponse(
        exports.open_data_csv(cases), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="acik-veri-{filters.start}-{filters.end}.csv"'
    )
    return response


MAX_PUBLIC_DAYS = 366  # an anonymous download stays bounded


def public_open_data(request: HttpRequest) -> HttpResponse:
    """The anonymised CSV for anyone, one municipality, at most a year per download."""
    municipality = public.public_municipality(request.GET.get("municipality"))
    if municipality is None:
        return HttpResponse(status=404)
    filters = InsightFilters.from_query(
        {"start": request.GET.get("start"), "end": request.GET.get("end")}
    )
    if (filters.end - filters.start).days >= MAX_PUBLIC_DAYS:
        return JsonResponse({"error": str(_("Ask for at most one year per download."))}, status=400)
    cases = filters.apply(Case.objects.filter(municipality=municipality))
    response = StreamingHttpResponse(
        exports.open_data_csv(cases), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="acik-veri-{filters.start}-{filters.end}.csv"'
    )
    return response


def public_page(request: HttpRequest) -> HttpResponse:
    """The transparency page: anyone may read it; it holds only aggregate figures."""
    municipality = public.public_municipality(request.GET.get("municipality"))
    if municipality is None:
        return render(request, "insights/public.html", {"figures": None}, status=404)
    filters = InsightFilters.from_query(
        {"start": request.GET.get("start"), "end": request.GET.get("end")}
    )
    figures = public.public_figures_get(municipality=municipality, filters=filters)
    tables = [
        (_("Directorates"), figures.directorates),
        (_("Neighbourhoods"), figures.neighbourhoods),
    ]
    return render(
        request, "insights/public.html", {"figures": figures, "filters": filters, "tables": tables}
    )


@insights_view
def monthly_report(request: HttpRequest) -> HttpResponse:
    """The mayor's monthly report: PDF (default) or the same page as HTML (`format=html`)."""
    month = report.month_of(request.GET.get("month"))
    data = report.monthly_report_get(user=request.user, month=month)
    html = render_to_string(
        "insights/report.html",
        {"report": data, "municipality": insights_profile(request.user).municipality},
        request,
    )
    if request.GET.get("format") == "html":
        return HttpResponse(html)
    try:
        body = report.pdf_bytes(html, request.build_absolute_uri("/"))
    except report.PdfUnavailable as missing:
        message = _(
            "The PDF cannot be made on this server: WeasyPrint and its Pango libraries are not "
            "installed (%(error)s). The same report as a web page:"
        ) % {"error": missing}
        return render(
            request,
            "insights/unavailable.html",
            {"message": message, "html_link": f"?month={month:%Y-%m}&format=html"},
            status=503,
        )
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="aylik-rapor-{month:%Y-%m}.pdf"'
    return response
