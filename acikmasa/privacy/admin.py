"""Admin: notices are drafted and published here; logs are read-only; opening a citizen is
logged."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from acikmasa.cases.admin import CitizenAdmin, ReadOnlyAdmin
from acikmasa.cases.models import Citizen
from acikmasa.cases.permissions import staff_profile
from acikmasa.common.errors import DomainError

from .models import (
    AccessAction,
    AccessLog,
    Consent,
    DeletionLog,
    NoticeReceipt,
    PrivacyNotice,
    RetentionPolicy,
    SubjectRequest,
)
from .services.access import access_record
from .services.notices import notice_create, notice_errors, notice_publish


@admin.register(PrivacyNotice)
class PrivacyNoticeAdmin(admin.ModelAdmin):
    list_display = ["municipality", "version", "title", "effective_from", "published_at"]
    list_filter = ["municipality"]
    fields = [
        "municipality",
        "title",
        "summary",
        "summary_en",
        "body",
        "body_en",
        "effective_from",
        "version",
        "published_at",
    ]
    readonly_fields = ["version", "published_at"]
    actions = ["publish"]

    def has_change_permission(self, request, obj=None):
        # A published version is shown read-only and never edited: write a new version instead.
        return super().has_change_permission(request, obj) and (obj is None or not obj.is_published)

    def has_delete_permission(self, request, obj=None):
        return obj is None or not obj.is_published

    def save_model(self, request, obj, form, change):
        if change:
            errors = notice_errors(
                summary=obj.summary, body=obj.body, effective_from=obj.effective_from
            )
            if errors:
                raise ValidationError(errors)
            obj.save()
            return
        created = notice_create(
            municipality=obj.municipality,
            title=obj.title,
            summary=obj.summary,
            body=obj.body,
            summary_en=obj.summary_en,
            body_en=obj.body_en,
            effective_from=obj.effective_from,
        )
        obj.pk, obj.version = created.pk, created.version

    @admin.action(description=_("Publish the selected drafts"))
    def publish(self, request, queryset):
        for notice in queryset:
            try:
                notice_publish(notice_id=notice.pk)
            except DomainError as error:
                self.message_user(request, f"v{notice.version}: {error.message}", messages.ERROR)
            else:
                self.message_user(request, _("Version %(v)d published.") % {"v": notice.version})


@admin.register(RetentionPolicy)
class RetentionPolicyAdmin(admin.ModelAdmin):
    list_display = ["municipality", "case_type", "days_after_close", "note"]
    list_filter = ["municipality"]


class AppendOnlyAdmin(ReadOnlyAdmin):
    show_full_result_count = False


@admin.register(AccessLog)
class AccessLogAdmin(AppendOnlyAdmin):
    list_display = ["at", "user", "citizen_id", "case", "action", "detail"]
    list_filter = ["action"]
    list_select_related = ["user", "case"]
    raw_id_fields = ["citizen", "case", "user"]


@admin.register(DeletionLog)
class DeletionLogAdmin(AppendOnlyAdmin):
    list_display = ["at", "case", "reason", "done_by", "summary"]
    list_filter = ["reason"]


@admin.register(Consent)
class ConsentAdmin(AppendOnlyAdmin):
    list_display = ["citizen_id", "purpose", "channel", "given_at", "notice", "withdrawn_at"]
    list_filter = ["purpose", "channel"]


@admin.register(NoticeReceipt)
class NoticeReceiptAdmin(AppendOnlyAdmin):
    list_display = ["case", "notice", "via", "given_at"]
    list_filter = ["via"]


@admin.register(SubjectRequest)
class SubjectRequestAdmin(AppendOnlyAdmin):
    list_display = ["case", "kind", "verified", "created_at"]


admin.site.unregister(Citizen)


@admin.register(Citizen)
class LoggedCitizenAdmin(CitizenAdmin):
    """The citizen admin, with every opened record on the access log like the desk's screens."""

    def change_view(self, request, object_id, form_url="", extra_context=None):
        citizen = (
            Citizen.objects.filter(pk=object_id).only("pk", "municipality_id").first()
            if str(object_id).isdigit()
            else None
        )
        profile = staff_profile(request.user)
        if citizen is not None:
            access_record(
                user=request.user,
                municipality_id=profile.municipality_id if profile else citizen.municipality_id,
                action=AccessAction.CITIZEN_VIEWED,
                citizen_id=citizen.pk,
                detail="admin",
            )
        return super().change_view(request, object_id, form_url, extra_context)
