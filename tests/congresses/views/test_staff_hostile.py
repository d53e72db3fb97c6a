"""Hostile and mistaken input on the Secretariat's event pages: a clear message beside the field (or at the
top), nothing changed, never a 500."""

import datetime

import pytest
from django.utils import translation
from django.utils.translation import gettext, ngettext

from educities.congresses.enums import FeeStatus, RegistrationStatus
from educities.congresses.models import (
    Event,
    Registration,
    RegistrationQuestion,
    RegistrationType,
    Room,
    Session,
)
from tests.congresses.factories import (
    EventFactory,
    RegistrationFactory,
    RegistrationTypeFactory,
    RoomFactory,
    SessionFactory,
)
from tests.congresses.views.test_staff_permissions import messages_of, staff_world, url
from tests.factories import CityFactory, StaffFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def en(text: str, **params) -> str:
    with translation.override("en"):
        message = gettext(text)
    return message % params if params else message


@pytest.fixture
def staff_client(client):
    client.force_login(StaffFactory())
    return client


@pytest.fixture
def world():
    return staff_world()


def _errors(response, field: str, form: str = "form") -> list[str]:
    return [str(error) for error in response.context[form].errors.get(field, [])]


# --- New event and settings -----------------------------------------------------------------------


def _new_event(city, **changes) -> dict:
    data = {
        "event-kind": "regional_congress",
        "event-title": "Latin American congress",
        "event-original_language": "es",
        "event-host_city": city.pk,
        "event-starts_on": "2031-10-20",
        "event-ends_on": "2031-10-22",
        "event-time_zone": "Europe/Madrid",
        "event-format": "in_person",
        "event-registration_opens_at": "2031-03-01T09:00",
        "event-registration_closes_at": "2031-10-01T23:59",
    }
    data.update({f"event-{key}": value for key, value in changes.items()})
    return data


NOT_A_CHOICE = "Select a valid choice. %(value)s is not one of the available choices."
WALL_TIME = "%(value)s happens twice or never in %(zone)s (the clocks change then): choose another time."


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"ends_on": "2031-10-19"}, "ends_on", en("The last day cannot come before the first day.")),
        (
            {"time_zone": "Mars/Base"},
            "time_zone",
            en("“%(value)s” is not a time zone (for example Europe/Madrid).", value="Mars/Base"),
        ),
        (
            {"registration_closes_at": "2031-03-01T09:00"},
            "registration_closes_at",
            en("Registration must close after it opens."),
        ),
        (
            {"registration_opens_at": "2031-03-30T02:30"},
            "registration_opens_at",
            en(WALL_TIME, value="2031-03-30 02:30", zone="Europe/Madrid"),
        ),
        (
            {"registration_closes_at": "2031-10-26T02:30"},
            "registration_closes_at",
            en(WALL_TIME, value="2031-10-26 02:30", zone="Europe/Madrid"),
        ),
        (
            {"registration_opens_at": "yesterday"},
            "registration_opens_at",
            en("Enter a date and time, for example 2026-03-31 23:59."),
        ),
        (
            {"registration_opens_at": "2031-03-01T09:00+05:00"},
            "registration_opens_at",
            en("Enter a date and time, for example 2026-03-31 23:59."),
        ),
        (
            {"starts_on": "0001-01-01"},
            "starts_on",
            en("Enter a year between %(min)d and %(max)d.", min=1990, max=2200),
        ),
        ({"latitude": "41.3"}, "longitude", en("Give both coordinates, or neither.")),
        ({"latitude": "91", "longitude": "2"}, "latitude", "Ensure this value is less than or equal to 90."),
        ({"slug": "Bad slug!"}, "slug", None),
        ({"kind": "festival"}, "kind", en(NOT_A_CHOICE, value="festival")),
        ({"host_city": "999999"}, "host_city", None),
        ({"host_city": "lisbon"}, "host_city", None),
        ({"number": "-1"}, "number", "Ensure this value is greater than or equal to 1."),
        ({"capacity": "-5"}, "capacity", "Ensure this value is greater than or equal to 1."),
        ({"title": "Congress\x1b[31m"}, "title", None),
        ({"title": "   "}, "title", "This field is required."),
        ({"languages": ["en", "xx"]}, "languages", en(NOT_A_CHOICE, value="xx")),
        ({"contact_email": "not-an-email"}, "contact_email", "Enter a valid email address."),
        ({"original_language": "ca"}, "original_language", en(NOT_A_CHOICE, value="ca")),
    ],
)
def test_new_event_refuses_bad_values(staff_client, changes, field, message):
    city = CityFactory()
    before = Event.objects.count()

    response = staff_client.post(url("event_new"), _new_event(city, **changes))

    assert response.status_code == 200
    errors = _errors(response, field)
    assert errors != []
    if message is not None:
        assert errors == [message]
    assert Event.objects.count() == before
    assert messages_of(response) == [en("Some values need correcting (see below). Nothing was changed.")]


@pytest.mark.parametrize("slug", ["new", "bids", "registrations", "proposals"])
def test_new_event_refuses_slugs_that_other_pages_use(staff_client, world, slug):
    response = staff_client.post(url("event_new"), _new_event(world.city, slug=slug))

    assert _errors(response, "slug") == [
        en("“%(slug)s” is the address of another page: choose another one.", slug=slug)
    ]
    assert not Event.objects.filter(slug=slug).exists()


def test_new_event_refuses_a_slug_taken(staff_client, world):
    response = staff_client.post(url("event_new"), _new_event(world.city, slug=world.event.slug))

    assert _errors(response, "slug") == [en("Another event already has this address.")]


def test_settings_refuse_days_that_leave_sessions_outside(staff_client, world):
    data = {
        "action": "settings",
        "settings-kind": world.event.kind,
        "settings-title": world.event.title,
        "settings-slug": world.event.slug,
        "settings-original_language": "en",
        "settings-host_city": world.city.pk,
        "settings-starts_on": "2030-11-01",
        "settings-ends_on": "2030-11-03",
        "settings-time_zone": world.event.time_zone,
        "settings-format": world.event.format,
    }

    response = staff_client.post(url("event", world.event), data)

    assert response.status_code == 200
    with translation.override("en"):
        expected = ngettext(
            "%(count)d session would fall outside the event’s days: move it first.",
            "%(count)d sessions would fall outside the event’s days: move them first.",
            1,
        ) % {"count": 1}
    assert _errors(response, "starts_on") == [expected]
    event = Event.objects.get(pk=world.event.pk)
    assert (event.starts_on, event.title) == (datetime.date(2030, 10, 7), world.event.title)


def test_settings_refuse_a_slug_of_another_event(staff_client, world):
    other = EventFactory(slug="other-event")
    data = {
        "action": "settings",
        "settings-kind": world.event.kind,
        "settings-title": world.event.title,
        "settings-slug": other.slug,
        "settings-original_language": "en",
        "settings-host_city": world.city.pk,
        "settings-starts_on": "2030-10-07",
        "settings-ends_on": "2030-10-09",
        "settings-time_zone": world.event.time_zone,
        "settings-format": world.event.format,
    }

    response = staff_client.post(url("event", world.event), data)

    assert _errors(response, "slug") == [en("Another event already has this address.")]
    assert Event.objects.get(pk=world.event.pk).slug == "congress-2026"


@pytest.mark.parametrize("action", ["", "explode", "settings_and_more"])
def test_event_page_refuses_unknown_actions(staff_client, world, action):
    response = staff_client.post(url("event", world.event), {"action": action})

    assert response.status_code == 302
    assert messages_of(response) == [en("Unknown action. Nothing was changed.")]


def test_event_page_refuses_other_methods(staff_client, world):
    assert staff_client.put(url("event", world.event)).status_code == 405
    assert staff_client.delete(url("session", world.event, pk=world.session.pk)).status_code == 405


# --- Types, questions, rooms ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"fee": "-10"}, "fee", "Ensure this value is greater than or equal to 0."),
        ({"fee": "ten"}, "fee", "Enter a number."),
        ({"fee": "1.234"}, "fee", "Ensure that there are no more than 2 decimal places."),
        ({"currency": "EURO"}, "currency", None),
        ({"currency": "1$€"}, "currency", en("Enter a currency code of three letters, for example EUR.")),
        ({"name": ""}, "name", "This field is required."),
        ({"name": "Delegate"}, "name", en("This event already has a registration type with this name.")),
        ({"position": "-1"}, "position", "Ensure this value is greater than or equal to 0."),
    ],
)
def test_registration_type_refuses_bad_values(staff_client, world, changes, field, message):
    data = {"action": "add", "new-name": "Press", "new-fee": "0", "new-currency": "EUR", "new-position": "1"}
    data.update({f"new-{key}": value for key, value in changes.items()})
    before = list(RegistrationType.objects.values_list("name", "fee"))

    response = staff_client.post(url("types", world.event), data)

    assert response.status_code == 200
    errors = [str(error) for error in response.context["new_form"].errors.get(field, [])]
    assert errors != []
    if message is not None:
        assert errors == [message]
    assert list(RegistrationType.objects.values_list("name", "fee")) == before


@pytest.mark.parametrize("item", ["", "abc", "-1", "0", "99999999999999999999", "other"])
@pytest.mark.parametrize("page", ["types", "questions", "rooms"])
def test_list_pages_refuse_items_that_are_not_the_events(staff_client, world, page, item):
    other = EventFactory()
    others = {
        "types": RegistrationTypeFactory(event=other),
        "questions": RegistrationQuestion.objects.create(event=other, text="Other?"),
        "rooms": RoomFactory(event=other),
    }
    if item == "other":
        item = others[page].pk
    messages = {
        "types": "This registration type is not one of the event's. Nothing was changed.",
        "questions": "This question is not one of the event's. Nothing was changed.",
        "rooms": "This room is not one of the event's. Nothing was changed.",
    }

    response = staff_client.post(url(page, world.event), {"action": "edit", "item": item, "x-name": "Hacked"})

    assert response.status_code == 302
    assert messages_of(response) == [en(messages[page])]
    assert not RegistrationType.objects.filter(name="Hacked").exists()


@pytest.mark.parametrize("page", ["types", "rooms"])
def test_types_and_rooms_cannot_be_deleted_here(staff_client, world, page):
    response = staff_client.post(url(page, world.event), {"action": "delete", "item": world.type.pk})

    assert messages_of(response) == [en("Unknown action. Nothing was changed.")]
    assert RegistrationType.objects.filter(pk=world.type.pk).exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"kind": "choice", "choices": "Only one"},
            "choices",
            en("A question with one choice needs at least two options."),
        ),
        ({"kind": "essay"}, "kind", en(NOT_A_CHOICE, value="essay")),
        ({"text": "Line\x07bell"}, "text", None),
        ({"kind": "choice", "choices": "\n".join(f"Option {n}" for n in range(40))}, "choices", None),
    ],
)
def test_question_refuses_bad_values(staff_client, world, changes, field, message):
    data = {"action": "add", "new-text": "Which visit?", "new-kind": "text", "new-position": "1"}
    data.update({f"new-{key}": value for key, value in changes.items()})

    response = staff_client.post(url("questions", world.event), data)

    assert response.status_code == 200
    errors = [str(error) for error in response.context["new_form"].errors.get(field, [])]
    assert errors != []
    if message is not None:
        assert errors == [message]
    assert RegistrationQuestion.objects.filter(event=world.event).count() == 1


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": "Main hall"}, "name", en("This event already has a room with this name.")),
        ({"capacity": "0"}, "capacity", "Ensure this value is greater than or equal to 1."),
        ({"capacity": "many"}, "capacity", "Enter a whole number."),
    ],
)
def test_room_refuses_bad_values(staff_client, world, changes, field, message):
    data = {"action": "add", "new-name": "Room B", "new-position": "1"}
    data.update({f"new-{key}": value for key, value in changes.items()})

    response = staff_client.post(url("rooms", world.event), data)

    assert response.status_code == 200
    assert [str(e) for e in response.context["new_form"].errors.get(field, [])] == [message]
    assert list(Room.objects.filter(event=world.event).values_list("name", flat=True)) == ["Main hall"]


def test_refused_edit_reopens_its_form_with_the_errors(staff_client, world):
    response = staff_client.post(
        url("rooms", world.event),
        {
            "action": "edit",
            "item": world.room.pk,
            f"item-{world.room.pk}-name": "",
            f"item-{world.room.pk}-position": "0",
        },
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "<details open>" in html
    assert Room.objects.get(pk=world.room.pk).name == "Main hall"


# --- Sessions -------------------------------------------------------------------------------------


def _session(world, **changes) -> dict:
    data = {
        "session-title": "Play streets",
        "session-kind": "workshop",
        "session-day": "2030-10-07",
        "session-starts": "14:00",
        "session-ends": "15:30",
        "session-room": world.room.pk,
        "speakers-TOTAL_FORMS": "1",
        "speakers-INITIAL_FORMS": "0",
        "speakers-0-name": "Grace Hopper",
    }
    data.update(
        {key if key.startswith("speakers-") else f"session-{key}": value for key, value in changes.items()}
    )
    return data


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"ends": "13:00"}, "ends", en("The session must end after it starts (on the same day).")),
        ({"ends": "14:00"}, "ends", en("The session must end after it starts (on the same day).")),
        (
            {"day": "2030-10-10"},
            "day",
            en(
                "Choose one of the days of the event (%(first)s to %(last)s).",
                first="2030-10-07",
                last="2030-10-09",
            ),
        ),
        (
            {"day": "2030-10-06"},
            "day",
            en(
                "Choose one of the days of the event (%(first)s to %(last)s).",
                first="2030-10-07",
                last="2030-10-09",
            ),
        ),
        ({"day": "garbage"}, "day", None),
        ({"starts": "25:00"}, "starts", en("Enter a time, for example 09:30.")),
        ({"room": "999999"}, "room", en("Choose one of the rooms of the event.")),
        ({"room": "hall"}, "room", None),
        ({"kind": "party"}, "kind", en(NOT_A_CHOICE, value="party")),
        ({"meeting_url": "javascript:alert(1)"}, "meeting_url", None),
        ({"capacity": "-3"}, "capacity", "Ensure this value is greater than or equal to 1."),
        ({"title": ""}, "title", "This field is required."),
        ({"language": "tlh"}, "language", en(NOT_A_CHOICE, value="tlh")),
    ],
)
def test_session_refuses_bad_values(staff_client, world, changes, field, message):
    before = list(Session.objects.values_list("title", "starts_at"))

    response = staff_client.post(url("session_new", world.event), _session(world, **changes))

    assert response.status_code == 200
    errors = _errors(response, field)
    assert errors != []
    if message is not None:
        assert errors == [message]
    assert list(Session.objects.values_list("title", "starts_at")) == before


def test_session_refuses_a_room_of_another_event(staff_client, world):
    elsewhere = RoomFactory(event=EventFactory())

    response = staff_client.post(url("session_new", world.event), _session(world, room=elsewhere.pk))

    assert _errors(response, "room") == [en("Choose one of the rooms of the event.")]


def test_sessions_may_not_overlap_in_a_room(staff_client, world):
    # "Opening plenary" holds the main hall from 09:00 to 10:30 on the first day.
    response = staff_client.post(
        url("session_new", world.event), _session(world, starts="10:00", ends="11:00")
    )

    assert response.status_code == 200
    assert _errors(response, "room") == [
        en(
            "“%(room)s” is taken by “%(session)s” from %(start)s to %(end)s (%(zone)s time).",
            room="Main hall",
            session="Opening plenary",
            start="2030-10-07 09:00",
            end="10:30",
            zone="Europe/Warsaw",
        )
    ]
    assert Session.objects.filter(event=world.event).count() == 1


def test_sessions_may_follow_each_other_in_a_room(staff_client, world):
    response = staff_client.post(
        url("session_new", world.event), _session(world, starts="10:30", ends="11:00")
    )

    assert response.status_code == 302
    assert Session.objects.filter(event=world.event).count() == 2


def test_session_refuses_a_time_that_the_clock_change_skips(staff_client):
    # Clocks go from 02:00 to 03:00 in Warsaw on 30 March 2031.
    event = EventFactory(
        time_zone="Europe/Warsaw", starts_on=datetime.date(2031, 3, 29), ends_on=datetime.date(2031, 3, 31)
    )
    data = {
        "session-title": "Dawn walk",
        "session-kind": "study_visit",
        "session-day": "2031-03-30",
        "session-starts": "02:30",
        "session-ends": "04:00",
        "speakers-TOTAL_FORMS": "0",
        "speakers-INITIAL_FORMS": "0",
    }

    response = staff_client.post(url("session_new", event), data)

    assert _errors(response, "starts") == [en(WALL_TIME, value="2031-03-30 02:30", zone="Europe/Warsaw")]
    assert not Session.objects.filter(event=event).exists()


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        (
            {"speakers-0-name": "", "speakers-0-role": "Moderator"},
            en("Give the speaker's name, or empty the row."),
        ),
        ({"speakers-0-city": "999999"}, None),
        ({"speakers-0-name": "Evil\x00name"}, None),
    ],
)
def test_session_refuses_bad_speakers(staff_client, world, changes, problem):
    response = staff_client.post(url("session_new", world.event), _session(world, **changes))

    assert response.status_code == 200
    errors = response.context["formset"].errors[0]
    assert errors != {}
    if problem is not None:
        assert errors["name"] == [problem]
    assert Session.objects.filter(event=world.event).count() == 1


@pytest.mark.parametrize(
    "management",
    [
        {"speakers-TOTAL_FORMS": None, "speakers-INITIAL_FORMS": None},
        {"speakers-TOTAL_FORMS": "5000"},
        {"speakers-TOTAL_FORMS": "many"},
    ],
)
def test_session_survives_a_broken_speaker_formset(staff_client, world, management):
    data = _session(world)
    for key, value in management.items():
        if value is None:
            data.pop(key)
        else:
            data[key] = value

    response = staff_client.post(url("session_new", world.event), data)

    assert response.status_code == 200
    assert response.context["formset"].is_valid() is False
    assert Session.objects.filter(event=world.event).count() == 1


@pytest.mark.parametrize("name", ["session", "session_delete"])
def test_sessions_of_another_event_are_not_found_here(staff_client, world, name):
    elsewhere = SessionFactory(event=EventFactory())

    assert staff_client.get(url(name, world.event, pk=elsewhere.pk)).status_code == 404
    assert staff_client.post(url(name, world.event, pk=elsewhere.pk), _session(world)).status_code == 404
    assert staff_client.get(url(name, world.event, pk=2147483647)).status_code == 404
    assert Session.objects.filter(pk=elsewhere.pk).exists()


# --- Registrations --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        {"status": "bogus"},
        {"type": "abc"},
        {"type": "999999"},
        {"fee_status": "free"},
        {"checked_in": "maybe"},
        {"city": "-1"},
        {"country": "ZZ"},
        {"q": "x" * 500},
        {"q": "bad\x1b[31m"},
    ],
)
def test_bad_filters_show_every_registration_with_a_warning(staff_client, world, query):
    response = staff_client.get(url("registrations", world.event), query)

    assert response.status_code == 200
    assert len(response.context["rows"]) == 3
    assert response.context["filter_form"].errors != {}
    assert messages_of(response) == [
        en("Some filters are not valid (see below): every registration is shown.")
    ]
    assert response.context["export_query"] == ""


def test_a_nul_in_the_query_is_refused(staff_client, world):
    assert staff_client.get(url("registrations", world.event), {"q": "bad\x00"}).status_code == 400
    assert staff_client.get(url("check_in", world.event), {"code": "AB\x00"}).status_code == 400


@pytest.mark.parametrize("query", [{"status": "bogus"}, {"type": "abc"}, {"country": "ZZ"}])
def test_exports_refuse_bad_filters(staff_client, world, query):
    response = staff_client.get(url("registrations_export", world.event, fmt="csv"), query)

    assert response.status_code == 400


@pytest.mark.parametrize("fmt", ["pdf", "json", "CSV"])
def test_unknown_export_formats_are_not_found(staff_client, world, fmt):
    assert staff_client.get(url("registrations_export", world.event, fmt=fmt)).status_code == 404


def test_unknown_step_changes_nothing(staff_client, world):
    response = staff_client.post(
        url("registration_step", world.event, pk=world.pending.pk), {"step": "promote"}
    )

    assert messages_of(response) == [en("Unknown step. Nothing was changed.")]
    world.pending.refresh_from_db()
    assert world.pending.status == RegistrationStatus.PENDING


def test_step_that_the_state_does_not_allow_shows_why(staff_client, world):
    response = staff_client.post(
        url("registration_step", world.event, pk=world.confirmed.pk), {"step": "confirm"}
    )

    [message] = messages_of(response)
    assert message.startswith("Ana Confirmed: ")
    assert message.endswith(en("Nothing was changed."))
    world.confirmed.refresh_from_db()
    assert world.confirmed.status == RegistrationStatus.CONFIRMED


def test_a_checked_in_participant_cannot_be_cancelled(staff_client, world):
    Registration.objects.filter(pk=world.confirmed.pk).update(
        checked_in_at=datetime.datetime(2030, 10, 7, 8, 0, tzinfo=datetime.UTC)
    )

    response = staff_client.post(
        url("registration_step", world.event, pk=world.confirmed.pk), {"step": "cancel"}
    )

    assert len(messages_of(response)) == 1
    assert Registration.objects.get(pk=world.confirmed.pk).status == RegistrationStatus.CONFIRMED
    page = staff_client.get(url("registrations", world.event))
    row = next(r for r in page.context["rows"] if r["registration"].pk == world.confirmed.pk)
    assert row["can_cancel"] is False


@pytest.mark.parametrize("pk", [999999, "other"])
@pytest.mark.parametrize("name", ["registration_step", "registration_fee"])
def test_registrations_of_another_event_are_refused(staff_client, world, name, pk):
    elsewhere = RegistrationFactory(status=RegistrationStatus.PENDING, fee_status=FeeStatus.UNPAID)
    if pk == "other":
        pk = elsewhere.pk

    response = staff_client.post(url(name, world.event, pk=pk), {"step": "confirm", "fee_status": "paid"})

    assert messages_of(response) == [en("This registration is not one of the event's. Nothing was changed.")]
    elsewhere.refresh_from_db()
    assert (elsewhere.status, elsewhere.fee_status) == (RegistrationStatus.PENDING, FeeStatus.UNPAID)


@pytest.mark.parametrize("value", ["free", "", "PAID"])
def test_unknown_fee_status_changes_nothing(staff_client, world, value):
    response = staff_client.post(
        url("registration_fee", world.event, pk=world.confirmed.pk), {"fee_status": value}
    )

    assert messages_of(response) == [en("Unknown fee status. Nothing was changed.")]
    assert Registration.objects.get(pk=world.confirmed.pk).fee_status == FeeStatus.UNPAID


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)"])
def test_steps_never_go_to_another_site(staff_client, world, target):
    response = staff_client.post(
        url("registration_fee", world.event, pk=world.confirmed.pk), {"fee_status": "paid", "next": target}
    )

    assert response.url == url("registrations", world.event)


@pytest.mark.parametrize("name", ["registration_step", "registration_fee", "waitlist_promote"])
def test_steps_refuse_get(staff_client, world, name):
    kwargs = {} if name == "waitlist_promote" else {"pk": world.pending.pk}

    assert staff_client.get(url(name, world.event, **kwargs)).status_code == 405
