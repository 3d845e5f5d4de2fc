from django.contrib import admin

from .models import DisabilityUnit


@admin.register(DisabilityUnit)
class DisabilityUnitAdmin(admin.ModelAdmin):
    list_display = ["municipality", "directorate", "relay_sms_number", "is_active"]
