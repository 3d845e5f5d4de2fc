from django.urls import path

from . import views

app_name = "portal"

urlpatterns = [
    path("", views.submit, name="submit"),
    path("tamam/<str:token>/", views.submitted, name="submitted"),
    path("konular/", views.subjects, name="subjects"),
    path("sokaklar/", views.streets, name="streets"),
    path("mahalleler.geojson", views.neighbourhoods_geojson, name="neighbourhoods"),
    path("yakindaki/", views.nearby, name="nearby"),
    path("destek/<int:case_id>/", views.support, name="support"),
    path("takip/", views.track, name="track"),
    path("takip/<str:token>/", views.track_case, name="track_case"),
    path("takip/<str:token>/bilgi/", views.track_reply, {"kind": "info"}, name="track_info"),
    path(
        "takip/<str:token>/cozulmedi/", views.track_reply, {"kind": "reopen"}, name="track_reopen"
    ),
    path("foto/<int:pk>/<str:sha256>/", views.photo, name="photo"),
]
