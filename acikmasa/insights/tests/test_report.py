"""The mayor's monthly PDF: a real PDF with the month's Turkish text and charts; a clear page
without WeasyPrint."""

import io
from datetime import date

import pytest
from django.urls import reverse

from acikmasa.insights import report
from acikmasa.insights.charts import bars, columns

pytestmark = pytest.mark.django_db


def test_the_month_parameter_and_its_default():
    assert report.month_of("2026-03") == date(2026, 3, 1)
    assert report.month_of("bozuk", today=date(2026, 1, 15)) == date(2025, 12, 1)


def test_charts_are_plain_svg_scaled_to_the_largest_value():
    svg = columns([("01.03", 4, 2), ("02.03", 8, 8)])
    assert svg.startswith("<svg") and svg.count("<rect") == 4 and ">8<" in svg
    assert "Fen İşleri" in bars([("Fen İşleri", 0.5)], share=True) and "%50.0" in bars(
        [("x", 0.5)], share=True
    )


def test_the_report_as_html_holds_the_months_figures(client, story):
    client.force_login(story["town"].users["mayor"])
    response = client.get(
        reverse("insights:monthly_report"), {"month": "2026-03", "format": "html"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Aylık rapor" in page and "Fen İşleri Müdürlüğü" in page and "<svg" in page


def test_the_report_is_a_pdf_with_turkish_text(client, story):
    pytest.importorskip(
        "weasyprint", reason="WeasyPrint is not installed (pip install weasyprint; needs Pango)"
    )
    pypdf = pytest.importorskip("pypdf", reason="pypdf reads the PDF back")
    client.force_login(story["town"].users["mayor"])
    response = client.get(reverse("insights:monthly_report"), {"month": "2026-03"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    text = "".join(
        page.extract_text() for page in pypdf.PdfReader(io.BytesIO(response.content)).pages
    )
    assert "Aylık rapor" in text and "Müdürlüğü" in text and "Mart 2026" in text


def test_without_weasyprint_the_page_says_so(client, story, monkeypatch):
    def missing(html, base_url):
        raise report.PdfUnavailable("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr(report, "pdf_bytes", missing)
    client.force_login(story["town"].users["mayor"])
    response = client.get(reverse("insights:monthly_report"), {"month": "2026-03"})
    assert response.status_code == 503 and "WeasyPrint" in response.content.decode()
