from django.contrib import admin

from .models import Clock, ClosureDay, Escalation, EscalationNotice


@admin.register(ClosureDay)
class ClosureDayAdmin(admin.ModelAdmin):
    list_display = ["day", "municipality", "reason"]
    list_filter = ["municipality"]
    date_hierarchy = "day"


class ReadOnlyAdmin(admin.ModelAdmin):
    """Written by the engine only: the admin shows them."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Clock)
class ClockAdmin(ReadOnlyAdmin):
    list_display = [
        "case",
        "number",
        "started_at",
        "due_at",
        "paused_since",
        "stopped_at",
        "level",
        "next_check_at",
    ]
    list_select_related = ["case"]
    search_fields = ["case__tracking_number"]


class NoticeInline(admin.TabularInline):
    model = EscalationNotice
    extra = 0
    can_delete = False
    readonly_fields = ["name", "email", "user", "created_at", "sent_at", "attempts", "last_error"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Escalation)
class EscalationAdmin(ReadOnlyAdmin):
    list_display = ["case", "level", "clock_number", "due_at", "created_at"]
    list_filter = ["level"]
    list_select_related = ["case"]
    search_fields = ["case__tracking_number"]
    inlines = [NoticeInline]


@admin.register(EscalationNotice)
class EscalationNoticeAdmin(ReadOnlyAdmin):
    list_display = ["escalation", "name", "email", "sent_at", "attempts"]
    list_filter = ["sent_at"]
