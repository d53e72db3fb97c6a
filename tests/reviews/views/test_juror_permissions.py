"""Who may do what on the jurors' pages and the jury API, in blind scoring and in deliberation.

Every role × every action, with the exact status code; a refused request changes nothing, an accepted
one changes what it should. An item the user may not see is 404 whoever they are (a conflicted juror
first of all); an action on a visible item the user may not take now is 403; anonymous visitors are sent
to the sign-in page (pages) or get a 401 (API).
"""

import pytest
from django.test import Client
from django.urls import reverse

from educities.reviews.enums import ReviewPhase
from tests.experiences.api.helpers import bearer
from tests.reviews.subjects_support import (
    ROLES,
    city_subject,
    db_state,
    fresh,
    item_url,
    jury_world,
    score_data,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

ACTIONS = ("home", "dashboard", "item", "score", "note", "conflict", "api_list", "api_detail")

# Expected status per phase, action and role; "changed" = the request changes the database (success).
EXPECTED = {
    ReviewPhase.BLIND: {
        #             anonymous outsider editor assigned unassigned conflicted staff
        "home": (302, 200, 200, 200, 200, 200, 200),
        "dashboard": (302, 403, 403, 200, 200, 200, 200),
        "item": (302, 404, 404, 200, 404, 404, 200),
        "score": (302, 404, 404, 302, 404, 404, 403),
        "note": (302, 404, 404, 403, 404, 404, 403),
        "conflict": (302, 404, 404, 302, 404, 404, 403),
        "api_list": (401, 200, 200, 200, 200, 200, 200),
        "api_detail": (401, 404, 404, 200, 404, 404, 200),
    },
    ReviewPhase.DELIBERATION: {
        "home": (302, 200, 200, 200, 200, 200, 200),
        "dashboard": (302, 403, 403, 200, 200, 200, 200),
        "item": (302, 404, 404, 200, 200, 404, 200),
        "score": (302, 404, 404, 302, 403, 404, 403),
        "note": (302, 404, 404, 302, 302, 404, 302),
        "conflict": (302, 404, 404, 403, 403, 404, 403),
        "api_list": (401, 200, 200, 200, 200, 200, 200),
        "api_detail": (401, 404, 404, 200, 200, 404, 200),
    },
}
WRITES = {"score", "note", "conflict"}
CASES = [
    (phase, action, role, EXPECTED[phase][action][index])
    for phase in EXPECTED
    for action in ACTIONS
    for index, role in enumerate(ROLES)
]


def _request(client: Client, world, action: str, user):
    item, process = world.item, world.process
    headers = bearer(user) if action.startswith("api") and user is not None else {}
    if user is not None and not action.startswith("api"):
        client.force_login(user)
    if action == "home":
        return client.get(reverse("jury:home"))
    if action == "dashboard":
        return client.get(reverse("jury:dashboard", args=[process.pk]))
    if action == "item":
        return client.get(item_url(item))
    if action == "score":
        return client.post(item_url(item), score_data(process, [7, 8.5, "na"], action="complete"))
    if action == "note":
        return client.post(item_url(item, "note_add"), {"body": "Strong on participation."})
    if action == "conflict":
        return client.post(item_url(item, "declare_conflict"), {"kind": "personal", "note": "My sister"})
    if action == "api_list":
        return client.get("/api/v1/jury/items/", **headers)
    return client.get(f"/api/v1/jury/items/{item.pk}/", **headers)


@pytest.mark.parametrize(("phase", "action", "role", "expected"), CASES)
def test_jury_permission_matrix(client, phase, action, role, expected):
    with city_subject():
        world = jury_world(phase)
        before = db_state(world.process)

        response = _request(client, world, action, fresh(world.user(role)))

    assert response.status_code == expected
    after = db_state(world.process)
    if action in WRITES and expected == 302 and role != "anonymous":
        assert after != before
    else:
        assert after == before
    if expected == 302 and role == "anonymous":
        assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("phase", [ReviewPhase.BLIND, ReviewPhase.DELIBERATION])
@pytest.mark.parametrize("role", ["outsider", "editor", "assigned", "unassigned", "conflicted", "staff"])
def test_jury_api_list_holds_only_visible_items(client, phase, role):
    with city_subject():
        world = jury_world(phase)
        response = client.get("/api/v1/jury/items/", **bearer(world.user(role)))

    ids = [row["id"] for row in response.json()["results"]]
    sees = role == "assigned" or (role == "unassigned" and phase == ReviewPhase.DELIBERATION)
    assert ids == ([world.item.pk] if sees else [])


@pytest.mark.parametrize("phase", [ReviewPhase.BLIND, ReviewPhase.DELIBERATION])
def test_jury_conflicted_juror_sees_nothing_of_the_item(client, phase):
    with city_subject():
        world = jury_world(phase)
        user = world.user("conflicted")
        client.force_login(user)

        dashboard = client.get(reverse("jury:dashboard", args=[world.process.pk]))
        api_list = client.get("/api/v1/jury/items/")
        pages = [
            client.get(item_url(world.item)),
            client.get(item_url(world.item, "declare_conflict")),
            client.get(f"/api/v1/jury/items/{world.item.pk}/"),
        ]

    assert dashboard.status_code == 200
    assert world.item.title not in dashboard.content.decode()
    assert "Santos" not in dashboard.content.decode()
    assert api_list.status_code == 200
    assert api_list.json()["count"] == 0
    assert world.item.pk not in [row["id"] for row in api_list.json()["results"]]
    assert [page.status_code for page in pages] == [404, 404, 404]
    assert all("Santos" not in page.content.decode() for page in pages)


def test_jury_missing_item_is_the_same_404_as_a_hidden_one(client):
    with city_subject():
        world = jury_world(ReviewPhase.BLIND)
        client.force_login(world.user("conflicted"))
        hidden = client.get(item_url(world.item))
        missing = client.get(reverse("jury:item", args=[world.item.pk + 1000]))

    assert (hidden.status_code, missing.status_code) == (404, 404)


def test_jury_unknown_process_is_404(client):
    with city_subject():
        world = jury_world(ReviewPhase.BLIND)
        client.force_login(world.user("assigned"))
        response = client.get(reverse("jury:dashboard", args=[world.process.pk + 1000]))

    assert response.status_code == 404


@pytest.mark.parametrize("phase", [ReviewPhase.DECISION, ReviewPhase.CLOSED])
def test_jury_scores_are_frozen_after_deliberation(client, phase):
    with city_subject():
        world = jury_world(phase)
        client.force_login(world.user("assigned"))
        before = db_state(world.process)
        page = client.get(item_url(world.item))
        response = client.post(item_url(world.item), score_data(world.process, [7, 8, 9]))

    assert page.status_code == 200
    assert 'name="version"' not in page.content.decode()
    assert response.status_code == 403
    assert db_state(world.process) == before
