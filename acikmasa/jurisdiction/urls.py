from django.urls import path

from . import views

app_name = "jurisdiction"
urlpatterns = [
    path("cases/<int:case_id>/panel/", views.panel, name="panel"),
    path("cases/<int:case_id>/forward/", views.forward, name="forward"),
]
