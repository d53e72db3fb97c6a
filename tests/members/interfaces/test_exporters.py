import csv
import io
import json

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from educities.members.enums import MembershipStatus, WorldRegion
from educities.members.interfaces.exporters import DIRECTORY_COLUMNS
from tests.factories import (
    CityFactory,
    ContactFactory,
    CountryFactory,
    NetworkFactory,
    NetworkMembershipFactory,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

URL = "/en/cities/export/"
COLUMNS = [
    "name",
    "slug",
    "country_code",
    "country_name",
    "world_region",
    "region",
    "population",
    "population_band",
    "latitude",
    "longitude",
    "member_since",
    "networks",
    "url",
]


def _csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _xlsx_rows(response) -> list[list]:
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.fixture
def cities():
    spain = CountryFactory(code="ES", region=WorldRegion.EUROPE)
    brazil = CountryFactory(code="BR", region=WorldRegion.LATIN_AMERICA)
    granollers = CityFactory(
        name="Granollers",
        slug="granollers",
        country=spain,
        region="Catalonia",
        population=62_000,
        latitude=41.6079,
        longitude=2.2876,
        member_since="2004-11-30",
    )
    santos = CityFactory(
        name="Santos",
        slug="santos",
        country=brazil,
        region="São Paulo",
        population=433_000,
        latitude=-23.96,
        longitude=-46.33,
        member_since=None,
    )
    rece = NetworkFactory(name="RECE", slug="rece")
    arts = NetworkFactory(name="Arts", slug="arts")
    NetworkMembershipFactory(network=rece, city=granollers)
    NetworkMembershipFactory(network=arts, city=granollers)
    NetworkMembershipFactory(network=arts, city=santos)
    ContactFactory(
        city=granollers, full_name="Private Person", email="private@granollers.cat", is_public=False
    )
    ContactFactory(city=granollers, full_name="Public Person", email="public@granollers.cat", is_public=True)
    CityFactory(
        name="Applicantville",
        slug="applicantville",
        country=spain,
        membership_status=MembershipStatus.APPLIED,
    )
    return granollers, santos


GRANOLLERS = [
    "Granollers",
    "granollers",
    "ES",
    "Spain",
    "europe",
    "Catalonia",
    62000,
    "2",
    41.6079,
    2.2876,
    "2004-11-30",
    "Arts; RECE",
    "http://testserver/en/cities/granollers/",
]
SANTOS = [
    "Santos",
    "santos",
    "BR",
    "Brazil",
    "latin_america",
    "São Paulo",
    433000,
    "4",
    -23.96,
    -46.33,
    "",
    "Arts",
    "http://testserver/en/cities/santos/",
]


def test_directory_columns_are_stable():
    assert list(DIRECTORY_COLUMNS) == COLUMNS


def test_export_csv_has_exact_columns_and_rows(client, cities):
    response = client.get(URL, {"format": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="member-cities.csv"'
    assert _csv_rows(response) == [COLUMNS, [str(value) for value in GRANOLLERS], [str(v) for v in SANTOS]]


def test_export_xlsx_has_exact_columns_and_rows(client, cities):
    response = client.get(URL, {"format": "xlsx"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == 'attachment; filename="member-cities.xlsx"'
    rows = _xlsx_rows(response)
    assert rows[0] == COLUMNS
    # openpyxl reads empty strings back as None.
    assert rows[1:] == [GRANOLLERS, [None if value == "" else value for value in SANTOS]]


def test_export_json_has_exact_keys_and_values(client, cities):
    response = client.get(URL, {"format": "json"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == [
        dict(zip(COLUMNS, GRANOLLERS, strict=True)),
        dict(zip(COLUMNS, SANTOS, strict=True)),
    ]


def test_export_defaults_to_csv(client, cities):
    response = client.get(URL)

    assert response.status_code == 200
    assert _csv_rows(response)[0] == COLUMNS


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"country": "BR"}, ["Santos"]),
        ({"network": "rece"}, ["Granollers"]),
        ({"region": "europe"}, ["Granollers"]),
        ({"population": "4"}, ["Santos"]),
        ({"q": "paulo"}, ["Santos"]),
        ({"network": "arts", "ordering": "-population"}, ["Santos", "Granollers"]),
        ({"network": "arts", "country": "ES"}, ["Granollers"]),
        ({"country": "BR", "network": "rece"}, []),
    ],
)
def test_export_applies_the_directory_filters(client, cities, fmt, query, expected):
    response = client.get(URL, {**query, "format": fmt})

    assert response.status_code == 200
    if fmt == "csv":
        names = [row[0] for row in _csv_rows(response)[1:]]
    elif fmt == "xlsx":
        names = [row[0] for row in _xlsx_rows(response)[1:]]
    else:
        names = [row["name"] for row in json.loads(response.content)]
    assert names == expected


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_export_has_no_private_data_and_no_applicant(client, cities, fmt):
    response = client.get(URL, {"format": fmt})

    assert b"granollers.cat" not in response.content
    assert b"Private Person" not in response.content
    assert b"Public Person" not in response.content
    assert b"Applicantville" not in response.content


@pytest.mark.parametrize("fmt", ["pdf", "CSV", "../etc/passwd", "<script>", "x" * 300])
def test_export_unknown_format_is_400_with_message(client, cities, fmt):
    response = client.get(URL, {"format": fmt})

    assert response.status_code == 400
    content = response.content.decode()
    assert "is not an export format. Choose one of: csv, xlsx, json." in content
    assert "<script>" not in content


@pytest.mark.parametrize(
    "query", [{"country": "XX"}, {"population": "9"}, {"q": "x" * 500}, {"ordering": "bogus"}]
)
def test_export_with_invalid_filters_is_400_with_message(client, cities, query):
    response = client.get(URL, {**query, "format": "csv"})

    assert response.status_code == 400
    content = response.content.decode()
    assert "The filters of this export are not valid." in content
    assert "Select a valid choice" in content or "Ensure this value has at most 100 characters" in content


def test_export_neutralises_spreadsheet_formulas(client):
    CityFactory(name='=HYPERLINK("http://evil")', slug="evil", region="+cmd", latitude=-10.5, longitude=-20.5)

    csv_rows = _csv_rows(client.get(URL, {"format": "csv"}))
    xlsx_rows = _xlsx_rows(client.get(URL, {"format": "xlsx"}))
    json_rows = json.loads(client.get(URL, {"format": "json"}).content)

    assert csv_rows[1][0] == '\'=HYPERLINK("http://evil")'
    assert csv_rows[1][5] == "'+cmd"
    assert csv_rows[1][8:10] == ["-10.5", "-20.5"]
    assert xlsx_rows[1][0] == '\'=HYPERLINK("http://evil")'
    assert xlsx_rows[1][8:10] == [-10.5, -20.5]
    assert json_rows[0]["name"] == '=HYPERLINK("http://evil")'


def test_export_in_french_keeps_column_names(client, cities):
    response = client.get("/fr/cities/export/", {"format": "json"})

    assert list(json.loads(response.content)[0]) == COLUMNS
    assert json.loads(response.content)[0]["url"] == "http://testserver/fr/cities/granollers/"


def test_export_refuses_post(client, cities):
    response = client.post(URL, {"format": "csv"})

    assert response.status_code == 405


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_export_query_count_constant_with_more_cities(client, fmt):
    network = NetworkFactory(slug="net")
    for city in CityFactory.create_batch(3):
        NetworkMembershipFactory(network=network, city=city)
        NetworkMembershipFactory(city=city)
    url = f"{URL}?format={fmt}&network=net"

    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for city in CityFactory.create_batch(27, country=CountryFactory(code="PT")):
        NetworkMembershipFactory(network=network, city=city)
        NetworkMembershipFactory(city=city)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200

    assert len(few.captured_queries) == len(many.captured_queries)
