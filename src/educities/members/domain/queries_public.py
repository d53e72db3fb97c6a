"""Selectors for the public pages of the member registry: map points, exports, network pages.

They complement ``queries.py`` (which holds the selectors shared with the back office and the API).
"""

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils import timezone

from educities.members.enums import NetworkKind, NetworkRole
from educities.members.models import City, ExecutiveCommitteeSeat, Network, NetworkMembership

_SLUG_PLACEHOLDER = "city-slug-placeholder"


def sort_key(text: str) -> str:
    """A key that sorts names as readers expect: accents and case ignored ("Ávila" before "Badalona")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def _points(rows: Iterable[tuple[str, str, float, float]]) -> list[dict]:
    url_template = reverse("members:city_detail", kwargs={"slug": _SLUG_PLACEHOLDER})
    return [
        {
            "name": name,
            "url": url_template.replace(_SLUG_PLACEHOLDER, slug),
            "lat": round(latitude, 5),
            "lng": round(longitude, 5),
        }
        for name, slug, latitude, longitude in rows
    ]


def city_map_points(*, cities: QuerySet[City]) -> list[dict]:
    """The smallest payload a map needs: one dict per city with name, url, lat, lng (one query)."""
    return _points(cities.order_by().values_list("name", "slug", "latitude", "longitude"))


def map_points_for(*, cities: Iterable[City]) -> list[dict]:
    """The same payload as ``city_map_points`` for cities already loaded (no query)."""
    return _points((city.name, city.slug, city.latitude, city.longitude) for city in cities)


def cities_with_networks(*, cities: QuerySet[City]) -> QuerySet[City]:
    """``cities`` with their networks prefetched by name, as the directory export needs them."""
    return cities.select_related("country").prefetch_related(
        Prefetch("networks", queryset=Network.objects.order_by("name"), to_attr="network_list")
    )


def city_current_seat(*, city: City, today: date | None = None) -> ExecutiveCommitteeSeat | None:
    """The Executive Committee seat ``city`` holds today, if any (uses the prefetched seats)."""
    today = today or timezone.localdate()
    for seat in city.seats.all():
        if seat.term_start <= today <= seat.term_end:
            return seat
    return None


@dataclass(frozen=True)
class NetworkGroup:
    kind: str
    label: str
    networks: list[Network]


def networks_grouped_by_kind(*, networks: QuerySet[Network]) -> list[NetworkGroup]:
    """Networks grouped as territorial networks, delegations, thematic networks (empty groups left out)."""
    rows = list(networks)
    groups = []
    for kind in (NetworkKind.TERRITORIAL, NetworkKind.DELEGATION, NetworkKind.THEMATIC):
        members = [network for network in rows if network.kind == kind]
        if members:
            groups.append(NetworkGroup(kind=kind.value, label=str(kind.label), networks=members))
    return groups


@dataclass(frozen=True)
class CountryMembers:
    country_code: str
    country_name: str
    flag: str
    rows: list[NetworkMembership]


def network_members_by_country(*, network: Network) -> list[CountryMembers]:
    """The member cities of a network (from ``network_public_detail``) grouped by country name."""
    by_code: dict[str, list[NetworkMembership]] = {}
    for row in network.member_rows:
        by_code.setdefault(str(row.city.country.code), []).append(row)
    groups = [
        CountryMembers(
            country_code=code,
            country_name=rows[0].city.country.name,
            flag=rows[0].city.country.flag,
            rows=sorted(rows, key=lambda row: sort_key(row.city.name)),
        )
        for code, rows in by_code.items()
    ]
    return sorted(groups, key=lambda group: sort_key(group.country_name))


def network_coordination(*, network: Network) -> tuple[list[City], list[City]]:
    """(coordinating cities, co-coordinating cities) of a network loaded by ``network_public_detail``."""
    rows = sorted(network.member_rows, key=lambda row: sort_key(row.city.name))
    coordinators = [row.city for row in rows if row.role == NetworkRole.COORDINATOR]
    co_coordinators = [row.city for row in rows if row.role == NetworkRole.CO_COORDINATOR]
    return coordinators, co_coordinators


def network_member_cities(*, network: Network) -> list[City]:
    return [row.city for row in network.member_rows]
