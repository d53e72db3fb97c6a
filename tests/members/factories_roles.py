"""One small world with a user for every role of the member registry, for the permission matrices."""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser

from educities.accounts.models import User
from educities.members.enums import NetworkRole
from educities.members.models import City, Contact, Network
from tests.factories import (
    CityFactory,
    ContactFactory,
    CountryFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    StaffFactory,
    UserFactory,
    make_city_editor,
    make_coordinator,
    make_executive,
)

ROLES = (
    "anonymous",
    "user",
    "editor_a",
    "editor_b",
    "coordinator_n",
    "coordinator_m",
    "executive",
    "staff",
)


@dataclass
class RoleWorld:
    city_a: City
    city_b: City
    network_n: Network
    network_m: Network
    contact_a: Contact
    contact_b: Contact
    users: dict[str, User | AnonymousUser]

    def target(self, name: str | None):
        return None if name is None else getattr(self, name)


def make_role_world() -> RoleWorld:
    """City A and city B (both members, in Spain and France); city A belongs to network N, city B to M."""
    city_a = CityFactory(name="Granollers", slug="granollers", country=CountryFactory(code="ES"))
    city_b = CityFactory(name="Lyon", slug="lyon", country=CountryFactory(code="FR"))
    network_n = NetworkFactory(name="Red Estatal", slug="rece")
    network_m = NetworkFactory(name="Réseau Français", slug="rfve")
    NetworkMembershipFactory(network=network_n, city=city_a, role=NetworkRole.COORDINATOR)
    NetworkMembershipFactory(network=network_m, city=city_b, role=NetworkRole.COORDINATOR)
    users = {
        "anonymous": AnonymousUser(),
        "user": UserFactory(email="someone@example.org"),
        "editor_a": make_city_editor(city_a, email="editor@granollers.example.org"),
        "editor_b": make_city_editor(city_b, email="editor@lyon.example.org"),
        "coordinator_n": make_coordinator(network_n, email="coordinator@rece.example.org"),
        "coordinator_m": make_coordinator(network_m, email="coordinator@rfve.example.org"),
        "executive": make_executive(email="executive@example.org"),
        "staff": StaffFactory(email="staff@example.org"),
    }
    return RoleWorld(
        city_a=city_a,
        city_b=city_b,
        network_n=network_n,
        network_m=network_m,
        contact_a=ContactFactory(city=city_a, full_name="Anna Puig", email="anna@granollers.example.org"),
        contact_b=ContactFactory(city=city_b, full_name="Bruno Martin", email="bruno@lyon.example.org"),
        users=users,
    )
