"""An activity's public page and its .ics: all its fields, time, place, report, who sees a hidden one."""

import re

import pytest
from icalendar import Calendar

from educities.days.enums import ActivityFormat, ActivityStatus
from tests.days.factories import (
    ActivityFactory,
    ActivityPhotoFactory,
    CampaignFactory,
    OnlineActivityFactory,
    day_moment,
)
from tests.factories import CityFactory, CountryFactory, StaffFactory, UserFactory, make_city_editor

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def activity():
    city = CityFactory(
        name="Bogotá", slug="bogota", country=CountryFactory(code="CO"), time_zone="America/Bogota"
    )
    return ActivityFactory(
        campaign=CampaignFactory(year=2025, motto="The city that listens"),
        city=city,
        title="Route of the rivers",
        description="A walk along the rivers.\n\nWith the children's council.",
        format=ActivityFormat.HYBRID,
        online_url="https://meet.example.org/rivers",
        starts_at=day_moment(2025, 18, zone="America/Bogota"),
        place_name="Parque de los Novios",
        address="Calle 63 #45",
        latitude=4.6581,
        longitude=-74.0752,
        audiences=["children", "families"],
        languages=["es", "en"],
        organiser="Secretaría de Educación",
        contact_email="day@bogota.example.org",
        language="es",
    )


def test_activity_page_shows_every_field(client, activity):
    response = client.get(f"/en/day/activities/{activity.pk}/")

    html = response.content.decode()
    text = _text(html)
    assert response.status_code == 200
    assert '<h1 lang="es">Route of the rivers</h1>' in html
    assert "<p>A walk along the rivers.</p>\n\n<p>With the children&#x27;s council.</p>" in html
    assert "Walk or route" in text
    assert "In person and online" in text
    assert "Parque de los Novios Calle 63 #45" in text
    assert "4.65810, -74.07520" in text
    assert (
        '<a href="https://meet.example.org/rivers" rel="noopener noreferrer nofollow">Join online</a>' in html
    )
    assert "Organiser Secretaría de Educación" in text
    assert "For Children, Families" in text
    assert "Languages spoken Spanish, English" in text
    assert 'href="mailto:day@bogota.example.org"' in html
    assert '<a href="/en/day/cities/bogota/">Bogotá</a>, <a href="/en/day/countries/CO/">Colombia</a>' in html
    assert "The city that listens" in html


def test_activity_page_shows_local_time_for_the_reader_script(client, activity):
    html = client.get(f"/en/day/activities/{activity.pk}/").content.decode()

    assert (
        '<time class="day-time" datetime="2025-11-30T18:00:00-05:00" data-zone="America/Bogota">6 p.m.</time>'
        in html
    )
    assert "Sunday Nov. 30, 2025" in html
    assert "(America/Bogota)" in html
    assert 'data-reader-time="your time"' in html
    assert '<script src="/static/days/agenda.js" defer></script>' in html


def test_activity_page_has_a_small_map_and_an_add_to_calendar_link(client, activity):
    html = client.get(f"/en/day/activities/{activity.pk}/").content.decode()

    assert 'id="activity-map"' in html
    assert 'class="map map-small"' in html
    assert '"lat": 4.6581, "lng": -74.0752' in html
    assert f'href="/en/day/activities/{activity.pk}/calendar.ics"' in html


def test_online_activity_page_has_no_map(client):
    activity = OnlineActivityFactory()

    html = client.get(f"/en/day/activities/{activity.pk}/").content.decode()

    assert 'id="activity-map"' not in html
    assert "Coordinates" not in html
    assert "Join online" in html


def test_activity_page_shows_report_participants_video_and_photos_after_the_day(client, activity):
    activity.participants = 1250
    activity.report = "Many families came."
    activity.video_url = "https://video.example.org/rivers"
    activity.save()
    photo = ActivityPhotoFactory(activity=activity, alt_text="Children by the river", credit="City archive")

    html = client.get(f"/en/day/activities/{activity.pk}/").content.decode()

    assert '<p class="day-participants">1,250 participants</p>' in html
    assert "<p>Many families came.</p>" in html
    assert 'href="https://video.example.org/rivers"' in html
    assert f'<img src="{photo.image.url}" alt="Children by the river" loading="lazy">' in html
    assert "Photo: City archive" in html


def test_activity_page_without_report_has_no_after_the_day_section(client, activity):
    html = client.get(f"/en/day/activities/{activity.pk}/").content.decode()

    assert 'id="report-heading"' not in html
    assert 'id="photos-heading"' not in html


def test_cancelled_activity_page_says_so_with_the_reason(client, activity):
    activity.status = ActivityStatus.CANCELLED
    activity.status_reason = "Storm warning."
    activity.save()

    html = client.get(f"/en/day/activities/{activity.pk}/").content.decode()

    assert "<strong>This activity has been cancelled.</strong> Storm warning." in html


def test_hidden_activity_is_not_found_for_the_public(client, activity):
    activity.status = ActivityStatus.HIDDEN
    activity.status_reason = "Duplicate."
    activity.save()

    assert client.get(f"/en/day/activities/{activity.pk}/").status_code == 404
    assert client.get(f"/en/day/activities/{activity.pk}/calendar.ics").status_code == 404
    client.force_login(UserFactory())
    assert client.get(f"/en/day/activities/{activity.pk}/").status_code == 404


@pytest.mark.parametrize("who", ["staff", "editor"])
def test_hidden_activity_is_shown_to_its_city_and_the_secretariat(client, activity, who):
    activity.status = ActivityStatus.HIDDEN
    activity.status_reason = "Duplicate."
    activity.save()
    client.force_login(StaffFactory() if who == "staff" else make_city_editor(activity.city))

    response = client.get(f"/en/day/activities/{activity.pk}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<strong>Hidden by the Secretariat</strong>" in html
    assert "Reason: Duplicate." in html
    assert "no-store" in response["Cache-Control"]
    assert f'href="/en/day/activities/{activity.pk}/edit/"' in html


def test_activity_of_an_unpublished_campaign_is_not_found_for_the_public(client):
    activity = ActivityFactory(campaign=CampaignFactory(year=2026, is_published=False))

    assert client.get(f"/en/day/activities/{activity.pk}/").status_code == 404


def test_unknown_activity_is_not_found(client):
    assert client.get("/en/day/activities/999999/").status_code == 404
    assert client.get("/en/day/activities/99999999999999999999999/").status_code == 404


def test_activity_ics_is_one_event_named_after_the_activity(client, activity):
    response = client.get(f"/en/day/activities/{activity.pk}/calendar.ics")

    calendar = Calendar.from_ical(response.content)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="activity-{activity.pk}.ics"'
    assert str(calendar["X-WR-CALNAME"]) == "Route of the rivers"
    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == ["Route of the rivers"]
    assert b"DTSTART;TZID=America/Bogota:20251130T180000" in response.content
