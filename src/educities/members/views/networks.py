"""The public pages of the networks: territorial networks, delegations and thematic networks."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from educities.members.domain.queries import network_public_detail, networks_with_counts
from educities.members.domain.queries_public import (
    map_points_for,
    network_coordination,
    network_member_cities,
    network_members_by_country,
    networks_grouped_by_kind,
)
from educities.members.models import Network


@require_safe
def network_list(request):
    return render(
        request,
        "members/network_list.html",
        {"groups": networks_grouped_by_kind(networks=networks_with_counts())},
    )


@require_safe
def network_detail(request, slug):
    try:
        network = network_public_detail(slug=slug)
    except Network.DoesNotExist:
        raise Http404(_("No network has this address.")) from None
    coordinators, co_coordinators = network_coordination(network=network)
    return render(
        request,
        "members/network_detail.html",
        {
            "network": network,
            "coordinators": coordinators,
            "co_coordinators": co_coordinators,
            "countries": network_members_by_country(network=network),
            "member_count": len(network.member_rows),
            "map_points": map_points_for(cities=network_member_cities(network=network)),
        },
    )
