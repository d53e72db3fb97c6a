"""Activities as iCalendar: stable UIDs, local times with their VTIMEZONE, place, link and description."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation
from django.utils.translation import gettext
from icalendar import Calendar

from educities.days.domain.queries import agenda_activities
from educities.days.enums import ActivityFormat, ActivityStatus
from educities.days.interfaces.ical import activities_calendar, activity_uid, fold
from educities.days.models import Activity
from tests.days.factories import ActivityFactory, CampaignFactory, OnlineActivityFactory, day_moment
from tests.factories import CityFactory, CountryFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def _absolute(path: str) -> str:
    return f"https://example.org{path}"


def _one(activity):
    return Activity.objects.filter(pk=activity.pk)


def _calendar(activities, name="International Day 2025") -> Calendar:
    return Calendar.from_ical(activities_calendar(activities=activities, name=name, absolute_url=_absolute))


@pytest.fixture
def campaign():
    return CampaignFactory(year=2025)


def test_calendar_has_its_name_and_one_event_per_activity(campaign, settings):
    settings.SITE_URL = "https://www.edcities.example"
    first = ActivityFactory(campaign=campaign, starts_at=day_moment(2025, 10))
    second = ActivityFactory(campaign=campaign, starts_at=day_moment(2025, 12))

    calendar = _calendar(agenda_activities(campaign=campaign))

    assert str(calendar["X-WR-CALNAME"]) == "International Day 2025"
    assert str(calendar["VERSION"]) == "2.0"
    assert [str(event["UID"]) for event in calendar.walk("VEVENT")] == [
        f"day-activity-{first.pk}@www.edcities.example",
        f"day-activity-{second.pk}@www.edcities.example",
    ]
    assert activity_uid(first) == f"day-activity-{first.pk}@www.edcities.example"


def test_event_is_in_the_activity_time_zone_with_its_vtimezone(campaign):
    city = CityFactory(name="Bogotá", country=CountryFactory(code="CO"), time_zone="America/Bogota")
    activity = ActivityFactory(
        campaign=campaign, city=city, starts_at=day_moment(2025, 18, zone="America/Bogota")
    )

    raw = activities_calendar(activities=_one(activity), name="x", absolute_url=_absolute).decode()
    calendar = Calendar.from_ical(raw)
    event = calendar.walk("VEVENT")[0]

    assert "DTSTART;TZID=America/Bogota:20251130T180000" in raw
    assert "DTEND;TZID=America/Bogota:20251130T200000" in raw
    assert event.decoded("DTSTART") == datetime.datetime(2025, 11, 30, 18, tzinfo=ZoneInfo("America/Bogota"))
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["America/Bogota"]


def test_events_in_several_zones_get_one_vtimezone_each(campaign):
    for zone in ("Europe/Madrid", "Asia/Tokyo", "Europe/Madrid"):
        ActivityFactory(
            campaign=campaign, city=CityFactory(time_zone=zone), starts_at=day_moment(2025, 12, zone=zone)
        )

    calendar = _calendar(agenda_activities(campaign=campaign))

    assert sorted(str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")) == ["Asia/Tokyo", "Europe/Madrid"]


def test_event_in_utc_needs_no_vtimezone(campaign):
    activity = ActivityFactory(campaign=campaign, time_zone="UTC", starts_at=day_moment(2025, 12, zone="UTC"))

    raw = activities_calendar(activities=_one(activity), name="x", absolute_url=_absolute).decode()

    assert "DTSTART:20251130T120000Z" in raw
    assert "VTIMEZONE" not in raw


def test_event_carries_place_geo_link_and_description(campaign):
    city = CityFactory(name="Barcelona", country=CountryFactory(code="ES"))
    activity = ActivityFactory(
        campaign=campaign,
        city=city,
        title="Walk of the schools",
        description="Children guide their families.",
        place_name="Plaça Catalunya",
        address="Plaça de Catalunya, 1",
        latitude=41.387,
        longitude=2.17,
        organiser="Education department",
    )

    event = _calendar(_one(activity)).walk("VEVENT")[0]

    assert str(event["SUMMARY"]) == "Walk of the schools"
    assert str(event["LOCATION"]) == "Plaça Catalunya, Plaça de Catalunya, 1, Barcelona, Spain"
    assert (event["GEO"].latitude, event["GEO"].longitude) == (41.387, 2.17)
    assert str(event["URL"]) == f"https://example.org/en/day/activities/{activity.pk}/"
    assert str(event["DESCRIPTION"]) == (
        "Children guide their families.\n\nOrganiser: Education department\n\n"
        f"https://example.org/en/day/activities/{activity.pk}/"
    )
    assert str(event["STATUS"]) == "CONFIRMED"


def test_online_event_has_its_link_as_location_and_no_geo(campaign):
    activity = OnlineActivityFactory(
        campaign=campaign, online_url="https://meet.example.org/day", ends_at=None
    )

    event = _calendar(_one(activity)).walk("VEVENT")[0]

    assert str(event["LOCATION"]) == "https://meet.example.org/day"
    assert "GEO" not in event
    assert "DTEND" not in event
    assert "Online: https://meet.example.org/day" in str(event["DESCRIPTION"])


def test_hybrid_event_keeps_the_place_as_location(campaign):
    activity = ActivityFactory(
        campaign=campaign, format=ActivityFormat.HYBRID, online_url="https://meet.example.org/h", address=""
    )

    event = _calendar(_one(activity)).walk("VEVENT")[0]

    assert str(event["LOCATION"]).startswith("Town hall square, ")


def test_cancelled_event_keeps_its_uid_and_says_cancelled(campaign):
    activity = ActivityFactory(campaign=campaign, title="Festival", status=ActivityStatus.CANCELLED)

    with translation.override("fr"):
        event = _calendar(_one(activity)).walk("VEVENT")[0]
        expected = gettext("Cancelled: %(title)s") % {"title": "Festival"}

    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["SUMMARY"]) == expected
    assert str(event["UID"]) == activity_uid(activity)


def test_calendar_is_the_same_when_nothing_changed(campaign):
    ActivityFactory(campaign=campaign)

    first = activities_calendar(
        activities=agenda_activities(campaign=campaign), name="x", absolute_url=_absolute
    )
    second = activities_calendar(
        activities=agenda_activities(campaign=campaign), name="x", absolute_url=_absolute
    )

    assert first == second


def test_empty_calendar_is_valid():
    calendar = _calendar(Activity.objects.none())

    assert calendar.walk("VEVENT") == []
    assert calendar.walk("VTIMEZONE") == []


def test_long_texts_with_accents_and_punctuation_are_folded_and_read_back_exactly(campaign):
    description = (
        "Passeig per la riba del riu; amb els infants, les famílies i l'escola.\n"
        "Preu: 0 € — inscripció a la biblioteca, C:\\camí\\ ; " + "àéïòú €" * 40
    )
    activity = ActivityFactory(
        campaign=campaign, title="Ruta, riu; escola \\ família " * 5, description=description
    )

    raw = activities_calendar(activities=_one(activity), name="x", absolute_url=_absolute)
    event = Calendar.from_ical(raw).walk("VEVENT")[0]

    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert str(event["SUMMARY"]) == "Ruta, riu; escola \\ família " * 5
    assert str(event["DESCRIPTION"]).startswith(description + "\n\nOrganiser: ")


@pytest.mark.parametrize(
    "line",
    [
        "DESCRIPTION:" + "a" * 200,
        "DESCRIPTION:" + "é" * 100,
        "DESCRIPTION:" + "€" * 70,
        "DESCRIPTION:" + "ab\\;" * 60,
        "SUMMARY:short",
    ],
)
def test_fold_keeps_lines_short_and_never_cuts_a_character_or_an_escape(line):
    folded = fold(line)

    physical = folded.split("\r\n")
    assert all(len(part.encode()) <= 75 for part in physical)
    assert all(part.startswith(" ") for part in physical[1:])
    assert "".join([physical[0], *(part[1:] for part in physical[1:])]) == line
    assert not any(part.endswith("\\") for part in physical[:-1])


def test_unknown_time_zone_is_written_in_utc(campaign):
    activity = ActivityFactory(campaign=campaign, starts_at=day_moment(2025, 12, zone="UTC"))
    Activity.objects.filter(pk=activity.pk).update(time_zone="Mars/Olympus_Mons")  # written outside the forms

    raw = activities_calendar(activities=_one(activity), name="x", absolute_url=_absolute).decode()

    assert "DTSTART:20251130T120000Z" in raw
    assert "Mars" not in raw
