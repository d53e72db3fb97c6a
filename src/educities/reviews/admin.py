"""The Django admin of the review engine: read-only.

Phases, jurors, conflicts, assignments, scores and notes change only through the domain (the jury
management pages), which checks the rules, locks rows, recomputes totals and writes the audit log; the
admin is for looking things up.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from educities.reviews.models import (
    Assignment,
    Conflict,
    ConflictWaiver,
    Criterion,
    Note,
    Review,
    Reviewer,
    ReviewItem,
    ReviewProcess,
    Score,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class CriterionInline(ReadOnlyInline):
    model = Criterion
    fields = ["position", "name", "weight", "original_language"]


class ScoreInline(ReadOnlyInline):
    model = Score
    fields = ["criterion", "value", "not_applicable", "comment"]
    show_change_link = False


@admin.register(ReviewProcess)
class ReviewProcessAdmin(ReadOnlyAdmin):
    list_display = [
        "name",
        "phase",
        "scale_min",
        "scale_max",
        "reviewers_per_item",
        "outlier_percent",
        "created_at",
    ]
    list_filter = ["phase"]
    search_fields = ["name"]
    inlines = [CriterionInline]


@admin.register(ReviewItem)
class ReviewItemAdmin(ReadOnlyAdmin):
    list_display = ["title", "process", "city", "content_type", "object_id", "is_active", "tie_break_rank"]
    list_filter = ["is_active", "process", "content_type"]
    list_select_related = ["process", "city", "content_type"]
    search_fields = ["title", "city__name"]


@admin.register(Reviewer)
class ReviewerAdmin(ReadOnlyAdmin):
    list_display = ["user", "process", "city", "country", "organisation"]
    list_filter = ["process"]
    list_select_related = ["user", "process", "city", "country"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "organisation"]


@admin.register(Conflict)
class ConflictAdmin(ReadOnlyAdmin):
    list_display = ["reviewer", "item", "kind", "source", "is_pinned", "created_by", "created_at"]
    list_filter = ["kind", "source", "is_pinned", "item__process"]
    list_select_related = ["reviewer__user", "item", "created_by"]
    search_fields = ["reviewer__user__email", "item__title", "note"]


@admin.register(ConflictWaiver)
class ConflictWaiverAdmin(ReadOnlyAdmin):
    list_display = ["reviewer", "item", "kind", "created_by", "created_at"]
    list_filter = ["kind", "item__process"]
    list_select_related = ["reviewer__user", "item", "created_by"]
    search_fields = ["reviewer__user__email", "item__title", "reason"]


@admin.register(Assignment)
class AssignmentAdmin(ReadOnlyAdmin):
    list_display = ["reviewer", "item", "assigned_by", "created_at"]
    list_filter = ["item__process"]
    list_select_related = ["reviewer__user", "item", "assigned_by"]
    search_fields = ["reviewer__user__email", "item__title"]


@admin.register(Review)
class ReviewAdmin(ReadOnlyAdmin):
    list_display = ["item", "reviewer", "total", "is_complete", "version", "updated_at"]
    list_filter = ["item__process", ("submitted_at", admin.EmptyFieldListFilter)]
    list_select_related = ["item", "reviewer__user"]
    search_fields = ["reviewer__user__email", "item__title"]
    inlines = [ScoreInline]

    @admin.display(description=_("complete"), boolean=True)
    def is_complete(self, obj: Review) -> bool:
        return obj.submitted_at is not None


@admin.register(Note)
class NoteAdmin(ReadOnlyAdmin):
    list_display = ["item", "author", "parent", "created_at"]
    list_filter = ["item__process"]
    list_select_related = ["item", "author"]
    search_fields = ["body", "author__email", "item__title"]
