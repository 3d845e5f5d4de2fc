from django.urls import path

from . import views

app_name = "insights"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("cases/", views.drill, name="drill"),
    path("directorates/", views.scorecard, name="scorecard"),
    path("where/", views.where, name="where"),
    path("who/", views.demographics, name="who"),
    path("information-requests/", views.information_requests, name="information"),
    path("export.xlsx", views.export_xlsx, name="export_xlsx"),
    path("report.pdf", views.monthly_report, name="monthly_report"),
    path("open-data.csv", views.export_csv, name="export_csv"),
    path("yearly-report.pdf", views.yearly_report, name="yearly_report"),
    path("muhtars/", views.muhtar_coverage, name="muhtars"),
    path("public/", views.public_page, name="public"),
    path("public/open-data.csv", views.public_open_data, name="public_open_data"),
]
