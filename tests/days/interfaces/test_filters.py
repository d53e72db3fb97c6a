"""The agenda's filters: what the query string means, and what happens to values that are not valid."""

import datetime

import pytest
from django.http import QueryDict

from educities.days.domain.queries import AgendaFilters, agenda_activities
from educities.days.interfaces.filters import ActivityApiFilter, ActivityFilter
from educities.days.models import Activity
from tests.days.factories import ActivityFactory, CampaignFactory
from tests.factories import CityFactory, CountryFactory, NetworkFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def _filter(query: str, cls=ActivityFilter):
    return cls(QueryDict(query) if query else None, queryset=Activity.objects.all())


def test_filter_unbound_has_no_filter():
    filterset = _filter("")

    assert filterset.agenda_filters == AgendaFilters()


def test_filter_reads_every_parameter():
    CountryFactory(code="ES")
    network = NetworkFactory(slug="mediterranean")
    city = CityFactory(slug="valencia")

    filterset = _filter(
        "q=walk&country=es&network=mediterranean&kind=walk&date=2025-11-30&format=online&city=valencia"
    )

    assert filterset.form.is_valid()
    assert filterset.agenda_filters == AgendaFilters(
        country="ES",
        network=network.pk,
        kind="walk",
        date=datetime.date(2025, 11, 30),
        format="online",
        city=city.pk,
        q="walk",
    )


def test_filter_invalid_values_are_reported_and_left_out():
    filterset = _filter(
        "q=walk&country=ZZ&network=nope&kind=juggling&date=2025-02-30&format=teleport&city=nowhere"
    )

    assert not filterset.form.is_valid()
    assert sorted(filterset.form.errors) == ["city", "country", "date", "format", "kind", "network"]
    assert filterset.agenda_filters == AgendaFilters(q="walk")


def test_filter_title_longer_than_100_characters_is_refused():
    filterset = _filter("q=" + "a" * 101)

    assert list(filterset.form.errors) == ["q"]


def test_filter_qs_applies_the_valid_filters_through_the_domain():
    campaign = CampaignFactory()
    ActivityFactory(
        campaign=campaign, title="Walk in Spain", city=CityFactory(country=CountryFactory(code="ES"))
    )
    ActivityFactory(
        campaign=campaign, title="Walk in France", city=CityFactory(country=CountryFactory(code="FR"))
    )

    filterset = ActivityFilter(
        QueryDict("country=es&kind=juggling"), queryset=agenda_activities(campaign=campaign)
    )

    assert [activity.title for activity in filterset.qs] == ["Walk in Spain"]


def test_api_filter_takes_the_year_of_the_campaign():
    ActivityFactory(campaign=CampaignFactory(year=2024), title="2024")
    ActivityFactory(campaign=CampaignFactory(year=2025), title="2025")

    filterset = _filter("year=2024", cls=ActivityApiFilter)

    assert [activity.title for activity in filterset.qs] == ["2024"]


@pytest.mark.parametrize("year", ["1999", "2101", "99999999999999999999999", "abc", "2024.5"])
def test_api_filter_refuses_a_year_out_of_range(year):
    filterset = _filter(f"year={year}", cls=ActivityApiFilter)

    assert list(filterset.form.errors) == ["year"]
