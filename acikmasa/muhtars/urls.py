from django.urls import path

from . import views

app_name = "muhtars"
urlpatterns = [
    path("", views.mahalle, name="mahalle"),
    path("okundu/", views.mark_read, name="mark_read"),
]
