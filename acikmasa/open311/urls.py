from django.urls import path, re_path

from . import views

app_name = "open311"

FMT = r"\.(?P<fmt>[^/]*)$"
ID = r"(?P<{}>[^/.]{{1,200}})"

urlpatterns = [
    path("v2/", views.root, name="root"),
    path("v2/openapi.json", views.openapi, name="openapi"),
    re_path(r"^v2/discovery" + FMT, views.discovery, name="discovery"),
    re_path(r"^v2/services" + FMT, views.service_list, name="services"),
    re_path(
        r"^v2/services/" + ID.format("service_code") + FMT, views.service_definition, name="service"
    ),
    re_path(r"^v2/requests" + FMT, views.request_collection, name="requests"),
    re_path(r"^v2/requests/" + ID.format("request_id") + FMT, views.request_detail, name="request"),
    re_path(r"^v2/tokens/" + ID.format("token") + FMT, views.token_detail, name="token"),
    re_path(
        r"^", views.not_found
    ),  # anything else under /open311/ is the spec's 404, not an HTML page
]
