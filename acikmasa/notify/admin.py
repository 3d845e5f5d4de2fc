from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import (
    PLACEHOLDERS,
    CannedAnswer,
    ContactPreference,
    DirectorateAlert,
    MessageTemplate,
    Notification,
    Survey,
    SurveyAnswer,
)
from .services.policy import PLACEHOLDER


class MessageTemplateForm(forms.ModelForm):
    class Meta:
        model = MessageTemplate
        fields = ["event", "language", "subject", "body", "is_active"]

    def clean(self):
        data = super().clean()
        for name in ("subject", "body"):
            unknown = sorted(
                {m for m in PLACEHOLDER.findall(data.get(name) or "") if m not in PLACEHOLDERS}
            )
            if unknown:
                self.add_error(
                    name,
                    _("Unknown placeholder(s): %(names)s. Allowed: %(allowed)s")
                    % {
                        "names": ", ".join(f"{{{n}}}" for n in unknown),
                        "allowed": ", ".join(f"{{{n}}}" for n in PLACEHOLDERS),
                    },
                )
        return data


@admin.register(MessageTemplate)
class MessageTemplateAdmin(admin.ModelAdmin):
    form = MessageTemplateForm
    list_display = ["event", "language", "subject", "is_active"]
    list_filter = ["language", "event", "is_active"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = [
        "case",
        "event",
        "channel",
        "recipient",
        "status",
        "attempts",
        "next_attempt_at",
        "last_error",
    ]
    list_filter = ["status", "channel", "event", "backend"]
    search_fields = ["case__tracking_number", "recipient"]
    date_hierarchy = "created_at"
    readonly_fields = [f.name for f in Notification._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ContactPreference)
class ContactPreferenceAdmin(admin.ModelAdmin):
    list_display = ["citizen", "channel", "language", "updated_at"]
    raw_id_fields = ["citizen"]


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    list_display = ["case", "created_at", "reminder_sent_at"]
    readonly_fields = ["case", "token", "created_at", "reminder_sent_at"]


@admin.register(SurveyAnswer)
class SurveyAnswerAdmin(admin.ModelAdmin):
    list_display = ["case", "directorate", "solved", "score", "via", "answered_at"]
    list_filter = ["solved", "score", "directorate", "via"]
    readonly_fields = ["case", "directorate", "solved", "score", "comment", "via", "answered_at"]

    def has_add_permission(self, request):
        return False


@admin.register(DirectorateAlert)
class DirectorateAlertAdmin(admin.ModelAdmin):
    list_display = ["case", "directorate", "created_at"]
    list_filter = ["directorate"]
    readonly_fields = ["directorate", "case", "text", "emailed_to", "created_at"]


@admin.register(CannedAnswer)
class CannedAnswerAdmin(admin.ModelAdmin):
    list_display = ["title", "subject", "municipality", "position", "is_active"]
    list_filter = ["municipality", "is_active"]
    search_fields = ["title", "body"]
    raw_id_fields = ["subject"]
