"""The Django admin for the award: a read-only view for the Secretariat.

Editions are set up and decided on the award's back-office pages (``backoffice/award/``) and cities write
their applications on theirs; every change goes through the domain (timeline checks, translations,
workflow, audit, e-mails), so the admin changes nothing itself. Its one action re-checks eligibility.
"""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from educities.awards.domain.eligibility import eligibility_check, eligibility_failed
from educities.awards.models import Answer, Application, Edition, EditionQuestion


class _ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class EditionQuestionInline(admin.TabularInline):
    model = EditionQuestion
    fields = ["position", "text", "is_required", "max_chars"]
    extra = 0

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Edition)
class EditionAdmin(_ReadOnly):
    list_display = ["year", "number", "theme", "is_published", "deadline", "results_published_at", "is_void"]
    list_filter = ["is_published", "is_void"]
    search_fields = ["theme"]
    inlines = [EditionQuestionInline]


class AnswerInline(admin.StackedInline):
    model = Answer
    fields = ["question", "text"]
    extra = 0

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Application)
class ApplicationAdmin(_ReadOnly):
    list_display = [
        "city",
        "experience",
        "edition",
        "status",
        "language",
        "submitted_at",
        "eligibility_overridden",
    ]
    list_filter = ["edition", "status", "eligibility_overridden", "language"]
    search_fields = ["city__name", "experience__title"]
    list_select_related = ["city", "experience", "edition"]
    exclude = ["mayor_letter"]  # private: downloaded through the award's pages, which check permissions
    inlines = [AnswerInline]
    actions = ["check_eligibility"]
    show_full_result_count = False

    @admin.action(description=_("Check the eligibility rules"))
    def check_eligibility(self, request, queryset) -> None:
        for application in queryset.select_related("edition", "city", "experience"):
            failed = eligibility_failed(
                eligibility_check(edition=application.edition, city=application.city, application=application)
            )
            if failed:
                self.message_user(
                    request,
                    f"{application}: " + " ".join(check.reason for check in failed),
                    messages.WARNING,
                )
            else:
                self.message_user(
                    request, _("%(application)s: every rule is met.") % {"application": application}
                )
