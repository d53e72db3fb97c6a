"""N+1 guards: the Day's public pages, map points, downloads and API read as many queries for 3 activities
as for 30 (in as many cities, countries, networks and time zones)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from educities.days.enums import ActivityStatus
from tests.days.factories import ActivityFactory, ActivityPhotoFactory, CampaignFactory, day_moment
from tests.factories import (
    COUNTRY_CODES,
    CityFactory,
    CountryFactory,
    NetworkFactory,
    NetworkMembershipFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.integration]

ZONES = ["Europe/Madrid", "America/Bogota", "Asia/Tokyo", "Africa/Dakar", "America/Sao_Paulo"]


def _queries(client, url: str) -> int:
    client.get(url)  # fills the process's caches (content types) first
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def _world(count: int, *, offset: int = 0) -> None:
    """``count`` activities in as many cities, over every country and zone, in two campaigns."""
    network = NetworkFactory(slug=f"network-{offset}")
    for number in range(count):
        zone = ZONES[number % len(ZONES)]
        city = CityFactory(
            country=CountryFactory(code=COUNTRY_CODES[number % len(COUNTRY_CODES)]),
            slug=f"city-{offset}-{number}",
            time_zone=zone,
        )
        NetworkMembershipFactory(network=network, city=city)
        year = 2024 if number % 3 == 0 else 2025
        activity = ActivityFactory(
            campaign=CampaignFactory(year=year),
            city=city,
            starts_at=day_moment(year, 8 + number % 12, zone=zone),
            participants=number,
            status=ActivityStatus.CANCELLED if number % 7 == 0 else ActivityStatus.PUBLISHED,
        )
        ActivityPhotoFactory(activity=activity)


URLS = [
    "/en/day/",
    "/en/day/2025/",
    "/en/day/2025/?country=ES&kind=walk&date=2025-11-30&format=in_person&q=activity&network=network-0",
    "/en/day/2025/map.json",
    "/en/day/2025/map.json?date=2025-11-30&country=ES",
    "/en/day/2025/agenda.ics",
    "/en/day/2025/agenda.ics?date=2025-11-30",
    "/en/day/2025/agenda.csv",
    "/en/day/2025/agenda.csv?format=online",
    "/en/day/figures/",
    "/en/day/countries/ES/",
    "/api/v1/day/activities/",
    "/api/v1/day/activities/?year=2025&date=2025-11-30&country=ES",
    "/api/v1/day/campaigns/",
    "/api/v1/day/campaigns/2025/",
]


@pytest.mark.parametrize("url", URLS)
def test_query_count_does_not_grow_with_the_activities(client, url):
    _world(3)
    few = _queries(client, url)

    _world(27, offset=1)
    many = _queries(client, url)

    assert many == few


def test_city_page_query_count_does_not_grow_with_its_activities(client):
    city = CityFactory(slug="busy")
    for year in (2023, 2024):
        ActivityFactory(city=city, campaign=CampaignFactory(year=year))
    few = _queries(client, "/en/day/cities/busy/")

    for year in (2023, 2024, 2025):
        for _ in range(9):
            ActivityFactory(city=city, campaign=CampaignFactory(year=year))
    many = _queries(client, "/en/day/cities/busy/")

    assert many == few


def test_activity_page_query_count_does_not_grow_with_its_photos(client):
    activity = ActivityFactory()
    ActivityPhotoFactory(activity=activity)
    few = _queries(client, f"/en/day/activities/{activity.pk}/")

    for _ in range(10):
        ActivityPhotoFactory(activity=activity)
    many = _queries(client, f"/en/day/activities/{activity.pk}/")

    assert many == few
