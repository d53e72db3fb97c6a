"""THE permission matrix of the International Day: every role × every permission of days/rules.py.

Each row of MATRIX is one permission, the object it is checked against and the exact expected answer
for each role, in the order of ROLES. A permission added to rules.py without a row here fails
``test_matrix_covers_every_days_permission``.

Roles: anonymous; a plain signed-in user; the editor of city A (whose activities are checked); the editor
of city B; a translator; an Executive Committee member; Secretariat staff (with an authenticator app); and
Secretariat staff without one, checked with ``STAFF_MFA_REQUIRED`` on, who has no Secretariat power.

Targets: the published campaign and a draft campaign; cities A and B (members); activity A (published,
of city A, in the published campaign), and its hidden, cancelled and draft-campaign variants.
"""

from dataclasses import dataclass

import pytest
import rules
from django.contrib.auth.models import AnonymousUser

from educities.days.enums import ActivityStatus
from educities.members.enums import MembershipStatus
from tests.accounts.helpers import totp_activate
from tests.days.factories import ActivityFactory, CampaignFactory
from tests.experiences.factories import make_translator
from tests.factories import (
    CityFactory,
    CountryFactory,
    StaffFactory,
    UserFactory,
    make_city_editor,
    make_executive,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

T, F = True, False

ROLES = ("anonymous", "user", "editor_a", "editor_b", "translator", "executive", "staff", "staff_without_mfa")

# (permission, target): answers for anonymous, user, editor_a, editor_b, translator, executive, staff,
#                       staff_without_mfa
MATRIX: dict[tuple[str, str | None], tuple] = {
    ("days.manage_campaign", None): (F, F, F, F, F, F, T, F),
    ("days.manage_campaign", "campaign"): (F, F, F, F, F, F, T, F),
    ("days.manage_campaign", "draft_campaign"): (F, F, F, F, F, F, T, F),
    ("days.view_campaign", "campaign"): (T, T, T, T, T, T, T, T),
    ("days.view_campaign", "draft_campaign"): (F, F, F, F, F, F, T, F),
    ("days.view_campaign", None): (F, F, F, F, F, F, T, F),
    ("days.register_activity", "city_a"): (F, F, T, F, F, F, T, F),
    ("days.register_activity", "city_b"): (F, F, F, T, F, F, T, F),
    ("days.register_activity", "applied_city"): (F, F, F, F, F, F, T, F),
    ("days.register_activity", None): (F, F, F, F, F, F, T, F),
    ("days.view_activity", "activity"): (T, T, T, T, T, T, T, T),
    ("days.view_activity", "hidden_activity"): (F, F, T, F, F, F, T, F),
    ("days.view_activity", "cancelled_activity"): (T, T, T, T, T, T, T, T),
    ("days.view_activity", "draft_campaign_activity"): (F, F, T, F, F, F, T, F),
    ("days.change_activity", "activity"): (F, F, T, F, F, F, T, F),
    ("days.change_activity", "hidden_activity"): (F, F, T, F, F, F, T, F),
    ("days.change_activity", "cancelled_activity"): (F, F, T, F, F, F, T, F),
    ("days.change_activity", "draft_campaign_activity"): (F, F, T, F, F, F, T, F),
    ("days.moderate_activity", "activity"): (F, F, F, F, F, F, T, F),
    ("days.moderate_activity", "hidden_activity"): (F, F, F, F, F, F, T, F),
    ("days.moderate_activity", None): (F, F, F, F, F, F, T, F),
}

ROWS = [
    pytest.param(role, permission, target, row[index], id=f"{role}-{permission}-{target}")
    for (permission, target), row in MATRIX.items()
    for index, role in enumerate(ROLES)
]


@dataclass
class DayWorld:
    targets: dict
    users: dict


@pytest.fixture
def world(settings):
    settings.STAFF_MFA_REQUIRED = True
    city_a = CityFactory(name="Granollers", country=CountryFactory(code="ES"))
    city_b = CityFactory(name="Lyon", country=CountryFactory(code="FR"))
    applied = CityFactory(name="Newcomer", membership_status=MembershipStatus.APPLIED)
    campaign = CampaignFactory(year=2025, is_published=True)
    draft = CampaignFactory(year=2026, is_published=False)
    users = {
        "anonymous": AnonymousUser(),
        "user": UserFactory(email="someone@example.org"),
        "editor_a": make_city_editor(city_a, email="editor@granollers.example.org"),
        "editor_b": make_city_editor(city_b, email="editor@lyon.example.org"),
        "translator": make_translator(email="translator@example.org"),
        "executive": make_executive(email="executive@example.org"),
        "staff": StaffFactory(email="staff@example.org"),
        "staff_without_mfa": StaffFactory(email="staff.without.mfa@example.org"),
    }
    # The editor of city A also edits the applied city: membership, not the role, decides.
    from educities.members.domain.roles import role_grant_city_editor

    role_grant_city_editor(user=users["editor_a"], city=applied)
    totp_activate(users["staff"])
    targets = {
        "campaign": campaign,
        "draft_campaign": draft,
        "city_a": city_a,
        "city_b": city_b,
        "applied_city": applied,
        "activity": ActivityFactory(campaign=campaign, city=city_a),
        "hidden_activity": ActivityFactory(campaign=campaign, city=city_a, status=ActivityStatus.HIDDEN),
        "cancelled_activity": ActivityFactory(
            campaign=campaign, city=city_a, status=ActivityStatus.CANCELLED
        ),
        "draft_campaign_activity": ActivityFactory(campaign=draft, city=city_a),
        None: None,
    }
    return DayWorld(targets=targets, users=users)


@pytest.mark.parametrize(("role", "permission", "target", "expected"), ROWS)
def test_permission_matrix(world, role, permission, target, expected):
    user = world.users[role]

    allowed = user.has_perm(permission, world.targets[target])

    assert allowed is expected


def test_matrix_covers_every_days_permission():
    declared = {name for name in rules.permissions.permissions if name.startswith("days.")}

    assert declared == {permission for permission, _target in MATRIX}
    assert declared == {
        "days.manage_campaign",
        "days.view_campaign",
        "days.register_activity",
        "days.view_activity",
        "days.change_activity",
        "days.moderate_activity",
    }


def test_matrix_rows_have_one_answer_per_role():
    assert {len(row) for row in MATRIX.values()} == {len(ROLES)}


def test_editor_of_city_b_may_change_city_bs_activities_only(world):
    activity_b = ActivityFactory(campaign=world.targets["campaign"], city=world.targets["city_b"])

    answers = {
        role: world.users[role].has_perm("days.change_activity", activity_b)
        for role in ("editor_a", "editor_b")
    }

    assert answers == {"editor_a": False, "editor_b": True}


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (MembershipStatus.MEMBER, True),
        (MembershipStatus.SUSPENDED, True),
        (MembershipStatus.APPLIED, False),
        (MembershipStatus.UNDER_REVIEW, False),
        (MembershipStatus.INVOICED, False),
        (MembershipStatus.PAID, False),
        (MembershipStatus.REJECTED, False),
        (MembershipStatus.WITHDRAWN, False),
    ],
)
def test_register_activity_follows_the_membership_of_the_editors_city(status, expected):
    city = CityFactory(membership_status=status)

    assert make_city_editor(city).has_perm("days.register_activity", city) is expected


def test_inactive_staff_has_no_day_permission(world):
    staff = StaffFactory(is_active=False)
    totp_activate(staff)

    assert staff.has_perm("days.manage_campaign") is False
    assert staff.has_perm("days.moderate_activity", world.targets["activity"]) is False


def test_staff_without_mfa_has_the_secretariats_powers_when_mfa_is_not_required(world, settings):
    settings.STAFF_MFA_REQUIRED = False
    staff = StaffFactory(email="relaxed@example.org")

    assert staff.has_perm("days.moderate_activity", world.targets["activity"]) is True
