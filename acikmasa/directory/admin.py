from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from . import models


def _case_type_choices() -> list[tuple[str, str]]:
    # The case types live with the cases; the directory only stores their codes.
    from acikmasa.cases.models import CaseType

    return list(CaseType.choices)


class SubjectForm(forms.ModelForm):
    default_case_type = forms.ChoiceField(label=_("default case type"), choices=_case_type_choices)

    class Meta:
        model = models.Subject
        fields = "__all__"


class ServiceStandardForm(forms.ModelForm):
    case_types = forms.MultipleChoiceField(
        label=_("case types"),
        choices=_case_type_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The standard binds every case of these types, whatever its subject."),
    )

    class Meta:
        model = models.ServiceStandard
        fields = "__all__"


class StaffProfileForm(forms.ModelForm):
    class Meta:
        model = models.StaffProfile
        fields = "__all__"

    def clean(self):
        data = super().clean()
        municipality = data.get("municipality")
        foreign = [
            d
            for d in data.get("directorates") or []
            if municipality and d.municipality_id != municipality.pk
        ]
        if foreign:
            self.add_error("directorates", _("Choose one of this municipality's own entries."))
        region = data.get("region")
        if region and municipality and region.municipality_id != municipality.pk:
            self.add_error("region", _("Choose one of this municipality's own entries."))
        return data


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
    form = ServiceStandardForm
    list_display = [
        "sequence_no",
        "name",
        "deadline_amount",
        "deadline_unit",
        "is_statutory",
        "municipality",
    ]
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
    form = SubjectForm
    list_display = [
        "name",
        "code",
        "directorate",
        "default_case_type",
        "service_standard",
        "external_body",
        "is_active",
    ]
    list_filter = ["municipality", "directorate", "is_active"]
    search_fields = ["name", "name_en", "code", "search_key"]


@admin.register(models.StaffProfile)
class StaffProfileAdmin(admin.ModelAdmin):
    form = StaffProfileForm
    list_display = ["user", "role", "municipality", "region"]
    list_filter = ["role", "municipality"]
    filter_horizontal = ["directorates"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
