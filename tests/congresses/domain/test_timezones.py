"""An event across a daylight-saving change: Warsaw, 24 to 26 October 2020 (on 25 October at 03:00 the
clocks went back to 02:00, from CEST, +02:00, to CET, +01:00).

A session from 09:00 to 10:30 local time each day is stored with the right offset, lasts 90 minutes,
and the programme's iCalendar file keeps the wall times with TZID=Europe/Warsaw and its VTIMEZONE.
"""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest

from educities.congresses.domain.events import session_save
from educities.congresses.enums import SessionKind
from educities.congresses.interfaces.ical import sessions_ical
from educities.congresses.models import Session
from tests.congresses.factories import EventFactory, RoomFactory
from tests.factories import StaffFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

WARSAW = ZoneInfo("Europe/Warsaw")
DAYS = [datetime.date(2020, 10, 24), datetime.date(2020, 10, 25), datetime.date(2020, 10, 26)]


@pytest.fixture
def programme():
    event = EventFactory(
        starts_on=DAYS[0],
        ends_on=DAYS[-1],
        time_zone="Europe/Warsaw",
        registration_opens_at=None,
        registration_closes_at=None,
    )
    room = RoomFactory(event=event, name="Aula")
    staff = StaffFactory()
    for day in DAYS:
        session_save(
            event=event,
            actor=staff,
            title=f"Morning plenary {day.day}",
            kind=SessionKind.PLENARY,
            starts_at=datetime.datetime.combine(day, datetime.time(9, 0), tzinfo=WARSAW),
            ends_at=datetime.datetime.combine(day, datetime.time(10, 30), tzinfo=WARSAW),
            room=room,
        )
    return event


def test_sessions_across_the_change_keep_their_local_times_and_offsets(programme):
    sessions = list(Session.objects.filter(event=programme).order_by("starts_at"))

    local = [
        (s.starts_at.astimezone(WARSAW).isoformat(), s.ends_at.astimezone(WARSAW).isoformat())
        for s in sessions
    ]
    assert local == [
        ("2020-10-24T09:00:00+02:00", "2020-10-24T10:30:00+02:00"),
        ("2020-10-25T09:00:00+01:00", "2020-10-25T10:30:00+01:00"),
        ("2020-10-26T09:00:00+01:00", "2020-10-26T10:30:00+01:00"),
    ]


def test_sessions_across_the_change_are_stored_at_the_right_instants(programme):
    starts = list(
        Session.objects.filter(event=programme).order_by("starts_at").values_list("starts_at", flat=True)
    )

    assert [moment.astimezone(datetime.UTC).strftime("%d %H:%M") for moment in starts] == [
        "24 07:00",
        "25 08:00",
        "26 08:00",
    ]


def test_sessions_across_the_change_last_ninety_minutes(programme):
    sessions = Session.objects.filter(event=programme)

    assert {s.ends_at - s.starts_at for s in sessions} == {datetime.timedelta(minutes=90)}


def test_sessions_on_the_day_of_the_change_span_a_25_hour_day(programme):
    first, second, _third = Session.objects.filter(event=programme).order_by("starts_at")

    assert second.starts_at - first.starts_at == datetime.timedelta(hours=25)


def test_programme_ical_keeps_the_wall_times_with_the_zone(programme):
    sessions = Session.objects.filter(event=programme).order_by("starts_at").select_related("room")

    content = sessions_ical(event=programme, sessions=sessions, name="Programme")

    text = content.decode()
    calendar = icalendar.Calendar.from_ical(content)
    assert "DTSTART;TZID=Europe/Warsaw:20201024T090000" in text
    assert "DTSTART;TZID=Europe/Warsaw:20201025T090000" in text
    assert "DTEND;TZID=Europe/Warsaw:20201026T103000" in text
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Warsaw"]
    parsed = [
        (entry.decoded("DTSTART").isoformat(), entry.decoded("DTEND") - entry.decoded("DTSTART"))
        for entry in calendar.walk("VEVENT")
    ]
    assert parsed == [
        ("2020-10-24T09:00:00+02:00", datetime.timedelta(minutes=90)),
        ("2020-10-25T09:00:00+01:00", datetime.timedelta(minutes=90)),
        ("2020-10-26T09:00:00+01:00", datetime.timedelta(minutes=90)),
    ]


def test_programme_ical_vtimezone_has_the_change_of_25_october(programme):
    content = sessions_ical(
        event=programme, sessions=Session.objects.filter(event=programme), name="Programme"
    )

    [zone] = icalendar.Calendar.from_ical(content).walk("VTIMEZONE")
    changes = {
        (
            component.name,
            component.decoded("DTSTART").replace(tzinfo=None).isoformat(),
            str(component["TZNAME"]),
        )
        for component in zone.subcomponents
    }
    assert ("STANDARD", "2020-10-25T03:00:00", "CET") in changes
    assert ("DAYLIGHT", "2020-03-29T02:00:00", "CEST") in changes or (
        "DAYLIGHT",
        "2020-03-29T03:00:00",
        "CEST",
    ) in changes


def test_session_in_the_repeated_hour_is_stored_with_the_offset_chosen(programme):
    # 02:30 on 25 October happens twice in Warsaw: fold=1 is the second time (CET, +01:00).
    first_time = datetime.datetime(2020, 10, 25, 2, 30, tzinfo=WARSAW)
    second_time = first_time.replace(fold=1)

    session = session_save(
        event=programme,
        actor=StaffFactory(),
        title="Night walk",
        kind=SessionKind.CULTURAL,
        starts_at=first_time,
        ends_at=second_time,
    )

    session.refresh_from_db()
    assert session.ends_at - session.starts_at == datetime.timedelta(hours=1)
