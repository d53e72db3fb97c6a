"""The page where a network's coordinators (and the Secretariat) keep its profile and members."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from educities.core.domain.errors import DomainError
from educities.members.domain.networks import network_add_city, network_remove_city, network_update
from educities.members.domain.queries import cities_members
from educities.members.interfaces.forms_network import NetworkMemberForm, NetworkProfileForm
from educities.members.models import City, Network, NetworkMembership


def _network_for(request, slug: str) -> Network:
    network = get_object_or_404(Network, slug=slug)
    if not request.user.has_perm("members.change_network", network):
        raise PermissionDenied(_("You are not allowed to manage this network."))
    return network


def _page(request, network: Network, *, profile_form=None, member_form=None, status: int = 200):
    rows = (
        NetworkMembership.objects.filter(network=network)
        .select_related("city__country")
        .order_by("city__name")
    )
    candidates = cities_members().exclude(network_memberships__network=network).order_by("name")
    return render(
        request,
        "members/network_manage.html",
        {
            "network": network,
            "rows": rows,
            "profile_form": profile_form
            or NetworkProfileForm(
                initial={
                    "acronym": network.acronym,
                    "description": network.description,
                    "website": network.website,
                }
            ),
            "member_form": member_form or NetworkMemberForm(cities=candidates),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def network_manage(request, slug):
    network = _network_for(request, slug)
    if request.method != "POST":
        return _page(request, network)
    form = NetworkProfileForm(request.POST)
    if not form.is_valid():
        return _page(request, network, profile_form=form, status=400)
    network_update(actor=request.user, network=network, **form.cleaned_data)
    messages.success(request, _("The network's profile was saved."))
    return redirect("members:network_manage", slug=network.slug)


@login_required
@require_POST
def network_member_add(request, slug):
    network = _network_for(request, slug)
    form = NetworkMemberForm(request.POST, cities=cities_members())
    if not form.is_valid():
        return _page(request, network, member_form=form, status=400)
    try:
        network_add_city(
            actor=request.user,
            network=network,
            city=form.cleaned_data["city"],
            role=form.cleaned_data["role"],
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("%(city)s was added to the network.") % {"city": form.cleaned_data["city"].name}
        )
    return redirect("members:network_manage", slug=network.slug)


@login_required
@require_POST
def network_member_remove(request, slug, city_id):
    network = _network_for(request, slug)
    city = get_object_or_404(City, pk=city_id)
    try:
        network_remove_city(actor=request.user, network=network, city=city)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("%(city)s was removed from the network.") % {"city": city.name})
    return redirect("members:network_manage", slug=network.slug)
