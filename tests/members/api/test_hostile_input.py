"""Malformed parameters get a 4xx with a JSON body that names the parameter; nothing is ever a 500."""

import pytest
from django.test import Client

from educities.members.models import City, Country, Network
from tests.factories import CityFactory, NetworkFactory, NetworkMembershipFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

INVALID_PAGE = (404, {"detail": "Invalid page."})
BAD_PAGE_SIZE = (400, {"page_size": ["Enter a whole number from 1 to 200."]})


@pytest.fixture(autouse=True)
def _data():
    city = CityFactory(slug="granollers", country__code="ES")
    NetworkMembershipFactory(network=NetworkFactory(slug="rece"), city=city)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            {"country": "ZZ"},
            (400, {"country": ["Select a valid choice. That choice is not one of the available choices."]}),
        ),
        (
            {"country": "DE"},  # a real ISO code that is not in the registry
            (400, {"country": ["Select a valid choice. That choice is not one of the available choices."]}),
        ),
        (
            {"population": "9"},
            (400, {"population": ["Select a valid choice. 9 is not one of the available choices."]}),
        ),
        (
            {"region": "mars"},
            (400, {"region": ["Select a valid choice. mars is not one of the available choices."]}),
        ),
        (
            {"network": "nonexistent"},
            (400, {"network": ["Select a valid choice. That choice is not one of the available choices."]}),
        ),
        (
            {"ordering": "password"},
            (400, {"ordering": ["Select a valid choice. password is not one of the available choices."]}),
        ),
        (
            {"ordering": "name,country__income_group"},
            (
                400,
                {
                    "ordering": [
                        "Select a valid choice. country__income_group is not one of the available choices."
                    ]
                },
            ),
        ),
        ({"q": "x" * 10_000}, (400, {"q": ["Ensure this value has at most 100 characters (it has 10000)."]})),
        ({"q": "gran\x00"}, (400, {"detail": "The address contains a character that is not allowed (NUL)."})),
        ({"page": "abc"}, INVALID_PAGE),
        ({"page": "0"}, INVALID_PAGE),
        ({"page": "-1"}, INVALID_PAGE),
        ({"page": "2"}, INVALID_PAGE),
        ({"page": "9" * 5000}, INVALID_PAGE),
        ({"page_size": "100000"}, BAD_PAGE_SIZE),
        ({"page_size": "0"}, BAD_PAGE_SIZE),
        ({"page_size": "-5"}, BAD_PAGE_SIZE),
        ({"page_size": "ten"}, BAD_PAGE_SIZE),
        ({"page_size": "9" * 5000}, BAD_PAGE_SIZE),
        (
            {"country": "ZZ", "population": "9"},
            (
                400,
                {
                    "country": ["Select a valid choice. That choice is not one of the available choices."],
                    "population": ["Select a valid choice. 9 is not one of the available choices."],
                },
            ),
        ),
    ],
)
def test_city_list_bad_parameter_gets_clear_json_error(client, params, expected):
    response = client.get("/api/v1/cities/", params)

    assert (response.status_code, response.json()) == expected


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            {"kind": "secret"},
            (400, {"kind": ["Select a valid choice. secret is not one of the available choices."]}),
        ),
        ({"page": "abc"}, INVALID_PAGE),
        ({"page_size": "100000"}, BAD_PAGE_SIZE),
    ],
)
def test_network_list_bad_parameter_gets_clear_json_error(client, params, expected):
    response = client.get("/api/v1/networks/", params)

    assert (response.status_code, response.json()) == expected


@pytest.mark.parametrize(
    ("params", "expected"), [({"page": "abc"}, INVALID_PAGE), ({"page_size": "0"}, BAD_PAGE_SIZE)]
)
def test_country_list_bad_parameter_gets_clear_json_error(client, params, expected):
    response = client.get("/api/v1/countries/", params)

    assert (response.status_code, response.json()) == expected


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/countries/",
        "/api/v1/countries/ES/",
        "/api/v1/cities/",
        "/api/v1/cities/granollers/",
        "/api/v1/networks/",
        "/api/v1/networks/rece/",
    ],
)
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_api_is_read_only(client, url, method):
    counts = (Country.objects.count(), City.objects.count(), Network.objects.count())

    response = getattr(client, method)(url, data={"name": "Changed"}, content_type="application/json")

    assert response.status_code == 405
    assert response.json() == {"detail": f'Method "{method.upper()}" not allowed.'}
    assert (Country.objects.count(), City.objects.count(), Network.objects.count()) == counts
    assert City.objects.get().name != "Changed"


def test_api_post_is_refused_as_a_method_not_as_csrf_failure():
    client = Client(enforce_csrf_checks=True)

    response = client.post("/api/v1/cities/", data={})

    assert response.status_code == 405
