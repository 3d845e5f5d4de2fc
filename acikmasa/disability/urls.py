from django.urls import path

from . import views

app_name = "disability"
urlpatterns = [
    path("", views.apply, name="apply"),
    path("birim/", views.unit_page, name="unit"),
]
