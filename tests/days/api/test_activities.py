"""The International Day in the API: /api/v1/day/activities/ (list and detail) and /api/v1/day/campaigns/."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from educities.core.domain.translations import translation_save_human, translation_set_original
from educities.days.enums import ActivityStatus
from tests.days.factories import (
    ActivityFactory,
    ActivityPhotoFactory,
    CampaignFactory,
    OnlineActivityFactory,
    day_moment,
)
from tests.factories import CityFactory, CountryFactory, NetworkFactory, NetworkMembershipFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]

LIST_URL = "/api/v1/day/activities/"
ACTIVITY_KEYS = {
    "id",
    "year",
    "title",
    "language",
    "kind",
    "kind_label",
    "format",
    "status",
    "starts_at",
    "ends_at",
    "time_zone",
    "city",
    "place_name",
    "address",
    "latitude",
    "longitude",
    "online_url",
    "organiser",
    "audiences",
    "languages",
    "participants",
    "url",
    "api_url",
}
DETAIL_KEYS = ACTIVITY_KEYS | {"description", "report", "video_url", "calendar_url", "photos"}
CAMPAIGN_KEYS = {
    "year",
    "day",
    "motto",
    "window_starts_on",
    "window_ends_on",
    "poster",
    "poster_alt",
    "figures",
    "url",
    "api_url",
    "activities_url",
}


def test_activities_list_gives_visible_activities_of_published_campaigns_by_start(client):
    campaign = CampaignFactory(year=2025)
    city = CityFactory(
        name="Bogotá", slug="bogota", country=CountryFactory(code="CO"), time_zone="America/Bogota"
    )
    evening = ActivityFactory(
        campaign=campaign, city=city, title="Evening", starts_at=day_moment(2025, 18, zone="America/Bogota")
    )
    ActivityFactory(campaign=campaign, title="Morning", starts_at=day_moment(2025, 9))
    ActivityFactory(
        campaign=campaign, title="Cancelled", status=ActivityStatus.CANCELLED, starts_at=day_moment(2025, 10)
    )
    ActivityFactory(campaign=campaign, title="Hidden", status=ActivityStatus.HIDDEN)
    ActivityFactory(campaign=CampaignFactory(year=2026, is_published=False), title="Not published")

    response = client.get(LIST_URL)

    body = response.json()
    assert response.status_code == 200
    assert set(body) == {"count", "next", "previous", "results"}
    assert [item["title"] for item in body["results"]] == ["Morning", "Cancelled", "Evening"]
    item = body["results"][2]
    assert set(item) == ACTIVITY_KEYS
    assert item["id"] == evening.pk
    assert item["year"] == 2025
    assert (item["kind"], item["kind_label"], item["format"], item["status"]) == (
        "walk",
        "Walk or route",
        "in_person",
        "published",
    )
    assert (item["starts_at"], item["ends_at"], item["time_zone"]) == (
        "2025-11-30T18:00:00-05:00",
        "2025-11-30T20:00:00-05:00",
        "America/Bogota",
    )
    assert item["city"] == {
        "slug": "bogota",
        "name": "Bogotá",
        "country": "CO",
        "country_name": "Colombia",
        "url": "http://testserver/en/day/cities/bogota/",
    }
    assert item["url"] == f"http://testserver/en/day/activities/{evening.pk}/"
    assert item["api_url"] == f"http://testserver/api/v1/day/activities/{evening.pk}/"
    assert body["results"][1]["status"] == "cancelled"


def test_activities_list_takes_the_agenda_filters_and_the_year(client):
    network = NetworkFactory(slug="latin-america")
    city = CityFactory(slug="rosario", country=CountryFactory(code="AR"))
    NetworkMembershipFactory(network=network, city=city)
    ActivityFactory(campaign=CampaignFactory(year=2024), city=city, title="Rosario 2024")
    ActivityFactory(campaign=CampaignFactory(year=2025), city=city, title="Rosario 2025 walk")
    OnlineActivityFactory(campaign=CampaignFactory(year=2025), city=city, title="Rosario 2025 online walk")
    ActivityFactory(
        campaign=CampaignFactory(year=2025),
        city=CityFactory(country=CountryFactory(code="FR")),
        title="Elsewhere walk",
    )

    def titles(query: str) -> list[str]:
        response = client.get(f"{LIST_URL}?{query}")
        assert response.status_code == 200, response.content
        return [item["title"] for item in response.json()["results"]]

    assert titles("year=2025&country=ar") == ["Rosario 2025 walk", "Rosario 2025 online walk"]
    assert titles("year=2025&network=latin-america&format=in_person") == ["Rosario 2025 walk"]
    assert titles("city=rosario&date=2024-11-30") == ["Rosario 2024"]
    assert titles("q=online+walk") == ["Rosario 2025 online walk"]


def test_activities_list_refuses_invalid_filters_naming_them(client):
    CampaignFactory(year=2025)

    response = client.get(f"{LIST_URL}?country=ZZ&date=2025-13-01&year=1900&format=json")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert sorted(response.json()) == ["country", "date", "format", "year"]


def test_activities_list_page_size_and_pages(client):
    campaign = CampaignFactory(year=2025)
    for _ in range(3):
        ActivityFactory(campaign=campaign)

    assert len(client.get(f"{LIST_URL}?page_size=2").json()["results"]) == 2
    assert client.get(f"{LIST_URL}?page_size=0").status_code == 400
    assert client.get(f"{LIST_URL}?page=9").status_code == 404


def test_activity_detail_has_description_report_and_photos(client):
    activity = ActivityFactory(
        campaign=CampaignFactory(year=2025),
        description="A walk.",
        report="It went well.",
        participants=80,
        video_url="https://video.example.org/walk",
        contact_email="private@city.example.org",
        status_reason="",
    )
    photo = ActivityPhotoFactory(activity=activity, alt_text="Children walking", credit="City")

    response = client.get(f"{LIST_URL}{activity.pk}/")

    body = response.json()
    assert response.status_code == 200
    assert set(body) == DETAIL_KEYS
    assert (body["description"], body["report"], body["participants"]) == ("A walk.", "It went well.", 80)
    assert body["calendar_url"] == f"http://testserver/en/day/activities/{activity.pk}/calendar.ics"
    assert body["photos"] == [
        {"url": f"http://testserver{photo.image.url}", "alt_text": "Children walking", "credit": "City"}
    ]
    assert "private@city.example.org" not in response.content.decode()


@pytest.mark.parametrize("status", [ActivityStatus.HIDDEN])
def test_hidden_activity_is_not_found_in_the_api(client, status):
    activity = ActivityFactory(status=status)

    response = client.get(f"{LIST_URL}{activity.pk}/")

    assert response.status_code == 404
    assert response.json() == {"detail": "No such activity on the agenda."}


def test_activity_of_an_unpublished_campaign_is_not_found_in_the_api(client):
    activity = ActivityFactory(campaign=CampaignFactory(year=2026, is_published=False))

    assert client.get(f"{LIST_URL}{activity.pk}/").status_code == 404


def test_activities_labels_follow_accept_language(client):
    ActivityFactory(campaign=CampaignFactory(year=2025))

    body = client.get(LIST_URL, headers={"accept-language": "fr"}).json()
    with translation.override("fr"):
        expected = gettext("Walk or route")

    assert body["results"][0]["kind_label"] == expected


def test_campaigns_list_gives_published_campaigns_newest_first_with_figures(client):
    ActivityFactory(campaign=CampaignFactory(year=2024, motto="Motto 2024"), participants=30)
    CampaignFactory(year=2025, motto="Motto 2025")
    CampaignFactory(year=2026, is_published=False, motto="Secret")

    response = client.get("/api/v1/day/campaigns/")

    body = response.json()
    assert response.status_code == 200
    assert [item["year"] for item in body["results"]] == [2025, 2024]
    item = body["results"][1]
    assert set(item) == CAMPAIGN_KEYS
    assert item["day"] == "2024-11-30"
    assert item["motto"]["text"] == "Motto 2024"
    assert item["figures"] == {"activities": 1, "cities": 1, "countries": 1, "participants": 30}
    assert item["url"] == "http://testserver/en/day/2024/"
    assert item["activities_url"] == "http://testserver/api/v1/day/activities/?year=2024"
    assert item["poster"] is None
    assert "Secret" not in response.content.decode()


def test_campaign_detail_has_its_texts_in_the_language_asked_for(client):
    campaign = CampaignFactory(
        year=2025, motto="The city that listens", manifesto="Manifesto.", guide="Guide."
    )
    for field in ("motto", "manifesto", "guide"):
        translation_set_original(obj=campaign, field=field, language="en", text=getattr(campaign, field))
    translation_save_human(
        obj=campaign, field="motto", language="es", text="La ciudad que escucha", actor=None
    )

    response = client.get("/api/v1/day/campaigns/2025/?lang=es")

    body = response.json()
    assert response.status_code == 200
    assert set(body) == CAMPAIGN_KEYS | {"manifesto", "guide", "materials"}
    assert body["motto"] == {
        "text": "La ciudad que escucha",
        "language": "es",
        "provenance": "human",
        "is_original": False,
        "is_fallback": False,
        "is_stale": False,
    }
    assert (body["manifesto"]["text"], body["manifesto"]["is_fallback"]) == ("Manifesto.", True)
    assert body["materials"] == []


def test_campaign_detail_refuses_an_unknown_language(client):
    CampaignFactory(year=2025)

    response = client.get("/api/v1/day/campaigns/2025/?lang=xx")

    assert response.status_code == 400
    assert list(response.json()) == ["lang"]


def test_unpublished_campaign_is_not_found_in_the_api(client):
    CampaignFactory(year=2026, is_published=False)

    assert client.get("/api/v1/day/campaigns/2026/").status_code == 404


def test_api_schema_describes_the_day(client):
    response = client.get("/api/v1/schema/")

    content = response.content.decode()
    assert response.status_code == 200
    assert "/api/v1/day/activities/{id}/" in content
    assert "/api/v1/day/campaigns/{year}/" in content
