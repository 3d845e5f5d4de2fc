from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import ForwardRecord, JurisdictionRule


class JurisdictionRuleForm(forms.ModelForm):
    class Meta:
        model = JurisdictionRule
        fields = "__all__"

    def clean(self):
        data = super().clean()
        municipality = data.get("municipality")
        if not any(data.get(name) for name in ("subjects", "streets", "neighbourhoods", "area")):
            raise forms.ValidationError(
                _("Give at least one condition: subjects, streets, mahalleler or an area.")
            )
        if municipality is not None:
            for name, owner in (
                ("subjects", "municipality_id"),
                ("neighbourhoods", "municipality_id"),
                ("streets", "neighbourhood__municipality_id"),
            ):
                rows = data.get(name)
                if rows is not None and rows.exclude(**{owner: municipality.pk}).exists():
                    self.add_error(name, _("Choose one of this municipality's own entries."))
        return data


@admin.register(JurisdictionRule)
class JurisdictionRuleAdmin(admin.ModelAdmin):
    form = JurisdictionRuleForm
    list_display = [
        "name",
        "municipality",
        "priority",
        "external_body",
        "target_municipality",
        "forward_at_intake",
        "is_active",
    ]
    list_filter = ["municipality", "is_active", "forward_at_intake"]
    list_editable = ["priority", "is_active"]
    filter_horizontal = ["subjects", "streets", "neighbourhoods"]
    search_fields = ["name"]


@admin.register(ForwardRecord)
class ForwardRecordAdmin(admin.ModelAdmin):
    """Read-only: a record of what was sent where."""

    list_display = [
        "case",
        "external_body",
        "rule_name",
        "status",
        "via",
        "target_case",
        "created_at",
    ]
    list_filter = ["status", "via"]
    raw_id_fields = ["case", "target_case", "rule", "actor"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
