from django.contrib import admin

from .models import HomeVisit, HomeVisitService, VisitSlot, VisitTeam


@admin.register(HomeVisitService)
class HomeVisitServiceAdmin(admin.ModelAdmin):
    list_display = ["municipality", "subject", "is_active"]


@admin.register(VisitTeam)
class VisitTeamAdmin(admin.ModelAdmin):
    list_display = ["name", "region", "is_active"]
    list_filter = ["region", "is_active"]
    filter_horizontal = ["members"]


@admin.register(VisitSlot)
class VisitSlotAdmin(admin.ModelAdmin):
    """The calendar: windows are added here (or many at once by `slots_open_days`)."""

    list_display = ["starts_at", "ends_at", "team", "capacity", "is_open"]
    list_filter = ["team", "is_open"]
    date_hierarchy = "starts_at"


@admin.register(HomeVisit)
class HomeVisitAdmin(admin.ModelAdmin):
    """Read-only: visits change through the planning board and the team's record."""

    list_display = ["case", "neighbourhood", "slot", "status", "requested_by"]
    list_filter = ["status", "requested_by"]
    readonly_fields = [f.name for f in HomeVisit._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
