import gzip
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from educities.members.enums import MembershipStatus, NetworkKind, WorldRegion
from tests.factories import CityFactory, CountryFactory, NetworkFactory, NetworkMembershipFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

URL = "/en/cities/"


def _names(response) -> list[str]:
    return [city.name for city in response.context["page_obj"].object_list]


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.fixture
def world():
    """Five member cities across three countries, two networks, and three non-member cities."""
    spain = CountryFactory(code="ES", region=WorldRegion.EUROPE)
    brazil = CountryFactory(code="BR", region=WorldRegion.LATIN_AMERICA)
    korea = CountryFactory(code="KR", region=WorldRegion.ASIA_PACIFIC)
    cities = {
        "Barcelona": CityFactory(
            name="Barcelona",
            slug="barcelona",
            country=spain,
            region="Catalonia",
            population=1_620_000,
            member_since="1990-11-30",
        ),
        "Granollers": CityFactory(
            name="Granollers",
            slug="granollers",
            country=spain,
            region="Catalonia",
            population=62_000,
            member_since="2004-11-30",
        ),
        "Sevilla": CityFactory(
            name="Sevilla",
            slug="sevilla",
            country=spain,
            region="Andalusia",
            population=690_000,
            member_since="1998-11-30",
        ),
        "Santos": CityFactory(
            name="Santos",
            slug="santos",
            country=brazil,
            region="São Paulo",
            population=433_000,
            member_since="2001-11-30",
        ),
        "Andong": CityFactory(
            name="Andong",
            slug="andong",
            country=korea,
            region="Gyeongbuk",
            population=160_000,
            member_since="2012-11-30",
        ),
    }
    for status, name in [
        (MembershipStatus.APPLIED, "Applicantville"),
        (MembershipStatus.REJECTED, "Rejectedtown"),
        (MembershipStatus.SUSPENDED, "Suspendedburg"),
    ]:
        CityFactory(name=name, slug=name.lower(), country=spain, membership_status=status)
    rece = NetworkFactory(name="RECE", slug="rece", kind=NetworkKind.TERRITORIAL)
    thematic = NetworkFactory(name="Participation", slug="participation", kind=NetworkKind.THEMATIC)
    for name in ["Barcelona", "Granollers", "Sevilla"]:
        NetworkMembershipFactory(network=rece, city=cities[name])
    for name in ["Barcelona", "Santos", "Andong"]:
        NetworkMembershipFactory(network=thematic, city=cities[name])
    return cities


def test_directory_lists_member_cities_only_by_name(client, world):
    response = client.get(URL)

    assert response.status_code == 200
    assert _names(response) == ["Andong", "Barcelona", "Granollers", "Santos", "Sevilla"]
    assert response.context["cities_count"] == 5
    assert b"Applicantville" not in response.content
    assert b"Suspendedburg" not in response.content


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=gran", ["Granollers"]),
        ("q=catalonia", ["Barcelona", "Granollers"]),
        ("country=ES", ["Barcelona", "Granollers", "Sevilla"]),
        ("network=participation", ["Andong", "Barcelona", "Santos"]),
        ("region=latin_america", ["Santos"]),
        ("population=3", ["Andong"]),
        ("population=5", ["Sevilla"]),
        ("ordering=-population", ["Barcelona", "Sevilla", "Santos", "Andong", "Granollers"]),
        ("ordering=member_since", ["Barcelona", "Sevilla", "Santos", "Granollers", "Andong"]),
    ],
)
def test_directory_filter_selects_cities(client, world, query, expected):
    response = client.get(f"{URL}?{query}")

    assert response.status_code == 200
    assert _names(response) == expected
    assert response.context["cities_count"] == len(expected)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=ES&network=participation", ["Barcelona"]),
        ("region=europe&population=2", ["Granollers"]),
        ("network=rece&ordering=-population", ["Barcelona", "Sevilla", "Granollers"]),
        ("country=ES&network=participation&population=6&q=barc", ["Barcelona"]),
        ("country=BR&network=rece", []),
    ],
)
def test_directory_filters_combine(client, world, query, expected):
    response = client.get(f"{URL}?{query}")

    assert _names(response) == expected


def test_directory_no_result_says_so(client, world):
    response = client.get(f"{URL}?country=BR&network=rece")

    assert b"No member city matches these filters." in response.content
    assert b"0 member cities found" in response.content


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("country=XX", "country", "Select a valid choice. That choice is not one of the available choices."),
        (
            "network=no-such-network",
            "network",
            "Select a valid choice. That choice is not one of the available choices.",
        ),
        ("population=9", "population", "Select a valid choice. 9 is not one of the available choices."),
        ("region=atlantis", "region", "Select a valid choice. atlantis is not one of the available choices."),
        ("q=" + "x" * 500, "q", "Ensure this value has at most 100 characters (it has 500)."),
        ("ordering=bogus", "ordering", "Select a valid choice. bogus is not one of the available choices."),
    ],
)
def test_directory_malformed_filter_shows_message_and_still_lists(client, world, query, field, message):
    response = client.get(f"{URL}?{query}")

    assert response.status_code == 200
    assert response.context["filter"].form.errors[field] == [message]
    assert response.context["filter_errors"] is True
    assert "Some filters could not be used" in response.content.decode()
    assert _names(response) == ["Andong", "Barcelona", "Granollers", "Santos", "Sevilla"]


def test_directory_invalid_filter_keeps_the_valid_ones(client, world):
    response = client.get(f"{URL}?country=ES&population=9")

    assert response.status_code == 200
    assert _names(response) == ["Barcelona", "Granollers", "Sevilla"]


def test_directory_hostile_query_is_escaped(client, world):
    response = client.get(URL, {"q": '<script>alert("x")</script>'})

    assert response.status_code == 200
    assert b'<script>alert("x")</script>' not in response.content
    assert b"&lt;script&gt;" in response.content


def test_directory_paginates_fifty_per_page(client):
    CityFactory.create_batch(51)

    first = client.get(URL)
    second = client.get(f"{URL}?page=2")

    assert len(first.context["page_obj"].object_list) == 50
    assert len(second.context["page_obj"].object_list) == 1
    assert 'href="?page=2"' in first.content.decode()


@pytest.mark.parametrize(
    ("page", "shown", "notice"),
    [
        ("abc", 1, "“abc” is not a page number: showing the first page."),
        ("99999", 2, "There is no page 99999: showing the last page (2)."),
        ("0", 1, "There is no page 0: showing the first page."),
        ("-1", 1, "There is no page -1: showing the first page."),
        ("1.5", 1, "“1.5” is not a page number: showing the first page."),
    ],
)
def test_directory_bad_page_shows_nearest_page_with_notice(client, page, shown, notice):
    CityFactory.create_batch(51)

    response = client.get(URL, {"page": page})

    assert response.status_code == 200
    assert response.context["page_obj"].number == shown
    assert response.context["page_notice"] == notice


def test_directory_pagination_keeps_filters(client):
    CityFactory.create_batch(51, country=CountryFactory(code="FR"))

    response = client.get(f"{URL}?country=FR&ordering=-population")

    assert 'href="?country=FR&amp;ordering=-population&amp;page=2"' in response.content.decode()


def test_directory_map_has_every_filtered_city_not_only_the_page(client):
    france = CountryFactory(code="FR")
    CityFactory.create_batch(60, country=france, latitude=48.85, longitude=2.35)
    CityFactory.create_batch(2, country=CountryFactory(code="IT"))

    response = client.get(f"{URL}?country=FR&page=2")
    map_url = _map_url(response.content.decode(), "directory-map")
    points = client.get(map_url).json()["points"]

    assert map_url == "/en/cities/map.json?country=FR"
    assert len(points) == 60
    assert len(response.context["page_obj"].object_list) == 10
    assert set(points[0]) == {"name", "url", "lat", "lng"}
    assert {(point["lat"], point["lng"]) for point in points} == {(48.85, 2.35)}


def test_directory_map_point_links_to_city_page(client):
    CityFactory(name="Rosario", slug="rosario", latitude=-32.95, longitude=-60.65)

    response = client.get(f"{URL}map.json")

    assert response.json() == {
        "points": [{"name": "Rosario", "url": "/en/cities/rosario/", "lat": -32.95, "lng": -60.65}]
    }
    assert response["Cache-Control"] == "public, max-age=300"


def test_directory_map_ignores_invalid_filters(client):
    CityFactory(name="Rosario", slug="rosario", latitude=-32.95, longitude=-60.65)

    response = client.get(f"{URL}map.json?population=9&country=ZZ")

    assert response.status_code == 200
    assert [point["name"] for point in response.json()["points"]] == ["Rosario"]


def test_directory_map_query_count_is_constant(client, django_assert_num_queries):
    CityFactory.create_batch(3)
    with django_assert_num_queries(1):
        client.get(f"{URL}map.json")
    CityFactory.create_batch(30)
    with django_assert_num_queries(1):
        client.get(f"{URL}map.json")


def _map_url(html: str, map_id: str) -> str:
    match = re.search(rf'id="{map_id}"[^>]*data-points-url="([^"]+)"', html)
    return match.group(1).replace("&amp;", "&")


def test_directory_map_uses_tile_setting(client, settings, world):
    settings.MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"

    response = client.get(URL)

    assert 'data-tile-url="https://tiles.example.org/{z}/{x}/{y}.png"' in response.content.decode()


def test_directory_map_without_tiles_has_empty_tile_url(client, world):
    response = client.get(URL)

    assert 'data-tile-url=""' in response.content.decode()
    assert "vendor/leaflet-1.9.4/leaflet.js" in response.content.decode()
    assert "educities/js/map.js" in response.content.decode()


def test_directory_shows_headline_figures(client, world):
    response = client.get(URL)

    figures = response.context["figures"]
    assert (figures.member_cities, figures.countries, figures.inhabitants) == (
        5,
        3,
        1_620_000 + 62_000 + 690_000 + 433_000 + 160_000,
    )
    assert '<span class="figure-value">3.0 million</span>' in response.content.decode()


def test_directory_export_links_carry_current_filters(client, world):
    response = client.get(f"{URL}?country=ES&population=2&page=1")

    content = response.content.decode()
    for fmt in ("csv", "xlsx", "json"):
        assert f'href="/en/cities/export/?country=ES&amp;population=2&amp;format={fmt}"' in content


def test_directory_country_choices_sorted_by_name(client, world):
    response = client.get(URL)

    choices = [value for value, _label in response.context["filter"].form.fields["country"].widget.choices]
    assert choices == ["", "BR", "KR", "ES"]  # Brazil, South Korea, Spain


def test_directory_in_french_translates_nothing_away(client, world):
    response = client.get("/fr/cities/?country=ES")

    assert response.status_code == 200
    assert _names(response) == ["Barcelona", "Granollers", "Sevilla"]
    assert '<html lang="fr">' in response.content.decode()


def test_directory_refuses_post(client, world):
    response = client.post(URL)

    assert response.status_code == 405


def test_directory_query_count_constant_with_more_cities(client):
    network = NetworkFactory(slug="net")
    for city in CityFactory.create_batch(3):
        NetworkMembershipFactory(network=network, city=city)
    url = f"{URL}?network=net&ordering=name"
    client.get(url)
    few = _queries(client, url)

    for city in CityFactory.create_batch(27, country=CountryFactory(code="PT")):
        NetworkMembershipFactory(network=network, city=city)
    many = _queries(client, url)

    assert few == many


def test_directory_url_names_resolve():
    assert reverse("members:directory") == "/en/cities/"
    assert reverse("members:directory_export") == "/en/cities/export/"


def test_home_page_maps_every_member_city(client):
    CityFactory.create_batch(3)
    CityFactory(membership_status=MembershipStatus.APPLIED)

    response = client.get("/en/")
    points = client.get(_map_url(response.content.decode(), "home-map")).json()["points"]

    assert response.status_code == 200
    assert len(points) == 3


def test_directory_map_is_compressed_for_clients_that_accept_gzip(client):
    CityFactory.create_batch(30)

    response = client.get(f"{URL}map.json", headers={"accept-encoding": "gzip"})

    assert response["Content-Encoding"] == "gzip"
    assert len(json.loads(gzip.decompress(response.content))["points"]) == 30
