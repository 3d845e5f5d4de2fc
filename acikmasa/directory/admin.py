from django.contrib import admin

from . import models


@admin.register(models.Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind", "province", "is_active"]
    search_fields = ["name", "code"]


@admin.register(models.Directorate)
class DirectorateAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "code", "municipality", "is_active"]
    list_filter = ["municipality", "is_active"]
    search_fields = ["name", "name_en", "code"]


@admin.register(models.ExternalBody)
class ExternalBodyAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "municipality", "email", "phone"]
    list_filter = ["kind", "municipality"]


@admin.register(models.Channel)
class ChannelAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "code", "requires_identity", "is_active"]


@admin.register(models.ApplicationPlace)
class ApplicationPlaceAdmin(admin.ModelAdmin):
    list_display = ["unit", "person_name", "title", "phone", "email", "municipality"]


@admin.register(models.ServiceStandard)
class ServiceStandardAdmin(admin.ModelAdmin):
    list_display = ["sequence_no", "name", "deadline_amount", "deadline_unit", "is_statutory", "municipality"]
    list_display_links = ["name"]
    list_filter = ["municipality", "deadline_unit", "is_statutory"]
    filter_horizontal = ["channels"]


@admin.register(models.Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "municipality"]


class StreetInline(admin.TabularInline):
    model = models.Street
    extra = 0


@admin.register(models.Neighbourhood)
class NeighbourhoodAdmin(admin.ModelAdmin):
    list_display = ["name", "former_names", "region", "households", "municipality"]
    list_filter = ["municipality", "region"]
    search_fields = ["name", "search_key"]
    inlines = [StreetInline]


@admin.register(models.Street)
class StreetAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "neighbourhood"]
    list_filter = ["neighbourhood__municipality", "kind"]
    search_fields = ["name", "search_key"]


@admin.register(models.Subject)
class SubjectAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "directorate", "default_case_type", "service_standard", "external_body", "is_active"]
    list_filter = ["municipality", "directorate", "is_active"]
    search_fields = ["name", "name_en", "code", "search_key"]


@admin.register(models.StaffProfile)
class StaffProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "municipality", "region"]
    list_filter = ["role", "municipality"]
    filter_horizontal = ["directorates"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
