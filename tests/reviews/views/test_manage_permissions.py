"""THE permission matrix of the Secretariat's jury pages: every role × every page and action, with the
exact status code, and for the actions that change something, whether the process changed.

Roles: anonymous; a city editor (not a juror); a juror (assigned, not conflicted); a juror conflicted with
item "a"; the Secretariat. "login" is a redirect to the sign-in page; D (302) is the redirect back to the
page after the action was done.
"""

import pytest
from django.urls import reverse

from educities.reviews.enums import ConflictKind, ConflictSource, ReviewPhase
from educities.reviews.models import Assignment, Conflict
from tests.accounts.helpers import totp_activate
from tests.factories import UserFactory
from tests.reviews.factories import process_walk
from tests.reviews.views.manage_support import ROLES, login, manage_url, manage_world, state, url

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

LOGIN = "login"
D = 302


def _conflict(world, juror: str, item: str, *, pinned: bool) -> Conflict:
    return Conflict.objects.filter(
        reviewer=world.jurors[juror], item=world.items[item], is_pinned=pinned
    ).first()


def _forget_local_conflicts(world) -> None:
    # Automatic conflicts missing (as if the juror's city had been set in the admin): "refresh" adds them.
    Conflict.objects.filter(
        reviewer=world.jurors["local"], item=world.items["b"], source=ConflictSource.AUTOMATIC
    ).delete()


# action: (make the request, where a done action redirects)
ACTIONS: dict = {
    "manage_page": (lambda c, w: c.get(url(w, "manage")), None),
    "phase_change": (
        lambda c, w: c.post(url(w, "manage_phase"), {"step": "deliberate", "comment": "Read them all."}),
        lambda w: manage_url(w, "phase"),
    ),
    "criterion_add": (
        lambda c, w: c.post(
            url(w, "manage_criterion_add"),
            {"name": "Transferability", "description": "", "weight": "2", "language": "en"},
        ),
        lambda w: manage_url(w, "criteria"),
    ),
    "criterion_update": (
        lambda c, w: c.post(
            url(w, "manage_criterion_update", w.process.criteria.get(position=1).pk),
            {"name": "Relevance", "description": "Fits the theme.", "weight": "1.5"},
        ),
        lambda w: manage_url(w, f"criterion-{w.process.criteria.get(position=1).pk}"),
    ),
    "criterion_delete": (
        lambda c, w: c.post(url(w, "manage_criterion_delete", w.process.criteria.get(position=3).pk)),
        lambda w: manage_url(w, "criteria"),
    ),
    "reviewer_add": (
        lambda c, w: c.post(
            url(w, "manage_reviewer_add"),
            {"email": "NEW.JUROR@example.org", "city": "", "country": "", "organisation": "UNESCO"},
        ),
        lambda w: manage_url(w, "jurors"),
    ),
    "reviewer_remove": (
        lambda c, w: c.post(url(w, "manage_reviewer_remove", w.jurors["spare"].pk)),
        lambda w: manage_url(w, "jurors"),
    ),
    "conflict_add": (
        lambda c, w: c.post(
            url(w, "manage_conflict_add"),
            {
                "reviewer": w.jurors["spare"].pk,
                "item": w.items["c"].pk,
                "kind": ConflictKind.PERSONAL,
                "note": "Sister works there",
            },
        ),
        lambda w: manage_url(w, "conflicts"),
    ),
    "conflict_unpin": (
        lambda c, w: c.post(
            url(w, "manage_conflict_pin", _conflict(w, "conflicted", "a", pinned=True).pk), {"pinned": "0"}
        ),
        lambda w: manage_url(w, "conflicts"),
    ),
    "conflict_remove": (
        lambda c, w: c.post(
            url(w, "manage_conflict_remove", _conflict(w, "local", "b", pinned=False).pk),
            {"reason": "Moved to Lisbon last year."},
        ),
        lambda w: manage_url(w, "conflicts"),
    ),
    "conflicts_refresh": (
        lambda c, w: c.post(url(w, "manage_conflicts_refresh")),
        lambda w: manage_url(w, "conflicts"),
    ),
    "assignments_bulk": (
        lambda c, w: c.post(
            url(w, "manage_assignments_bulk"),
            {
                "pair": [
                    f"{w.items['b'].pk}:{w.jurors['juror'].pk}",
                    f"{w.items['c'].pk}:{w.jurors['spare'].pk}",
                ]
            },
        ),
        lambda w: manage_url(w, "assignments"),
    ),
    "assignments_auto": (
        lambda c, w: c.post(url(w, "manage_assignments_auto"), {"per_item": "2"}),
        lambda w: manage_url(w, "assignments"),
    ),
    "assignment_remove": (
        lambda c, w: c.post(
            url(w, "manage_assignment_remove"),
            {"assignment": Assignment.objects.get(reviewer=w.jurors["juror"], item=w.items["a"]).pk},
        ),
        lambda w: manage_url(w, "assignments"),
    ),
    "ranking_blind": (lambda c, w: c.get(url(w, "ranking")), None),
    "tie_break": (
        lambda c, w: c.post(
            url(w, "ranking_tie_break"),
            {
                "item": [w.items["b"].pk, w.items["c"].pk],
                f"rank_{w.items['b'].pk}": "2",
                f"rank_{w.items['c'].pk}": "1",
                "reason": "Turin reaches more people.",
            },
        ),
        lambda w: url(w, "ranking") + "#tie-breaks",
    ),
}

# What an action needs in the world before the request (and before the state is read).
SETUP = {"conflicts_refresh": _forget_local_conflicts}

SECRETARIAT_ONLY = (LOGIN, 403, 403, 403, D)
# action: expected for (anonymous, editor, juror, conflicted, staff)
MATRIX: dict = {
    "manage_page": (LOGIN, 403, 403, 403, 200),
    "phase_change": SECRETARIAT_ONLY,
    "criterion_add": SECRETARIAT_ONLY,
    "criterion_update": SECRETARIAT_ONLY,
    "criterion_delete": SECRETARIAT_ONLY,
    "reviewer_add": SECRETARIAT_ONLY,
    "reviewer_remove": SECRETARIAT_ONLY,
    "conflict_add": SECRETARIAT_ONLY,
    "conflict_unpin": SECRETARIAT_ONLY,
    "conflict_remove": SECRETARIAT_ONLY,
    "conflicts_refresh": SECRETARIAT_ONLY,
    "assignments_bulk": SECRETARIAT_ONLY,
    "assignments_auto": SECRETARIAT_ONLY,
    "assignment_remove": SECRETARIAT_ONLY,
    # Jurors see the ranking from the deliberation on only (test_ranking_in_deliberation_matrix).
    "ranking_blind": (LOGIN, 403, 403, 403, 200),
    "tie_break": SECRETARIAT_ONLY,
}

CASES = [
    pytest.param(role, action, expected[index], id=f"{action}-{role}")
    for action, expected in MATRIX.items()
    for index, role in enumerate(ROLES)
]


@pytest.mark.parametrize(("role", "action", "expected"), CASES)
def test_permission_matrix(client, role, action, expected):
    world = manage_world()
    UserFactory(email="new.juror@example.org")
    login(client, world.users[role])
    make_request, done_url = ACTIONS[action]
    if action in SETUP:
        SETUP[action](world)
    before = state(world.process)

    response = make_request(client, world)

    if expected == LOGIN:
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login") + "?next=")
    else:
        assert response.status_code == expected
    if expected == D:
        assert response.url == done_url(world)
    after = state(world.process)
    if done_url is not None:
        assert (after != before) is (expected == D)
    else:
        assert after == before


def test_matrix_covers_every_page_and_action():
    from educities.reviews import urls_manage

    assert set(MATRIX) == set(ACTIONS)
    assert all(len(row) == len(ROLES) for row in MATRIX.values())
    # Every URL of the Secretariat's pages is in the matrix (the ranking in two phases).
    named = {pattern.name for pattern in urls_manage.urlpatterns}
    covered = {
        "manage": "manage_page",
        "manage_phase": "phase_change",
        "manage_criterion_add": "criterion_add",
        "manage_criterion_update": "criterion_update",
        "manage_criterion_delete": "criterion_delete",
        "manage_reviewer_add": "reviewer_add",
        "manage_reviewer_remove": "reviewer_remove",
        "manage_conflict_add": "conflict_add",
        "manage_conflict_pin": "conflict_unpin",
        "manage_conflict_remove": "conflict_remove",
        "manage_conflicts_refresh": "conflicts_refresh",
        "manage_assignments_bulk": "assignments_bulk",
        "manage_assignments_auto": "assignments_auto",
        "manage_assignment_remove": "assignment_remove",
        "ranking": "ranking_blind",
        "ranking_tie_break": "tie_break",
    }
    assert named == set(covered)
    assert set(covered.values()) == set(MATRIX)


RANKING_OPEN = {
    ReviewPhase.DELIBERATION: (LOGIN, 403, 200, 200, 200),
    ReviewPhase.DECISION: (LOGIN, 403, 200, 200, 200),
    ReviewPhase.CLOSED: (LOGIN, 403, 200, 200, 200),
    ReviewPhase.SETUP: (LOGIN, 403, 403, 403, 200),
}


@pytest.mark.parametrize(
    ("phase", "role", "expected"),
    [
        pytest.param(phase, role, expected[index], id=f"{phase}-{role}")
        for phase, expected in RANKING_OPEN.items()
        for index, role in enumerate(ROLES)
    ],
)
def test_ranking_in_each_phase_matrix(client, phase, role, expected):
    world = manage_world(phase=ReviewPhase.SETUP)
    process_walk(world.process, phase)
    login(client, world.users[role])

    response = client.get(url(world, "ranking"))

    if expected == LOGIN:
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login") + "?next=")
    else:
        assert response.status_code == expected


@pytest.mark.parametrize("method", ["get", "head"])
def test_actions_refuse_get(client, method):
    world = manage_world()
    login(client, world.users["staff"])
    before = state(world.process)

    response = getattr(client, method)(url(world, "manage_phase") + "?step=deliberate")

    assert response.status_code == 405
    assert state(world.process) == before


def test_staff_without_authenticator_have_no_secretariat_power_when_it_is_required(client, settings):
    settings.STAFF_MFA_REQUIRED = True
    world = manage_world()
    login(client, world.users["staff"])
    before = state(world.process)

    page = client.get(url(world, "manage"))
    step = client.post(url(world, "manage_phase"), {"step": "deliberate"})

    assert (page.status_code, step.status_code) == (403, 403)
    assert state(world.process) == before


def test_staff_with_authenticator_manage_when_it_is_required(client, settings):
    settings.STAFF_MFA_REQUIRED = True
    world = manage_world()
    totp_activate(world.users["staff"])
    login(client, world.users["staff"])

    response = client.get(url(world, "manage"))

    assert response.status_code == 200


def test_unknown_process_is_404_for_staff_and_login_for_anonymous(client):
    world = manage_world()
    missing = world.process.pk + 1000

    anonymous = client.get(reverse("jury:manage", args=[missing]))
    login(client, world.users["staff"])
    staff = client.get(reverse("jury:manage", args=[missing]))
    ranking = client.get(reverse("jury:ranking", args=[missing]))

    assert anonymous.status_code == 302
    assert (staff.status_code, ranking.status_code) == (404, 404)


def test_juror_of_another_process_cannot_see_this_ranking(client):
    world = manage_world(phase=ReviewPhase.DELIBERATION)
    other = manage_world(phase=ReviewPhase.DELIBERATION)
    login(client, other.users["juror"])

    response = client.get(url(world, "ranking"))

    assert response.status_code == 403
