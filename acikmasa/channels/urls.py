"""Mounted at /hooks/ outside the language prefixes: providers call fixed URLs."""

from django.urls import path, re_path

from . import views
from .cimer import views as cimer
from .email import views as email
from .facebook import views as facebook
from .muhtar import views as muhtar
from .sms import views as sms
from .telephony import views as telephony
from .whatsapp import views as whatsapp

app_name = "channels"
urlpatterns = [
    path("whatsapp/", whatsapp.webhook, name="whatsapp"),
    path("sms/", sms.gateway, name="sms"),
    path("sms/twilio/", sms.twilio, name="twilio"),
    path("email/", email.webhook, name="email"),
    path("facebook/", facebook.webhook, name="facebook"),
    path("cimer/", cimer.import_page, name="cimer_import"),
    re_path(r"^cimer/answers\.(?P<fmt>csv|xlsx)$", cimer.export_answers, name="cimer_export"),
    path("telephony/", telephony.webhook, name="telephony"),
    path("telephony/screen/", telephony.screen, name="call_screen"),
    path("telephony/calls/<int:call_id>/history.json", telephony.call_history, name="call_history"),
    path("muhtar/", muhtar.muhtar_home, name="muhtar"),
    path("muhtar/report/", muhtar.report, name="muhtar_report"),
    path("inbox/", views.inbox, name="inbox"),
    path("inbox/<int:message_id>/", views.inbox_detail, name="inbox_detail"),
    path("inbox/<int:message_id>/retry/", views.inbox_retry, name="inbox_retry"),
    path("outbox/", views.outbox, name="outbox"),
    path("outbox/<int:message_id>/retry/", views.outbox_retry, name="outbox_retry"),
]
