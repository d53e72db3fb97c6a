import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.text import slugify

from educities.members.enums import MembershipStatus, NetworkKind, NetworkRole
from tests.factories import CityFactory, CountryFactory, NetworkFactory, NetworkMembershipFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def _groups(response) -> list[tuple[str, list[tuple[str, int]]]]:
    return [
        (group.kind, [(network.name, network.member_count) for network in group.networks])
        for group in response.context["groups"]
    ]


def test_network_list_groups_by_kind_with_member_counts(client):
    thematic = NetworkFactory(name="Arts and culture", kind=NetworkKind.THEMATIC)
    rece = NetworkFactory(name="RECE", kind=NetworkKind.TERRITORIAL)
    brazil = NetworkFactory(name="REBRACE", kind=NetworkKind.TERRITORIAL)
    delegation = NetworkFactory(name="Latin America Delegation", kind=NetworkKind.DELEGATION)
    for network, count in [(thematic, 5), (rece, 3), (delegation, 2)]:
        for _ in range(count):
            NetworkMembershipFactory(network=network)
    # Applicants and suspended cities are not counted.
    NetworkMembershipFactory(network=rece, city=CityFactory(membership_status=MembershipStatus.APPLIED))
    NetworkMembershipFactory(network=rece, city=CityFactory(membership_status=MembershipStatus.SUSPENDED))

    response = client.get("/en/networks/")

    assert response.status_code == 200
    assert _groups(response) == [
        ("territorial", [("REBRACE", 0), ("RECE", 3)]),
        ("delegation", [("Latin America Delegation", 2)]),
        ("thematic", [("Arts and culture", 5)]),
    ]
    content = response.content.decode()
    assert (
        content.index("Territorial networks")
        < content.index("Delegations")
        < content.index("Thematic networks")
    )
    assert "3 member cities" in content
    assert "0 member cities" in content
    assert f'href="{brazil.get_absolute_url()}"' in content


def test_network_list_leaves_out_empty_kinds(client):
    NetworkFactory(name="Arts", kind=NetworkKind.THEMATIC)

    response = client.get("/en/networks/")

    assert _groups(response) == [("thematic", [("Arts", 0)])]
    assert "Delegations" not in response.content.decode()


def test_network_list_empty(client):
    response = client.get("/en/networks/")

    assert response.status_code == 200
    assert "No network has been created yet." in response.content.decode()


@pytest.fixture
def network():
    network = NetworkFactory(
        name="Children's participation",
        slug="children",
        acronym="CP",
        kind=NetworkKind.THEMATIC,
        description="Cities that listen to children.",
    )
    spain = CountryFactory(code="ES")
    brazil = CountryFactory(code="BR")
    italy = CountryFactory(code="IT")
    rows = [
        ("Granollers", spain, NetworkRole.COORDINATOR, 41.6, 2.29),
        ("Ávila", spain, NetworkRole.CO_COORDINATOR, 40.66, -4.7),
        ("Santos", brazil, NetworkRole.CO_COORDINATOR, -23.96, -46.33),
        ("Bologna", italy, NetworkRole.MEMBER, 44.49, 11.34),
        ("Curitiba", brazil, NetworkRole.MEMBER, -25.43, -49.27),
    ]
    for name, country, role, lat, lng in rows:
        city = CityFactory(name=name, slug=slugify(name), country=country, latitude=lat, longitude=lng)
        NetworkMembershipFactory(network=network, city=city, role=role)
    NetworkMembershipFactory(
        network=network,
        city=CityFactory(name="Applicantville", country=spain, membership_status=MembershipStatus.APPLIED),
    )
    return network


def test_network_page_shows_description_and_coordination(client, network):
    response = client.get("/en/networks/children/")

    assert response.status_code == 200
    assert [c.name for c in response.context["coordinators"]] == ["Granollers"]
    assert [c.name for c in response.context["co_coordinators"]] == ["Ávila", "Santos"]
    content = response.content.decode()
    assert "Children&#x27;s participation" in content
    assert "Cities that listen to children." in content
    assert "Thematic network" in content
    assert "<dt>Coordinating city</dt>" in content
    assert "<dt>Co-coordinating cities</dt>" in content


def test_network_page_lists_member_cities_by_country(client, network):
    response = client.get("/en/networks/children/")

    groups = [
        (group.country_name, [row.city.name for row in group.rows]) for group in response.context["countries"]
    ]
    assert groups == [
        ("Brazil", ["Curitiba", "Santos"]),
        ("Italy", ["Bologna"]),
        ("Spain", ["Ávila", "Granollers"]),
    ]
    assert response.context["member_count"] == 5
    assert "Applicantville" not in response.content.decode()
    assert "5 member cities" in response.content.decode()


def test_network_page_map_has_member_cities(client, network):
    response = client.get("/en/networks/children/")

    match = re.search(
        r'<script id="network-map-points" type="application/json">(.*?)</script>', response.content.decode()
    )
    points = json.loads(match.group(1))
    assert sorted(point["name"] for point in points) == [
        "Bologna",
        "Curitiba",
        "Granollers",
        "Santos",
        "Ávila",
    ]
    assert {"name": "Santos", "url": "/en/cities/santos/", "lat": -23.96, "lng": -46.33} in points


def test_network_page_without_members(client):
    NetworkFactory(slug="empty")

    response = client.get("/en/networks/empty/")

    assert response.status_code == 200
    assert "This network has no member city yet." in response.content.decode()
    assert response.context["map_points"] == []


def test_network_page_unknown_slug_is_404(client):
    response = client.get("/en/networks/nowhere/")

    assert response.status_code == 404


def test_network_page_in_portuguese(client, network):
    response = client.get("/pt/networks/children/")

    assert response.status_code == 200
    assert '<html lang="pt">' in response.content.decode()


def test_network_page_query_count_constant_with_more_members(client):
    network = NetworkFactory(slug="net")
    for city in CityFactory.create_batch(3):
        NetworkMembershipFactory(network=network, city=city)
    client.get("/en/networks/net/")
    few = _queries(client, "/en/networks/net/")

    for code in ["PT", "IT", "FR"]:
        for city in CityFactory.create_batch(9, country=CountryFactory(code=code)):
            NetworkMembershipFactory(network=network, city=city)
    many = _queries(client, "/en/networks/net/")

    assert few == many


def test_network_list_query_count_constant_with_more_networks(client):
    for _ in range(2):
        NetworkMembershipFactory()
    client.get("/en/networks/")
    few = _queries(client, "/en/networks/")

    for kind in NetworkKind:
        for _ in range(4):
            NetworkMembershipFactory(network=NetworkFactory(kind=kind))
    many = _queries(client, "/en/networks/")

    assert few == many
