from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Call, InboundMessage, Muhtar, OutboundAttempt, OutboundMessage
from .services.inbound import inbound_retry


@admin.register(InboundMessage)
class InboundMessageAdmin(admin.ModelAdmin):
    list_display = (
        "received_at",
        "channel",
        "kind",
        "sender",
        "external_id",
        "status",
        "outcome",
        "case",
    )
    list_filter = ("status", "channel", "kind", "outcome")
    search_fields = ("external_id", "sender", "case__tracking_number")
    readonly_fields = [f.name for f in InboundMessage._meta.fields]
    actions = ["retry"]

    def has_add_permission(self, request) -> bool:
        return False

    @admin.action(description=_("Process the selected failed messages again"))
    def retry(self, request, queryset) -> None:
        for message in queryset.filter(status=InboundMessage.Status.FAILED):
            inbound_retry(message_id=message.pk)


class AttemptInline(admin.TabularInline):
    model = OutboundAttempt
    extra = 0
    can_delete = False
    readonly_fields = ("number", "at", "ok", "provider_message_id", "error")


@admin.register(OutboundMessage)
class OutboundMessageAdmin(admin.ModelAdmin):
    list_display = (
        "created_at",
        "channel",
        "kind",
        "recipient",
        "status",
        "attempts",
        "next_attempt_at",
        "case",
    )
    list_filter = ("status", "channel", "kind")
    search_fields = ("recipient", "provider_message_id", "case__tracking_number")
    readonly_fields = (
        "provider_message_id",
        "provider_status",
        "provider_statuses",
        "attempts",
        "sent_at",
    )
    inlines = [AttemptInline]


@admin.register(Call)
class CallAdmin(admin.ModelAdmin):
    list_display = ("started_at", "caller", "status", "agent", "answered_at", "ended_at")
    list_filter = ("status",)
    search_fields = ("caller", "call_id")


@admin.register(Muhtar)
class MuhtarAdmin(admin.ModelAdmin):
    list_display = ("user", "neighbourhood", "phone", "is_active")
    list_filter = ("is_active", "neighbourhood")
    search_fields = ("user__username", "user__first_name", "user__last_name")
