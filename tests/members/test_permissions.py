"""THE permission matrix of the member registry: every role × every permission of members/rules.py.

Each row of MATRIX is one permission, the object it is checked against (city A, network N or None) and
the exact expected answer for each role, in the order of ROLES. A permission added to rules.py without a
row here fails ``test_matrix_covers_every_members_permission``.

Roles (tests/members/factories_roles.py): anonymous; a plain signed-in user; the editor of city A;
the editor of city B; the coordinator of network N (city A is its coordinating city); the coordinator
of another network M; an Executive Committee member; Secretariat staff (with an authenticator app);
and Secretariat staff without an authenticator app, checked with ``STAFF_MFA_REQUIRED`` on, who must have
no Secretariat power at all (not only in the back office, which the MFA middleware guards).
"""

import pytest
import rules
from django.contrib.auth.models import AnonymousUser

from educities.members.rules import editable_city_ids
from tests.accounts.helpers import totp_activate
from tests.factories import StaffFactory
from tests.members.factories_roles import ROLES as WORLD_ROLES
from tests.members.factories_roles import make_role_world

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

T, F = True, False

ROLES = (*WORLD_ROLES, "staff_without_mfa")

# permission: (target, anonymous, user, editor_a, editor_b, coordinator_n, coordinator_m, executive, staff,
#              staff_without_mfa)
MATRIX: dict[str, tuple] = {
    # Cities
    "members.view_city_private": ("city_a", F, F, T, F, F, F, T, T, F),
    "members.change_city": ("city_a", F, F, T, F, F, F, F, T, F),
    "members.change_contacts": ("city_a", F, F, T, F, F, F, F, T, F),
    "members.view_city_fees": ("city_a", F, F, T, F, F, F, T, T, F),
    # Membership workflow
    "members.apply_membership": (None, F, T, T, T, T, T, T, T, T),
    "members.withdraw_membership": ("city_a", F, F, T, F, F, F, F, T, F),
    "members.review_membership": ("city_a", F, F, F, F, F, F, F, T, F),
    "members.manage_fees": ("city_a", F, F, F, F, F, F, F, T, F),
    "members.download_certificate": ("city_a", F, F, T, F, F, F, F, T, F),
    # Networks
    "members.create_network": (None, F, F, F, F, F, F, F, T, F),
    "members.change_network": ("network_n", F, F, F, F, T, F, F, T, F),
    # Back office and data
    "members.view_backoffice": (None, F, F, F, F, F, F, F, T, F),
    "members.view_fee_status": (None, F, F, F, F, F, F, T, T, F),
    "members.import_data": (None, F, F, F, F, F, F, F, T, F),
    "members.export_private_data": (None, F, F, F, F, F, F, F, T, F),
}

ROWS = [
    pytest.param(role, permission, row[0], row[1 + index], id=f"{role}-{permission}-{row[0]}")
    for permission, row in MATRIX.items()
    for index, role in enumerate(ROLES)
]


@pytest.fixture
def world(settings):
    settings.STAFF_MFA_REQUIRED = True
    world = make_role_world()
    totp_activate(world.users["staff"])
    world.users["staff_without_mfa"] = StaffFactory(email="staff.without.mfa@example.org")
    return world


@pytest.mark.parametrize(("role", "permission", "target", "expected"), ROWS)
def test_permission_matrix(world, role, permission, target, expected):
    user = world.users[role]

    allowed = user.has_perm(permission, world.target(target))

    assert allowed is expected


def test_matrix_covers_every_members_permission():
    declared = {name for name in rules.permissions.permissions if name.startswith("members.")}

    assert declared == set(MATRIX)


def test_matrix_rows_have_one_answer_per_role():
    assert {len(row) for row in MATRIX.values()} == {1 + len(ROLES)}


# City permissions hold for the editor's own city only: checked on city B they flip for the two editors.
@pytest.mark.parametrize(
    "permission",
    [name for name, row in MATRIX.items() if row[0] == "city_a"],
)
def test_city_permissions_on_city_b_follow_the_editor_of_city_b(world, permission):
    answers = {
        role: world.users[role].has_perm(permission, world.city_b) for role in ("editor_a", "editor_b")
    }

    assert answers == {"editor_a": False, "editor_b": MATRIX[permission][1 + ROLES.index("editor_a")]}


def test_change_network_on_network_m_is_refused_to_coordinator_of_n(world):
    answers = {
        role: world.users[role].has_perm("members.change_network", world.network_m)
        for role in ("coordinator_n", "coordinator_m")
    }

    assert answers == {"coordinator_n": False, "coordinator_m": True}


def test_city_permissions_without_a_city_are_refused_to_editors(world):
    answers = {
        role: world.users[role].has_perm("members.change_city", None)
        for role in ("editor_a", "editor_b", "staff", "staff_without_mfa")
    }

    assert answers == {"editor_a": False, "editor_b": False, "staff": True, "staff_without_mfa": False}


def test_inactive_staff_has_no_secretariat_permission():
    staff = StaffFactory(is_active=False)

    assert staff.has_perm("members.view_backoffice") is False


def test_editable_city_ids_lists_only_the_editors_cities(world):
    ids = {
        role: editable_city_ids(world.users[role]) for role in ("anonymous", "editor_a", "editor_b", "staff")
    }

    assert ids == {
        "anonymous": set(),
        "editor_a": {world.city_a.pk},
        "editor_b": {world.city_b.pk},
        "staff": set(),
    }


def test_permission_checks_cost_a_fixed_number_of_queries_per_user(world, django_assert_num_queries):
    editor = type(world.users["editor_a"]).objects.get(pk=world.users["editor_a"].pk)

    # One for the user's role grants (cached on the user), two for Django's model permissions
    # (user and group), which ModelBackend asks once when rules refuses a permission without an object.
    with django_assert_num_queries(3):
        answers = [editor.has_perm(permission, world.target(row[0])) for permission, row in MATRIX.items()]

    assert answers.count(True) == 7


def test_anonymous_user_is_never_allowed_anything_but_reading_public_pages(world):
    anonymous = AnonymousUser()

    assert [name for name, row in MATRIX.items() if anonymous.has_perm(name, world.target(row[0]))] == []
