from django.contrib import admin

from .models import Stop, StopApplication, Vehicle


@admin.register(Vehicle)
class VehicleAdmin(admin.ModelAdmin):
    list_display = ["name", "plate", "is_active"]


@admin.register(Stop)
class StopAdmin(admin.ModelAdmin):
    list_display = ["day", "opens_at", "closes_at", "vehicle", "neighbourhood", "place"]
    list_filter = ["vehicle", "is_published", "is_cancelled", "neighbourhood"]
    date_hierarchy = "day"


@admin.register(StopApplication)
class StopApplicationAdmin(admin.ModelAdmin):
    list_display = ["stop", "case"]
    readonly_fields = ["stop", "case"]

    def has_add_permission(self, request) -> bool:
        return False
