from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .lockout import login_unlock
from .models import LoginThrottle, RolePolicy, TwoFactorDevice
from .twofactor import two_factor_disable


@admin.register(LoginThrottle)
class LoginThrottleAdmin(admin.ModelAdmin):
    """Locked user names and addresses; administrators unlock a colleague here."""

    list_display = ["scope", "label", "user", "failures", "last_failure_at", "locked_until"]
    list_filter = ["scope"]
    readonly_fields = [
        "scope",
        "label",
        "user",
        "failures",
        "first_failure_at",
        "last_failure_at",
        "locked_until",
    ]
    exclude = ["key"]
    actions = ["unlock"]

    def has_add_permission(self, request) -> bool:
        return False

    @admin.action(description=_("Unlock the selected user names and addresses"))
    def unlock(self, request, queryset) -> None:
        count = login_unlock(
            throttle_ids=list(queryset.values_list("pk", flat=True)), by=request.user
        )
        self.message_user(
            request,
            ngettext("%d lock lifted.", "%d locks lifted.", count) % count,
            messages.SUCCESS,
        )


@admin.register(RolePolicy)
class RolePolicyAdmin(admin.ModelAdmin):
    list_display = ["role", "requires_two_factor", "idle_minutes"]


@admin.register(TwoFactorDevice)
class TwoFactorDeviceAdmin(admin.ModelAdmin):
    """Who has enrolled; deleting (the reset action) lets a user who lost phone and codes enrol
    again."""

    list_display = ["user", "confirmed_at", "last_used_at"]
    fields = ["user", "confirmed_at", "last_used_at"]
    readonly_fields = fields
    actions = ["reset"]

    def has_add_permission(self, request) -> bool:
        return False

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    @admin.action(description=_("Reset two-factor login (the user enrols again)"))
    def reset(self, request, queryset) -> None:
        for device in queryset.select_related("user"):
            two_factor_disable(user=device.user, by=request.user)
        self.message_user(request, _("Two-factor login was reset."), messages.SUCCESS)
