from django.contrib import admin

from .models import MuhtarSummary


@admin.register(MuhtarSummary)
class MuhtarSummaryAdmin(admin.ModelAdmin):
    list_display = ["muhtar", "month", "created_at"]
    readonly_fields = ["muhtar", "month", "figures", "created_at"]
