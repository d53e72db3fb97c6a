"""Reading congresses: lists of events, the programme (days, times, rooms, grid), its version, a person's
registrations, figures and the state of registration."""

import datetime
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from educities.congresses.domain.events import SpeakerSpec, session_save
from educities.congresses.domain.queries import (
    event_figures,
    event_for_programme,
    event_registration_state,
    events_past,
    events_upcoming,
    programme,
    programme_version,
    registration_detail,
    registration_for,
    registrations_for_user,
    registrations_list,
    session_is_full,
    session_public,
)
from educities.congresses.enums import EventKind, RegistrationStatus, SessionKind
from educities.congresses.models import AgendaEntry, Room, Speaker
from educities.core.domain.translations import translation_save_human, translation_set_original
from tests.congresses.factories import (
    EventFactory,
    RegistrationFactory,
    RegistrationTypeFactory,
    RoomFactory,
    SessionFactory,
    SpeakerFactory,
    event_moment,
)
from tests.factories import CityFactory, CountryFactory, StaffFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def _session(event, room, title, day=0, hour=9, minute=0, minutes=60, **kwargs):
    start = event_moment(event, day=day, hour=hour, minute=minute)
    return SessionFactory(
        event=event,
        room=room,
        title=title,
        starts_at=start,
        ends_at=start + datetime.timedelta(minutes=minutes),
        **kwargs,
    )


# --- Lists of events ------------------------------------------------------------------------------------


def test_events_upcoming_and_past_split_on_the_last_day_and_hide_unpublished():
    today = datetime.date(2026, 11, 26)
    past = EventFactory(starts_on=datetime.date(2026, 11, 20), ends_on=datetime.date(2026, 11, 25))
    running = EventFactory(starts_on=datetime.date(2026, 11, 25), ends_on=datetime.date(2026, 11, 26))
    later = EventFactory(starts_on=datetime.date(2027, 3, 1), ends_on=datetime.date(2027, 3, 3))
    EventFactory(starts_on=datetime.date(2027, 1, 1), ends_on=datetime.date(2027, 1, 2), is_published=False)
    older = EventFactory(starts_on=datetime.date(2024, 5, 1), ends_on=datetime.date(2024, 5, 3))

    assert events_upcoming(today=today) == [running, later]
    assert events_past(today=today) == [past, older]


def test_events_upcoming_filters_by_kind():
    today = datetime.date(2026, 11, 26)
    congress = EventFactory(starts_on=datetime.date(2027, 3, 1), ends_on=datetime.date(2027, 3, 3))
    meeting = EventFactory(
        kind=EventKind.MEETING, starts_on=datetime.date(2027, 2, 1), ends_on=datetime.date(2027, 2, 1)
    )

    assert events_upcoming(kind=EventKind.MEETING, today=today) == [meeting]
    assert events_upcoming(kind=EventKind.INTERNATIONAL_CONGRESS, today=today) == [congress]


def test_events_lists_read_one_query_each_whatever_their_length():
    EventFactory.create_batch(5)
    with CaptureQueriesContext(connection) as few:
        [(event.host_city.country.code, event.network) for event in events_upcoming()]
    EventFactory.create_batch(20)
    with CaptureQueriesContext(connection) as many:
        events = events_upcoming()
        [(event.host_city.country.code, event.network) for event in events]

    assert len(events) == 25
    assert len(few.captured_queries) == len(many.captured_queries) == 1


# --- The programme ---------------------------------------------------------------------------------------


def test_programme_groups_sessions_by_day_time_and_room_in_the_event_time_zone():
    event = EventFactory(time_zone="America/Sao_Paulo")
    hall = RoomFactory(event=event, name="Hall", position=0)
    studio = RoomFactory(event=event, name="Studio", position=1)
    late = _session(event, hall, "Late plenary", hour=21, minutes=60)  # 00:00 UTC next day
    workshop = _session(event, studio, "Workshop", hour=9)
    opening = _session(event, hall, "Opening", hour=9)
    second_day = _session(event, studio, "Day two", day=1, hour=10, minute=30, minutes=45)

    data = programme(event=event)

    assert [day.date for day in data.days] == [event.starts_on, event.starts_on + datetime.timedelta(days=1)]
    first = data.days[0]
    assert [column.name for column in first.columns] == ["Hall", "Studio"]
    assert [(row.starts_at.hour, [s.title for s in row.sessions]) for row in first.rows] == [
        (9, ["Opening", "Workshop"]),
        (21, ["Late plenary"]),
    ]
    assert [cell.column.name for cell in first.rows[0].cells] == ["Hall", "Studio"]
    assert (
        first.rows[1].sessions[0].starts_at.isoformat()
        == late.starts_at.astimezone(datetime.timezone(datetime.timedelta(hours=-3))).isoformat()
    )
    assert [s.pk for s in data.sessions] == [opening.pk, workshop.pk, late.pk, second_day.pk]
    assert [column.name for column in data.days[1].columns] == ["Studio"]


def test_programme_places_sessions_on_a_grid_of_five_minute_rows():
    event = EventFactory()
    hall = RoomFactory(event=event, name="Hall", position=0)
    studio = RoomFactory(event=event, name="Studio", position=1)
    _session(event, hall, "Opening", hour=9, minutes=90)
    _session(event, studio, "Workshop", hour=9, minute=30, minutes=45)
    _session(event, hall, "Lunch", hour=12, minutes=60, kind=SessionKind.BREAK)

    day = programme(event=event).days[0]

    placed = {s.title: (s.grid_row_start, s.grid_row_end, s.grid_column) for s in day.sessions}
    # Row 1 holds the rooms; 09:00 is row 2 and every row is five minutes.
    assert placed == {"Opening": (2, 20, 2), "Workshop": (8, 17, 3), "Lunch": (38, 50, 2)}
    assert (day.first_minute, day.grid_rows, day.grid_columns) == (540, 49, 3)
    assert [(row.grid_row, row.grid_row_end) for row in day.rows] == [(2, 8), (8, 38), (38, 50)]


def test_programme_puts_sessions_without_room_in_a_last_column_with_tracks_when_they_overlap():
    event = EventFactory()
    hall = RoomFactory(event=event, name="Hall")
    _session(event, hall, "Plenary", hour=9)
    _session(event, None, "Visit A", hour=10, minutes=120, kind=SessionKind.STUDY_VISIT)
    _session(event, None, "Visit B", hour=11, minutes=60, kind=SessionKind.STUDY_VISIT)
    _session(event, None, "Visit C", hour=12, minutes=60, kind=SessionKind.STUDY_VISIT)

    day = programme(event=event, unplaced_label="Elsewhere").days[0]

    assert [(c.name, c.room_id, c.first_grid_column, c.tracks) for c in day.columns] == [
        ("Hall", hall.pk, 2, 1),
        ("Elsewhere", None, 3, 2),
    ]
    assert {s.title: s.grid_column for s in day.sessions} == {
        "Plenary": 2,
        "Visit A": 3,
        "Visit B": 4,
        "Visit C": 3,
    }
    assert day.grid_columns == 4


def test_programme_keeps_speakers_in_order_with_their_city_and_never_the_meeting_link():
    event = EventFactory()
    city = CityFactory(name="Rosario")
    session = _session(event, RoomFactory(event=event), "Panel", meeting_url="https://meet.example.org/x")
    SpeakerFactory(session=session, name="Second", position=1)
    SpeakerFactory(session=session, name="First", position=0, role="Moderator", city=city)

    item = programme(event=event).sessions[0]

    assert [(s.name, s.role, s.city) for s in item.speakers] == [
        ("First", "Moderator", "Rosario"),
        ("Second", "", ""),
    ]
    assert not hasattr(item, "meeting_url")


def test_programme_of_an_event_without_sessions_is_empty():
    data = programme(event=EventFactory())

    assert data.is_empty
    assert data.days == []


def test_programme_reads_three_queries_whatever_its_size():
    def build(count):
        event = EventFactory()
        rooms = RoomFactory.create_batch(3, event=event)
        for number in range(count):
            session = _session(event, rooms[number % 3], f"S{number}", hour=8 + number // 3 % 12)
            SpeakerFactory.create_batch(2, session=session, city=CityFactory())
        return event

    small, large = build(3), build(30)
    with CaptureQueriesContext(connection) as few:
        programme(event=small)
    with CaptureQueriesContext(connection) as many:
        data = programme(event=large)

    assert len(data.sessions) == 30
    assert len(few.captured_queries) == len(many.captured_queries) == 3


# --- The programme's version ------------------------------------------------------------------------------


def _version(event):
    return programme_version(event=event_for_programme(slug=event.slug))


def test_event_for_programme_reads_one_query_and_unknown_slugs_are_none():
    event = EventFactory(slug="lisbon-2026")
    session = _session(event, RoomFactory(event=event), "Opening")
    SpeakerFactory.create_batch(2, session=session)

    with CaptureQueriesContext(connection) as queries:
        found = event_for_programme(slug="lisbon-2026")

    assert len(queries.captured_queries) == 1
    assert (found.pk, found.programme_sessions, found.programme_speakers) == (event.pk, 1, 2)
    assert event_for_programme(slug="nowhere") is None
    assert event_for_programme(slug="") is None


def test_programme_version_changes_with_every_kind_of_edit():
    staff = StaffFactory()
    event = EventFactory()
    room = RoomFactory(event=event, name="Hall")
    session = _session(event, room, "Opening")
    versions = [_version(event)]

    session_save(
        event=event,
        actor=staff,
        session=session,
        title="Opening plenary",
        kind=session.kind,
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        room=room,
        speakers=[SpeakerSpec(name="Ana")],
    )
    versions.append(_version(event))
    Speaker.objects.create(session=session, name="Added directly")
    versions.append(_version(event))
    Room.objects.filter(pk=room.pk).update(name="Great hall")
    versions.append(_version(event))
    other = _session(event, None, "Visit", hour=15)
    versions.append(_version(event))
    other.delete()
    versions.append(_version(event))
    event.time_zone = "Europe/Lisbon"
    event.save()
    versions.append(_version(event))
    translation_set_original(obj=event, field="title", language="en", text=event.title, actor=None)
    versions.append(_version(event))
    translation_save_human(obj=event, field="title", language="fr", text="Congrès", actor=staff)
    versions.append(_version(event))

    assert all(before != after for before, after in itertools.pairwise(versions))
    # Deleting the session just added gives back the programme (and the version) of before.
    assert versions[5] == versions[3]
    assert len(set(versions)) == len(versions) - 1
    assert _version(event) == versions[-1]


# --- Sessions --------------------------------------------------------------------------------------------


def test_session_public_counts_the_places_taken_and_says_when_full():
    event = EventFactory()
    session = _session(event, RoomFactory(event=event), "Workshop", capacity=2)
    AgendaEntry.objects.create(registration=RegistrationFactory(event=event), session=session)

    found = session_public(event=event, pk=session.pk)
    assert (found.places_taken, session_is_full(found)) == (1, False)

    AgendaEntry.objects.create(registration=RegistrationFactory(event=event), session=session)
    assert session_is_full(session_public(event=event, pk=session.pk)) is True
    assert session_is_full(session) is True


def test_session_public_refuses_other_events_and_bad_ids():
    event = EventFactory()
    session = _session(EventFactory(), None, "Elsewhere")

    assert session_public(event=event, pk=session.pk) is None
    assert session_public(event=event, pk="12x") is None
    assert session_public(event=event, pk=None) is None


# --- Registrations ----------------------------------------------------------------------------------------


def test_registrations_for_user_lists_own_and_made_for_others_newest_event_first():
    user = UserFactory()
    older = RegistrationFactory(user=user, event=EventFactory(starts_on=datetime.date(2026, 1, 1)))
    newer = RegistrationFactory(user=user, event=EventFactory(starts_on=datetime.date(2027, 1, 1)))
    for_someone = RegistrationFactory(
        registered_by=user, event=EventFactory(starts_on=datetime.date(2026, 6, 1))
    )
    RegistrationFactory()

    assert list(registrations_for_user(user=user)) == [newer, for_someone, older]
    assert list(registrations_for_user(user=None)) == []


def test_registration_for_skips_cancelled_registrations():
    user = UserFactory()
    event = EventFactory()
    RegistrationFactory(event=event, user=user, status=RegistrationStatus.CANCELLED)

    assert registration_for(event=event, user=user) is None

    current = RegistrationFactory(event=event, user=user, status=RegistrationStatus.WAITLISTED)
    assert registration_for(event=event, user=user) == current
    assert registration_for(event=EventFactory(), user=user) is None


def test_registration_detail_reads_codes_typed_in_any_case_and_refuses_junk():
    registration = RegistrationFactory(code="ABCD2345")

    assert registration_detail(code="abcd-2345") == registration
    assert registration_detail(code="ABCD 2345") == registration
    assert registration_detail(code="ABCD0000") is None  # 0 is not in the alphabet
    assert registration_detail(code="x" * 40) is None
    assert registration_detail(code="") is None


def test_registrations_list_filters_by_status_type_city_checked_in_and_text():
    event = EventFactory()
    delegate = RegistrationTypeFactory(event=event)
    city = CityFactory()
    ana = RegistrationFactory(event=event, type=delegate, name="Ana Silva", city=city)
    joan = RegistrationFactory(
        event=event, name="Joan Puig", status=RegistrationStatus.WAITLISTED, waitlist_position=1
    )
    marie = RegistrationFactory(event=event, name="Marie", checked_in_at=timezone.now())
    RegistrationFactory(name="Other event")

    assert list(registrations_list(event=event)) == [ana, joan, marie]
    assert list(registrations_list(event=event, filters={"status": "waitlisted"})) == [joan]
    assert list(registrations_list(event=event, filters={"type": delegate.pk})) == [ana]
    assert list(registrations_list(event=event, filters={"city": city.pk})) == [ana]
    assert list(registrations_list(event=event, filters={"checked_in": True})) == [marie]
    assert list(registrations_list(event=event, filters={"checked_in": False})) == [ana, joan]
    assert list(registrations_list(event=event, filters={"q": "puig"})) == [joan]
    assert list(registrations_list(event=event, filters={"q": ana.code.lower()})) == [ana]


# --- Figures and the state of registration ---------------------------------------------------------------


def test_event_figures_count_states_places_cities_and_countries():
    event = EventFactory(capacity=4)
    free = RegistrationTypeFactory(event=event, counts_toward_capacity=False)
    spain, france = CountryFactory(code="ES"), CountryFactory(code="FR")
    RegistrationFactory(event=event, city=CityFactory(country=spain), checked_in_at=timezone.now())
    RegistrationFactory(event=event, city=CityFactory(country=france), status=RegistrationStatus.PENDING)
    RegistrationFactory(event=event, type=free, city=CityFactory(country=france))
    RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED, waitlist_position=1)
    RegistrationFactory(event=event, status=RegistrationStatus.CANCELLED)

    figures = event_figures(event=event)

    assert (figures.registrations, figures.confirmed, figures.pending, figures.waitlisted) == (4, 2, 1, 1)
    assert (figures.cancelled, figures.checked_in) == (1, 1)
    assert (figures.places_taken, figures.places_left, figures.is_full) == (2, 2, False)
    assert (figures.cities, figures.countries) == (3, 2)


def test_event_figures_without_capacity_are_never_full():
    event = EventFactory(capacity=None)
    RegistrationFactory.create_batch(3, event=event)

    figures = event_figures(event=event)

    assert (figures.places_taken, figures.places_left, figures.is_full) == (3, None, False)


def test_event_registration_state_follows_the_window_the_places_and_the_types():
    now = timezone.now()
    event = EventFactory(
        capacity=1,
        registration_opens_at=now - datetime.timedelta(days=1),
        registration_closes_at=now + datetime.timedelta(days=5),
    )
    RegistrationTypeFactory(event=event)

    assert event_registration_state(event=event, now=now).code == "open"
    assert event_registration_state(event=event, now=now - datetime.timedelta(days=2)).code == "not_yet"
    assert event_registration_state(event=event, now=now + datetime.timedelta(days=6)).code == "closed"
    RegistrationFactory(event=event)
    state = event_registration_state(event=event, now=now)
    assert (state.code, state.accepts) == ("waitlist", True)
    assert event_registration_state(event=event, now=now, has_types=False).code == "closed"


def test_event_registration_state_closes_at_the_end_of_the_last_day_by_default():
    event = EventFactory(registration_opens_at=None, registration_closes_at=None, time_zone="Asia/Seoul")
    RegistrationTypeFactory(event=event)
    end = event_moment(event, day=2, hour=23, minute=59)

    assert event_registration_state(event=event, now=end).code == "open"
    assert event_registration_state(event=event, now=end + datetime.timedelta(minutes=1)).code == "closed"
