from django.urls import path

from . import views

app_name = "homevisits"
urlpatterns = [
    path("", views.board, name="board"),
    path("yeni/", views.visit_new, name="new"),
    path("<int:visit_id>/planla/", views.visit_plan, name="plan"),
    path("rota/", views.route, name="route"),
    path("<int:visit_id>/kayit/", views.visit_record, name="record"),
]
