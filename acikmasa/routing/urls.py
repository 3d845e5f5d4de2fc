from django.urls import path

from . import views

app_name = "routing"
urlpatterns = [
    path("oneri/", views.portal_suggestions, name="portal_suggestions"),
    path("masa/oneri/", views.desk_suggestions, name="desk_suggestions"),
    path("triyaj/", views.triage, name="triage"),
    path("basvuru/<int:case_id>/konu/", views.case_panel, name="case_panel"),
    path("basvuru/<int:case_id>/yeniden-yonlendir/", views.reroute, name="reroute"),
]
