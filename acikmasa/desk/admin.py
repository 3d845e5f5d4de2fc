from django.contrib import admin

from .models import FieldVisit, GuidanceLog


@admin.register(GuidanceLog)
class GuidanceLogAdmin(admin.ModelAdmin):
    list_display = ["given_at", "topic", "subject", "referred_to", "given_by"]
    list_filter = ["referred_to", "subject"]
    date_hierarchy = "given_at"
    search_fields = ["topic", "note"]
    readonly_fields = ["given_by", "given_at", "municipality"]


@admin.register(FieldVisit)
class FieldVisitAdmin(admin.ModelAdmin):
    list_display = ["visited_at", "neighbourhood", "address", "outcome", "representative", "case"]
    list_filter = ["outcome", "region", "neighbourhood"]
    date_hierarchy = "visited_at"
    readonly_fields = ["representative", "visited_at", "municipality", "case"]
    raw_id_fields = ["street"]
