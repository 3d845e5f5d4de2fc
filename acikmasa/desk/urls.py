from django.urls import path

from . import views

app_name = "desk"
urlpatterns = [
    path("", views.home, name="home"),
    path("cases/", views.case_queue, name="queue"),
    path("cases/counts/", views.queue_counts_part, name="queue_counts"),
    path("cases/bulk-assign/", views.bulk_assign, name="bulk_assign"),
    path("cases/<int:case_id>/", views.case_detail, name="case"),
    path("cases/<int:case_id>/actions/<str:action>/", views.case_action, name="case_action"),
    path("cases/<int:case_id>/receipt/", views.receipt, name="receipt"),
    path("files/<int:attachment_id>/", views.attachment_file, name="attachment"),
    path("search/", views.search, name="search"),
    path("call/", views.call_centre, name="call"),
    path("call/lookup/", views.caller_lookup_part, name="caller_lookup"),
    path("walk-in/", views.walk_in, name="walkin"),
    path("options/<str:kind>/", views.options, name="options"),
    path("guidance/", views.guidance, name="guidance"),
    path("field/", views.field_visit, name="field"),
    path("field/coverage/", views.coverage, name="coverage"),
]
