"""The city editors' pages: "My account" with their cities, a city's profile and its contacts.

Every view checks an object permission of members/rules.py on the city and answers 403 when it is
refused, before reading anything else of that city; saving goes through members.domain.cities.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from educities.core.domain.errors import DomainError
from educities.members.domain.cities import (
    city_update,
    contact_save,
)
from educities.members.domain.cities import (
    contact_delete as contact_delete_service,
)
from educities.members.domain.editing import cities_edited_by, city_contacts
from educities.members.domain.membership import membership_can_reapply, membership_can_withdraw
from educities.members.interfaces.forms_editor import CityProfileForm, ContactForm
from educities.members.models import City, Contact


def _city_for(request, slug: str, permission: str) -> City:
    city = get_object_or_404(City.objects.select_related("country"), slug=slug)
    if not request.user.has_perm(permission, city):
        raise PermissionDenied
    return city


@login_required
@require_http_methods(["GET", "HEAD"])
def my_cities(request):
    cities = list(cities_edited_by(user=request.user))
    return render(
        request,
        "members/editor/my_cities.html",
        {
            "cities": cities,
            "withdrawable_ids": {city.pk for city in cities if membership_can_withdraw(city=city)},
            "reapplicable_ids": {city.pk for city in cities if membership_can_reapply(city=city)},
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def city_edit(request, slug):
    city = _city_for(request, slug, "members.change_city")
    if request.method == "POST":
        # The initial values fill the fields the editor cannot change (shown disabled).
        form = CityProfileForm(request.POST, initial=CityProfileForm.initial_for(city))
        if form.is_valid():
            try:
                city_update(actor=request.user, city=city, **form.changes())
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The profile of %(city)s is saved.") % {"city": city.name})
                return redirect("members:city_edit", slug=city.slug)
    else:
        form = CityProfileForm(initial=CityProfileForm.initial_for(city))
    can_change_contacts = request.user.has_perm("members.change_contacts", city)
    return render(
        request,
        "members/editor/city_edit.html",
        {
            "city": city,
            "form": form,
            "can_change_contacts": can_change_contacts,
            "contacts": city_contacts(city=city) if can_change_contacts else [],
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def contact_edit(request, slug, pk=None):
    city = _city_for(request, slug, "members.change_contacts")
    contact = get_object_or_404(Contact, pk=pk, city=city) if pk is not None else None
    if request.method == "POST":
        form = ContactForm(request.POST)
        if form.is_valid():
            try:
                saved = contact_save(actor=request.user, city=city, contact=contact, **form.values())
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The contact %(name)s is saved.") % {"name": saved.full_name})
                return redirect("members:city_edit", slug=city.slug)
    elif contact is not None:
        form = ContactForm(initial=ContactForm.initial_for(contact))
    else:
        form = ContactForm()
    return render(
        request,
        "members/editor/contact_edit.html",
        {"city": city, "contact": contact, "form": form},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def contact_delete(request, slug, pk):
    city = _city_for(request, slug, "members.change_contacts")
    contact = get_object_or_404(Contact, pk=pk, city=city)
    if request.method == "POST":
        try:
            contact_delete_service(actor=request.user, contact=contact)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The contact %(name)s is deleted.") % {"name": contact.full_name})
        return redirect("members:city_edit", slug=city.slug)
    return render(request, "members/editor/contact_delete.html", {"city": city, "contact": contact})
