from datetime import date

import pytest

from educities.members.enums import IncomeGroup, MembershipStatus, NetworkKind, NetworkRole, WorldRegion
from tests.factories import (
    CityFactory,
    ContactFactory,
    CountryFactory,
    FeeRecordFactory,
    NetworkFactory,
    NetworkMembershipFactory,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

LIST_URL = "/api/v1/cities/"


def _granollers():
    spain = CountryFactory(code="ES", income_group=IncomeGroup.IV, region=WorldRegion.EUROPE)
    city = CityFactory(
        name="Granollers",
        slug="granollers",
        country=spain,
        region="Catalonia",
        latitude=41.6,
        longitude=2.29,
        population=62_000,
        website="https://www.granollers.cat/",
        member_since=date(1992, 5, 1),
        description="A city in the Vallès.",
    )
    rece = NetworkFactory(name="Spanish Network", slug="rece", acronym="RECE", kind=NetworkKind.TERRITORIAL)
    NetworkMembershipFactory(network=rece, city=city, role=NetworkRole.COORDINATOR)
    award = NetworkFactory(name="Award winners", slug="award-winners", kind=NetworkKind.THEMATIC)
    NetworkMembershipFactory(network=award, city=city, role=NetworkRole.MEMBER)
    return city


GRANOLLERS_LIST_ITEM = {
    "slug": "granollers",
    "name": "Granollers",
    "country": "ES",
    "country_name": "Spain",
    "region": "Catalonia",
    "world_region": "europe",
    "latitude": 41.6,
    "longitude": 2.29,
    "population": 62_000,
    "population_band": "2",
    "website": "https://www.granollers.cat/",
    "member_since": "1992-05-01",
    "networks": [
        {"slug": "award-winners", "name": "Award winners", "role": "member"},
        {"slug": "rece", "name": "Spanish Network", "role": "coordinator"},
    ],
    "url": "http://testserver/en/cities/granollers/",
}


def _slugs(response) -> list[str]:
    return [item["slug"] for item in response.json()["results"]]


def test_city_list_gives_public_fields_of_member_city(client):
    _granollers()

    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"count": 1, "next": None, "previous": None, "results": [GRANOLLERS_LIST_ITEM]}


def test_city_detail_adds_profile_and_only_public_contacts(client):
    city = _granollers()
    ContactFactory(
        city=city,
        full_name="Anna Puig",
        position="Head of education",
        department="Education",
        email="apuig@granollers.cat",
        phone="+34 938 426 610",
        is_public=True,
    )
    ContactFactory(city=city, full_name="Private Person", email="private@granollers.cat", is_public=False)
    FeeRecordFactory(city=city, year=2026, amount=660)

    response = client.get(f"{LIST_URL}granollers/")

    assert response.status_code == 200
    assert response.json() == {
        **GRANOLLERS_LIST_ITEM,
        "description": "A city in the Vallès.",
        "contacts": [
            {
                "full_name": "Anna Puig",
                "position": "Head of education",
                "department": "Education",
                "email": "apuig@granollers.cat",
                "phone": "+34 938 426 610",
            }
        ],
    }
    assert "private@granollers.cat" not in response.content.decode()
    assert "660" not in response.content.decode()


def test_city_detail_follows_accept_language(client):
    _granollers()

    response = client.get(f"{LIST_URL}granollers/", headers={"accept-language": "fr"})

    assert response.status_code == 200
    body = response.json()
    assert (body["country_name"], body["url"]) == ("Espagne", "http://testserver/fr/cities/granollers/")


@pytest.mark.parametrize(
    "status",
    [MembershipStatus.APPLIED, MembershipStatus.PAID, MembershipStatus.SUSPENDED, MembershipStatus.WITHDRAWN],
)
def test_city_api_hides_non_member_city(client, status):
    CityFactory(slug="member-city", name="Member city")
    CityFactory(slug="not-yet", name="Not yet", membership_status=status)

    listed = client.get(LIST_URL)
    detail = client.get(f"{LIST_URL}not-yet/")

    assert _slugs(listed) == ["member-city"]
    assert detail.status_code == 404
    assert detail.json() == {"detail": "No member city has this slug."}


@pytest.mark.parametrize("slug", ["unknown", "bad%20slug", "a%00b", "x" * 500, "%C3%A9t%C3%A9"])
def test_city_detail_unknown_or_malformed_slug_is_json_404(client, slug):
    CityFactory(slug="member-city")

    response = client.get(f"{LIST_URL}{slug}/")

    assert response.status_code == 404
    assert response.json() == {"detail": "No member city has this slug."}


@pytest.fixture
def directory():
    spain = CountryFactory(code="ES", region=WorldRegion.EUROPE)
    france = CountryFactory(code="FR", region=WorldRegion.EUROPE)
    argentina = CountryFactory(code="AR", income_group=IncomeGroup.III, region=WorldRegion.LATIN_AMERICA)
    rece = NetworkFactory(slug="rece", name="Spanish Network")
    latam = NetworkFactory(slug="latam", name="Latin America Delegation", kind=NetworkKind.DELEGATION)
    cities = {
        "granollers": CityFactory(
            slug="granollers", name="Granollers", country=spain, region="Catalonia", population=62_000,
            member_since=date(1992, 5, 1),
        ),
        "barcelona": CityFactory(
            slug="barcelona", name="Barcelona", country=spain, region="Catalonia", population=1_620_000,
            member_since=date(1990, 11, 30),
        ),
        "lyon": CityFactory(
            slug="lyon", name="Lyon", country=france, region="Auvergne-Rhône-Alpes", population=520_000,
            member_since=date(1992, 5, 1),
        ),
        "rosario": CityFactory(
            slug="rosario", name="Rosario", country=argentina, region="Santa Fe", population=1_200_000,
            member_since=date(1994, 3, 1),
        ),
    }  # fmt: skip
    CityFactory(slug="madrid", name="Madrid", country=spain, membership_status=MembershipStatus.APPLIED)
    NetworkMembershipFactory(network=rece, city=cities["granollers"])
    NetworkMembershipFactory(network=rece, city=cities["barcelona"], role=NetworkRole.COORDINATOR)
    NetworkMembershipFactory(network=latam, city=cities["rosario"], role=NetworkRole.COORDINATOR)
    return cities


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["barcelona", "granollers", "lyon", "rosario"]),
        ({"q": "gran"}, ["granollers"]),
        ({"q": "  catalonia "}, ["barcelona", "granollers"]),
        ({"q": ""}, ["barcelona", "granollers", "lyon", "rosario"]),
        ({"country": "ES"}, ["barcelona", "granollers"]),
        ({"network": "rece"}, ["barcelona", "granollers"]),
        ({"region": "latin_america"}, ["rosario"]),
        ({"region": "africa"}, []),
        ({"population": "6"}, ["barcelona", "rosario"]),
        ({"ordering": "-population"}, ["barcelona", "rosario", "lyon", "granollers"]),
        ({"ordering": "member_since"}, ["barcelona", "granollers", "lyon", "rosario"]),
        ({"ordering": "-member_since,-name"}, ["rosario", "lyon", "granollers", "barcelona"]),
        ({"country": "ES", "population": "6"}, ["barcelona"]),
        ({"network": "rece", "q": "a", "ordering": "-name"}, ["granollers", "barcelona"]),
        ({"region": "europe", "ordering": "population"}, ["granollers", "lyon", "barcelona"]),
        ({"country": "FR", "network": "rece"}, []),
        ({"unknown": "ignored"}, ["barcelona", "granollers", "lyon", "rosario"]),
    ],
)
def test_city_list_filters_like_the_directory(client, directory, params, expected):
    response = client.get(LIST_URL, params)

    assert response.status_code == 200
    assert _slugs(response) == expected
    assert response.json()["count"] == len(expected)


def test_city_list_paginates_with_page_size_and_links(client, directory):
    first = client.get(LIST_URL, {"page_size": 3})
    second = client.get(LIST_URL, {"page_size": 3, "page": 2})

    assert first.json()["count"] == 4
    assert _slugs(first) == ["barcelona", "granollers", "lyon"]
    assert first.json()["next"] == "http://testserver/api/v1/cities/?page=2&page_size=3"
    assert first.json()["previous"] is None
    assert _slugs(second) == ["rosario"]
    assert second.json()["next"] is None
    assert second.json()["previous"] == "http://testserver/api/v1/cities/?page_size=3"


def test_city_list_pages_keep_a_stable_order_on_ties(client):
    CityFactory.create_batch(7, population=100_000)

    pages = [
        _slugs(client.get(LIST_URL, {"ordering": "population", "page_size": 2, "page": n}))
        for n in (1, 2, 3, 4)
    ]

    seen = [slug for page in pages for slug in page]
    assert sorted(seen) == sorted(set(seen))
    assert len(seen) == 7


@pytest.mark.parametrize("many", [3, 30])
def test_city_list_query_count_does_not_grow_with_cities(client, django_assert_num_queries, many):
    rece = NetworkFactory()
    latam = NetworkFactory()
    for city in CityFactory.create_batch(many):
        NetworkMembershipFactory(network=rece, city=city)
        NetworkMembershipFactory(network=latam, city=city, role=NetworkRole.CO_COORDINATOR)

    # count, page of cities with their country, their network memberships with the network
    with django_assert_num_queries(3):
        response = client.get(LIST_URL, {"page_size": 200})

    assert response.json()["count"] == many
    assert all(len(item["networks"]) == 2 for item in response.json()["results"])


def test_city_list_filtered_by_network_query_count_is_fixed(client, django_assert_num_queries, directory):
    # the network is looked up once to validate the slug
    with django_assert_num_queries(4):
        response = client.get(LIST_URL, {"network": "rece"})

    assert response.status_code == 200


@pytest.mark.parametrize("many", [3, 30])
def test_city_detail_query_count_does_not_grow_with_networks(client, django_assert_num_queries, many):
    city = CityFactory(slug="busy")
    for network in NetworkFactory.create_batch(many):
        NetworkMembershipFactory(network=network, city=city)
    ContactFactory.create_batch(3, city=city)

    # city with its country, memberships with networks, public contacts, committee seats
    with django_assert_num_queries(4):
        response = client.get(f"{LIST_URL}busy/")

    assert len(response.json()["networks"]) == many
