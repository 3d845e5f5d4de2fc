from django.contrib import admin

from . import models


class ReadOnlyAdmin(admin.ModelAdmin):
    """History and cases change only through services; the admin only shows them."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class CaseEventInline(admin.TabularInline):
    model = models.CaseEvent
    fields = [
        "sequence",
        "created_at",
        "kind",
        "actor",
        "from_status",
        "to_status",
        "is_public",
        "text",
    ]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(models.Case)
class CaseAdmin(ReadOnlyAdmin):
    list_display = [
        "tracking_number",
        "case_type",
        "status",
        "subject",
        "directorate",
        "channel",
        "created_at",
        "due_at",
    ]
    list_filter = ["status", "case_type", "channel", "directorate"]
    search_fields = ["tracking_number"]
    list_select_related = ["subject", "directorate", "channel"]
    show_full_result_count = False
    inlines = [CaseEventInline]


@admin.register(models.CaseEvent)
class CaseEventAdmin(ReadOnlyAdmin):
    list_display = ["case", "sequence", "kind", "actor_kind", "actor", "created_at"]
    list_filter = ["kind", "actor_kind"]
    list_select_related = ["case", "actor"]
    show_full_result_count = False


@admin.register(models.Citizen)
class CitizenAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "masked_national_id", "masked_phone", "municipality", "created_at"]
    search_fields = ["last_name", "national_id", "phone"]


@admin.register(models.Attachment)
class AttachmentAdmin(ReadOnlyAdmin):
    list_display = ["case", "original_name", "content_type", "size", "uploaded_at"]
