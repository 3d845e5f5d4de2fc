from django.contrib import admin, messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import ClientApp, RequestRecord, new_raw_key
from .services import client_app_rotate_key


@admin.register(ClientApp)
class ClientAppAdmin(admin.ModelAdmin):
    """Keys are shown once, when made; the database keeps only their hash."""

    list_display = (
        "name",
        "municipality",
        "key_prefix",
        "rate_limit_per_minute",
        "is_active",
        "created_at",
    )
    list_filter = ("municipality", "is_active")
    readonly_fields = ("key_prefix", "created_at")
    actions = ["rotate_keys"]

    def save_model(self, request, obj, form, change):
        if not obj.key_hash:
            raw_key = new_raw_key()
            obj.set_key(raw_key)
            super().save_model(request, obj, form, change)
            messages.warning(
                request,
                _("The API key of %(app)s is %(key)s. Copy it now: it is not shown again.")
                % {"app": obj.name, "key": raw_key},
            )
            return
        super().save_model(request, obj, form, change)

    @admin.action(description=gettext_lazy("Issue a new key (the old one stops working)"))
    def rotate_keys(self, request, queryset):
        for app in queryset:
            raw_key = client_app_rotate_key(app=app)
            messages.warning(
                request,
                _("The API key of %(app)s is %(key)s. Copy it now: it is not shown again.")
                % {"app": app.name, "key": raw_key},
            )


@admin.register(RequestRecord)
class RequestRecordAdmin(admin.ModelAdmin):
    list_display = ("case", "client", "device_id", "account_id", "created_at")
    list_filter = ("client",)
    readonly_fields = [f.name for f in RequestRecord._meta.fields]

    def has_add_permission(self, request):
        return False
