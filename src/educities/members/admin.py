"""The Django admin for everything the back office does not cover.

Membership states change only through the workflow (back office); the admin shows them read-only on
existing cities. Fee records are paid through the domain (the "Mark as paid" action); contacts are saved
through it so that a city keeps one main contact; what the admin changes is written in the audit log.
Uploaded documents are private: the admin links to the back office view that checks the permission,
never to MEDIA_URL.
"""

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportExportModelAdmin

from educities.core.domain.audit import audit_record
from educities.core.domain.errors import DomainError
from educities.members.domain.cities import CONTACT_FIELDS, contact_delete, contact_save
from educities.members.domain.fees import fee_mark_paid
from educities.members.interfaces.forms import FeeRateAdminForm
from educities.members.interfaces.importers import CityResource, ContactResource
from educities.members.models import (
    City,
    Contact,
    Country,
    ExecutiveCommitteeSeat,
    FeeRate,
    FeeRecord,
    GeneralAssembly,
    MembershipApplication,
    Network,
    NetworkMembership,
    RoleGrant,
)

WORKFLOW_FIELDS = ("membership_status", "member_since", "ratified_at", "certificate_number")
FEE_PAYMENT_FIELDS = ("status", "amount", "paid_on", "invoiced_on")
# Websites typed without a scheme are https (Django 6's default, chosen now).
URL_FIELD_OVERRIDES = {models.URLField: {"assume_scheme": "https"}}


class _ActorResourceMixin:
    """Imports through the admin are audited with the staff member who ran them."""

    def get_import_resource_kwargs(self, request, **kwargs):
        return {**super().get_import_resource_kwargs(request, **kwargs), "actor": request.user}


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "income_group", "region"]
    list_filter = ["income_group", "region"]
    list_editable = ["income_group", "region"]
    search_fields = ["code"]


class ContactAdminForm(forms.ModelForm):
    """E-mails are stored in lower case (as ``contact_save`` does), so the unique check sees duplicates."""

    class Meta:
        model = Contact
        fields = ["city", *CONTACT_FIELDS]

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()


def _contact_values(contact: Contact) -> dict:
    return {field: getattr(contact, field) for field in CONTACT_FIELDS}


class ContactInline(admin.TabularInline):
    model = Contact
    form = ContactAdminForm
    extra = 0
    fields = ["full_name", "position", "email", "phone", "language", "is_primary", "is_public"]


class NetworkMembershipInline(admin.TabularInline):
    model = NetworkMembership
    extra = 0
    autocomplete_fields = ["network"]


@admin.register(City)
class CityAdmin(_ActorResourceMixin, ImportExportModelAdmin):
    resource_classes = [CityResource]
    list_display = ["name", "country", "membership_status", "population", "member_since"]
    list_filter = [
        "membership_status",
        "population_band",
        "country__income_group",
        "country__region",
        "country",
    ]
    list_select_related = ["country"]
    search_fields = ["name", "slug", "region"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["country"]
    inlines = [ContactInline, NetworkMembershipInline]
    readonly_fields = ["backoffice_link"]
    formfield_overrides = URL_FIELD_OVERRIDES

    def get_readonly_fields(self, request, obj=None):
        if obj is None:  # a new city (an existing member registered by hand) may have any state
            return []
        return [*WORKFLOW_FIELDS, "backoffice_link"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change:
            if form.changed_data:
                audit_record(
                    subject=obj,
                    action="admin_change",
                    actor=request.user,
                    comment=", ".join(form.changed_data),
                )
        else:
            audit_record(
                subject=obj,
                action="admin_create",
                actor=request.user,
                to_state=obj.membership_status,
                comment="Registered in the administration",
            )

    def save_formset(self, request, form, formset, change):
        if formset.model is not Contact:
            return super().save_formset(request, form, formset, change)
        # Contacts go through the domain: one main contact per city, lower-case e-mails, audit.
        contacts = formset.save(commit=False)
        for contact in formset.deleted_objects:
            contact_delete(actor=request.user, contact=contact)
        for contact in contacts:
            contact_save(actor=request.user, city=form.instance, contact=contact, **_contact_values(contact))
        return None

    @admin.display(description=_("Membership workflow"))
    def backoffice_link(self, obj: City) -> str:
        return format_html(
            '<a href="{}">{}</a>',
            reverse("backoffice:application_detail", kwargs={"slug": obj.slug}),
            _("Change the membership in the back office"),
        )


@admin.register(Contact)
class ContactAdmin(_ActorResourceMixin, ImportExportModelAdmin):
    resource_classes = [ContactResource]
    list_display = ["full_name", "city", "email", "position", "is_primary", "is_public"]
    list_filter = ["is_primary", "is_public", "language"]
    list_select_related = ["city"]
    search_fields = ["full_name", "email", "city__name"]
    autocomplete_fields = ["city"]
    form = ContactAdminForm

    def save_model(self, request, obj, form, change):
        # Through the domain, so that the city keeps one main contact and the change is audited.
        contact_save(actor=request.user, city=obj.city, contact=obj, **_contact_values(obj))

    def delete_model(self, request, obj):
        contact_delete(actor=request.user, contact=obj)


@admin.register(FeeRate)
class FeeRateAdmin(admin.ModelAdmin):
    form = FeeRateAdminForm
    list_display = ["income_group", "population_band", "amount"]
    list_display_links = ["population_band"]
    list_editable = ["amount"]
    list_filter = ["income_group"]
    search_fields = ["income_group"]
    list_per_page = 100

    def get_changelist_form(self, request, **kwargs):
        return super().get_changelist_form(request, form=FeeRateAdminForm, **kwargs)


@admin.register(FeeRecord)
class FeeRecordAdmin(admin.ModelAdmin):
    list_display = ["city", "year", "amount", "status", "invoice_reference", "paid_on"]
    list_filter = ["status", "year"]
    list_select_related = ["city"]
    search_fields = ["city__name", "invoice_reference"]
    autocomplete_fields = ["city"]
    date_hierarchy = "invoiced_on"
    actions = ["mark_as_paid"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        # Payments are recorded with the "Mark as paid" action: through the domain and the audit log.
        return [*FEE_PAYMENT_FIELDS]

    @admin.action(description=_("Mark as paid"), permissions=["change"])
    def mark_as_paid(self, request, queryset):
        paid, refused = 0, []
        for record in queryset.select_related("city").order_by("city__name", "year"):
            try:
                fee_mark_paid(record=record, actor=request.user)
            except DomainError as error:
                refused.append(f"{record.city.name}: {error.message}")
            else:
                paid += 1
        if paid:
            self.message_user(
                request,
                ngettext("%(count)d fee recorded as paid.", "%(count)d fees recorded as paid.", paid)
                % {"count": paid},
                messages.SUCCESS,
            )
        for problem in refused:
            self.message_user(request, problem, messages.ERROR)


class NetworkCitiesInline(admin.TabularInline):
    model = NetworkMembership
    extra = 0
    autocomplete_fields = ["city"]


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    list_display = ["name", "acronym", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "acronym"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [NetworkCitiesInline]
    formfield_overrides = URL_FIELD_OVERRIDES


@admin.register(GeneralAssembly)
class GeneralAssemblyAdmin(admin.ModelAdmin):
    list_display = ["date", "place", "is_online"]
    list_filter = ["is_online"]
    search_fields = ["place"]
    date_hierarchy = "date"


@admin.register(ExecutiveCommitteeSeat)
class ExecutiveCommitteeSeatAdmin(admin.ModelAdmin):
    list_display = ["city", "role", "representative", "term_start", "term_end"]
    list_filter = ["role"]
    list_select_related = ["city"]
    search_fields = ["city__name", "representative"]
    autocomplete_fields = ["city"]


@admin.register(RoleGrant)
class RoleGrantAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "city", "network"]
    list_filter = ["kind"]
    list_select_related = ["user", "city", "network"]
    search_fields = ["user__email", "city__name", "network__name"]
    autocomplete_fields = ["user", "city", "network"]


@admin.register(MembershipApplication)
class MembershipApplicationAdmin(admin.ModelAdmin):
    list_display = ["city", "submitted_by", "created_at"]
    list_select_related = ["city", "submitted_by"]
    search_fields = ["city__name", "submitted_by__email"]
    fields = ["city", "submitted_by", "motivation", "documents", "created_at"]
    readonly_fields = ["city", "submitted_by", "documents", "created_at"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False  # cities apply through the application form

    @admin.display(description=_("Documents"))
    def documents(self, obj: MembershipApplication) -> str:
        def link(kind: str, label) -> str:
            url = reverse(
                "backoffice:application_document", kwargs={"slug": obj.city.slug, "pk": obj.pk, "kind": kind}
            )
            return format_html('<a href="{}">{}</a>', url, label)

        return format_html(
            "{} · {}",
            link("mayor_form", _("membership form signed by the mayor")),
            link("plenary_approval", _("approval by the municipal plenary")),
        )
