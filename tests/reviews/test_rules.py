"""THE permission matrix of the review engine: every role × every reviews.* permission × phase.

The world: one process, one item proposed by city A. Roles: anonymous; a signed-in user who is not a
juror; the editor of city A (the item's city, not a juror); a juror assigned to the item; a juror of the
process not assigned to it; a juror conflicted with it (a declared conflict, which also took them off the
item); Secretariat staff (``STAFF_MFA_REQUIRED`` off, as in every test); and staff without an
authenticator app checked with ``STAFF_MFA_REQUIRED`` on, who have no Secretariat power at all.
Process permissions are checked on the process, item permissions on the item.
"""

from dataclasses import dataclass

import pytest
import rules
from django.contrib.auth.models import AnonymousUser

from educities.reviews.domain.items import item_deactivate
from educities.reviews.domain.jury import conflict_add
from educities.reviews.enums import ConflictKind, ReviewPhase
from tests.factories import CityFactory, StaffFactory, UserFactory, make_city_editor
from tests.reviews.factories import assign, make_item, make_juror, make_process, set_phase

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

T, F = True, False

ROLES = (
    "anonymous",
    "user",
    "city_editor",
    "juror_assigned",
    "juror_unassigned",
    "juror_conflicted",
    "staff",
    "staff_without_mfa",
)

PROCESS_PERMISSIONS = {"reviews.manage_process", "reviews.view_process"}

# phase: {permission: (one answer per role, in the order of ROLES)}
MATRIX: dict[str, dict[str, tuple[bool, ...]]] = {
    ReviewPhase.BLIND: {
        "reviews.manage_process": (F, F, F, F, F, F, T, F),
        "reviews.view_process": (F, F, F, T, T, T, T, F),
        "reviews.view_item": (F, F, F, T, F, F, T, F),
        "reviews.view_scores": (F, F, F, F, F, F, T, F),
        "reviews.score_item": (F, F, F, T, F, F, F, F),
        "reviews.add_note": (F, F, F, F, F, F, F, F),
        "reviews.declare_conflict": (F, F, F, T, T, T, F, F),
    },
    ReviewPhase.DELIBERATION: {
        "reviews.manage_process": (F, F, F, F, F, F, T, F),
        "reviews.view_process": (F, F, F, T, T, T, T, F),
        "reviews.view_item": (F, F, F, T, T, F, T, F),
        "reviews.view_scores": (F, F, F, T, T, F, T, F),
        "reviews.score_item": (F, F, F, T, F, F, F, F),
        "reviews.add_note": (F, F, F, T, T, F, T, F),
        "reviews.declare_conflict": (F, F, F, F, F, F, F, F),
    },
}

ROWS = [
    pytest.param(phase, permission, role, answers[index], id=f"{phase}-{permission}-{role}")
    for phase, permissions in MATRIX.items()
    for permission, answers in permissions.items()
    for index, role in enumerate(ROLES)
]


@dataclass
class World:
    process: object
    item: object
    users: dict

    def target(self, permission: str):
        return self.process if permission in PROCESS_PERMISSIONS else self.item


def make_world(phase: str) -> World:
    process = make_process(phase=ReviewPhase.BLIND)
    city_a = CityFactory(name="City A")
    item = make_item(process, city=city_a, title="City A's experience")
    assigned, unassigned, conflicted = make_juror(process), make_juror(process), make_juror(process)
    assign(assigned, item)
    assign(conflicted, item)
    conflict_add(reviewer=conflicted, item=item, kind=ConflictKind.PERSONAL, note="Sister", actor=None)
    set_phase(process, phase)
    users = {
        "anonymous": AnonymousUser(),
        "user": UserFactory(),
        "city_editor": make_city_editor(city_a),
        "juror_assigned": assigned.user,
        "juror_unassigned": unassigned.user,
        "juror_conflicted": conflicted.user,
        "staff": StaffFactory(),
        "staff_without_mfa": StaffFactory(),
    }
    for user in users.values():  # as a new request would: no seat cached from the set-up
        user.__dict__.pop("_educities_jury", None)
    return World(process=process, item=item, users=users)


@pytest.mark.parametrize(("phase", "permission", "role", "expected"), ROWS)
def test_permission_matrix(settings, phase, permission, role, expected):
    world = make_world(phase)
    settings.STAFF_MFA_REQUIRED = role == "staff_without_mfa"

    allowed = world.users[role].has_perm(permission, world.target(permission))

    assert allowed is expected


def test_matrix_covers_every_reviews_permission():
    declared = {name for name in rules.permissions.permissions if name.startswith("reviews.")}

    assert all(set(permissions) == declared for permissions in MATRIX.values())


def test_matrix_rows_have_one_answer_per_role():
    assert {len(answers) for permissions in MATRIX.values() for answers in permissions.values()} == {
        len(ROLES)
    }


# The other phases, for the assigned juror and the staff.


@pytest.mark.parametrize(
    ("phase", "expected"),
    [
        (
            ReviewPhase.SETUP,
            {"view_item": T, "view_scores": F, "score_item": F, "add_note": F, "declare_conflict": T},
        ),
        (
            ReviewPhase.DECISION,
            {"view_item": T, "view_scores": T, "score_item": F, "add_note": T, "declare_conflict": F},
        ),
        (
            ReviewPhase.CLOSED,
            {"view_item": T, "view_scores": T, "score_item": F, "add_note": F, "declare_conflict": F},
        ),
    ],
)
def test_assigned_juror_permissions_in_the_other_phases(phase, expected):
    world = make_world(phase)
    juror = world.users["juror_assigned"]

    answers = {name: juror.has_perm(f"reviews.{name}", world.item) for name in expected}

    assert answers == expected


def test_assigned_juror_cannot_score_a_withdrawn_item():
    world = make_world(ReviewPhase.BLIND)
    item_deactivate(item=world.item, actor=None)
    juror = world.users["juror_assigned"]

    assert (
        juror.has_perm("reviews.score_item", world.item),
        juror.has_perm("reviews.view_item", world.item),
    ) == (
        False,
        True,
    )


def test_item_permissions_without_an_item_are_refused():
    world = make_world(ReviewPhase.DELIBERATION)
    juror, staff = world.users["juror_assigned"], world.users["staff"]

    answers = {
        name: (juror.has_perm(name, None), staff.has_perm(name, None))
        for name in (
            "reviews.view_item",
            "reviews.score_item",
            "reviews.add_note",
            "reviews.declare_conflict",
        )
    }

    assert answers == {
        "reviews.view_item": (F, T),
        "reviews.score_item": (F, F),
        "reviews.add_note": (F, F),
        "reviews.declare_conflict": (F, F),
    }


def test_juror_of_another_process_has_no_permission_on_this_one():
    world = make_world(ReviewPhase.DELIBERATION)
    outsider = make_juror(make_process()).user
    outsider.__dict__.pop("_educities_jury", None)

    answers = {name: outsider.has_perm(name, world.target(name)) for name in MATRIX[ReviewPhase.DELIBERATION]}

    assert answers == dict.fromkeys(MATRIX[ReviewPhase.DELIBERATION], False)


def test_item_permissions_asked_of_a_whole_process_do_not_fail():
    process = make_process(phase=ReviewPhase.DELIBERATION)
    juror = make_juror(process)

    assert [
        juror.user.has_perm(permission, process)
        for permission in ("reviews.view_scores", "reviews.add_note", "reviews.score_item")
    ] == [True, True, False]
