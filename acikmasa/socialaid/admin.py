from django.contrib import admin

from .models import AidGround, AidSubject


@admin.register(AidSubject)
class AidSubjectAdmin(admin.ModelAdmin):
    list_display = ["subject", "kind", "is_active"]


@admin.register(AidGround)
class AidGroundAdmin(admin.ModelAdmin):
    list_display = ["code", "applies_to", "text", "is_active"]
    list_filter = ["applies_to", "is_active"]
