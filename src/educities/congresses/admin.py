"""The Django admin for congresses and meetings: a read-only view for the Secretariat.

Events are set up, registrations handled and calls and bids decided on the back-office pages
(``backoffice/events/``); every change goes through the domain (checks, places and waiting list,
audit, e-mails), so the admin changes nothing itself. Its actions call the same domain functions:
confirm pending registrations, check participants in, hand free places to the waiting list.
"""

from django.contrib import admin, messages
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from educities.congresses.domain.registrations import (
    registration_check_in,
    registration_transition,
    waitlist_promote,
)
from educities.congresses.enums import RegistrationStatus
from educities.congresses.models import (
    Bid,
    BidDocument,
    Call,
    Event,
    Proposal,
    Registration,
    RegistrationQuestion,
    RegistrationType,
    Room,
    Session,
    Speaker,
)
from educities.core.domain.errors import DomainError


class _ReadOnly:
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class _ReadOnlyAdmin(_ReadOnly, admin.ModelAdmin):
    show_full_result_count = False
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class RegistrationTypeInline(_ReadOnly, admin.TabularInline):
    model = RegistrationType
    fields = [
        "position",
        "name",
        "fee",
        "currency",
        "requires_member_city",
        "needs_approval",
        "counts_toward_capacity",
        "is_public",
    ]
    extra = 0


class RegistrationQuestionInline(_ReadOnly, admin.TabularInline):
    model = RegistrationQuestion
    fields = ["position", "text", "kind", "choices", "is_required"]
    extra = 0


class RoomInline(_ReadOnly, admin.TabularInline):
    model = Room
    fields = ["position", "name", "capacity"]
    extra = 0


@admin.register(Event)
class EventAdmin(_ReadOnlyAdmin):
    list_display = [
        "title",
        "kind",
        "host_city",
        "starts_on",
        "ends_on",
        "time_zone",
        "capacity",
        "is_published",
        "programme_published",
    ]
    list_filter = ["kind", "format", "is_published", "programme_published"]
    search_fields = ["title", "slug", "host_city__name"]
    list_select_related = ["host_city"]
    date_hierarchy = "starts_on"
    inlines = [RegistrationTypeInline, RegistrationQuestionInline, RoomInline]
    actions = ["promote_waiting"]

    @admin.action(description=_("Give free places to the waiting list"))
    def promote_waiting(self, request, queryset) -> None:
        for event in queryset:
            try:
                promoted = waitlist_promote(event=event, actor=request.user)
            except DomainError as error:
                self.message_user(request, f"{event}: {error.message}", messages.ERROR)
                continue
            self.message_user(
                request,
                ngettext(
                    "%(event)s: %(count)d person got a place.",
                    "%(event)s: %(count)d people got a place.",
                    promoted,
                )
                % {"event": event, "count": promoted},
            )


@admin.register(Registration)
class RegistrationAdmin(_ReadOnlyAdmin):
    list_display = [
        "name",
        "email",
        "event",
        "type",
        "status",
        "waitlist_position",
        "fee_status",
        "code",
        "checked_in_at",
    ]
    list_filter = ["status", "fee_status", "event", "language"]
    search_fields = ["name", "email", "organisation", "code"]
    list_select_related = ["event", "type"]
    raw_id_fields = ["user", "registered_by", "checked_in_by", "city"]
    actions = ["confirm", "check_in"]

    def _each(self, request, queryset, call, done_message) -> None:
        done = 0
        for registration in queryset.select_related("event", "type"):
            try:
                call(registration)
            except DomainError as error:
                self.message_user(request, f"{registration}: {error.message}", messages.WARNING)
            else:
                done += 1
        if done:
            self.message_user(request, done_message(done))

    @admin.action(description=_("Confirm the selected pending registrations"))
    def confirm(self, request, queryset) -> None:
        self._each(
            request,
            queryset.filter(status=RegistrationStatus.PENDING),
            lambda registration: registration_transition(
                registration=registration, step="confirm", actor=request.user
            ),
            lambda done: (
                ngettext("%(count)d registration confirmed.", "%(count)d registrations confirmed.", done)
                % {"count": done}
            ),
        )

    @admin.action(description=_("Check the selected participants in"))
    def check_in(self, request, queryset) -> None:
        self._each(
            request,
            queryset,
            lambda registration: registration_check_in(registration=registration, actor=request.user),
            lambda done: (
                ngettext("%(count)d participant checked in.", "%(count)d participants checked in.", done)
                % {"count": done}
            ),
        )


class SpeakerInline(_ReadOnly, admin.TabularInline):
    model = Speaker
    fields = ["position", "name", "role", "organisation", "city"]
    extra = 0


@admin.register(Session)
class SessionAdmin(_ReadOnlyAdmin):
    list_display = ["title", "event", "kind", "room", "starts_at", "ends_at", "capacity"]
    list_filter = ["kind", "event", "is_online"]
    search_fields = ["title", "speakers__name"]
    list_select_related = ["event", "room"]
    inlines = [SpeakerInline]


@admin.register(Call)
class CallAdmin(_ReadOnlyAdmin):
    list_display = ["event", "opens_at", "closes_at", "max_proposals_per_city"]
    list_select_related = ["event"]
    search_fields = ["event__title"]


@admin.register(Proposal)
class ProposalAdmin(_ReadOnlyAdmin):
    list_display = ["title", "city", "call", "kind", "language", "status", "submitted_at"]
    list_filter = ["status", "kind", "language"]
    search_fields = ["title", "city__name"]
    list_select_related = ["city", "call__event"]
    raw_id_fields = ["experience", "review_item", "session", "submitted_by"]


class BidDocumentInline(_ReadOnly, admin.TabularInline):
    model = BidDocument
    # The files are private: downloaded through the bid's pages, which check permissions.
    fields = ["title", "created_at"]
    readonly_fields = ["created_at"]
    extra = 0


@admin.register(Bid)
class BidAdmin(_ReadOnlyAdmin):
    list_display = ["city", "congress_year", "status", "submitted_at", "decided_at"]
    list_filter = ["status", "congress_year"]
    search_fields = ["city__name", "proposed_theme"]
    list_select_related = ["city"]
    inlines = [BidDocumentInline]
