from django.urls import path

from . import views

app_name = "notify"

urlpatterns = [
    path("personel/basarisiz/", views.failures, name="failures"),
    path("personel/hazir-yanitlar/<int:case_id>/", views.canned_answers, name="canned_answers"),
    path("<str:token>/", views.survey, name="survey"),
]
