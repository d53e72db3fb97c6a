"""Registrations at the same moment, each in its own thread and database connection (PostgreSQL only).

Two people registering for the last place at once: the event's row lock serves them one after the other,
so exactly one gets the place and the other is first on the waiting list (never two confirmed). The same
e-mail sent twice at once (a double click): one registration, the other refused as a duplicate. Two
participants taking the last seat of a session at once: one gets it.
"""

import threading
import time
from unittest import mock

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from educities.accounts.models import User
from educities.congresses.domain import registrations as registrations_module
from educities.congresses.domain.common import NoPlaceFree, RegistrationDuplicate
from educities.congresses.domain.registrations import agenda_add, registration_create
from educities.congresses.enums import RegistrationStatus
from educities.congresses.models import AgendaEntry, Event, Registration, RegistrationType, Session
from tests.congresses.factories import (
    EventFactory,
    RegistrationFactory,
    RegistrationTypeFactory,
    SessionFactory,
)
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite has no row locks (select_for_update does nothing) and one writer",
    ),
    pytest.mark.django_db(transaction=True),
]


def _run_at_once(*calls):
    """Run each call in its own thread (so its own database connection), all starting together."""
    barrier = threading.Barrier(len(calls))
    outcomes: list[object] = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            outcomes[index] = call()
        except Exception as error:  # the test looks at what each thread got
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index, call)) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def _slow(original):
    # Widen the window between taking the lock and counting the places, as a slow request would.
    def slow(*args, **kwargs):
        time.sleep(0.3)
        return original(*args, **kwargs)

    return slow


def _slow_after(original):
    # Hold the lock a while once taken, as a slow request would.
    def slow(*args, **kwargs):
        result = original(*args, **kwargs)
        time.sleep(0.3)
        return result

    return slow


def _register(event_pk: int, type_pk: int, email: str, name: str):
    # Fresh objects per thread, as two requests would have.
    def call():
        return registration_create(
            event=Event.objects.get(pk=event_pk),
            type=RegistrationType.objects.get(pk=type_pk),
            actor=AnonymousUser(),
            name=name,
            email=email,
        )

    return call


@pytest.fixture
def last_place():
    event = EventFactory(capacity=3)
    delegate = RegistrationTypeFactory(event=event)
    RegistrationFactory(event=event, type=delegate)
    RegistrationFactory(event=event, type=delegate)
    return event, delegate


def test_two_people_for_the_last_place_at_once_one_confirmed_one_waitlisted(last_place):
    event, delegate = last_place

    with mock.patch.object(
        registrations_module, "_window_or_refuse", _slow(registrations_module._window_or_refuse)
    ):
        outcomes = _run_at_once(
            _register(event.pk, delegate.pk, "anna@example.org", "Anna"),
            _register(event.pk, delegate.pk, "bruno@example.org", "Bruno"),
        )

    assert all(isinstance(outcome, Registration) for outcome in outcomes), outcomes
    assert sorted((o.status, o.waitlist_position) for o in outcomes) == [
        (RegistrationStatus.CONFIRMED, None),
        (RegistrationStatus.WAITLISTED, 1),
    ]
    stored = Registration.objects.filter(event=event)
    assert stored.filter(status=RegistrationStatus.CONFIRMED).count() == 3
    assert list(
        stored.filter(status=RegistrationStatus.WAITLISTED).values_list("waitlist_position", flat=True)
    ) == [1]


def test_four_people_for_the_last_place_at_once_positions_one_to_three(last_place):
    event, delegate = last_place

    with mock.patch.object(
        registrations_module, "_window_or_refuse", _slow(registrations_module._window_or_refuse)
    ):
        outcomes = _run_at_once(
            *[_register(event.pk, delegate.pk, f"p{n}@example.org", f"Person {n}") for n in range(4)]
        )

    assert sorted((o.status, o.waitlist_position or 0) for o in outcomes) == [
        (RegistrationStatus.CONFIRMED, 0),
        (RegistrationStatus.WAITLISTED, 1),
        (RegistrationStatus.WAITLISTED, 2),
        (RegistrationStatus.WAITLISTED, 3),
    ]


def test_the_same_email_twice_at_once_makes_one_registration(last_place):
    event, delegate = last_place

    with mock.patch.object(
        registrations_module, "_window_or_refuse", _slow(registrations_module._window_or_refuse)
    ):
        outcomes = _run_at_once(
            _register(event.pk, delegate.pk, "anna@example.org", "Anna"),
            _register(event.pk, delegate.pk, "Anna@Example.org", "Anna P."),
        )

    kinds = sorted(type(outcome).__name__ for outcome in outcomes)
    refused = next(outcome for outcome in outcomes if isinstance(outcome, RegistrationDuplicate))
    assert kinds == ["Registration", "RegistrationDuplicate"]
    assert refused.message == registrations_module._duplicate_message(event)
    assert Registration.objects.filter(event=event, email="anna@example.org").count() == 1


def test_the_same_email_at_once_caught_by_the_constraint_gets_the_same_message(last_place):
    """Even if the check before saving missed the other request, the unique constraint answers the same."""
    event, delegate = last_place
    original = registrations_module._is_duplicate
    calls = {"count": 0}

    def misses_first_time(**kwargs):
        calls["count"] += 1
        return False if calls["count"] <= 2 else original(**kwargs)

    with mock.patch.object(registrations_module, "_is_duplicate", misses_first_time):
        outcomes = _run_at_once(
            _register(event.pk, delegate.pk, "anna@example.org", "Anna"),
            _register(event.pk, delegate.pk, "anna@example.org", "Anna"),
        )

    assert sorted(type(outcome).__name__ for outcome in outcomes) == ["Registration", "RegistrationDuplicate"]
    assert Registration.objects.filter(event=event).count() == 3


def test_two_participants_for_the_last_seat_of_a_session_at_once():
    event = EventFactory()
    session = SessionFactory(event=event, capacity=1)
    users = [UserFactory(), UserFactory()]
    registrations = [RegistrationFactory(event=event, user=user) for user in users]

    def add(registration_pk: int, user_pk: int):
        def call():
            return agenda_add(
                registration=Registration.objects.select_related("event").get(pk=registration_pk),
                session=Session.objects.get(pk=session.pk),
                actor=User.objects.get(pk=user_pk),
            )

        return call

    with mock.patch.object(registrations_module, "lock", _slow_after(registrations_module.lock)):
        outcomes = _run_at_once(*[add(r.pk, u.pk) for r, u in zip(registrations, users, strict=True)])

    assert sorted(type(outcome).__name__ for outcome in outcomes) == ["AgendaEntry", NoPlaceFree.__name__]
    assert AgendaEntry.objects.filter(session=session).count() == 1
