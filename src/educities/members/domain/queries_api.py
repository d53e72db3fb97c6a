"""Selectors the read-only REST API needs on top of ``queries``: lists in a fixed number of queries.

Every list here only ever shows member cities, like the public directory does.
"""

from django.db.models import Prefetch, QuerySet

from educities.members.domain.queries import (
    cities_directory,
    city_public_detail,
    countries_with_members,
    networks_with_counts,
)
from educities.members.enums import MembershipStatus, NetworkRole
from educities.members.models import City, Country, Network, NetworkMembership

COORDINATING_ROLES = (NetworkRole.COORDINATOR, NetworkRole.CO_COORDINATOR)


def _city_networks_prefetch() -> Prefetch:
    return Prefetch(
        "network_memberships",
        queryset=NetworkMembership.objects.select_related("network").order_by("network__name", "pk"),
    )


def _network_rows_prefetch(*, to_attr: str, coordinators_only: bool) -> Prefetch:
    rows = NetworkMembership.objects.filter(city__membership_status=MembershipStatus.MEMBER)
    if coordinators_only:
        rows = rows.filter(role__in=COORDINATING_ROLES)
    return Prefetch(
        "memberships",
        queryset=rows.select_related("city__country").order_by("city__name", "pk"),
        to_attr=to_attr,
    )


def cities_api_list() -> QuerySet[City]:
    """Member cities with their networks, in the directory's order (3 queries per page with the count)."""
    return cities_directory().prefetch_related(_city_networks_prefetch())


def city_api_detail(*, slug: str) -> City:
    """A member city as its public page shows it; raises ``City.DoesNotExist`` for any other city."""
    return city_public_detail(slug=slug)


def countries_api_list() -> QuerySet[Country]:
    """Countries with at least one member city, each with ``member_count``."""
    return countries_with_members()


def country_api_detail(*, code: str) -> Country:
    return countries_with_members().get(code=code.upper())


def networks_api_list() -> QuerySet[Network]:
    """Networks with ``member_count`` and their coordinating member cities as ``coordinator_rows``."""
    return networks_with_counts().prefetch_related(
        _network_rows_prefetch(to_attr="coordinator_rows", coordinators_only=True)
    )


def network_api_detail(*, slug: str) -> Network:
    """A network with its coordinating cities (``coordinator_rows``) and member cities (``member_rows``)."""
    return (
        networks_with_counts()
        .prefetch_related(
            _network_rows_prefetch(to_attr="coordinator_rows", coordinators_only=True),
            _network_rows_prefetch(to_attr="member_rows", coordinators_only=False),
        )
        .get(slug=slug)
    )
