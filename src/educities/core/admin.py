from django.contrib import admin

from educities.core.models import AuditEntry, MachineTranslationUsage


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The audit log, read-only: nobody may add, change or delete what happened."""

    list_display = ["created_at", "action", "content_type", "object_id", "from_state", "to_state", "actor"]
    list_filter = ["action", "content_type"]
    list_select_related = ["content_type", "actor"]
    search_fields = ["object_id", "comment", "actor__email"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(MachineTranslationUsage)
class MachineTranslationUsageAdmin(admin.ModelAdmin):
    """Characters sent to each translation provider per month, read-only: only translations count them."""

    list_display = ["month", "provider", "characters", "requests"]
    list_filter = ["provider"]
    date_hierarchy = "month"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
