"""The congresses admin: read-only pages for the Secretariat, whose actions go through the domain."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from django.utils import timezone, translation

from educities.congresses.enums import RegistrationStatus
from educities.congresses.models import Registration
from educities.core.domain.audit import audit_entries_for
from tests.accounts.helpers import totp_activate
from tests.congresses.factories import (
    EventFactory,
    RegistrationFactory,
    RegistrationTypeFactory,
    RoomFactory,
    SessionFactory,
    SpeakerFactory,
)
from tests.factories import StaffFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

MODELS = [
    "congresses_event",
    "congresses_registration",
    "congresses_session",
    "congresses_call",
    "congresses_proposal",
    "congresses_bid",
]


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def admin_user():
    user = StaffFactory(is_superuser=True)
    totp_activate(user)
    return user


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def event():
    event = EventFactory(capacity=1)
    RegistrationTypeFactory(event=event)
    RoomFactory(event=event)
    SpeakerFactory(session=SessionFactory(event=event))
    return event


@pytest.mark.parametrize("model", MODELS)
def test_admin_changelist_renders(admin_client, event, model):
    RegistrationFactory(event=event)

    response = admin_client.get(reverse(f"admin:{model}_changelist"), {"q": "a"})

    assert response.status_code == 200


@pytest.mark.parametrize(
    ("model", "make"),
    [
        ("congresses_event", lambda event: event),
        ("congresses_registration", lambda event: RegistrationFactory(event=event)),
        ("congresses_session", lambda event: event.sessions.get()),
    ],
)
def test_admin_change_pages_are_read_only(admin_client, event, model, make):
    obj = make(event)

    response = admin_client.get(reverse(f"admin:{model}_change", args=[obj.pk]))

    assert response.status_code == 200
    assert response.context["has_change_permission"] is False
    assert 'name="_save"' not in response.content.decode()


@pytest.mark.parametrize("model", MODELS)
def test_admin_has_no_add_page(admin_client, model):
    response = admin_client.get(reverse(f"admin:{model}_add"))

    assert response.status_code == 403


def test_admin_posting_a_change_is_refused(admin_client, event):
    response = admin_client.post(
        reverse("admin:congresses_event_change", args=[event.pk]), {"title": "Hacked"}
    )

    event.refresh_from_db()
    assert response.status_code == 403
    assert event.title != "Hacked"


def _action(client, model: str, action: str, objects):
    return client.post(
        reverse(f"admin:{model}_changelist"),
        {"action": action, ACTION_CHECKBOX_NAME: [obj.pk for obj in objects]},
        follow=True,
    )


def test_admin_action_confirms_pending_registrations_through_the_domain(admin_client, admin_user, event):
    pending = RegistrationFactory(event=event, status=RegistrationStatus.PENDING, confirmed_at=None)
    waiting = RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED, waitlist_position=1)

    response = _action(admin_client, "congresses_registration", "confirm", [pending, waiting])

    pending.refresh_from_db()
    waiting.refresh_from_db()
    assert (pending.status, waiting.status) == (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)
    assert [(e.action, e.actor) for e in audit_entries_for(subject=pending)] == [("confirm", admin_user)]
    assert "1 registration confirmed." in [str(m) for m in response.context["messages"]]


def test_admin_action_checks_in_and_reports_refusals(admin_client, event):
    confirmed = RegistrationFactory(event=event, name="Anna")
    checked = RegistrationFactory(event=event, name="Bruno", checked_in_at=timezone.now())

    response = _action(admin_client, "congresses_registration", "check_in", [confirmed, checked])

    confirmed.refresh_from_db()
    messages = [str(m) for m in response.context["messages"]]
    assert confirmed.checked_in_at is not None
    assert "1 participant checked in." in messages
    assert any(message.startswith(f"{checked}: ") for message in messages)


def test_admin_action_gives_free_places_to_the_waiting_list(admin_client, event):
    waiting = RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED, waitlist_position=1)

    response = _action(admin_client, "congresses_event", "promote_waiting", [event])

    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert f"{event}: 1 person got a place." in [str(m) for m in response.context["messages"]]


def test_admin_registration_search_finds_by_code(admin_client, event):
    RegistrationFactory(event=event, code="K7M2QX9P", name="Anna")
    RegistrationFactory(event=event, name="Bruno")

    response = admin_client.get(reverse("admin:congresses_registration_changelist"), {"q": "K7M2QX9P"})

    assert [r.name for r in response.context["cl"].result_list] == ["Anna"]
    assert Registration.objects.count() == 2
