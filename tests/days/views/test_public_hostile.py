"""Hostile input to the Day's public pages, map, downloads and API: a clear message or nothing, not a 500."""

import pytest

from tests.days.factories import ActivityFactory, CampaignFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]

HOSTILE_QUERIES = [
    "country=ZZ",
    "country=%00",
    "country=" + "A" * 5000,
    "network=" + "x" * 300,
    "network=../../etc",
    "city=%F0%9F%92%A9",
    "city[]=1&city[]=2",
    "kind=<script>alert(1)</script>",
    "kind=walk&kind=debate",
    "date=2025-02-30",
    "date=0000-00-00",
    "date=9999-12-31",
    "date=0001-01-01",
    "date=30/11/2025",
    "date=" + "9" * 400,
    "format=hybrid",
    "format=%27%20OR%201%3D1--",
    "q=" + "a" * 5000,
    "q=%25%25%25_",
    "q='; DROP TABLE days_activity; --",
    "page=0",
    "page=-1",
    "page=abc",
    "page=99999999999999999999999999999",
    "page=1e9",
    "original=1&original=2",
    "year=99999999999999999999",
]
PATHS = [
    "/en/day/",
    "/en/day/2025/",
    "/en/day/2025/map.json",
    "/en/day/2025/agenda.ics",
    "/en/day/2025/agenda.csv",
    "/api/v1/day/activities/",
    "/api/v1/day/campaigns/",
]


@pytest.fixture
def agenda():
    campaign = CampaignFactory(year=2025)
    ActivityFactory(campaign=campaign)
    return campaign


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_query_never_breaks_a_page(client, agenda, query):
    statuses = {path: client.get(f"{path}?{query}").status_code for path in PATHS}

    assert {path: status for path, status in statuses.items() if status not in (200, 400, 404)} == {}


@pytest.mark.parametrize(
    "path",
    [
        "/en/day/0/",
        "/en/day/1999/",
        "/en/day/99999/",
        "/en/day/99999999999999999999999999/",
        "/en/day/99999999999999999999999999/map.json",
        "/en/day/99999999999999999999999999/agenda.ics",
        "/en/day/99999999999999999999999999/agenda.csv",
        "/en/day/activities/0/",
        "/en/day/activities/99999999999999999999999999/",
        "/en/day/activities/99999999999999999999999999/calendar.ics",
        "/en/day/cities/" + "a" * 300 + "/",
        "/en/day/countries/%E2%82%AC%E2%82%AC/",
        "/api/v1/day/activities/abc/",
        "/api/v1/day/activities/-1/",
        "/api/v1/day/activities/99999999999999999999999999/",
        "/api/v1/day/campaigns/20x5/",
        "/api/v1/day/campaigns/99999999999999999999/",
        "/api/v1/day/campaigns/1999/",
    ],
)
def test_bad_years_and_ids_are_not_found(client, agenda, path):
    assert client.get(path).status_code == 404


def test_huge_page_number_shows_the_last_page_with_a_notice(client, agenda):
    html = client.get("/en/day/2025/?page=99999999999999999999999999999").content.decode()

    assert "showing the last page (1)" in html


def test_page_that_is_not_a_number_shows_the_first_page_with_a_notice(client, agenda):
    html = client.get("/en/day/2025/?page=abc").content.decode()

    assert "“abc” is not a page number: showing the first page." in html


def test_filter_value_is_escaped_in_the_page(client, agenda):
    html = client.get("/en/day/2025/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E").content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_public_pages_refuse_writes(client, agenda, method):
    assert getattr(client, method)("/en/day/2025/").status_code == 405
    assert getattr(client, method)("/api/v1/day/activities/").status_code in (403, 405)
