from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from educities.members.domain.queries_figures import (
    CountryFigure,
    RegionFigure,
    YearFigure,
    members_by_region,
    members_over_time,
    members_top_countries,
)
from educities.members.enums import MembershipStatus, WorldRegion
from tests.factories import CityFactory, CountryFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_members_over_time_counts_each_year_and_the_running_total():
    CityFactory(member_since=date(2020, 3, 1))
    CityFactory(member_since=date(2020, 11, 30))
    CityFactory(member_since=date(2022, 1, 15))

    figures = members_over_time(until=2023)

    assert figures.years == [
        YearFigure(year=2020, joined=2, total=2),
        YearFigure(year=2021, joined=0, total=2),
        YearFigure(year=2022, joined=1, total=3),
        YearFigure(year=2023, joined=0, total=3),
    ]
    assert figures.undated == 0
    assert (figures.first.year, figures.last.total, figures.peak.year) == (2020, 3, 2020)


def test_members_over_time_counts_only_current_members():
    CityFactory(member_since=date(2019, 5, 5))
    CityFactory(member_since=date(2015, 5, 5), membership_status=MembershipStatus.WITHDRAWN)
    CityFactory(member_since=date(2016, 5, 5), membership_status=MembershipStatus.SUSPENDED)
    CityFactory(member_since=None, membership_status=MembershipStatus.APPLIED)

    figures = members_over_time(until=2020)

    assert figures.years == [
        YearFigure(year=2019, joined=1, total=1),
        YearFigure(year=2020, joined=0, total=1),
    ]


def test_members_over_time_reports_members_without_a_joining_date_apart():
    CityFactory(member_since=None)
    CityFactory(member_since=None)
    CityFactory(member_since=date(2024, 6, 1))

    figures = members_over_time(until=2024)

    assert figures.years == [YearFigure(year=2024, joined=1, total=1)]
    assert figures.undated == 2


def test_members_over_time_runs_to_the_current_year_by_default():
    CityFactory(member_since=date(2000, 1, 1))

    figures = members_over_time()

    assert figures.first.year == 2000
    assert figures.last.year == timezone.localdate().year
    assert figures.last.total == 1


def test_members_over_time_extends_to_a_joining_date_after_until():
    CityFactory(member_since=date(2030, 1, 1))

    figures = members_over_time(until=2029)

    assert [row.year for row in figures.years] == [2030]


def test_members_over_time_peak_is_the_earliest_year_on_a_tie():
    CityFactory(member_since=date(2001, 1, 1))
    CityFactory(member_since=date(2003, 1, 1))

    assert members_over_time(until=2003).peak == YearFigure(year=2001, joined=1, total=1)


def test_members_over_time_is_empty_without_members():
    CityFactory(membership_status=MembershipStatus.APPLIED, member_since=None)

    figures = members_over_time(until=2026)

    assert (figures.years, figures.undated, figures.first, figures.last, figures.peak) == (
        [],
        0,
        None,
        None,
        None,
    )


def test_members_by_region_counts_cities_and_inhabitants_most_cities_first():
    spain = CountryFactory(code="ES", region=WorldRegion.EUROPE)
    france = CountryFactory(code="FR", region=WorldRegion.EUROPE)
    brazil = CountryFactory(code="BR", region=WorldRegion.LATIN_AMERICA)
    senegal = CountryFactory(code="SN", region=WorldRegion.AFRICA)
    CityFactory(country=spain, population=100_000)
    CityFactory(country=france, population=250_000)
    CityFactory(country=brazil, population=1_000_000)
    CityFactory(country=senegal, population=50_000)
    CityFactory(country=senegal, population=70_000, membership_status=MembershipStatus.WITHDRAWN)

    assert members_by_region() == [
        RegionFigure(region="europe", label="Europe", cities=2, inhabitants=350_000),
        RegionFigure(region="africa", label="Africa", cities=1, inhabitants=50_000),
        RegionFigure(
            region="latin_america", label="Latin America and the Caribbean", cities=1, inhabitants=1_000_000
        ),
    ]


def test_members_by_region_labels_are_in_the_readers_language():
    CityFactory(country=CountryFactory(code="SN", region=WorldRegion.AFRICA))

    with translation.override("fr"):
        figures = members_by_region()

    assert [figure.label for figure in figures] == ["Afrique"]


def test_members_top_countries_ranks_by_cities_then_name_and_cuts_at_the_limit():
    germany, spain, finland, italy = (CountryFactory(code=code) for code in ("DE", "ES", "FI", "IT"))
    CityFactory.create_batch(3, country=spain, population=10_000)
    CityFactory.create_batch(2, country=italy, population=20_000)
    CityFactory.create_batch(2, country=germany, population=30_000)
    CityFactory(country=finland, population=40_000)
    CityFactory(country=finland, membership_status=MembershipStatus.WITHDRAWN)

    ranking = members_top_countries(limit=3)

    assert ranking.countries == [
        CountryFigure(code="ES", name="Spain", cities=3, inhabitants=30_000),
        CountryFigure(code="DE", name="Germany", cities=2, inhabitants=60_000),
        CountryFigure(code="IT", name="Italy", cities=2, inhabitants=40_000),
    ]
    assert ranking.country_count == 4


def test_members_top_countries_breaks_ties_by_the_name_the_reader_sees():
    CityFactory(country=CountryFactory(code="DE"))  # Germany / Allemagne
    CityFactory(country=CountryFactory(code="ES"))  # Spain / Espagne

    with translation.override("fr"):
        ranking = members_top_countries(limit=15)

    assert [(figure.code, figure.name) for figure in ranking.countries] == [
        ("DE", "Allemagne"),
        ("ES", "Espagne"),
    ]


def test_members_top_countries_with_a_negative_limit_is_empty():
    CityFactory()

    assert members_top_countries(limit=-1).countries == []


def test_figure_selectors_take_one_query_each_whatever_the_number_of_cities():
    for count in (3, 30):
        CityFactory.create_batch(count)
        for selector in (members_over_time, members_by_region, members_top_countries):
            with CaptureQueriesContext(connection) as queries:
                selector()
            assert len(queries.captured_queries) == 1, selector.__name__
