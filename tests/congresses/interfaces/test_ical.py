"""The iCalendar files of an event and of sessions, parsed back with icalendar."""

import datetime

import icalendar
import pytest
from django.utils import translation

from educities.congresses.interfaces.ical import event_ical, sessions_ical
from educities.congresses.models import Session
from educities.core.domain.translations import translation_save_human, translation_set_original
from tests.congresses.factories import EventFactory, RoomFactory, SessionFactory, SpeakerFactory, event_moment
from tests.factories import CityFactory, CountryFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def event(settings):
    settings.SITE_URL = "https://www.edcities.example"
    return EventFactory(
        title="Congress of Educating Cities",
        slug="congress-2030",
        starts_on=datetime.date(2030, 11, 4),
        ends_on=datetime.date(2030, 11, 6),
        time_zone="America/Sao_Paulo",
        venue="Centro de Convenções",
        address="Av. Paulista 1000",
        host_city=CityFactory(name="São Paulo", country=CountryFactory(code="BR")),
        latitude=-23.56,
        longitude=-46.65,
    )


def _parse(content: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(content)


def test_event_ical_is_one_all_day_entry_over_the_event_days(event):
    calendar = _parse(event_ical(event))

    [entry] = calendar.walk("VEVENT")
    assert (
        str(entry["UID"]),
        str(entry["SUMMARY"]),
        entry.decoded("DTSTART"),
        entry.decoded("DTEND"),
        str(entry["LOCATION"]),
        str(entry["URL"]),
    ) == (
        f"event-{event.pk}@www.edcities.example",
        "Congress of Educating Cities",
        datetime.date(2030, 11, 4),
        datetime.date(2030, 11, 7),
        "Centro de Convenções, Av. Paulista 1000, São Paulo, Brazil",
        "https://www.edcities.example/en/events/congress-2030/",
    )
    assert entry["GEO"].latitude == pytest.approx(-23.56)
    assert entry["GEO"].longitude == pytest.approx(-46.65)


def test_event_ical_has_the_event_time_zone(event):
    calendar = _parse(event_ical(event))

    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["America/Sao_Paulo"]
    assert (str(calendar["METHOD"]), str(calendar["VERSION"]), str(calendar["X-WR-TIMEZONE"])) == (
        "PUBLISH",
        "2.0",
        "America/Sao_Paulo",
    )


def test_event_ical_is_the_same_bytes_each_time(event):
    assert event_ical(event) == event_ical(event)


def test_event_ical_summary_in_the_active_language(event):
    translation_set_original(obj=event, field="title", language="en", text="Congress of Educating Cities")
    translation_save_human(
        obj=event, field="title", language="pt", text="Congresso das Cidades Educadoras", actor=None
    )

    with translation.override("pt"):
        content = event_ical(event)

    [entry] = _parse(content).walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Congresso das Cidades Educadoras"


@pytest.fixture
def sessions(event):
    room = RoomFactory(event=event, name="Sala 1")
    opening = SessionFactory(
        event=event,
        title="Opening",
        room=room,
        starts_at=event_moment(event, day=0, hour=9),
        ends_at=event_moment(event, day=0, hour=10, minute=30),
        meeting_url="https://meet.example.org/opening",
        description="Welcome by the mayor.",
    )
    SpeakerFactory(session=opening, name="Ana Souza", role="Mayor", organisation="City of São Paulo")
    visit = SessionFactory(
        event=event,
        title="Study visit",
        room=None,
        kind="study_visit",
        starts_at=event_moment(event, day=1, hour=14),
        ends_at=event_moment(event, day=1, hour=17),
    )
    return [opening, visit]


def test_sessions_ical_one_entry_per_session_with_stable_uids(event, sessions):
    calendar = _parse(sessions_ical(event=event, sessions=sessions, name="Programme"))

    entries = calendar.walk("VEVENT")
    assert [
        (
            str(entry["UID"]),
            str(entry["SUMMARY"]),
            entry.decoded("DTSTART").isoformat(),
            entry.decoded("DTEND").isoformat(),
            str(entry["LOCATION"]),
            str(entry["URL"]),
        )
        for entry in entries
    ] == [
        (
            f"session-{sessions[0].pk}@www.edcities.example",
            "Opening",
            "2030-11-04T09:00:00-03:00",
            "2030-11-04T10:30:00-03:00",
            "Sala 1, Centro de Convenções, São Paulo",
            f"https://www.edcities.example/en/events/congress-2030/sessions/{sessions[0].pk}/",
        ),
        (
            f"session-{sessions[1].pk}@www.edcities.example",
            "Study visit",
            "2030-11-05T14:00:00-03:00",
            "2030-11-05T17:00:00-03:00",
            "Centro de Convenções, São Paulo",
            f"https://www.edcities.example/en/events/congress-2030/sessions/{sessions[1].pk}/",
        ),
    ]
    assert str(calendar["X-WR-CALNAME"]) == "Programme"
    assert (
        "DTSTART;TZID=America/Sao_Paulo:20301104T090000"
        in sessions_ical(event=event, sessions=sessions, name="Programme").decode()
    )


def test_sessions_ical_has_the_vtimezone_of_the_event(event, sessions):
    calendar = _parse(sessions_ical(event=event, sessions=sessions, name="Programme"))

    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["America/Sao_Paulo"]


def test_sessions_ical_describes_speakers_and_hides_meeting_links_by_default(event, sessions):
    calendar = _parse(sessions_ical(event=event, sessions=sessions, name="Programme"))

    opening = calendar.walk("VEVENT")[0]
    assert (
        str(opening["DESCRIPTION"])
        == "Speakers: Ana Souza, Mayor, City of São Paulo\n\nWelcome by the mayor."
    )
    assert [str(c) for c in opening["CATEGORIES"].cats] == ["Plenary"]


def test_sessions_ical_with_meeting_links_for_participants(event, sessions):
    calendar = _parse(sessions_ical(event=event, sessions=sessions, name="My agenda", meeting_links=True))

    assert "Join online: https://meet.example.org/opening" in str(calendar.walk("VEVENT")[0]["DESCRIPTION"])


def test_sessions_ical_the_programme_and_an_agenda_are_different_calendars(event, sessions):
    programme = _parse(sessions_ical(event=event, sessions=sessions, name="Programme"))
    agenda = _parse(sessions_ical(event=event, sessions=sessions[:1], name="My agenda"))

    assert str(programme["UID"]) != str(agenda["UID"])
    assert str(programme["UID"]) == str(
        _parse(sessions_ical(event=event, sessions=[], name="Programme"))["UID"]
    )


def test_sessions_ical_without_a_name_is_the_programme(event):
    calendar = _parse(sessions_ical(event=event, sessions=[]))

    assert (str(calendar["X-WR-CALNAME"]), calendar.walk("VEVENT")) == (
        "Congress of Educating Cities: programme",
        [],
    )


def test_sessions_ical_reads_sessions_in_two_queries(event, sessions, django_assert_num_queries):
    for index in range(5):
        SessionFactory(event=event, room=None, starts_at=event_moment(event, day=2, hour=8 + index))
    queryset = Session.objects.filter(event=event).select_related("room").prefetch_related("speakers")
    event = type(event).objects.select_related("host_city__country").get(pk=event.pk)

    with django_assert_num_queries(2):
        sessions_ical(event=event, sessions=queryset, name="Programme")
