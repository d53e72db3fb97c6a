"""The public page of a member city."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from educities.members.domain.queries import city_public_detail
from educities.members.domain.queries_public import city_current_seat, map_points_for
from educities.members.models import City


@require_safe
def city_detail(request, slug):
    try:
        city = city_public_detail(slug=slug)
    except City.DoesNotExist:
        # Applicants, rejected, suspended and withdrawn cities have no public page.
        raise Http404(_("No member city has this address.")) from None
    return render(
        request,
        "members/city_detail.html",
        {
            "city": city,
            "network_memberships": city.network_memberships.all(),
            "contacts": city.public_contacts,
            "seat": city_current_seat(city=city),
            "population_band": city.get_population_band_display(),
            "map_points": map_points_for(cities=[city]),
        },
    )
