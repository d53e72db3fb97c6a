import pytest

from educities.members.enums import MembershipStatus, NetworkKind, NetworkRole
from tests.factories import CityFactory, CountryFactory, NetworkFactory, NetworkMembershipFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def networks():
    spain = CountryFactory(code="ES")
    argentina = CountryFactory(code="AR")
    rece = NetworkFactory(
        name="Spanish Network",
        slug="rece",
        acronym="RECE",
        kind=NetworkKind.TERRITORIAL,
        description="Cities of Spain.",
        website="https://www.edcities.org/rece/",
    )
    latam = NetworkFactory(name="Latin America Delegation", slug="latam", kind=NetworkKind.DELEGATION)
    NetworkFactory(name="Inclusion", slug="inclusion", kind=NetworkKind.THEMATIC)
    granollers = CityFactory(name="Granollers", slug="granollers", country=spain)
    barcelona = CityFactory(name="Barcelona", slug="barcelona", country=spain)
    vic = CityFactory(name="Vic", slug="vic", country=spain)
    applicant = CityFactory(
        name="Applicant", slug="applicant", country=spain, membership_status=MembershipStatus.APPLIED
    )
    NetworkMembershipFactory(network=rece, city=granollers, role=NetworkRole.COORDINATOR)
    NetworkMembershipFactory(network=rece, city=barcelona, role=NetworkRole.CO_COORDINATOR)
    NetworkMembershipFactory(network=rece, city=vic)
    NetworkMembershipFactory(network=rece, city=applicant, role=NetworkRole.CO_COORDINATOR)
    rosario = CityFactory(name="Rosario", slug="rosario", country=argentina)
    NetworkMembershipFactory(network=latam, city=rosario, role=NetworkRole.COORDINATOR)


RECE = {
    "slug": "rece",
    "name": "Spanish Network",
    "acronym": "RECE",
    "kind": "territorial",
    "description": "Cities of Spain.",
    "website": "https://www.edcities.org/rece/",
    "member_count": 3,
    "coordinators": [
        {"slug": "barcelona", "name": "Barcelona", "country": "ES", "role": "co_coordinator"},
        {"slug": "granollers", "name": "Granollers", "country": "ES", "role": "coordinator"},
    ],
}


def _slugs(response) -> list[str]:
    return [item["slug"] for item in response.json()["results"]]


def test_network_list_gives_counts_and_coordinators_of_member_cities(client, networks):
    response = client.get("/api/v1/networks/")

    assert response.status_code == 200
    assert response.json()["count"] == 3
    assert _slugs(response) == ["latam", "rece", "inclusion"]
    assert response.json()["results"][1] == RECE


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("territorial", ["rece"]),
        ("delegation", ["latam"]),
        ("thematic", ["inclusion"]),
        ("", ["latam", "rece", "inclusion"]),
    ],
)
def test_network_list_filters_by_kind(client, networks, kind, expected):
    response = client.get("/api/v1/networks/", {"kind": kind})

    assert _slugs(response) == expected


def test_network_detail_lists_member_cities_only(client, networks):
    response = client.get("/api/v1/networks/rece/")

    assert response.status_code == 200
    assert response.json() == {
        **RECE,
        "members": [
            {"slug": "barcelona", "name": "Barcelona", "country": "ES", "role": "co_coordinator"},
            {"slug": "granollers", "name": "Granollers", "country": "ES", "role": "coordinator"},
            {"slug": "vic", "name": "Vic", "country": "ES", "role": "member"},
        ],
    }


@pytest.mark.parametrize("slug", ["unknown", "r%00ce", "re.ce"])
def test_network_detail_unknown_slug_is_json_404(client, networks, slug):
    response = client.get(f"/api/v1/networks/{slug}/")

    assert response.status_code == 404
    assert response.json() == {"detail": "No network has this slug."}


@pytest.mark.parametrize("many", [3, 30])
def test_network_list_query_count_does_not_grow_with_networks(client, django_assert_num_queries, many):
    coordinator, co_coordinator = CityFactory.create_batch(2)
    for network in NetworkFactory.create_batch(many):
        NetworkMembershipFactory(network=network, city=coordinator, role=NetworkRole.COORDINATOR)
        NetworkMembershipFactory(network=network, city=co_coordinator, role=NetworkRole.CO_COORDINATOR)
        NetworkMembershipFactory(network=network)

    # count, page of networks with member counts, their coordinating cities with countries
    with django_assert_num_queries(3):
        response = client.get("/api/v1/networks/", {"page_size": 200})

    assert response.json()["count"] == many
    assert all(len(item["coordinators"]) == 2 for item in response.json()["results"])


@pytest.mark.parametrize("many", [3, 30])
def test_network_detail_query_count_does_not_grow_with_members(client, django_assert_num_queries, many):
    network = NetworkFactory(slug="big")
    for city in CityFactory.create_batch(many):
        NetworkMembershipFactory(network=network, city=city)

    # network with its count, coordinating cities, member cities
    with django_assert_num_queries(3):
        response = client.get("/api/v1/networks/big/")

    assert len(response.json()["members"]) == many
