from django.contrib import admin

from .models import PriorityGroup


@admin.register(PriorityGroup)
class PriorityGroupAdmin(admin.ModelAdmin):
    """Groups are configuration; memberships are special-category data and have no admin page
    (the logged list on the priority-care screen is the only way to read them)."""

    list_display = ["name", "code", "priority", "standard", "is_active"]
