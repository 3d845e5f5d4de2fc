from django.urls import path

from . import views

app_name = "mobileoffice"
urlpatterns = [
    path("", views.timetable, name="timetable"),
    path("duraklar/", views.stops, name="stops"),
    path("durak/<int:stop_id>/basvuru/", views.stop_register, name="register"),
    path("rakamlar/", views.figures, name="figures"),
]
