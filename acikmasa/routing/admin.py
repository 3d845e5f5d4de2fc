from django.contrib import admin

from .models import Correction, KeywordRule, RoutingSettings, SubjectModel


@admin.register(KeywordRule)
class KeywordRuleAdmin(admin.ModelAdmin):
    list_display = ("phrase", "subject", "weight", "is_active", "municipality")
    list_filter = ("municipality", "is_active", "subject__directorate")
    list_editable = ("weight", "is_active")
    search_fields = ("phrase", "subject__name")
    autocomplete_fields = ("subject",)


@admin.register(RoutingSettings)
class RoutingSettingsAdmin(admin.ModelAdmin):
    list_display = ("municipality", "auto_route", "auto_route_threshold", "rules_weight")


@admin.register(SubjectModel)
class SubjectModelAdmin(admin.ModelAdmin):
    """Read-only: models come from `acikmasa routing_train`, never from an upload."""

    list_display = (
        "municipality",
        "trained_at",
        "examples",
        "corrections",
        "subjects",
        "seconds",
        "size",
    )
    exclude = ("blob",)
    readonly_fields = (
        "municipality",
        "trained_at",
        "examples",
        "corrections",
        "subjects",
        "history_until",
        "seconds",
        "size",
    )

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    list_display = ("case", "from_subject", "to_subject", "was_suggested", "actor", "created_at")
    list_filter = ("municipality", "was_suggested")
    readonly_fields = [f.name for f in Correction._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
