from django.contrib import admin

from .models import DuplicateCandidate, SubjectDuplicateRule


@admin.register(SubjectDuplicateRule)
class SubjectDuplicateRuleAdmin(admin.ModelAdmin):
    list_display = ["subject", "radius_m", "window_days", "min_score", "same_directorate"]
    list_filter = ["subject__municipality", "same_directorate"]
    filter_horizontal = ["related_subjects"]
    search_fields = ["subject__name"]


@admin.register(DuplicateCandidate)
class DuplicateCandidateAdmin(admin.ModelAdmin):
    """Read-only: links are found by the search and decided on the case page."""

    list_display = ["case", "candidate", "score", "text_score", "distance_m", "state", "created_at"]
    list_filter = ["state"]
    raw_id_fields = ["case", "candidate", "decided_by"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
