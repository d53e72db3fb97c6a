"""The Django admin for experiences: a read-only view for the Secretariat, with its two actions.

Experiences are written by cities through the editor and moderated on the moderation pages; the
admin changes no state and no text itself (every change would bypass the revision, the translations
and the search index). Its actions call the domain.
"""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from educities.core.domain.errors import DomainError
from educities.experiences.domain.search import experience_index
from educities.experiences.domain.workflow import experience_feature
from educities.experiences.models import Experience, ExperienceRevision


@admin.register(Experience)
class ExperienceAdmin(admin.ModelAdmin):
    list_display = ["title", "city", "status", "original_language", "is_featured", "published_at"]
    list_filter = ["status", "original_language", "is_featured", "is_award_winning"]
    search_fields = ["title", "slug", "city__name"]
    list_select_related = ["city"]
    actions = ["feature", "unfeature", "reindex"]
    show_full_result_count = False

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def _feature(self, request, queryset, featured: bool) -> None:
        done = 0
        for experience in queryset:
            try:
                experience_feature(experience=experience, actor=request.user, featured=featured)
            except DomainError as error:
                self.message_user(request, f"{experience}: {error.message}", messages.ERROR)
            else:
                done += 1
        self.message_user(
            request,
            ngettext("%(count)d experience changed.", "%(count)d experiences changed.", done)
            % {"count": done},
        )

    @admin.action(description=_("Make focus experiences"))
    def feature(self, request, queryset) -> None:
        self._feature(request, queryset, True)

    @admin.action(description=_("Stop being focus experiences"))
    def unfeature(self, request, queryset) -> None:
        self._feature(request, queryset, False)

    @admin.action(description=_("Index again for search"))
    def reindex(self, request, queryset) -> None:
        for experience in queryset:
            experience_index(experience=experience)
        self.message_user(request, _("Indexed again."))


@admin.register(ExperienceRevision)
class ExperienceRevisionAdmin(admin.ModelAdmin):
    list_display = ["experience", "number", "status", "submitted_at", "decided_at"]
    list_filter = ["status"]
    list_select_related = ["experience"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
