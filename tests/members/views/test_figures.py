import re
from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from educities.members.enums import MembershipStatus, WorldRegion
from tests.factories import COUNTRY_CODES, CityFactory, CountryFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

URL = "/en/figures/"


@pytest.fixture
def world():
    spain = CountryFactory(code="ES", region=WorldRegion.EUROPE)
    brazil = CountryFactory(code="BR", region=WorldRegion.LATIN_AMERICA)
    CityFactory(country=spain, population=1_620_000, member_since=date(2020, 11, 30))
    CityFactory(country=spain, population=62_000, member_since=date(2020, 5, 1))
    CityFactory(country=spain, population=100_000, member_since=date(2024, 1, 1))
    CityFactory(country=brazil, population=430_000, member_since=date(2024, 6, 1))
    CityFactory(country=brazil, population=1_000, member_since=date(2024, 9, 1))
    CityFactory(country=brazil, population=9_999_999, membership_status=MembershipStatus.APPLIED)


def _desc(content: str, chart_id: str) -> str:
    return re.search(rf'<desc id="{chart_id}-desc">(.*?)</desc>', content, re.S).group(1)


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(URL)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_figures_url_is_under_the_language_prefix():
    assert reverse("members:figures") == "/en/figures/"


@time_machine.travel(date(2026, 6, 1), tick=False)
def test_figures_describes_the_growth_in_words(client, world):
    response = client.get(URL)

    assert response.status_code == 200
    content = response.content.decode()
    assert _desc(content, "chart-years") == (
        "From 2020 to 2026 the number of member cities grew from 2 to 5. The most cities joined in 2024 (3)."
    )
    assert 'role="img" aria-labelledby="chart-years-title chart-years-desc"' in content
    assert '<title id="chart-years-title">Member cities by year</title>' in content
    assert [row.total for row in response.context["over_time"].years] == [2, 2, 2, 2, 5, 5, 5]


@time_machine.travel(date(2026, 6, 1), tick=False)
def test_figures_draws_one_bar_per_year_region_and_country(client, world):
    response = client.get(URL)

    context = response.context
    assert [(bar.label, bar.value) for bar in context["years_chart"].bars] == [
        ("2020", 2), ("2021", 2), ("2022", 2), ("2023", 2), ("2024", 5), ("2025", 5), ("2026", 5),
    ]  # fmt: skip
    assert [(bar.label, bar.value) for bar in context["regions_chart"].bars] == [
        ("Europe", 3),
        ("Latin America and the Caribbean", 2),
    ]
    assert [(bar.label, bar.value_text) for bar in context["inhabitants_chart"].bars] == [
        ("Europe", "1.8 million"),
        ("Latin America and the Caribbean", "431,000"),
    ]
    assert [(bar.label, bar.value) for bar in context["countries_chart"].bars] == [
        ("Spain", 3),
        ("Brazil", 2),
    ]
    content = response.content.decode()
    assert content.count('role="img"') == 4
    assert content.count("<figure") == 3
    assert content.count("Show the data as a table") == 3


@time_machine.travel(date(2026, 6, 1), tick=False)
def test_figures_tables_hold_the_same_data_with_headers(client, world):
    content = client.get(URL).content.decode()

    assert "<caption>Member cities by year of joining</caption>" in content
    assert '<th scope="row">2024</th>\n                    <td class="numeric">3</td>\n' in content
    assert (
        '<th scope="row"><a href="/en/cities/?region=europe">Europe</a></th>\n'
        '                  <td class="numeric">3</td>\n'
        '                  <td class="numeric">1,782,000</td>'
    ) in content
    assert '<a href="/en/cities/?country=BR">Brazil</a>' in content
    assert _desc(content, "chart-regions") == (
        "Member cities per world region: Europe: 3; Latin America and the Caribbean: 2."
    )


@time_machine.travel(date(2026, 6, 1), tick=False)
def test_figures_in_french_translate_names_and_format_numbers(client, world):
    content = client.get("/fr/figures/").content.decode()

    assert '<html lang="fr">' in content
    assert '<a href="/fr/cities/?country=BR">Brésil</a>' in content
    assert '<a href="/fr/cities/?country=ES">Espagne</a>' in content
    assert '<td class="numeric">1\xa0782\xa0000</td>' in content
    assert "1,8\xa0million" in content
    # Coordinates stay machine-readable whatever the language.
    assert re.search(r'<rect class="chart-bar" x="\d+(\.\d+)?" y="\d+(\.\d+)?"', content)
    assert not re.search(r'<rect class="chart-bar" x="\d+,\d', content)


def test_figures_without_members_explains_instead_of_drawing(client):
    CityFactory(membership_status=MembershipStatus.APPLIED, member_since=None)

    response = client.get(URL)

    assert response.status_code == 200
    content = response.content.decode()
    assert "There are no member cities yet, so there are no figures to chart." in content
    assert "<svg" not in content
    assert "<table" not in content


def test_figures_explains_members_without_a_joining_date(client):
    CityFactory(member_since=None)
    CityFactory(member_since=None)

    content = client.get(URL).content.decode()

    assert "2 member cities have no joining date recorded and are not counted here." in content
    assert "No member city has a joining date recorded yet." in content
    assert content.count('role="img"') == 3  # regions, inhabitants, countries


def test_figures_shows_the_top_fifteen_countries_only(client):
    for code in COUNTRY_CODES:  # 15 codes
        CityFactory(country=CountryFactory(code=code))
    CityFactory.create_batch(2, country=CountryFactory(code="JP"))

    response = client.get(URL)

    bars = response.context["countries_chart"].bars
    assert len(bars) == 15
    assert (bars[0].label, bars[0].value) == ("Japan", 2)
    assert "The 15 countries with the most member cities, out of 16 countries with members." in (
        response.content.decode()
    )


def test_figures_ignores_query_strings_and_refuses_posts(client, world):
    assert client.get(URL + "?year=<script>&page=-1").status_code == 200
    assert client.post(URL).status_code == 405


def test_figures_query_count_is_constant(client):
    def add(count: int, offset: int) -> None:
        for i in range(count):
            CityFactory(
                country=CountryFactory(code=COUNTRY_CODES[i % len(COUNTRY_CODES)]),
                member_since=date(1990 + (offset + i) % 30, 1, 1),
            )

    add(3, 0)
    few = _queries(client)
    add(27, 3)
    assert _queries(client) == few == 3
