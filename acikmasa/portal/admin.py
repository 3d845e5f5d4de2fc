from django.contrib import admin

from .models import Supporter


@admin.register(Supporter)
class SupporterAdmin(admin.ModelAdmin):
    list_display = ("case", "created_at")
    readonly_fields = ("case", "browser_key", "created_at")

    def has_add_permission(self, request):
        return False
