"""Template tags to put a map of member cities on pages whose view is not the registry's own (home page)."""

from django import template

from educities.members.domain.queries import cities_members
from educities.members.domain.queries_public import city_map_points

register = template.Library()


@register.inclusion_tag("members/partials/map.html", takes_context=True)
def member_cities_map(context, map_id: str = "members-map", label: str = ""):
    """A clustered map of every member city (one query). Include map_head/map_scripts in the page too."""
    return {
        "map_id": map_id,
        "map_points": city_map_points(cities=cities_members()),
        "map_label": label,
        "map_small": False,
        "MAP_TILE_URL": context.get("MAP_TILE_URL", ""),
        "MAP_TILE_ATTRIBUTION": context.get("MAP_TILE_ATTRIBUTION", ""),
    }
