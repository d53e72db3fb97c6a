"""Events and their set-up: creating and changing events, registration types and questions, rooms and
sessions (days in the event's time zone, overlaps in a room, speakers)."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from educities.congresses.domain.common import EventInvalid
from educities.congresses.domain.events import (
    SpeakerSpec,
    event_create,
    event_programme_publish,
    event_publish,
    event_update,
    registration_question_delete,
    registration_question_save,
    registration_type_save,
    room_save,
    session_delete,
    session_save,
)
from educities.congresses.enums import EventFormat, EventKind, RegistrationStatus, SessionKind
from educities.congresses.models import Event, RegistrationQuestion, RegistrationType, Room, Session, Speaker
from educities.core.domain.audit import audit_entries_for
from educities.core.domain.errors import DomainError, PermissionRefused
from educities.core.enums import Provenance
from educities.core.models import TextTranslation
from tests.congresses.factories import (
    EventFactory,
    RegistrationFactory,
    RegistrationTypeFactory,
    RoomFactory,
    SessionFactory,
    event_moment,
)
from tests.factories import CityFactory, StaffFactory, UserFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def staff():
    return StaffFactory()


@pytest.fixture
def city():
    return CityFactory(name="Granollers")


def _create(staff, city, **overrides):
    values = {
        "kind": EventKind.INTERNATIONAL_CONGRESS,
        "title": "XVIII International Congress of Educating Cities",
        "host_city": city,
        "starts_on": datetime.date(2026, 11, 2),
        "ends_on": datetime.date(2026, 11, 4),
        "time_zone": "Europe/Madrid",
        "actor": staff,
        "format": EventFormat.IN_PERSON,
    }
    values.update(overrides)
    return event_create(**values)


# --- event_create -----------------------------------------------------------------------------------


def test_event_create_makes_the_slug_from_the_title(staff, city):
    event = _create(staff, city, capacity=300, languages=["en", "es", "en"], venue="  Roca Umbert  ")

    assert (event.slug, event.capacity, event.languages, event.venue, event.is_published) == (
        "xviii-international-congress-of-educating-cities",
        300,
        ["en", "es"],
        "Roca Umbert",
        False,
    )


def test_event_create_adds_a_number_to_a_slug_already_taken(staff, city):
    first = _create(staff, city)
    second = _create(staff, city)
    third = _create(staff, city)

    assert [first.slug, second.slug, third.slug] == [
        "xviii-international-congress-of-educating-cities",
        "xviii-international-congress-of-educating-cities-2",
        "xviii-international-congress-of-educating-cities-3",
    ]


def test_event_create_title_without_latin_letters_gets_a_generic_slug(staff, city):
    event = _create(staff, city, title="東京会議")

    assert event.slug == "event"


def test_event_create_title_that_is_a_reserved_word_gets_a_numbered_slug(staff, city):
    event = _create(staff, city, title="New")

    assert event.slug == "new-2"


@pytest.mark.parametrize("slug", ["new", "bids", "proposals", "registrations"])
def test_event_create_refuses_a_slug_that_is_a_page_of_its_own(staff, city, slug):
    with pytest.raises(EventInvalid) as caught:
        _create(staff, city, slug=slug)

    assert set(caught.value.errors) == {"slug"}
    assert Event.objects.count() == 0


def test_event_create_keeps_a_given_slug(staff, city):
    event = _create(staff, city, slug="congress-2026")

    assert event.slug == "congress-2026"


@pytest.mark.parametrize("slug", ["Congress 2026", "congrès", "a/b", "x" * 81])
def test_event_create_refuses_a_malformed_slug(staff, city, slug):
    with pytest.raises(EventInvalid) as caught:
        _create(staff, city, slug=slug)

    assert set(caught.value.errors) == {"slug"}
    assert Event.objects.count() == 0


def test_event_create_refuses_a_slug_already_taken(staff, city):
    EventFactory(slug="congress-2026")

    with pytest.raises(EventInvalid) as caught:
        _create(staff, city, slug="congress-2026")

    assert caught.value.errors == {"slug": [_("Another event has this address (slug): choose another one.")]}


def test_event_create_records_title_and_description_as_originals(staff, city):
    event = _create(staff, city, description="Cities that learn.", language="es")

    rows = TextTranslation.objects.filter(object_id=str(event.pk)).order_by("field")
    assert [(row.field, row.language, row.provenance, row.text) for row in rows] == [
        ("description", "es", Provenance.ORIGINAL, "Cities that learn."),
        ("title", "es", Provenance.ORIGINAL, "XVIII International Congress of Educating Cities"),
    ]
    assert event.original_language == "es"


def test_event_create_is_audited(staff, city):
    event = _create(staff, city)

    assert [(entry.action, entry.actor) for entry in audit_entries_for(subject=event)] == [
        ("event_create", staff)
    ]


def test_event_create_refuses_the_last_day_before_the_first(staff, city):
    with pytest.raises(EventInvalid) as caught:
        _create(staff, city, starts_on=datetime.date(2026, 11, 4), ends_on=datetime.date(2026, 11, 2))

    assert caught.value.errors == {"ends_on": [_("The last day cannot be before the first.")]}
    assert Event.objects.count() == 0


def test_event_create_refuses_a_window_closing_before_it_opens(staff, city):
    opens = datetime.datetime(2026, 9, 1, 9, tzinfo=datetime.UTC)

    with pytest.raises(EventInvalid) as caught:
        _create(staff, city, registration_opens_at=opens, registration_closes_at=opens)

    assert caught.value.errors == {"registration_closes_at": [_("Registration must close after it opens.")]}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("registration_opens_at", datetime.datetime(2026, 9, 1, 9)),  # noqa: DTZ001 - naive on purpose
        ("registration_opens_at", "2026-09-01"),
        ("time_zone", "Europe/Atlantis"),
        ("time_zone", None),
        ("kind", "party"),
        ("format", "telepathy"),
        ("language", "de"),
        ("languages", ["en", "xx"]),
        ("languages", "en"),
        ("capacity", -1),
        ("capacity", "100"),
        ("capacity", True),
        ("number", 0),
        ("latitude", 91.0),
        ("longitude", "east"),
        ("contact_email", "not an address"),
        ("title", "   "),
        ("title", "Line\nbreak"),
        ("starts_on", "2026-11-02"),
        ("host_city", None),
    ],
)
def test_event_create_refuses_bad_values_saving_nothing(staff, city, field, value):
    with pytest.raises(EventInvalid) as caught:
        _create(staff, city, **{field: value})

    assert field in caught.value.errors
    assert Event.objects.count() == 0


def test_event_create_refuses_a_latitude_without_longitude(staff, city):
    with pytest.raises(EventInvalid) as caught:
        _create(staff, city, latitude=41.6)

    assert caught.value.errors == {"latitude": [_("Give both the latitude and the longitude, or neither.")]}


@pytest.mark.parametrize("role", ["anonymous", "user"])
def test_event_create_is_refused_to_anyone_but_staff(city, role):
    from django.contrib.auth.models import AnonymousUser

    actor = AnonymousUser() if role == "anonymous" else UserFactory()

    with pytest.raises(PermissionRefused):
        _create(actor, city)


# --- event_update, publishing -------------------------------------------------------------------------


def test_event_update_changes_only_the_given_fields_and_audits_them(staff):
    event = EventFactory(venue="Old hall", capacity=10)

    event_update(event=event, actor=staff, venue="New hall", capacity=10)

    event.refresh_from_db()
    assert (event.venue, event.capacity) == ("New hall", 10)
    assert [(e.action, e.comment) for e in audit_entries_for(subject=event)] == [("event_update", "venue")]


def test_event_update_without_change_is_not_audited(staff):
    event = EventFactory(venue="Hall")

    event_update(event=event, actor=staff, venue="Hall")

    assert list(audit_entries_for(subject=event)) == []


def test_event_update_refuses_unknown_fields(staff):
    event = EventFactory()

    with pytest.raises(EventInvalid) as caught:
        event_update(event=event, actor=staff, is_published=True)

    assert caught.value.errors == {"is_published": [_("This cannot be changed here.")]}


def test_event_update_refused_leaves_the_object_as_stored(staff):
    event = EventFactory(venue="Hall")
    starts_on = event.starts_on

    with pytest.raises(EventInvalid):
        event_update(event=event, actor=staff, venue="Other", ends_on=starts_on - datetime.timedelta(days=1))

    assert (event.venue, event.ends_on > starts_on) == ("Hall", True)
    event.refresh_from_db()
    assert event.venue == "Hall"


def test_event_update_new_title_updates_the_original_text(staff, city):
    event = _create(staff, city)

    event_update(event=event, actor=staff, title="Congress of 2026")

    original = TextTranslation.objects.get(object_id=str(event.pk), field="title")
    assert original.text == "Congress of 2026"


def test_event_update_refuses_days_that_leave_sessions_outside(staff):
    event = EventFactory()
    SessionFactory(event=event, starts_at=event_moment(event, day=2, hour=9))
    SessionFactory(event=event, starts_at=event_moment(event, day=2, hour=15))

    with pytest.raises(EventInvalid) as caught:
        event_update(event=event, actor=staff, ends_on=event.starts_on)

    assert caught.value.errors == {
        "starts_on": [
            _("%(count)d sessions would fall outside the event’s days: move them first.") % {"count": 2}
        ]
    }


def test_event_update_refuses_a_time_zone_that_moves_sessions_outside_the_days(staff):
    event = EventFactory(time_zone="Europe/Warsaw")
    SessionFactory(event=event, starts_at=event_moment(event, day=0, hour=0, minute=30))

    with pytest.raises(EventInvalid):
        event_update(event=event, actor=staff, time_zone="America/New_York")

    event.refresh_from_db()
    assert event.time_zone == "Europe/Warsaw"


def test_event_update_more_places_promotes_the_waiting_list(staff, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    first = RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED, waitlist_position=1)
    second = RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED, waitlist_position=2)
    third = RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED, waitlist_position=3)

    with django_capture_on_commit_callbacks(execute=True):
        event_update(event=event, actor=staff, capacity=3)

    statuses = [
        (r.status, r.waitlist_position)
        for r in Event.objects.get(pk=event.pk)
        .registrations.filter(pk__in=[first.pk, second.pk, third.pk])
        .order_by("pk")
    ]
    assert statuses == [
        (RegistrationStatus.CONFIRMED, None),
        (RegistrationStatus.CONFIRMED, None),
        (RegistrationStatus.WAITLISTED, 3),
    ]


def test_event_update_no_limit_promotes_everyone_waiting(staff):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED, waitlist_position=1)

    event_update(event=event, actor=staff, capacity=None)

    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED


def test_event_update_empty_slug_is_made_from_the_title(staff):
    event = EventFactory(title="Meeting of the Latin American network", slug="old")

    event_update(event=event, actor=staff, slug="")

    assert event.slug == "meeting-of-the-latin-american-network"


def test_event_publish_and_unpublish_are_audited(staff):
    event = EventFactory(is_published=False)

    event_publish(event=event, actor=staff)
    event_publish(event=event, actor=staff)
    event_publish(event=event, actor=staff, published=False)

    assert event.is_published is False
    assert [e.action for e in audit_entries_for(subject=event)] == ["event_publish", "event_unpublish"]


def test_event_programme_publish_toggles_the_programme(staff):
    event = EventFactory(programme_published=False)

    event_programme_publish(event=event, published=True, actor=staff)

    event.refresh_from_db()
    assert event.programme_published is True
    assert [e.action for e in audit_entries_for(subject=event)] == ["programme_publish"]


def test_event_publish_is_refused_to_a_city_editor():
    from tests.factories import make_city_editor

    event = EventFactory(is_published=False)
    editor = make_city_editor(event.host_city)

    with pytest.raises(PermissionRefused):
        event_publish(event=event, actor=editor)


# --- Registration types and questions -----------------------------------------------------------------


def test_registration_type_save_creates_a_type(staff):
    event = EventFactory()

    kind = registration_type_save(
        event=event, actor=staff, name=" Delegate ", fee="150.5", currency="eur", needs_approval=True
    )

    assert (kind.event, kind.name, kind.fee, kind.currency, kind.needs_approval, kind.is_public) == (
        event,
        "Delegate",
        Decimal("150.50"),
        "EUR",
        True,
        True,
    )


def test_registration_type_save_changes_only_the_given_fields(staff):
    kind = RegistrationTypeFactory(name="Delegate", fee=100)

    registration_type_save(event=kind.event, actor=staff, type=kind, is_public=False)

    kind.refresh_from_db()
    assert (kind.name, kind.fee, kind.is_public) == ("Delegate", Decimal("100.00"), False)


def test_registration_type_save_refuses_a_name_already_used(staff):
    kind = RegistrationTypeFactory(name="Delegate")

    with pytest.raises(EventInvalid) as caught:
        registration_type_save(event=kind.event, actor=staff, name="Delegate")

    assert caught.value.errors == {"name": [_("This event already has a registration type with this name.")]}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("fee", "-1"),
        ("fee", "abc"),
        ("fee", "1.005"),
        ("fee", None),
        ("currency", "EURO"),
        ("is_public", "yes"),
    ],
)
def test_registration_type_save_refuses_bad_values(staff, field, value):
    event = EventFactory()

    with pytest.raises(EventInvalid) as caught:
        registration_type_save(event=event, actor=staff, name="Delegate", **{field: value})

    assert set(caught.value.errors) == {field}
    assert RegistrationType.objects.count() == 0


def test_registration_type_save_refuses_a_type_of_another_event(staff):
    kind = RegistrationTypeFactory()

    with pytest.raises(DomainError) as caught:
        registration_type_save(event=EventFactory(), actor=staff, type=kind, name="Press")

    assert caught.value.message == _("This registration type belongs to another event.")


def test_registration_type_no_longer_taking_places_frees_them_for_the_waiting_list(staff):
    event = EventFactory(capacity=1)
    speakers = RegistrationTypeFactory(event=event, name="Speaker")
    RegistrationFactory(event=event, type=speakers)
    waiting = RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED, waitlist_position=1)

    registration_type_save(event=event, actor=staff, type=speakers, counts_toward_capacity=False)

    waiting.refresh_from_db()
    assert (waiting.status, waiting.waitlist_position) == (RegistrationStatus.CONFIRMED, None)


def test_registration_question_save_creates_a_choice_question(staff):
    event = EventFactory()

    question = registration_question_save(
        event=event,
        actor=staff,
        text="Which study visit?",
        kind=RegistrationQuestion.Kind.CHOICE,
        choices=[" Schools ", "Parks", ""],
        is_required=True,
    )

    assert (question.text, question.kind, question.choices, question.is_required) == (
        "Which study visit?",
        "choice",
        ["Schools", "Parks"],
        True,
    )


def test_registration_question_save_refuses_a_choice_question_without_options(staff):
    event = EventFactory()

    with pytest.raises(EventInvalid) as caught:
        registration_question_save(event=event, actor=staff, text="Which?", kind="choice", choices=[])

    assert caught.value.errors == {"choices": [_("Give at least one option.")]}


def test_registration_question_save_refuses_the_same_option_twice(staff):
    with pytest.raises(EventInvalid) as caught:
        registration_question_save(
            event=EventFactory(), actor=staff, text="Which?", kind="choice", choices=["A", "A"]
        )

    assert caught.value.errors == {"choices": [_("Give each option once.")]}


def test_registration_question_save_text_question_has_no_options(staff):
    question = registration_question_save(
        event=EventFactory(), actor=staff, text="Dietary needs", kind="text", choices=["x"]
    )

    assert question.choices == []


def test_registration_question_save_updates_and_delete_removes(staff):
    event = EventFactory()
    question = registration_question_save(event=event, actor=staff, text="Dietary needs")

    registration_question_save(event=event, actor=staff, question=question, is_required=True)
    question.refresh_from_db()
    required = question.is_required
    registration_question_delete(question=question, actor=staff)

    assert required is True
    assert RegistrationQuestion.objects.count() == 0
    assert [e.action for e in audit_entries_for(subject=event)] == [
        "question_create",
        "question_update",
        "question_delete",
    ]


# --- Rooms --------------------------------------------------------------------------------------------


def test_room_save_creates_and_renames(staff):
    event = EventFactory()

    room = room_save(event=event, actor=staff, name="Auditorium", capacity=400)
    room_save(event=event, actor=staff, room=room, name="Main auditorium", capacity=None, position=1)

    room.refresh_from_db()
    assert (room.name, room.capacity, room.position) == ("Main auditorium", None, 1)


def test_room_save_refuses_a_name_already_used(staff):
    room = RoomFactory(name="Auditorium")

    with pytest.raises(EventInvalid) as caught:
        room_save(event=room.event, actor=staff, name="Auditorium")

    assert caught.value.errors == {"name": [_("This event already has a room with this name.")]}


@pytest.mark.parametrize(("name", "capacity"), [("", None), ("Hall", -5), ("Hall", "many"), ("A\tB", None)])
def test_room_save_refuses_bad_values(staff, name, capacity):
    with pytest.raises(EventInvalid):
        room_save(event=EventFactory(), actor=staff, name=name, capacity=capacity)

    assert Room.objects.count() == 0


# --- Sessions -----------------------------------------------------------------------------------------


@pytest.fixture
def event():
    return EventFactory(time_zone="America/Sao_Paulo")


@pytest.fixture
def room(event):
    return RoomFactory(event=event, name="Auditorium")


def _session(event, staff, **overrides):
    values = {
        "event": event,
        "actor": staff,
        "title": "Opening plenary",
        "kind": SessionKind.PLENARY,
        "starts_at": event_moment(event, day=0, hour=9),
        "ends_at": event_moment(event, day=0, hour=10, minute=30),
    }
    values.update(overrides)
    return session_save(**values)


def test_session_save_creates_a_session_with_its_speakers_in_order(event, room, staff):
    speaker_city = CityFactory(name="Rosario")

    session = _session(
        event,
        staff,
        room=room,
        speakers=[
            SpeakerSpec(name=" Ana Pérez ", role="Moderator"),
            SpeakerSpec(name="João Silva", organisation="City of Porto", city=speaker_city),
        ],
    )

    assert (session.title, session.room, session.starts_at) == (
        "Opening plenary",
        room,
        datetime.datetime(
            event.starts_on.year, event.starts_on.month, event.starts_on.day, 12, tzinfo=datetime.UTC
        ),
    )
    assert list(session.speakers.values_list("name", "role", "organisation", "city", "position")) == [
        ("Ana Pérez", "Moderator", "", None, 0),
        ("João Silva", "", "City of Porto", speaker_city.pk, 1),
    ]


def test_session_save_replaces_the_speakers(event, staff):
    session = _session(event, staff, speakers=[SpeakerSpec(name="A"), SpeakerSpec(name="B")])

    _session(event, staff, session=session, speakers=[SpeakerSpec(name="C")])

    assert list(Speaker.objects.values_list("name", flat=True)) == ["C"]
    assert Session.objects.count() == 1


def test_session_save_refuses_a_session_before_the_first_day(event, staff):
    starts = event_moment(event, day=-1, hour=23)

    with pytest.raises(EventInvalid) as caught:
        _session(event, staff, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2))

    assert set(caught.value.errors) == {"starts_at"}
    assert Session.objects.count() == 0


def test_session_save_refuses_a_session_ending_after_the_last_day(event, staff):
    starts = event_moment(event, day=2, hour=23)

    with pytest.raises(EventInvalid):
        _session(event, staff, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2))


def test_session_save_day_boundaries_are_those_of_the_event_time_zone(event, staff):
    # 23:30 on the last day in São Paulo is already the next day in UTC: still within the event.
    starts = event_moment(event, day=2, hour=23)

    session = _session(event, staff, starts_at=starts, ends_at=starts + datetime.timedelta(minutes=59))

    assert session.starts_at.astimezone(datetime.UTC).date() == event.ends_on + datetime.timedelta(days=1)


def test_session_save_refuses_an_end_before_the_start(event, staff):
    with pytest.raises(EventInvalid) as caught:
        _session(event, staff, ends_at=event_moment(event, day=0, hour=8))

    assert caught.value.errors == {"ends_at": [_("The session must end after it starts.")]}


def test_session_save_refuses_naive_times(event, staff):
    with pytest.raises(EventInvalid) as caught:
        _session(event, staff, starts_at=datetime.datetime(2030, 1, 1, 9))  # noqa: DTZ001 - naive on purpose

    assert caught.value.errors == {"starts_at": [_("Give the time with its time zone.")]}


def test_session_save_refuses_a_room_of_another_event(event, staff):
    other_room = RoomFactory()

    with pytest.raises(EventInvalid) as caught:
        _session(event, staff, room=other_room)

    assert caught.value.errors == {"room": [_("This room belongs to another event.")]}


def test_session_save_refuses_two_sessions_overlapping_in_one_room(event, room, staff):
    _session(event, staff, room=room, title="Opening plenary")

    with pytest.raises(EventInvalid) as caught:
        _session(
            event,
            staff,
            room=room,
            title="Workshop",
            starts_at=event_moment(event, hour=10),
            ends_at=event_moment(event, hour=11),
        )

    start = event_moment(event, hour=9).strftime("%Y-%m-%d %H:%M")
    assert caught.value.errors == {
        "room": [
            _("“%(room)s” is taken by “%(session)s” from %(start)s to %(end)s (%(zone)s time).")
            % {
                "room": "Auditorium",
                "session": "Opening plenary",
                "start": start,
                "end": "10:30",
                "zone": "America/Sao_Paulo",
            }
        ]
    }
    assert Session.objects.count() == 1


def test_session_save_allows_back_to_back_sessions_and_other_rooms(event, room, staff):
    _session(event, staff, room=room)
    _session(
        event,
        staff,
        room=room,
        starts_at=event_moment(event, hour=10, minute=30),
        ends_at=event_moment(event, hour=12),
    )
    _session(event, staff, room=RoomFactory(event=event), title="Parallel")
    _session(event, staff, room=None, title="No room")

    assert Session.objects.count() == 4


def test_session_save_moving_a_session_does_not_clash_with_itself(event, room, staff):
    session = _session(event, staff, room=room)

    _session(event, staff, session=session, room=room, ends_at=event_moment(event, hour=11))

    session.refresh_from_db()
    assert session.ends_at == event_moment(event, hour=11)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", ""),
        ("kind", "party"),
        ("language", "de"),
        ("capacity", -1),
        ("meeting_url", "javascript:alert(1)"),
        ("meeting_url", "ftp://example.org/"),
        ("is_online", "yes"),
    ],
)
def test_session_save_refuses_bad_values(event, staff, field, value):
    with pytest.raises(EventInvalid) as caught:
        _session(event, staff, **{field: value})

    assert set(caught.value.errors) == {field}


def test_session_save_refuses_speakers_without_a_name(event, staff):
    with pytest.raises(EventInvalid) as caught:
        _session(event, staff, speakers=[SpeakerSpec(name=" ")])

    assert caught.value.errors == {"speakers": [_("Give the name of every speaker.")]}
    assert Session.objects.count() == 0


def test_session_save_refuses_a_session_of_another_event(event, staff):
    other = SessionFactory()

    with pytest.raises(DomainError) as caught:
        _session(event, staff, session=other)

    assert caught.value.message == _("This session belongs to another event.")


def test_session_delete_removes_it_and_audits(event, staff):
    session = _session(event, staff, speakers=[SpeakerSpec(name="A")])

    session_delete(session=session, actor=staff)

    assert (Session.objects.count(), Speaker.objects.count()) == (0, 0)
    assert [e.action for e in audit_entries_for(subject=event)] == ["session_create", "session_delete"]


def test_session_save_is_refused_to_a_plain_user(event):
    with pytest.raises(PermissionRefused):
        _session(event, UserFactory())


def test_event_messages_are_translated(staff, city):
    with translation.override("fr"), pytest.raises(EventInvalid) as caught:
        _create(staff, city, starts_on=datetime.date(2026, 11, 4), ends_on=datetime.date(2026, 11, 2))

    with translation.override("fr"):
        expected = _("The last day cannot be before the first.")
    assert caught.value.errors == {"ends_on": [expected]}


def test_event_times_are_aware_in_the_event_zone(event):
    moment = event_moment(event, hour=9)

    assert moment.utcoffset() == ZoneInfo("America/Sao_Paulo").utcoffset(moment)
    assert timezone.is_aware(moment)
