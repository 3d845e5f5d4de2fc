from django.urls import path

from . import views

app_name = "prioritycare"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("kaydet/", views.record, name="record"),
    path("<int:membership_id>/bitir/", views.end, name="end"),
]
