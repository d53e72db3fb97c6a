import pytest
import yaml
from django.core.management import call_command

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def schema(client):
    response = client.get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    return response.json()


def test_schema_documents_the_experience_endpoints(schema):
    paths = schema["paths"]

    assert sorted(path for path in paths if "experiences" in path) == [
        "/api/v1/experiences/",
        "/api/v1/experiences/{slug}/",
        "/api/v1/experiences/{slug}/submit/",
        "/api/v1/me/experiences/",
    ]
    assert sorted(paths["/api/v1/experiences/"]) == ["get", "post"]
    assert sorted(paths["/api/v1/experiences/{slug}/"]) == ["get", "patch"]
    assert sorted(paths["/api/v1/experiences/{slug}/submit/"]) == ["post"]
    assert sorted(paths["/api/v1/me/experiences/"]) == ["get"]


def test_schema_declares_the_bearer_security_scheme(schema):
    schemes = schema["components"]["securitySchemes"]

    assert schemes["bearerAuth"]["type"] == "http"
    assert schemes["bearerAuth"]["scheme"] == "bearer"
    create = schema["paths"]["/api/v1/experiences/"]["post"]
    assert create["security"] == [{"bearerAuth": []}, {"cookieAuth": []}]
    me = schema["paths"]["/api/v1/me/experiences/"]["get"]
    assert me["security"] == [{"bearerAuth": []}, {"cookieAuth": []}]
    # Public reads: anonymous ({}) or with a token.
    assert schema["paths"]["/api/v1/experiences/"]["get"]["security"] == [
        {"bearerAuth": []},
        {"cookieAuth": []},
        {},
    ]


def test_schema_documents_list_filters_and_write_bodies(schema):
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/experiences/"]["get"]["parameters"]}

    assert sorted(parameters) == [
        "Accept-Language",
        "award",
        "country",
        "lang",
        "language",
        "network",
        "ordering",
        "page",
        "page_size",
        "principle",
        "q",
        "sdg",
        "target_group",
        "theme",
        "year",
    ]
    assert parameters["theme"]["schema"]["type"] == "array"
    assert parameters["ordering"]["schema"]["enum"] == ["relevance", "date"]
    create = schema["paths"]["/api/v1/experiences/"]["post"]
    body = create["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    assert body == "#/components/schemas/ExperienceCreate"
    properties = schema["components"]["schemas"]["ExperienceCreate"]["properties"]
    assert "city" in properties
    assert "themes" in properties
    assert sorted(create["responses"]) == ["201", "400", "401", "403"]
    patch = schema["paths"]["/api/v1/experiences/{slug}/"]["patch"]
    assert sorted(patch["responses"]) == ["200", "400", "401", "403", "404"]
    detail = schema["components"]["schemas"]["ExperienceDetail"]["properties"]
    assert (
        detail["title"]["allOf"] == [{"$ref": "#/components/schemas/TranslatedText"}]
        or detail["title"]["$ref"] == "#/components/schemas/TranslatedText"
    )


def test_schema_with_experiences_validates_without_warnings(tmp_path):
    target = tmp_path / "schema.yaml"

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))

    assert "/api/v1/experiences/" in yaml.safe_load(target.read_text())["paths"]
