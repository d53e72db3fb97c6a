"""THE permission matrix of events and registrations: every ``congresses.*`` rule about events,
registrations, meeting links and the agenda × every role.

Each row of MATRIX is one (permission, target) and the exact expected answer for each role, in the order
of ROLES. A rule of that kind added to rules.py without a row here fails
``test_matrix_covers_every_event_and_registration_permission`` (calls for communications and bids have
their own matrices).

Roles: anonymous; a plain signed-in user; the registrant (holds a confirmed registration to the event, a
checked-in one to a past event and a waitlisted one to a third event, all on behalf of city A); the
editor of city A (the registrations' city); the editor of city B; an Executive Committee member;
Secretariat staff (with an authenticator app); Secretariat staff without one, checked with
``STAFF_MFA_REQUIRED`` on, who must have no Secretariat power at all.

Targets: ``event`` (published), ``draft_event`` (not published), ``session`` (of the event),
``waitlisted_event`` (where the registrant is only waiting), ``registration`` (confirmed),
``checked_in`` (confirmed and checked in), ``waitlisted`` (on the waiting list).
"""

from dataclasses import dataclass

import pytest
import rules
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from educities.congresses.enums import RegistrationStatus
from tests.accounts.helpers import totp_activate
from tests.congresses.factories import EventFactory, RegistrationFactory, SessionFactory
from tests.factories import CityFactory, StaffFactory, UserFactory, make_city_editor, make_executive

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

T, F = True, False

ROLES = ("anonymous", "user", "registrant", "editor_a", "editor_b", "executive", "staff", "staff_without_mfa")

# (permission, target): anonymous, user, registrant, editor_a, editor_b, executive, staff, staff_without_mfa
MATRIX: dict[tuple[str, str], tuple[bool, ...]] = {
    # Events
    ("congresses.manage_event", "event"): (F, F, F, F, F, F, T, F),
    ("congresses.manage_event", "draft_event"): (F, F, F, F, F, F, T, F),
    ("congresses.view_event", "event"): (T, T, T, T, T, T, T, T),
    ("congresses.view_event", "draft_event"): (F, F, F, F, F, F, T, F),
    ("congresses.register", "event"): (T, T, T, T, T, T, T, T),
    ("congresses.register", "draft_event"): (F, F, F, F, F, F, T, F),
    # Registrations
    ("congresses.view_registration", "registration"): (F, F, T, T, F, F, T, F),
    ("congresses.view_registration", "waitlisted"): (F, F, T, T, F, F, T, F),
    ("congresses.cancel_registration", "registration"): (F, F, T, T, F, F, T, F),
    ("congresses.cancel_registration", "waitlisted"): (F, F, T, T, F, F, T, F),
    ("congresses.cancel_registration", "checked_in"): (F, F, F, F, F, F, F, F),
    ("congresses.download_badge", "registration"): (F, F, T, T, F, F, T, F),
    ("congresses.download_badge", "waitlisted"): (F, F, F, F, F, F, F, F),
    ("congresses.download_attendance", "registration"): (F, F, F, F, F, F, F, F),
    ("congresses.download_attendance", "checked_in"): (F, F, T, T, F, F, T, F),
    ("congresses.check_in", "registration"): (F, F, F, F, F, F, T, F),
    ("congresses.check_in", "event"): (F, F, F, F, F, F, T, F),
    # Meeting links and the personal agenda
    ("congresses.view_meeting_link", "event"): (F, F, T, F, F, F, T, F),
    ("congresses.view_meeting_link", "session"): (F, F, T, F, F, F, T, F),
    ("congresses.view_meeting_link", "waitlisted_event"): (F, F, F, F, F, F, T, F),
    ("congresses.keep_agenda", "event"): (F, F, T, F, F, F, F, F),
    ("congresses.keep_agenda", "session"): (F, F, T, F, F, F, F, F),
    ("congresses.keep_agenda", "waitlisted_event"): (F, F, F, F, F, F, F, F),
}

# The congresses rules that have their own matrices (calls for communications, bids).
OTHER_MATRICES = {
    "congresses.propose",
    "congresses.view_proposal",
    "congresses.change_proposal",
    "congresses.withdraw_proposal",
    "congresses.decide_proposal",
    "congresses.bid",
    "congresses.view_bid",
    "congresses.change_bid",
    "congresses.download_bid_document",
    "congresses.decide_bid",
}


@dataclass
class World:
    users: dict
    targets: dict


@pytest.fixture
def world(settings):
    settings.STAFF_MFA_REQUIRED = True
    city_a, city_b = CityFactory(name="Granollers"), CityFactory(name="Lyon")
    registrant = UserFactory(email="registrant@example.org")
    event = EventFactory(title="Congress")
    past = EventFactory(title="Past congress")
    full = EventFactory(title="Full meeting", capacity=1)
    staff = StaffFactory(email="staff@example.org")
    totp_activate(staff)
    users = {
        "anonymous": AnonymousUser(),
        "user": UserFactory(email="someone@example.org"),
        "registrant": registrant,
        "editor_a": make_city_editor(city_a, email="editor@granollers.example.org"),
        "editor_b": make_city_editor(city_b, email="editor@lyon.example.org"),
        "executive": make_executive(email="executive@example.org"),
        "staff": staff,
        "staff_without_mfa": StaffFactory(email="staff.without.mfa@example.org"),
    }
    targets = {
        "event": event,
        "draft_event": EventFactory(title="Draft", is_published=False),
        "session": SessionFactory(event=event),
        "waitlisted_event": full,
        "registration": RegistrationFactory(event=event, user=registrant, city=city_a),
        "checked_in": RegistrationFactory(
            event=past, user=registrant, city=city_a, checked_in_at=timezone.now()
        ),
        "waitlisted": RegistrationFactory(
            event=full,
            user=registrant,
            city=city_a,
            status=RegistrationStatus.WAITLISTED,
            waitlist_position=1,
            confirmed_at=None,
        ),
    }
    return World(users=users, targets=targets)


ROWS = [
    pytest.param(role, permission, target, answers[index], id=f"{role}-{permission}-{target}")
    for (permission, target), answers in MATRIX.items()
    for index, role in enumerate(ROLES)
]


@pytest.mark.parametrize(("role", "permission", "target", "expected"), ROWS)
def test_permission_matrix(world, role, permission, target, expected):
    user = world.users[role]

    allowed = user.has_perm(permission, world.targets[target])

    assert allowed is expected


def test_matrix_covers_every_event_and_registration_permission():
    declared = {name for name in rules.permissions.permissions if name.startswith("congresses.")}

    assert declared - OTHER_MATRICES == {permission for permission, _target in MATRIX}


def test_matrix_rows_have_one_answer_per_role():
    assert {len(answers) for answers in MATRIX.values()} == {len(ROLES)}


def test_the_person_who_registered_someone_else_sees_that_registration(world):
    assistant = UserFactory()
    registration = RegistrationFactory(event=world.targets["event"], registered_by=assistant)

    answers = {
        permission: assistant.has_perm(permission, registration)
        for permission in ("congresses.view_registration", "congresses.cancel_registration")
    }

    assert answers == {"congresses.view_registration": True, "congresses.cancel_registration": True}


def test_a_cancelled_participant_no_longer_sees_meeting_links(world):
    registrant = world.users["registrant"]
    registration = world.targets["registration"]
    registration.status = RegistrationStatus.CANCELLED
    registration.save()
    fresh = type(registrant).objects.get(pk=registrant.pk)

    assert fresh.has_perm("congresses.view_meeting_link", world.targets["session"]) is False


def test_a_pending_participant_keeps_an_agenda(world):
    registrant = world.users["registrant"]
    registration = world.targets["registration"]
    registration.status = RegistrationStatus.PENDING
    registration.save()
    fresh = type(registrant).objects.get(pk=registrant.pk)

    assert fresh.has_perm("congresses.keep_agenda", world.targets["session"]) is True


def test_inactive_staff_has_no_event_permission(world):
    staff = world.users["staff"]
    staff.is_active = False
    staff.save()
    fresh = type(staff).objects.get(pk=staff.pk)

    assert fresh.has_perm("congresses.manage_event", world.targets["event"]) is False


def test_registered_participant_check_is_one_query_per_event(world, django_assert_num_queries):
    registrant = type(world.users["registrant"]).objects.get(pk=world.users["registrant"].pk)
    session = world.targets["session"]

    with django_assert_num_queries(1):
        answers = [
            registrant.has_perm(permission, target)
            for permission in ("congresses.view_meeting_link", "congresses.keep_agenda")
            for target in (world.targets["event"], session, session)
        ]

    assert answers == [True] * 6
