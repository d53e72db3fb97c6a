"""A French-speaking visitor filters the directory and opens a city from the map.

The UI catalogs may or may not be translated yet, so the journey finds controls by name, id or address
and checks French through the page's language, the /fr/ addresses and the country names, which
django-countries translates ("Espagne").
"""

import re

import pytest
from playwright.sync_api import expect

from educities.members.enums import MembershipStatus, PopulationBand
from tests.factories import CityFactory, CountryFactory

pytestmark = [pytest.mark.django_db(transaction=True)]


def _directory_world() -> None:
    spain = CountryFactory(code="ES")
    france = CountryFactory(code="FR")
    # Two Spanish cities of 100,001-250,000 inhabitants, far enough apart never to share a cluster.
    CityFactory(
        name="Girona", slug="girona", country=spain, latitude=41.98, longitude=2.82, population=103_000
    )
    CityFactory(
        name="Cádiz", slug="cadiz", country=spain, latitude=36.53, longitude=-6.29, population=115_000
    )
    # Filtered out by the population band, by the country, and (not a member) by the directory itself.
    CityFactory(
        name="Madrid", slug="madrid", country=spain, latitude=40.42, longitude=-3.70, population=3_300_000
    )
    CityFactory(name="Lyon", slug="lyon", country=france, latitude=45.76, longitude=4.84, population=150_000)
    CityFactory(
        name="Lleida",
        slug="lleida",
        country=spain,
        latitude=41.62,
        longitude=0.62,
        population=140_000,
        membership_status=MembershipStatus.APPLIED,
        member_since=None,
    )


def test_french_visitor_filters_directory_and_opens_city_from_map(live_server, page_factory):
    _directory_world()
    page = page_factory(locale="fr-FR")

    # The site's root sends a French browser to the French site.
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(f"{live_server.url}/fr/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")

    page.locator('nav.main-nav a[href="/fr/cities/"]').click()
    expect(page).to_have_url(f"{live_server.url}/fr/cities/")
    expect(page.locator(".result-count")).to_have_text(re.compile(r"^\s*4\b"))
    expect(page.locator("#directory-map")).to_have_attribute("data-map-ready", "4")

    filters = page.locator("aside.filters form")
    filters.locator("select[name=country]").select_option(label="Espagne")
    filters.locator("select[name=population]").select_option(PopulationBand.B3.value)
    filters.locator("button[type=submit]").click()

    expect(page).to_have_url(re.compile(r"/fr/cities/\?.*country=ES"))
    expect(page).to_have_url(re.compile(r"population=3"))
    expect(page.locator(".result-count")).to_have_text(re.compile(r"^\s*2\b"))
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.locator("th")).to_have_text(["Cádiz", "Girona"])
    expect(rows.first.locator("td").first).to_contain_text("Espagne")

    # The map shows exactly the two cities found, each as its own marker (no cluster).
    map_element = page.locator("#directory-map")
    expect(map_element).to_have_attribute("data-map-ready", "2")
    markers = map_element.locator(".leaflet-marker-icon:not(.marker-cluster)")
    expect(markers).to_have_count(2)
    expect(map_element.locator(".marker-cluster")).to_have_count(0)

    map_element.locator('.leaflet-marker-icon[title="Girona"]').click()
    popup_link = map_element.locator(".leaflet-popup-content a")
    expect(popup_link).to_have_text("Girona")
    popup_link.click()

    expect(page).to_have_url(f"{live_server.url}/fr/cities/girona/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_have_text("Girona")
    expect(page.locator("main dl")).to_contain_text("Espagne")
    expect(page.locator("#city-map .leaflet-marker-icon")).to_have_count(1)
