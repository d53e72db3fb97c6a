import pytest

from educities.members.enums import IncomeGroup, MembershipStatus, WorldRegion
from tests.factories import CityFactory, CountryFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def countries():
    spain = CountryFactory(code="ES", income_group=IncomeGroup.IV, region=WorldRegion.EUROPE)
    argentina = CountryFactory(code="AR", income_group=IncomeGroup.III, region=WorldRegion.LATIN_AMERICA)
    germany = CountryFactory(code="DE", income_group=IncomeGroup.IV, region=WorldRegion.EUROPE)
    CityFactory.create_batch(2, country=spain)
    CityFactory(country=spain, membership_status=MembershipStatus.APPLIED)
    CityFactory(country=argentina)
    CityFactory(country=germany, membership_status=MembershipStatus.SUSPENDED)


def test_country_list_gives_countries_with_member_counts(client, countries):
    response = client.get("/api/v1/countries/")

    assert response.status_code == 200
    assert response.json() == {
        "count": 2,
        "next": None,
        "previous": None,
        "results": [
            {
                "code": "AR",
                "name": "Argentina",
                "income_group": "III",
                "region": "latin_america",
                "member_count": 1,
            },
            {"code": "ES", "name": "Spain", "income_group": "IV", "region": "europe", "member_count": 2},
        ],
    }


def test_country_list_names_follow_accept_language(client, countries):
    response = client.get("/api/v1/countries/", headers={"accept-language": "es"})

    assert [c["name"] for c in response.json()["results"]] == ["Argentina", "España"]


@pytest.mark.parametrize("code", ["ES", "es"])
def test_country_detail_by_code_in_any_case(client, countries, code):
    response = client.get(f"/api/v1/countries/{code}/")

    assert response.status_code == 200
    assert response.json() == {
        "code": "ES",
        "name": "Spain",
        "income_group": "IV",
        "region": "europe",
        "member_count": 2,
    }


@pytest.mark.parametrize("code", ["DE", "ZZ", "ESP", "E", "%00%00", "1%27"])
def test_country_detail_without_members_or_malformed_is_json_404(client, countries, code):
    response = client.get(f"/api/v1/countries/{code}/")

    assert response.status_code == 404
    assert response.json() == {"detail": "No country with member cities has this code."}


@pytest.mark.parametrize("many", [3, 12])
def test_country_list_query_count_does_not_grow_with_countries(client, django_assert_num_queries, many):
    for code in ["ES", "FR", "PT", "BR", "AR", "MX", "IT", "KR", "CO", "BE", "DE", "FI"][:many]:
        CityFactory.create_batch(2, country=CountryFactory(code=code))

    # count, page of countries with their member count
    with django_assert_num_queries(2):
        response = client.get("/api/v1/countries/")

    assert response.json()["count"] == many
