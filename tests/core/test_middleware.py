import pytest

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.mark.parametrize(
    "path",
    [
        "/en/cities/?country=%00",
        "/en/cities/?%00=ES",
        "/en/admin/members/city/?membership_status=%00",
    ],
)
def test_query_string_with_nul_is_refused_with_400(client, path):
    response = client.get(path)

    assert response.status_code == 400
    assert response.content.decode() == "The address contains a character that is not allowed (NUL)."


def test_api_query_string_with_nul_is_refused_with_json_400(client):
    response = client.get("/api/v1/cities/?q=a%00b")

    assert response.status_code == 400
    assert response.json() == {"detail": "The address contains a character that is not allowed (NUL)."}


def test_query_string_without_nul_passes(client):
    assert client.get("/en/cities/?q=Gir%C3%B3na").status_code == 200


@pytest.mark.parametrize("path", ["/api/v1/docs/", "/api/v1/redoc/"])
def test_api_documentation_pages_answer_options_with_405(client, path):
    assert client.options(path).status_code == 405
    assert client.get(path).status_code == 200
