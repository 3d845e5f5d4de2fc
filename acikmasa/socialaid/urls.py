from django.urls import path

from . import views

app_name = "socialaid"
urlpatterns = [
    path("", views.checks, name="checks"),
    path("<int:check_id>/", views.check_page, name="check"),
]
