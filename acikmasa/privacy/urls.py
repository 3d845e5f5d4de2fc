from django.urls import path

from . import views

app_name = "privacy"
urlpatterns = [
    path("", views.notice, name="notice"),
    path("surum/<int:version>/", views.notice, name="notice_version"),
    path("basvuru/", views.request_start, name="request_start"),
    path("basvuru/kod/", views.request_verify, name="request_verify"),
    path("basvuru/talep/", views.request_form, name="request_form"),
    path("personel/", views.officer_home, name="officer"),
    path("personel/erisim/", views.access_report, name="access_report"),
    path("personel/vatandas/<int:citizen_id>/", views.citizen_page, name="citizen"),
    path("personel/vatandas/<int:citizen_id>/veri.<str:fmt>", views.export, name="export"),
    path(
        "personel/vatandas/<int:citizen_id>/talep/", views.register_request, name="register_request"
    ),
    path("personel/riza/<int:consent_id>/geri-al/", views.withdraw, name="withdraw"),
    path("personel/talep/<int:request_id>/duzelt/", views.correct, name="correct"),
    path("personel/talep/<int:request_id>/sil/", views.erase, name="erase"),
]
