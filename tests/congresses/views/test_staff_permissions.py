"""THE permission matrix of the Secretariat's event pages: every role × every page and step, with the
exact status code, and for the steps that change something, whether it changed.

Roles: anonymous; an editor of the host city; an Executive Committee member; a registered participant
(with an account); Secretariat staff. "login" is a redirect to the sign-in page; D is the redirect after
a step was done. As in the award's back office, people who are signed in without the Secretariat's
powers get 403 (an unknown event is a 404 for staff).

The world also serves the other tests of these pages (``staff_world``, ``messages_of``, ``url``).
"""

import datetime
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from educities.congresses import urls_staff_events
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
    SpeakerFactory,
)
from tests.factories import (
    CityFactory,
    CountryFactory,
    StaffFactory,
    UserFactory,
    make_city_editor,
    make_executive,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

ROLES = ("anonymous", "editor", "executive", "participant", "staff")
LOGIN = "login"


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@dataclass
class StaffWorld:
    """A published congress in Warsaw's time zone with one registration type, one question, one room,
    one session with a speaker; registrations: a confirmed one (with an account), a pending one and one
    on the waiting list."""

    city: Any
    event: Event
    type: RegistrationType
    question: RegistrationQuestion
    room: Room
    session: Session
    confirmed: Registration
    pending: Registration
    waitlisted: Registration
    users: dict


def staff_world(**event_fields) -> StaffWorld:
    city = CityFactory(name="Lublin", country=CountryFactory(code="PL"))
    event = EventFactory(
        title="XVIII International Congress",
        slug="congress-2026",
        host_city=city,
        capacity=2,
        starts_on=datetime.date(2030, 10, 7),
        ends_on=datetime.date(2030, 10, 9),
        **event_fields,
    )
    registration_type = RegistrationTypeFactory(event=event, name="Delegate", fee=150)
    question = RegistrationQuestion.objects.create(
        event=event, text="Dietary needs", kind=RegistrationQuestion.Kind.TEXT
    )
    room = RoomFactory(event=event, name="Main hall")
    session = SessionFactory(event=event, room=room, title="Opening plenary")
    SpeakerFactory(session=session, name="Ada Lovelace")
    participant = UserFactory(email="ana@example.org")
    confirmed = RegistrationFactory(
        event=event,
        type=registration_type,
        name="Ana Confirmed",
        email="ana@example.org",
        user=participant,
        city=city,
        fee_status=FeeStatus.UNPAID,
    )
    pending = RegistrationFactory(
        event=event,
        type=registration_type,
        name="Pere Pending",
        status=RegistrationStatus.PENDING,
        confirmed_at=None,
        fee_status=FeeStatus.UNPAID,
    )
    waitlisted = RegistrationFactory(
        event=event,
        type=registration_type,
        name="Wanda Waiting",
        status=RegistrationStatus.WAITLISTED,
        waitlist_position=1,
        confirmed_at=None,
        fee_status=FeeStatus.UNPAID,
    )
    users = {
        "anonymous": None,
        "editor": make_city_editor(city),
        "executive": make_executive(),
        "participant": participant,
        "staff": StaffFactory(),
    }
    return StaffWorld(
        city=city,
        event=event,
        type=registration_type,
        question=question,
        room=room,
        session=session,
        confirmed=confirmed,
        pending=pending,
        waitlisted=waitlisted,
        users=users,
    )


@pytest.fixture
def world() -> StaffWorld:
    return staff_world()


def url(name: str, event: Event | None = None, **kwargs) -> str:
    if event is not None:
        kwargs["slug"] = event.slug
    return reverse(f"events_staff:{name}", kwargs=kwargs)


# --- What each step may change ---------------------------------------------------------------------


def _event_state(world) -> tuple:
    event = Event.objects.get(pk=world.event.pk)
    return (event.title, event.is_published, event.programme_published, event.capacity)


def _types(world) -> list:
    return list(RegistrationType.objects.filter(event=world.event).order_by("pk").values_list("name", "fee"))


def _questions(world) -> list:
    return list(
        RegistrationQuestion.objects.filter(event=world.event).order_by("pk").values_list("text", "kind")
    )


def _rooms(world) -> list:
    return list(Room.objects.filter(event=world.event).order_by("pk").values_list("name", "capacity"))


def _sessions(world) -> list:
    return list(
        Session.objects.filter(event=world.event).order_by("pk").values_list("title", "starts_at", "room_id")
    )


def _registrations(world) -> list:
    return list(
        Registration.objects.filter(event=world.event)
        .order_by("pk")
        .values_list("status", "fee_status", "checked_in_at", "waitlist_position")
    )


def _settings_data(world) -> dict:
    return {
        "action": "settings",
        "settings-kind": "international_congress",
        "settings-title": "XVIII Congress of Educating Cities",
        "settings-slug": world.event.slug,
        "settings-original_language": "en",
        "settings-host_city": world.city.pk,
        "settings-starts_on": "2030-10-07",
        "settings-ends_on": "2030-10-09",
        "settings-time_zone": "Europe/Warsaw",
        "settings-languages": ["en", "fr", "es"],
        "settings-format": "in_person",
        "settings-capacity": 2,
        "settings-venue": "Congress centre",
    }


def _new_event_data(world) -> dict:
    return {
        "event-kind": "meeting",
        "event-title": "Network meeting",
        "event-original_language": "en",
        "event-host_city": world.city.pk,
        "event-starts_on": "2031-03-10",
        "event-ends_on": "2031-03-10",
        "event-time_zone": "Europe/Madrid",
        "event-format": "online",
    }


def _session_data(world) -> dict:
    return {
        "session-title": "Workshop on play streets",
        "session-kind": "workshop",
        "session-day": "2030-10-08",
        "session-starts": "14:00",
        "session-ends": "15:30",
        "session-room": world.room.pk,
        "speakers-TOTAL_FORMS": "1",
        "speakers-INITIAL_FORMS": "0",
        "speakers-0-name": "Grace Hopper",
    }


def _get(name: str, **kwargs):
    def request(client, world):
        extra = {key: value(world) if callable(value) else value for key, value in kwargs.items()}
        return client.get(url(name, world.event, **extra))

    return request


def _post(name: str, data, **kwargs):
    def request(client, world):
        extra = {key: value(world) if callable(value) else value for key, value in kwargs.items()}
        payload = data(world) if callable(data) else data
        return client.post(url(name, world.event, **extra), payload)

    return request


# action: (make the request, read what it may change or None, where a done step redirects or None)
ACTIONS: dict[str, tuple] = {
    "events": (lambda c, w: c.get(url("events")), None, None),
    "event_new_page": (lambda c, w: c.get(url("event_new")), None, None),
    "event_page": (_get("event"), None, None),
    "types_page": (_get("types"), None, None),
    "questions_page": (_get("questions"), None, None),
    "rooms_page": (_get("rooms"), None, None),
    "sessions_page": (_get("sessions"), None, None),
    "session_new_page": (_get("session_new"), None, None),
    "session_page": (_get("session", pk=lambda w: w.session.pk), None, None),
    "session_delete_page": (_get("session_delete", pk=lambda w: w.session.pk), None, None),
    "registrations_page": (_get("registrations"), None, None),
    "export_csv": (_get("registrations_export", fmt="csv"), None, None),
    "export_xlsx": (_get("registrations_export", fmt="xlsx"), None, None),
    "check_in_page": (_get("check_in"), None, None),
    "check_in_card": (
        lambda c, w: c.get(url("check_in", w.event), {"code": w.confirmed.code}),
        None,
        None,
    ),
    "event_create": (
        lambda c, w: c.post(url("event_new"), _new_event_data(w)),
        lambda w: Event.objects.count(),
        lambda w: url("event", Event.objects.get(title="Network meeting")),
    ),
    "settings": (
        _post("event", _settings_data),
        _event_state,
        lambda w: url("event", w.event) + "#settings",
    ),
    "unpublish": (
        _post("event", {"action": "unpublish"}),
        _event_state,
        lambda w: url("event", w.event) + "#publication",
    ),
    "programme_hide": (
        _post("event", {"action": "programme_hide"}),
        _event_state,
        lambda w: url("event", w.event) + "#publication",
    ),
    "type_add": (
        _post(
            "types",
            {"action": "add", "new-name": "Press", "new-fee": "0", "new-currency": "EUR", "new-position": 1},
        ),
        _types,
        lambda w: url("types", w.event) + f"#item-{RegistrationType.objects.get(name='Press').pk}",
    ),
    "type_edit": (
        _post(
            "types",
            lambda w: {
                "action": "edit",
                "item": w.type.pk,
                f"item-{w.type.pk}-name": "Delegate of a member city",
                f"item-{w.type.pk}-fee": "200",
                f"item-{w.type.pk}-currency": "EUR",
                f"item-{w.type.pk}-position": 0,
                f"item-{w.type.pk}-counts_toward_capacity": "on",
                f"item-{w.type.pk}-is_public": "on",
            },
        ),
        _types,
        lambda w: url("types", w.event) + f"#item-{w.type.pk}",
    ),
    "question_add": (
        _post(
            "questions",
            {
                "action": "add",
                "new-text": "Do you need a wheelchair?",
                "new-kind": "yes_no",
                "new-position": 1,
            },
        ),
        _questions,
        lambda w: url("questions", w.event) + f"#item-{RegistrationQuestion.objects.get(kind='yes_no').pk}",
    ),
    "question_edit": (
        _post(
            "questions",
            lambda w: {
                "action": "edit",
                "item": w.question.pk,
                f"item-{w.question.pk}-text": "Dietary needs or allergies",
                f"item-{w.question.pk}-kind": "long_text",
                f"item-{w.question.pk}-position": 0,
            },
        ),
        _questions,
        lambda w: url("questions", w.event) + f"#item-{w.question.pk}",
    ),
    "question_delete": (
        _post("questions", lambda w: {"action": "delete", "item": w.question.pk}),
        _questions,
        lambda w: url("questions", w.event),
    ),
    "room_add": (
        _post("rooms", {"action": "add", "new-name": "Room B", "new-capacity": 40, "new-position": 1}),
        _rooms,
        lambda w: url("rooms", w.event) + f"#item-{Room.objects.get(name='Room B').pk}",
    ),
    "room_edit": (
        _post(
            "rooms",
            lambda w: {
                "action": "edit",
                "item": w.room.pk,
                f"item-{w.room.pk}-name": "Great hall",
                f"item-{w.room.pk}-capacity": 500,
                f"item-{w.room.pk}-position": 0,
            },
        ),
        _rooms,
        lambda w: url("rooms", w.event) + f"#item-{w.room.pk}",
    ),
    "session_create": (
        _post("session_new", _session_data),
        _sessions,
        lambda w: (
            url("sessions", w.event) + f"#session-{Session.objects.get(title='Workshop on play streets').pk}"
        ),
    ),
    "session_edit": (
        _post("session", _session_data, pk=lambda w: w.session.pk),
        _sessions,
        lambda w: url("sessions", w.event) + f"#session-{w.session.pk}",
    ),
    "session_delete": (
        _post("session_delete", {}, pk=lambda w: w.session.pk),
        _sessions,
        lambda w: url("sessions", w.event),
    ),
    "confirm": (
        _post("registration_step", {"step": "confirm"}, pk=lambda w: w.pending.pk),
        _registrations,
        lambda w: url("registrations", w.event),
    ),
    "cancel": (
        _post("registration_step", {"step": "cancel"}, pk=lambda w: w.confirmed.pk),
        _registrations,
        lambda w: url("registrations", w.event),
    ),
    "fee": (
        _post("registration_fee", {"fee_status": "paid"}, pk=lambda w: w.confirmed.pk),
        _registrations,
        lambda w: url("registrations", w.event),
    ),
    "waitlist_promote": (
        lambda c, w: (
            Event.objects.filter(pk=w.event.pk).update(capacity=3),
            c.post(url("waitlist_promote", w.event), {}),
        )[1],
        _registrations,
        lambda w: url("registrations", w.event) + "#waiting-list",
    ),
    "check_in": (
        _post("check_in", lambda w: {"action": "check_in", "registration": w.confirmed.pk}),
        _registrations,
        lambda w: url("check_in", w.event) + f"?code={w.confirmed.code}&done=1",
    ),
}

D = 302
STAFF_ONLY_PAGE = (LOGIN, 403, 403, 403, 200)
STAFF_ONLY_STEP = (LOGIN, 403, 403, 403, D)
PAGES = (
    "events",
    "event_new_page",
    "event_page",
    "types_page",
    "questions_page",
    "rooms_page",
    "sessions_page",
    "session_new_page",
    "session_page",
    "session_delete_page",
    "registrations_page",
    "export_csv",
    "export_xlsx",
    "check_in_page",
    "check_in_card",
)
# action: expected for (anonymous, editor, executive, participant, staff)
MATRIX: dict[str, tuple] = {
    **dict.fromkeys(PAGES, STAFF_ONLY_PAGE),
    **dict.fromkeys((name for name in ACTIONS if name not in PAGES), STAFF_ONLY_STEP),
}


@pytest.mark.parametrize("action", list(MATRIX))
def test_permission_matrix(world, action):
    """Each role in turn (staff last: the others must change nothing), on one world per action."""
    make_request, read_effect, done_url = ACTIONS[action]
    for role, expected in zip(ROLES, MATRIX[action], strict=True):
        client = Client()
        if world.users[role] is not None:
            client.force_login(world.users[role])
        before = read_effect(world) if read_effect else None

        response = make_request(client, world)

        if expected == LOGIN:
            assert response.status_code == 302, role
            assert response.url.startswith(reverse("account_login") + "?next="), role
        else:
            assert response.status_code == expected, role
        if expected == D:
            assert response.url == done_url(world), role
            assert [m for m in messages_of(response) if "Nothing was changed" in m] == [], role
        if read_effect is not None:
            changed = read_effect(world) != before
            assert changed is (expected == D), role


def test_matrix_covers_every_page_and_step():
    assert set(MATRIX) == set(ACTIONS)
    assert all(len(row) == len(ROLES) for row in MATRIX.values())
    names = {pattern.name for pattern in urls_staff_events.urlpatterns}
    assert names == {
        "events",
        "event_new",
        "event",
        "types",
        "questions",
        "rooms",
        "sessions",
        "session_new",
        "session",
        "session_delete",
        "registrations",
        "waitlist_promote",
        "registration_step",
        "registration_fee",
        "registrations_export",
        "check_in",
    }


@pytest.mark.parametrize("role", ["editor", "executive", "participant"])
def test_unknown_event_is_403_before_404_for_others(world, role):
    client = Client()
    client.force_login(world.users[role])

    response = client.get(url("registrations", slug="no-such-event"))

    assert response.status_code == 403


@pytest.mark.parametrize(
    "name", ["event", "types", "questions", "rooms", "sessions", "registrations", "check_in"]
)
def test_unknown_event_is_404_for_staff(world, name):
    client = Client()
    client.force_login(world.users["staff"])

    response = client.get(url(name, slug="no-such-event"))

    assert response.status_code == 404


def test_staff_without_authenticator_app_gets_403_when_mfa_is_required(world, settings):
    settings.STAFF_MFA_REQUIRED = True
    client = Client()
    client.force_login(world.users["staff"])

    response = client.get(url("events"))

    assert response.status_code == 403
