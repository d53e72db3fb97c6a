import pytest
import yaml
from django.core.management import call_command

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_schema_lists_every_endpoint(client):
    response = client.get("/api/v1/schema/", {"format": "json"})

    assert response.status_code == 200
    schema = response.json()
    # The bank of experiences' paths are checked in tests/experiences/api/test_schema.py.
    schema["paths"] = {path: ops for path, ops in schema["paths"].items() if "experiences" not in path}
    assert sorted(schema["paths"]) == [
        "/api/v1/award/editions/",
        "/api/v1/award/editions/{year}/",
        "/api/v1/cities/",
        "/api/v1/cities/{slug}/",
        "/api/v1/countries/",
        "/api/v1/countries/{code}/",
        "/api/v1/day/activities/",
        "/api/v1/day/activities/{id}/",
        "/api/v1/day/campaigns/",
        "/api/v1/day/campaigns/{year}/",
        "/api/v1/jury/items/",
        "/api/v1/jury/items/{id}/",
        "/api/v1/networks/",
        "/api/v1/networks/{slug}/",
    ]
    assert all(list(operations) == ["get"] for operations in schema["paths"].values())


def test_schema_documents_city_filters_with_their_choices(client):
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()

    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/cities/"]["get"]["parameters"]}

    assert sorted(parameters) == [
        "Accept-Language",
        "country",
        "network",
        "ordering",
        "page",
        "page_size",
        "population",
        "q",
        "region",
    ]
    assert parameters["population"]["schema"]["enum"] == ["1", "2", "3", "4", "5", "6", "7", "8"]
    assert parameters["region"]["schema"]["enum"] == [
        "africa",
        "asia_pacific",
        "europe",
        "latin_america",
        "middle_east",
        "north_america",
    ]
    assert parameters["ordering"]["schema"]["items"]["enum"] == [
        "-member_since",
        "-name",
        "-population",
        "member_since",
        "name",
        "population",
    ]
    network_parameters = schema["paths"]["/api/v1/networks/"]["get"]["parameters"]
    kind = next(p for p in network_parameters if p["name"] == "kind")
    assert kind["schema"]["enum"] == ["delegation", "territorial", "thematic"]


def test_schema_never_exposes_private_fields(client):
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()

    components = schema["components"]["schemas"]
    assert sorted(components["PublicContact"]["properties"]) == [
        "department",
        "email",
        "full_name",
        "phone",
        "position",
    ]
    everything = str(schema)
    for private in ("is_public", "fees", "membership_status", "certificate_number", "amount"):
        assert private not in everything


def test_schema_validates_without_warnings(tmp_path):
    target = tmp_path / "schema.yaml"

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))

    assert yaml.safe_load(target.read_text())["info"]["title"] == "educities API"


@pytest.mark.parametrize("name", ["docs", "redoc"])
def test_api_docs_pages_render_from_local_assets(client, name):
    response = client.get(f"/api/v1/{name}/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "/static/drf_spectacular_sidecar/" in page
    assert "cdn" not in page.lower()
