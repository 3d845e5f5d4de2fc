from django.urls import path

from . import views

app_name = "duplicates"
urlpatterns = [
    path("cases/<int:case_id>/panel/", views.panel, name="panel"),
    path("cases/<int:case_id>/merge/", views.merge, name="merge"),
    path("cases/<int:case_id>/unmerge/", views.unmerge, name="unmerge"),
    path("links/<int:link_id>/dismiss/", views.dismiss, name="dismiss"),
    path("hot-spots/", views.hot_spots, name="hot_spots"),
]
