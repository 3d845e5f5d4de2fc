from django.urls import path

from . import views

app_name = "security"

urlpatterns = [
    path("dogrulama/", views.verify, name="verify"),
    path("iki-adim/", views.overview, name="two_factor"),
    path("iki-adim/kur/", views.enrol, name="two_factor_enrol"),
    path("iki-adim/kurtarma-kodlari/", views.recovery_codes, name="recovery_codes"),
    path("iki-adim/kapat/", views.two_factor_remove, name="two_factor_remove"),
]
