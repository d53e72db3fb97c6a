"""The agenda's map points and downloads, a city's and a country's pages, and the figures page."""

import csv
import gzip
import io
import json
import re

import pytest
from icalendar import Calendar

from educities.core.domain.translations import translation_save_human, translation_set_original
from educities.days.enums import ActivityStatus
from educities.members.enums import MembershipStatus
from tests.days.factories import ActivityFactory, CampaignFactory, OnlineActivityFactory, day_moment
from tests.factories import CityFactory, CountryFactory, StaffFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def campaign():
    return CampaignFactory(year=2025)


# --- map.json -----------------------------------------------------------------------------------


def test_map_data_gives_the_compact_points_of_the_filtered_agenda(client, campaign):
    spain = CountryFactory(code="ES")
    walk = ActivityFactory(
        campaign=campaign,
        title="Walk",
        city=CityFactory(name="Girona", country=spain, latitude=41.98, longitude=2.82),
    )
    ActivityFactory(campaign=campaign, title="Elsewhere", city=CityFactory(country=CountryFactory(code="FR")))
    ActivityFactory(
        campaign=campaign, title="Hidden", city=CityFactory(country=spain), status=ActivityStatus.HIDDEN
    )
    OnlineActivityFactory(campaign=campaign, city=CityFactory(country=spain))

    response = client.get("/en/day/2025/map.json?country=ES&page=3")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "max-age=300" in response["Cache-Control"]
    assert response.json() == {
        "url": "/en/day/activities/{id}/",
        "cities": ["Girona"],
        "zones": ["Europe/Madrid"],
        "points": [[walk.pk, 41.98, 2.82, "Walk", 0, int(day_moment(2025, 17).timestamp()), 0]],
    }
    assert b" " not in response.content.replace(b'"Europe/Madrid"', b"")  # compact separators


def test_map_data_ignores_invalid_filters(client, campaign):
    ActivityFactory(campaign=campaign)
    ActivityFactory(campaign=campaign)

    response = client.get("/en/day/2025/map.json?country=ZZ&date=nope&kind=walk")

    assert response.status_code == 200
    assert len(response.json()["points"]) == 2


def test_map_data_is_gzipped_when_the_client_accepts_it(client, campaign):
    for _ in range(30):
        ActivityFactory(campaign=campaign)

    response = client.get("/en/day/2025/map.json", headers={"accept-encoding": "gzip"})

    assert response["Content-Encoding"] == "gzip"
    assert len(json.loads(gzip.decompress(response.content))["points"]) == 30


def test_map_data_of_an_unpublished_campaign_is_private_to_the_secretariat(client):
    CampaignFactory(year=2026, is_published=False)

    assert client.get("/en/day/2026/map.json").status_code == 404
    client.force_login(StaffFactory())
    response = client.get("/en/day/2026/map.json")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


# --- downloads ----------------------------------------------------------------------------------


def test_agenda_ics_has_the_filtered_activities(client, campaign):
    ActivityFactory(campaign=campaign, title="Walk", kind="walk")
    ActivityFactory(campaign=campaign, title="Debate", kind="debate")

    response = client.get("/en/day/2025/agenda.ics?kind=debate")

    calendar = Calendar.from_ical(response.content)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="international-day-2025.ics"'
    assert str(calendar["X-WR-CALNAME"]) == "International Day of the Educating City 2025"
    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == ["Debate"]


def test_agenda_csv_has_the_filtered_activities(client, campaign):
    ActivityFactory(campaign=campaign, title="Walk in the park", starts_at=day_moment(2025, 9))
    ActivityFactory(campaign=campaign, title="Debate", starts_at=day_moment(2025, 10))
    ActivityFactory(campaign=campaign, title="Hidden walk", status=ActivityStatus.HIDDEN)

    response = client.get("/en/day/2025/agenda.csv?q=walk")

    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="international-day-2025.csv"'
    assert [row["title"] for row in rows] == ["Walk in the park"]


@pytest.mark.parametrize("kind", ["ics", "csv"])
def test_downloads_with_invalid_filters_are_refused_with_the_reason(client, campaign, kind):
    response = client.get(f"/en/day/2025/agenda.{kind}?date=2025-13-45&country=ZZ")

    html = response.content.decode()
    assert response.status_code == 400
    assert "The filters of this download are not valid." in html
    assert "<li><strong>Country</strong>: Select a valid choice." in html
    assert "<li><strong>Day</strong>: Enter a valid date.</li>" in html


@pytest.mark.parametrize("kind", ["ics", "csv"])
def test_downloads_of_an_unpublished_campaign_are_not_found(client, kind):
    CampaignFactory(year=2026, is_published=False)

    assert client.get(f"/en/day/2026/agenda.{kind}").status_code == 404


# --- a city -------------------------------------------------------------------------------------


def test_city_page_lists_its_activities_by_year(client):
    city = CityFactory(name="Rosario", slug="rosario", country=CountryFactory(code="AR"))
    ActivityFactory(city=city, campaign=CampaignFactory(year=2023, motto="Motto 2023"), title="Old walk")
    ActivityFactory(city=city, campaign=CampaignFactory(year=2024, motto="Motto 2024"), title="New walk")
    ActivityFactory(
        city=city, campaign=CampaignFactory(year=2024), title="Hidden", status=ActivityStatus.HIDDEN
    )
    ActivityFactory(campaign=CampaignFactory(year=2024), title="Another city")

    response = client.get("/en/day/cities/rosario/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Rosario and the International Day</h1>" in html
    assert re.findall(r'<h2 id="year-(\d+)">', html) == ["2024", "2023"]
    assert re.findall(r'<h3 class="day-item-title"><a [^>]+>([^<]+)</a>', html) == ["New walk", "Old walk"]
    assert "Motto 2024" in html
    assert "2 activities of Rosario" in _text(html)
    assert '<a href="/en/cities/rosario/">' in html
    assert '<a href="/en/day/countries/AR/">Argentina</a>' in html


def test_city_page_of_a_member_without_activities_says_so(client):
    CityFactory(name="Lyon", slug="lyon")

    html = client.get("/en/day/cities/lyon/").content.decode()

    assert "Lyon has not registered an activity for the International Day yet." in html


def test_city_page_of_an_applicant_without_activities_is_not_found(client):
    CityFactory(slug="applicant", membership_status=MembershipStatus.APPLIED)

    assert client.get("/en/day/cities/applicant/").status_code == 404
    assert client.get("/en/day/cities/nowhere/").status_code == 404


def test_city_page_of_a_former_member_with_activities_lists_them_without_directory_link(client):
    city = CityFactory(slug="former", name="Former", membership_status=MembershipStatus.WITHDRAWN)
    ActivityFactory(city=city, title="A walk of old")

    html = client.get("/en/day/cities/former/").content.decode()

    assert "A walk of old" in html
    assert '<a href="/en/cities/former/">' not in html


# --- a country ----------------------------------------------------------------------------------


def test_country_page_lists_years_with_cities_and_counts(client):
    spain = CountryFactory(code="ES")
    bilbao = CityFactory(name="Bilbao", slug="bilbao", country=spain)
    girona = CityFactory(name="Girona", slug="girona", country=spain)
    campaign = CampaignFactory(year=2024, motto="Motto 2024")
    ActivityFactory(campaign=campaign, city=girona)
    ActivityFactory(campaign=campaign, city=bilbao)
    ActivityFactory(campaign=campaign, city=bilbao)
    ActivityFactory(campaign=CampaignFactory(year=2023), city=girona)

    response = client.get("/en/day/countries/es/")

    html = response.content.decode()
    text = _text(html)
    assert response.status_code == 200
    assert "Spain and the International Day" in html
    assert "4 activities in Spain" in text
    assert re.findall(r'<h2 id="year-(\d+)">', html) == ["2024", "2023"]
    assert "3 activities in 2 cities." in text
    assert '<a href="/en/day/cities/bilbao/">Bilbao</a> <span class="muted">(2 activities)</span>' in html
    assert '<a href="/en/day/2024/?country=ES#agenda-heading">The 2024 agenda in Spain</a>' in html


def test_country_page_without_activities_says_so(client):
    CountryFactory(code="PT")

    html = client.get("/en/day/countries/PT/").content.decode()

    assert "No city of Portugal has registered an activity for the International Day yet." in html


@pytest.mark.parametrize("code", ["ZZ", "E", "ESP", "12", "%00%00", "e%20"])
def test_country_page_of_an_unknown_or_malformed_code_is_not_found(client, code):
    assert client.get(f"/en/day/countries/{code}/").status_code in (400, 404)


# --- the figures --------------------------------------------------------------------------------


def test_figures_page_has_charts_and_a_table_per_year(client):
    spain = CountryFactory(code="ES")
    for year, count in ((2023, 1), (2024, 2)):
        campaign = CampaignFactory(year=year, motto=f"Motto {year}")
        for _ in range(count):
            ActivityFactory(campaign=campaign, city=CityFactory(country=spain), participants=1000)
    CampaignFactory(year=2025, is_published=False)

    response = client.get("/en/day/figures/")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('<svg class="chart chart-vertical"') == 4
    assert '<title id="chart-activities-title">Activities per year</title>' in html
    assert "Activities registered, per year: 2023: 1; 2024: 2." in html
    assert "Participants reported by the cities, per year: 2023: 1,000; 2024: 2,000." in html
    rows = re.findall(r'<tr>\s*<th scope="row"><a href="/en/day/(\d+)/">\d+</a></th>(.*?)</tr>', html, re.S)
    assert [(year, re.findall(r'<td class="numeric">([\d,]+)</td>', cells)) for year, cells in rows] == [
        ("2023", ["1", "1", "1", "1,000"]),
        ("2024", ["2", "2", "1", "2,000"]),
    ]
    assert "Motto 2024" in html


def test_figures_page_shows_mottos_in_the_reader_language(client):
    campaign = CampaignFactory(year=2024, motto="The city that listens")
    translation_set_original(obj=campaign, field="motto", language="en", text="The city that listens")
    translation_save_human(
        obj=campaign, field="motto", language="es", text="La ciudad que escucha", actor=None
    )

    html = client.get("/es/day/figures/").content.decode()

    assert "La ciudad que escucha" in html


def test_figures_page_without_campaigns_says_so(client):
    html = client.get("/en/day/figures/").content.decode()

    assert "No campaign of the International Day has been published yet." in html
    assert "<svg" not in html
