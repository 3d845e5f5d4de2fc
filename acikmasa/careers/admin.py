from django.contrib import admin

from .models import CareerCentre, Employer, Vacancy


@admin.register(CareerCentre)
class CareerCentreAdmin(admin.ModelAdmin):
    list_display = ["municipality", "directorate", "subject"]


@admin.register(Employer)
class EmployerAdmin(admin.ModelAdmin):
    list_display = ["name", "sector", "phone", "is_active"]
    search_fields = ["name", "sector"]


@admin.register(Vacancy)
class VacancyAdmin(admin.ModelAdmin):
    list_display = ["title", "employer", "positions", "is_open", "opened_at"]
    list_filter = ["is_open"]
