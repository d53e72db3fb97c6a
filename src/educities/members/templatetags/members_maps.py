"""Template tags to put a map of member cities on pages whose view is not the registry's own (home page)."""

from django import template
from django.urls import reverse

register = template.Library()


@register.inclusion_tag("members/partials/map.html", takes_context=True)
def member_cities_map(context, map_id: str = "members-map", label: str = ""):
    """A clustered map of every member city; its points load from the directory's map endpoint."""
    return {
        "map_id": map_id,
        "map_points_url": reverse("members:directory_map"),
        "map_label": label,
        "map_small": False,
        "MAP_TILE_URL": context.get("MAP_TILE_URL", ""),
        "MAP_TILE_ATTRIBUTION": context.get("MAP_TILE_ATTRIBUTION", ""),
    }
