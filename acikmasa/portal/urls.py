from django.urls import path

from . import views

app_name = "portal"

urlpatterns = [
    path("foto/<int:pk>/<str:sha256>/", views.photo, name="photo"),
]
