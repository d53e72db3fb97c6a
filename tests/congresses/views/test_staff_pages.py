"""The Secretariat's event pages doing their work: events and their settings in the event's time zone,
publication, registration types, questions, rooms, sessions with speakers, the registration list
(counts, filters, waiting list, steps, fees, exports) and the query counts of the list."""

import csv
import datetime
import io
from decimal import Decimal
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext, ngettext

from educities.congresses.enums import FeeStatus, RegistrationStatus
from educities.congresses.interfaces.exporters import REGISTRATION_COLUMNS
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
    event_moment,
)
from tests.congresses.views.test_staff_permissions import messages_of, staff_world, url
from tests.factories import CityFactory, CountryFactory, StaffFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

WARSAW = ZoneInfo("Europe/Warsaw")
SAO_PAULO = ZoneInfo("America/Sao_Paulo")


def en(text: str, **params) -> str:
    """``text`` as the English pages show it."""
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


# --- Events ---------------------------------------------------------------------------------------


def test_events_list_counts_registrations_by_status(staff_client, world):
    other = EventFactory(title="Regional meeting", capacity=None, is_published=False)

    response = staff_client.get(url("events"))

    assert response.status_code == 200
    rows = {row["event"].pk: row for row in response.context["rows"]}
    assert (rows[world.event.pk]["confirmed"], rows[world.event.pk]["pending"]) == (1, 1)
    assert rows[world.event.pk]["waitlisted"] == 1
    assert (rows[other.pk]["confirmed"], rows[other.pk]["pending"], rows[other.pk]["waitlisted"]) == (0, 0, 0)
    html = response.content.decode()
    assert f'href="{url("event", world.event)}"' in html
    assert "Lublin" in html
    assert '<th scope="col">' in html


def _new_event(**changes) -> dict:
    data = {
        "event-kind": "international_congress",
        "event-number": "19",
        "event-title": "XIX International Congress of Educating Cities",
        "event-original_language": "pt",
        "event-description": "Cities that care.",
        "event-venue": "Centro de Convenções",
        "event-address": "Rua 1",
        "event-latitude": "-23.55",
        "event-longitude": "-46.63",
        "event-starts_on": "2031-11-18",
        "event-ends_on": "2031-11-20",
        "event-time_zone": "America/Sao_Paulo",
        "event-languages": ["pt", "es", "en"],
        "event-format": "hybrid",
        "event-capacity": "800",
        "event-registration_opens_at": "2031-03-01T09:00",
        "event-registration_closes_at": "2031-10-31T23:59",
        "event-contact_email": "congress@example.org",
    }
    data.update({f"event-{key}": value for key, value in changes.items()})
    return data


def test_new_event_takes_registration_times_in_its_time_zone(staff_client):
    city = CityFactory(name="São Paulo")

    response = staff_client.post(url("event_new"), _new_event(host_city=city.pk))

    event = Event.objects.get(number=19)
    assert response.status_code == 302
    assert response.url == url("event", event)
    assert event.slug == "xix-international-congress-of-educating-cities"
    assert (event.host_city, event.original_language, event.format) == (city, "pt", "hybrid")
    assert event.languages == ["pt", "es", "en"]
    assert (event.starts_on, event.ends_on) == (datetime.date(2031, 11, 18), datetime.date(2031, 11, 20))
    assert event.registration_opens_at == datetime.datetime(2031, 3, 1, 9, 0, tzinfo=SAO_PAULO)
    assert event.registration_closes_at == datetime.datetime(2031, 10, 31, 23, 59, tzinfo=SAO_PAULO)
    assert (event.latitude, event.longitude, event.capacity) == (-23.55, -46.63, 800)
    assert (event.is_published, event.programme_published) == (False, False)
    assert messages_of(response) == [
        en("“%(title)s” is created. Add its registration types, then publish it.", title=event.title)
    ]


def test_new_event_keeps_the_slug_given(staff_client):
    city = CityFactory()

    staff_client.post(url("event_new"), _new_event(host_city=city.pk, slug="congress-2031"))

    assert Event.objects.filter(slug="congress-2031", number=19).exists()


def test_event_page_shows_registration_times_as_wall_times_of_the_event(staff_client, world):
    Event.objects.filter(pk=world.event.pk).update(
        registration_opens_at=datetime.datetime(2030, 3, 1, 8, 0, tzinfo=datetime.UTC),
        registration_closes_at=datetime.datetime(2030, 9, 30, 21, 59, tzinfo=datetime.UTC),
    )

    response = staff_client.get(url("event", world.event))

    form = response.context["form"]
    # Warsaw is at UTC+1 in March and UTC+2 in September.
    assert form["registration_opens_at"].value() == datetime.datetime(
        2030, 3, 1, 9, 0, tzinfo=WARSAW
    ).replace(tzinfo=None)
    assert form["registration_closes_at"].value() == datetime.datetime(
        2030, 9, 30, 23, 59, tzinfo=WARSAW
    ).replace(tzinfo=None)
    html = response.content.decode()
    assert 'value="2030-03-01T09:00"' in html
    assert 'datetime="2030-03-01T09:00:00+01:00"' in html


def _settings(world, **changes) -> dict:
    event = world.event
    data = {
        "action": "settings",
        "settings-kind": event.kind,
        "settings-title": event.title,
        "settings-slug": event.slug,
        "settings-original_language": event.original_language,
        "settings-host_city": event.host_city_id,
        "settings-venue": event.venue,
        "settings-starts_on": event.starts_on.isoformat(),
        "settings-ends_on": event.ends_on.isoformat(),
        "settings-time_zone": event.time_zone,
        "settings-languages": event.languages,
        "settings-format": event.format,
        "settings-capacity": event.capacity,
        "settings-registration_opens_at": event.registration_opens_at.astimezone(WARSAW).strftime(
            "%Y-%m-%dT%H:%M"
        ),
        "settings-registration_closes_at": event.registration_closes_at.astimezone(WARSAW).strftime(
            "%Y-%m-%dT%H:%M"
        ),
    }
    data.update({f"settings-{key}": value for key, value in changes.items()})
    return data


def test_settings_save_only_what_changed(staff_client, world):
    Event.objects.filter(pk=world.event.pk).update(
        registration_opens_at=datetime.datetime(2030, 3, 1, 9, 0, tzinfo=WARSAW),
        registration_closes_at=datetime.datetime(2030, 9, 30, 23, 59, tzinfo=WARSAW),
    )
    world.event.refresh_from_db()

    response = staff_client.post(
        url("event", world.event), _settings(world, venue="Lublin Conference Centre", number="18")
    )

    assert response.status_code == 302
    assert response.url == url("event", world.event) + "#settings"
    event = Event.objects.get(pk=world.event.pk)
    assert (event.venue, event.number) == ("Lublin Conference Centre", 18)
    assert event.registration_opens_at == datetime.datetime(2030, 3, 1, 9, 0, tzinfo=WARSAW)
    assert messages_of(response) == [en("The settings of the event are saved.")]


def test_settings_unchanged_say_so(staff_client, world):
    world.event.registration_opens_at = world.event.registration_opens_at.replace(second=0, microsecond=0)
    world.event.registration_closes_at = world.event.registration_closes_at.replace(second=0, microsecond=0)
    world.event.save()

    response = staff_client.post(url("event", world.event), _settings(world))

    assert messages_of(response) == [en("Nothing was changed.")]


def test_more_places_confirm_the_first_on_the_waiting_list(staff_client, world):
    response = staff_client.post(url("event", world.event), _settings(world, capacity="3"))

    assert response.status_code == 302
    world.waitlisted.refresh_from_db()
    assert (world.waitlisted.status, world.waitlisted.waitlist_position) == (
        RegistrationStatus.CONFIRMED,
        None,
    )


def test_a_new_time_zone_keeps_the_wall_times_of_registration(staff_client, world):
    Event.objects.filter(pk=world.event.pk).update(
        registration_opens_at=datetime.datetime(2030, 3, 1, 9, 0, tzinfo=WARSAW),
        registration_closes_at=datetime.datetime(2030, 9, 30, 23, 59, tzinfo=WARSAW),
    )
    world.event.refresh_from_db()

    staff_client.post(url("event", world.event), _settings(world, time_zone="Europe/Lisbon"))

    event = Event.objects.get(pk=world.event.pk)
    lisbon = ZoneInfo("Europe/Lisbon")
    assert event.time_zone == "Europe/Lisbon"
    assert event.registration_opens_at == datetime.datetime(2030, 3, 1, 9, 0, tzinfo=lisbon)
    assert event.registration_closes_at == datetime.datetime(2030, 9, 30, 23, 59, tzinfo=lisbon)


def test_a_new_slug_moves_the_pages(staff_client, world):
    response = staff_client.post(url("event", world.event), _settings(world, slug="lublin-2030"))

    assert response.url == url("event", slug="lublin-2030") + "#settings"
    assert staff_client.get(url("registrations", slug="lublin-2030")).status_code == 200


@pytest.mark.parametrize(
    ("action", "field", "value", "message"),
    [
        ("unpublish", "is_published", False, "The event is hidden from the public."),
        ("programme_hide", "programme_published", False, "The programme is hidden from the public."),
    ],
)
def test_hiding_the_event_or_its_programme(staff_client, world, action, field, value, message):
    response = staff_client.post(url("event", world.event), {"action": action})

    assert getattr(Event.objects.get(pk=world.event.pk), field) is value
    assert messages_of(response) == [en(message)]


def test_publishing_the_event_and_its_programme(staff_client):
    event = EventFactory(is_published=False, programme_published=False)

    staff_client.post(url("event", event), {"action": "publish"})
    response = staff_client.post(url("event", event), {"action": "programme_publish"})

    event.refresh_from_db()
    assert (event.is_published, event.programme_published) == (True, True)
    assert messages_of(response) == [
        en("The event is published: its page is public."),
        en("The programme is published."),
    ]
    page = staff_client.get(url("event", event)).content.decode()
    assert 'value="programme_hide"' in page
    assert 'value="unpublish"' in page


# --- Registration types, questions, rooms ---------------------------------------------------------


def test_registration_type_is_added_with_its_fee_and_rules(staff_client, world):
    response = staff_client.post(
        url("types", world.event),
        {
            "action": "add",
            "new-name": "Accompanying person",
            "new-description": "Cultural programme only.",
            "new-fee": "75.50",
            "new-currency": "eur",
            "new-needs_approval": "on",
            "new-position": "3",
        },
    )

    added = RegistrationType.objects.get(event=world.event, name="Accompanying person")
    assert response.url == url("types", world.event) + f"#item-{added.pk}"
    assert (added.fee, added.currency, added.position) == (Decimal("75.50"), "EUR", 3)
    assert (
        added.needs_approval,
        added.is_public,
        added.counts_toward_capacity,
        added.requires_member_city,
    ) == (
        True,
        False,
        False,
        False,
    )
    assert messages_of(response) == [en("The registration type is added.")]


def test_types_page_lists_types_with_their_registrations(staff_client, world):
    response = staff_client.get(url("types", world.event))

    [row] = response.context["rows"]
    assert (row["item"].name, row["item"].registrations_count) == ("Delegate", 3)
    assert row["form"]["fee"].value() == Decimal("150.00")
    assert response.context["new_form"]["position"].value() == 1


def test_choice_question_keeps_its_options_one_per_line(staff_client, world):
    staff_client.post(
        url("questions", world.event),
        {
            "action": "add",
            "new-text": "Which study visit?",
            "new-kind": "choice",
            "new-choices": "Schools\r\n\r\n  Parks \r\nLibraries\r\nParks",
            "new-is_required": "on",
            "new-position": "1",
        },
    )

    question = RegistrationQuestion.objects.get(text="Which study visit?")
    assert (question.choices, question.is_required) == (["Schools", "Parks", "Libraries"], True)


def test_question_changed_to_text_drops_its_options(staff_client, world):
    question = RegistrationQuestion.objects.create(
        event=world.event, text="Visit?", kind="choice", choices=["A", "B"], position=1
    )

    staff_client.post(
        url("questions", world.event),
        {
            "action": "edit",
            "item": question.pk,
            f"item-{question.pk}-text": "Which visit, and why?",
            f"item-{question.pk}-kind": "long_text",
            f"item-{question.pk}-choices": "A\nB",
            f"item-{question.pk}-position": "1",
        },
    )

    question.refresh_from_db()
    assert (question.text, question.kind, question.choices) == ("Which visit, and why?", "long_text", [])


def test_question_is_deleted_and_answers_stay(staff_client, world):
    Registration.objects.filter(pk=world.confirmed.pk).update(answers={str(world.question.pk): "Vegan"})

    response = staff_client.post(
        url("questions", world.event), {"action": "delete", "item": world.question.pk}
    )

    assert not RegistrationQuestion.objects.filter(pk=world.question.pk).exists()
    world.confirmed.refresh_from_db()
    assert world.confirmed.answers == {str(world.question.pk): "Vegan"}
    assert messages_of(response) == [
        en("The question is deleted. The answers already given stay in the registrations.")
    ]


def test_rooms_are_added_and_listed_with_their_sessions(staff_client, world):
    staff_client.post(url("rooms", world.event), {"action": "add", "new-name": "Room B", "new-position": "1"})

    response = staff_client.get(url("rooms", world.event))

    assert [
        (row["item"].name, row["item"].capacity, row["item"].sessions_count)
        for row in response.context["rows"]
    ] == [
        ("Main hall", 200, 1),
        ("Room B", None, 0),
    ]


# --- Sessions -------------------------------------------------------------------------------------


def _session(world, **changes) -> dict:
    data = {
        "session-title": "Play streets",
        "session-kind": "workshop",
        "session-day": "2030-10-08",
        "session-starts": "14:00",
        "session-ends": "15:30",
        "session-room": world.room.pk,
        "session-language": "fr",
        "session-capacity": "40",
        "speakers-TOTAL_FORMS": "3",
        "speakers-INITIAL_FORMS": "0",
        "speakers-0-name": "Grace Hopper",
        "speakers-0-role": "Moderator",
        "speakers-0-city": world.city.pk,
        "speakers-1-name": "",
        "speakers-2-name": "Alan Turing",
        "speakers-2-organisation": "City council",
    }
    data.update({f"session-{key}": value for key, value in changes.items()})
    return data


def test_session_is_added_in_the_event_time_zone_with_its_speakers_in_order(staff_client, world):
    response = staff_client.post(url("session_new", world.event), _session(world))

    session = Session.objects.get(title="Play streets")
    assert response.url == url("sessions", world.event) + f"#session-{session.pk}"
    assert session.starts_at == datetime.datetime(2030, 10, 8, 14, 0, tzinfo=WARSAW)
    assert session.ends_at == datetime.datetime(2030, 10, 8, 15, 30, tzinfo=WARSAW)
    assert (session.room, session.kind, session.language, session.capacity) == (
        world.room,
        "workshop",
        "fr",
        40,
    )
    assert [(s.name, s.role, s.organisation, s.city_id, s.position) for s in session.speakers.all()] == [
        ("Grace Hopper", "Moderator", "", world.city.pk, 0),
        ("Alan Turing", "", "City council", None, 1),
    ]
    assert messages_of(response) == [en("The session “%(title)s” is added.", title="Play streets")]


def test_session_page_shows_its_local_times_and_speakers(staff_client, world):
    response = staff_client.get(url("session", world.event, pk=world.session.pk))

    form, formset = response.context["form"], response.context["formset"]
    assert (form["day"].value(), form["starts"].value(), form["ends"].value()) == (
        "2030-10-07",
        datetime.time(9, 0),
        datetime.time(10, 30),
    )
    assert [f.initial["name"] for f in formset.initial_forms] == ["Ada Lovelace"]
    assert len(formset.forms) == 3  # two empty rows for more speakers
    html = response.content.decode()
    assert 'value="09:00"' in html
    assert '<option value="2030-10-09">' in html


def test_session_edit_replaces_its_speakers(staff_client, world):
    data = _session(world, title="Opening plenary", kind="plenary")
    data.update(
        {
            "speakers-TOTAL_FORMS": "2",
            "speakers-INITIAL_FORMS": "1",
            "speakers-0-name": "Ada Lovelace",
            "speakers-0-DELETE": "on",
            "speakers-1-name": "Mary Somerville",
        }
    )

    staff_client.post(url("session", world.event, pk=world.session.pk), data)

    world.session.refresh_from_db()
    assert world.session.starts_at == datetime.datetime(2030, 10, 8, 14, 0, tzinfo=WARSAW)
    assert [s.name for s in world.session.speakers.all()] == ["Mary Somerville"]


def test_session_is_deleted_after_a_confirmation_page(staff_client, world):
    page = staff_client.get(url("session_delete", world.event, pk=world.session.pk))
    assert page.status_code == 200
    assert world.session.title in page.content.decode()

    response = staff_client.post(url("session_delete", world.event, pk=world.session.pk))

    assert response.url == url("sessions", world.event)
    assert not Session.objects.filter(pk=world.session.pk).exists()
    assert messages_of(response) == [en("The session “%(title)s” is deleted.", title="Opening plenary")]


def test_sessions_page_groups_sessions_by_their_local_day(staff_client, world):
    # 00:30 on the second day in Warsaw is still the first day in UTC.
    late = SessionFactory(
        event=world.event,
        room=None,
        title="Night walk",
        starts_at=event_moment(world.event, day=1, hour=0, minute=30),
        ends_at=event_moment(world.event, day=1, hour=1, minute=30),
    )

    response = staff_client.get(url("sessions", world.event))

    days = [(day["date"], [s.title for s in day["sessions"]]) for day in response.context["days"]]
    assert days == [
        (datetime.date(2030, 10, 7), ["Opening plenary"]),
        (datetime.date(2030, 10, 8), ["Night walk"]),
        (datetime.date(2030, 10, 9), []),
    ]
    html = response.content.decode()
    assert f'<time datetime="{late.starts_at.astimezone(WARSAW).isoformat()}">00:30</time>' in html


# --- Registrations --------------------------------------------------------------------------------


def test_registrations_page_counts_and_orders_the_waiting_list(staff_client, world):
    second = RegistrationFactory(
        event=world.event,
        type=world.type,
        name="Aaron Waiting",
        status=RegistrationStatus.WAITLISTED,
        waitlist_position=2,
        confirmed_at=None,
    )

    response = staff_client.get(url("registrations", world.event))

    figures = response.context["figures"]
    assert (figures.confirmed, figures.pending, figures.waitlisted, figures.places_taken) == (1, 1, 2, 2)
    assert [r.name for r in response.context["waiting"]] == ["Wanda Waiting", "Aaron Waiting"]
    assert [row["registration"].name for row in response.context["rows"]] == [
        "Aaron Waiting",
        "Ana Confirmed",
        "Pere Pending",
        "Wanda Waiting",
    ]
    rows = {row["registration"].pk: row for row in response.context["rows"]}
    assert (rows[world.pending.pk]["can_confirm"], rows[world.pending.pk]["can_cancel"]) == (True, True)
    assert (rows[world.confirmed.pk]["can_confirm"], rows[second.pk]["can_cancel"]) == (False, True)


@pytest.fixture
def filter_world(world):
    france = CountryFactory(code="FR")
    lyon = CityFactory(name="Lyon", country=france)
    press = RegistrationTypeFactory(event=world.event, name="Press")
    RegistrationFactory(
        event=world.event,
        type=press,
        name="Jean Press",
        email="jean@journal.example",
        city=lyon,
        fee_status=FeeStatus.WAIVED,
        checked_in_at=datetime.datetime(2030, 10, 7, 8, 0, tzinfo=datetime.UTC),
    )
    RegistrationFactory(
        event=world.event, type=world.type, name="Cécile Cancelled", status=RegistrationStatus.CANCELLED
    )
    return world


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ({"status": "pending"}, ["Pere Pending"]),
        ({"status": "cancelled"}, ["Cécile Cancelled"]),
        ({"type": "press"}, ["Jean Press"]),
        ({"fee_status": "waived"}, ["Jean Press"]),
        ({"checked_in": "yes"}, ["Jean Press"]),
        ({"checked_in": "no"}, ["Ana Confirmed", "Cécile Cancelled", "Pere Pending", "Wanda Waiting"]),
        ({"city": "lyon"}, ["Jean Press"]),
        ({"country": "FR"}, ["Jean Press"]),
        ({"q": "journal.example"}, ["Jean Press"]),
        ({"q": "wanda"}, ["Wanda Waiting"]),
        ({"q": "code"}, ["Ana Confirmed"]),
        ({"status": "confirmed", "type": "press"}, ["Jean Press"]),
        ({"status": "pending", "country": "FR"}, []),
    ],
)
def test_registration_filters(staff_client, filter_world, query, names):
    world = filter_world
    values = dict(query)
    if values.get("type") == "press":
        values["type"] = RegistrationType.objects.get(event=world.event, name="Press").pk
    if values.get("city") == "lyon":
        values["city"] = Registration.objects.get(name="Jean Press").city_id
    if values.get("q") == "code":
        values["q"] = world.confirmed.code.lower()

    response = staff_client.get(url("registrations", world.event), values)

    assert [row["registration"].name for row in response.context["rows"]] == names
    assert response.context["is_filtered"] is True


def test_filter_choices_are_the_event_types_cities_and_countries(staff_client, filter_world):
    response = staff_client.get(url("registrations", filter_world.event))

    form = response.context["filter_form"]
    assert [label for _value, label in form.fields["type"].choices][1:] == ["Delegate", "Press"]
    assert [label for _value, label in form.fields["city"].choices][1:] == ["Lublin", "Lyon"]
    assert [value for value, _label in form.fields["country"].choices][1:] == ["FR", "PL"]


def test_confirming_a_pending_registration(staff_client, world):
    response = staff_client.post(
        url("registration_step", world.event, pk=world.pending.pk), {"step": "confirm"}
    )

    world.pending.refresh_from_db()
    assert world.pending.status == RegistrationStatus.CONFIRMED
    with translation.override("en"):
        label = str(RegistrationStatus.CONFIRMED.label)
    assert messages_of(response) == [en("%(name)s: %(status)s.", name="Pere Pending", status=label)]


def test_cancelling_gives_the_place_to_the_first_waiting(
    staff_client, world, django_capture_on_commit_callbacks
):
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            url("registration_step", world.event, pk=world.confirmed.pk),
            {"step": "cancel", "comment": "Asked by phone."},
        )

    world.confirmed.refresh_from_db()
    world.waitlisted.refresh_from_db()
    assert world.confirmed.status == RegistrationStatus.CANCELLED
    assert (world.waitlisted.status, world.waitlisted.waitlist_position) == (
        RegistrationStatus.CONFIRMED,
        None,
    )
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [world.confirmed.email, world.waitlisted.email]
    )


def test_steps_go_back_to_the_filtered_list(staff_client, world):
    back = url("registrations", world.event) + "?status=pending"

    response = staff_client.post(
        url("registration_step", world.event, pk=world.pending.pk), {"step": "confirm", "next": back}
    )

    assert response.url == back


@pytest.mark.parametrize("fee_status", ["paid", "waived", "unpaid", "none"])
def test_fee_status_is_set(staff_client, world, fee_status):
    Registration.objects.filter(pk=world.confirmed.pk).update(
        fee_status=FeeStatus.UNPAID if fee_status != "unpaid" else FeeStatus.PAID
    )

    response = staff_client.post(
        url("registration_fee", world.event, pk=world.confirmed.pk), {"fee_status": fee_status}
    )

    world.confirmed.refresh_from_db()
    assert world.confirmed.fee_status == fee_status
    assert response.url == url("registrations", world.event)


def test_free_places_go_to_the_waiting_list(staff_client, world):
    Event.objects.filter(pk=world.event.pk).update(capacity=5)

    response = staff_client.post(url("waitlist_promote", world.event))

    world.waitlisted.refresh_from_db()
    assert world.waitlisted.status == RegistrationStatus.CONFIRMED
    with translation.override("en"):
        expected = ngettext(
            "%(count)d person confirmed from the waiting list.",
            "%(count)d people confirmed from the waiting list.",
            1,
        ) % {"count": 1}
    assert messages_of(response) == [expected]


def test_no_free_place_confirms_nobody(staff_client, world):
    response = staff_client.post(url("waitlist_promote", world.event))

    world.waitlisted.refresh_from_db()
    assert world.waitlisted.status == RegistrationStatus.WAITLISTED
    assert messages_of(response) == [en("No place is free, or nobody is waiting: nobody was confirmed.")]


def test_registrations_page_queries_do_not_grow_with_registrations(staff_client, world):
    cities = [CityFactory() for _ in range(3)]
    with CaptureQueriesContext(connection) as few:
        response = staff_client.get(url("registrations", world.event))
    assert len(response.context["rows"]) == 3
    for number in range(27):
        RegistrationFactory(
            event=world.event,
            type=world.type,
            city=cities[number % 3],
            status=RegistrationStatus.WAITLISTED if number % 2 else RegistrationStatus.CONFIRMED,
            waitlist_position=number + 10 if number % 2 else None,
            checked_in_at=None,
        )

    with CaptureQueriesContext(connection) as many:
        response = staff_client.get(url("registrations", world.event))

    assert len(response.context["rows"]) == 30
    assert len(many.captured_queries) == len(few.captured_queries)


# --- Exports --------------------------------------------------------------------------------------


def test_csv_export_has_stable_columns_and_one_per_question(staff_client, world):
    yes_no = RegistrationQuestion.objects.create(
        event=world.event, text="Wheelchair?", kind="yes_no", position=1
    )
    Registration.objects.filter(pk=world.confirmed.pk).update(
        answers={str(world.question.pk): "=HYPERLINK(1)", str(yes_no.pk): True},
        checked_in_at=datetime.datetime(2030, 10, 7, 7, 15, tzinfo=datetime.UTC),
    )

    response = staff_client.get(url("registrations_export", world.event, fmt="csv"), {"status": "confirmed"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="event-congress-2026-registrations.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [*REGISTRATION_COLUMNS, f"question_{world.question.pk}", f"question_{yes_no.pk}"]
    assert len(rows) == 2
    row = dict(zip(rows[0], rows[1], strict=True))
    assert (row["code"], row["name"], row["city"], row["country"]) == (
        world.confirmed.code,
        "Ana Confirmed",
        "Lublin",
        "PL",
    )
    assert (row["type"], row["fee"], row["currency"], row["fee_status"], row["status"]) == (
        "Delegate",
        "150.00",
        "EUR",
        "unpaid",
        "confirmed",
    )
    assert row["checked_in_at"] == "2030-10-07T09:15:00+02:00"
    assert row[f"question_{world.question.pk}"] == "'=HYPERLINK(1)"
    assert row[f"question_{yes_no.pk}"] == "true"


def test_xlsx_export_has_the_same_columns(staff_client, world):
    response = staff_client.get(url("registrations_export", world.event, fmt="xlsx"))

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="event-congress-2026-registrations.xlsx"'
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert list(values[0]) == [*REGISTRATION_COLUMNS, f"question_{world.question.pk}"]
    assert sorted(row[1] for row in values[1:]) == ["Ana Confirmed", "Pere Pending", "Wanda Waiting"]


def test_export_links_carry_the_filters(staff_client, world):
    response = staff_client.get(url("registrations", world.event), {"status": "pending"})

    html = response.content.decode()
    assert f'href="{url("registrations_export", world.event, fmt="csv")}?status=pending"' in html
    assert f'href="{url("registrations_export", world.event, fmt="xlsx")}?status=pending"' in html


def test_room_and_type_of_another_event_are_not_listed(staff_client, world):
    other = EventFactory()
    RoomFactory(event=other, name="Elsewhere")
    RegistrationTypeFactory(event=other, name="Other delegate")

    rooms = staff_client.get(url("rooms", world.event)).context["rows"]
    types = staff_client.get(url("types", world.event)).context["rows"]

    assert [row["item"].name for row in rooms] == ["Main hall"]
    assert [row["item"].name for row in types] == ["Delegate"]
    assert Room.objects.filter(name="Elsewhere").exists()
