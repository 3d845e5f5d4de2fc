from django.urls import path

from . import views

app_name = "careers"
urlpatterns = [
    path("", views.board, name="board"),
    path("basvuru/", views.seeker_new, name="new"),
    path("is-arayan/<int:seeker_id>/", views.seeker_page, name="seeker"),
    path("is-arayan/<int:seeker_id>/yonlendir/", views.refer, name="refer"),
    path("is-arayan/<int:seeker_id>/yanit/<int:referral_id>/", views.answer, name="answer"),
    path("is-arayan/<int:seeker_id>/riza-geri/", views.withdraw, name="withdraw"),
    path("is-arayan/<int:seeker_id>/cv/", views.cv, name="cv"),
    path("isverenler/", views.employers, name="employers"),
]
