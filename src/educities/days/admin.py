"""The Django admin for the International Day: a read-only view for the Secretariat, with a few actions.

Campaigns are written, translated and published on the Day's back-office pages (``backoffice/day/``) and
cities register their activities on theirs; every change goes through the domain (checks, translations,
workflow, audit, e-mails), so the admin changes nothing itself. Its actions call the domain functions.
"""

from django.contrib import admin, messages
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from educities.core.domain.errors import DomainError
from educities.days.domain.activities import activity_mark_reviewed, activity_transition
from educities.days.domain.campaigns import campaign_publish, campaign_unpublish
from educities.days.domain.common import MODERATE_ACTIVITY
from educities.days.enums import ActivityStatus
from educities.days.models import Activity, ActivityPhoto, Campaign, CampaignMaterial


class _ReadOnly:
    """Read-only for everyone; the Secretariat (``days.moderate_activity``) may look."""

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_module_permission(self, request) -> bool:
        return request.user.has_perm(MODERATE_ACTIVITY) or super().has_module_permission(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.has_perm(MODERATE_ACTIVITY) or super().has_view_permission(request, obj)

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class CampaignMaterialInline(_ReadOnly, admin.TabularInline):
    model = CampaignMaterial
    fields = ["position", "title", "language", "file", "created_at"]
    readonly_fields = fields
    extra = 0


@admin.register(Campaign)
class CampaignAdmin(_ReadOnly, admin.ModelAdmin):
    list_display = [
        "year",
        "motto",
        "original_language",
        "window_starts_on",
        "window_ends_on",
        "is_published",
        "reminder_sent_at",
    ]
    list_filter = ["is_published", "original_language"]
    search_fields = ["motto"]
    inlines = [CampaignMaterialInline]
    actions = ["publish", "unpublish"]

    def _each(self, request, queryset, function) -> None:
        done = 0
        for campaign in queryset:
            try:
                function(campaign=campaign, actor=request.user)
            except DomainError as error:
                self.message_user(request, f"{campaign}: {error.message}", messages.ERROR)
            else:
                done += 1
        if done:
            self.message_user(
                request,
                ngettext("%(count)d campaign changed.", "%(count)d campaigns changed.", done)
                % {"count": done},
            )

    @admin.action(description=_("Publish the selected campaigns"))
    def publish(self, request, queryset) -> None:
        self._each(request, queryset, campaign_publish)

    @admin.action(description=_("Unpublish the selected campaigns"))
    def unpublish(self, request, queryset) -> None:
        self._each(request, queryset, campaign_unpublish)


class ActivityPhotoInline(_ReadOnly, admin.TabularInline):
    model = ActivityPhoto
    fields = ["position", "image", "alt_text", "credit"]
    readonly_fields = fields
    extra = 0


@admin.register(Activity)
class ActivityAdmin(_ReadOnly, admin.ModelAdmin):
    list_display = [
        "title",
        "city",
        "campaign",
        "kind",
        "format",
        "starts_at",
        "time_zone",
        "status",
        "reviewed_at",
    ]
    list_filter = ["campaign", "status", "kind", "format"]
    search_fields = ["title", "organiser", "city__name", "place_name"]
    list_select_related = ["city", "campaign"]
    raw_id_fields = ["city", "created_by"]
    date_hierarchy = "starts_at"
    inlines = [ActivityPhotoInline]
    actions = ["mark_reviewed", "show_again"]
    show_full_result_count = False

    @admin.action(description=_("Mark the selected activities as reviewed"))
    def mark_reviewed(self, request, queryset) -> None:
        try:
            count = activity_mark_reviewed(activities=queryset, actor=request.user)
        except DomainError as error:
            self.message_user(request, error.message, messages.ERROR)
            return
        self.message_user(
            request,
            ngettext(
                "%(count)d activity marked as reviewed.", "%(count)d activities marked as reviewed.", count
            )
            % {"count": count},
        )

    @admin.action(description=_("Show the selected hidden activities again"))
    def show_again(self, request, queryset) -> None:
        shown = 0
        for activity in queryset.filter(status=ActivityStatus.HIDDEN).select_related("campaign", "city"):
            try:
                activity_transition(activity=activity, step="show", actor=request.user)
            except DomainError as error:
                self.message_user(request, f"{activity}: {error.message}", messages.ERROR)
            else:
                shown += 1
        self.message_user(
            request,
            ngettext("%(count)d activity shown again.", "%(count)d activities shown again.", shown)
            % {"count": shown},
        )


@admin.register(ActivityPhoto)
class ActivityPhotoAdmin(_ReadOnly, admin.ModelAdmin):
    list_display = ["alt_text", "activity", "position", "credit", "created_at"]
    search_fields = ["alt_text", "credit", "activity__title"]
    list_select_related = ["activity"]
    raw_id_fields = ["activity"]
