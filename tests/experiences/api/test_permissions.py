"""Who may do what through the API: each role × each action, with the exact status code; and the
authentication header in all its forms."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from educities.accounts.domain.tokens import api_token_create, api_token_revoke
from educities.accounts.models import ApiToken
from educities.experiences.enums import ExperienceStatus
from educities.experiences.models import Experience
from tests.experiences.api.helpers import as_user, patch_json, post_json
from tests.experiences.factories import make_experience, make_translator
from tests.factories import CityFactory, StaffFactory, UserFactory, make_city_editor

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

ROLES = ("anonymous", "user", "editor_a", "editor_b", "translator", "staff")
# action → expected status per role, in the order of ROLES.
MATRIX = {
    "list": (200, 200, 200, 200, 200, 200),
    "detail_published": (200, 200, 200, 200, 200, 200),
    "detail_draft": (404, 404, 200, 404, 404, 200),
    "detail_submitted": (404, 404, 200, 404, 200, 200),
    "create_for_city_a": (401, 403, 201, 403, 403, 201),
    "patch_draft": (401, 404, 200, 404, 404, 200),
    "patch_submitted": (401, 404, 400, 404, 403, 400),
    "patch_published": (401, 403, 200, 403, 403, 200),
    "submit_draft": (401, 404, 200, 404, 404, 200),
    "submit_published_with_changes": (401, 403, 200, 403, 403, 200),
    "me_list": (401, 200, 200, 200, 200, 200),
}
CASES = [
    (action, role, expected)
    for action, statuses in MATRIX.items()
    for role, expected in zip(ROLES, statuses, strict=True)
]


@pytest.fixture
def world():
    city_a = CityFactory(slug="city-a")
    city_b = CityFactory(slug="city-b")
    users = {
        "anonymous": None,
        "user": UserFactory(),
        "editor_a": make_city_editor(city_a),
        "editor_b": make_city_editor(city_b),
        "translator": make_translator(),
        "staff": StaffFactory(),
    }
    published = make_experience(city=city_a, status="published", title="Published of A")
    # A proposed change, so that submitting the published experience has something to submit.
    patch_json(
        Client(), f"/api/v1/experiences/{published.slug}/", {"summary": "New."}, as_user(users["staff"])
    )
    return {
        "city_a": city_a,
        "users": users,
        "published": published,
        "draft": make_experience(city=city_a, title="Draft of A"),
        "submitted": make_experience(city=city_a, status="submitted", title="Submitted of A"),
    }


def _call(client: Client, action: str, world: dict, headers: dict):
    url = "/api/v1/experiences/"
    if action == "list":
        return client.get(url, **headers)
    if action.startswith("detail_"):
        return client.get(f"{url}{world[action.removeprefix('detail_')].slug}/", **headers)
    if action == "create_for_city_a":
        data = {"city": world["city_a"].pk, "title": "New one", "original_language": "en"}
        return post_json(client, url, data, headers)
    if action.startswith("patch_"):
        target = world[action.removeprefix("patch_")]
        return patch_json(client, f"{url}{target.slug}/", {"title": "Changed title"}, headers)
    if action == "submit_draft":
        return post_json(client, f"{url}{world['draft'].slug}/submit/", {}, headers)
    if action == "submit_published_with_changes":
        return post_json(client, f"{url}{world['published'].slug}/submit/", {}, headers)
    if action == "me_list":
        return client.get("/api/v1/me/experiences/", **headers)
    raise AssertionError(action)


@pytest.mark.parametrize(("action", "role", "expected"), CASES)
def test_api_permission_matrix(client, world, action, role, expected):
    headers = as_user(world["users"][role])
    before = sorted(Experience.objects.values_list("slug", "status", "title"))

    response = _call(client, action, world, headers)

    assert response.status_code == expected, response.content
    assert response["Content-Type"] == "application/json"
    if expected >= 400:
        assert sorted(Experience.objects.values_list("slug", "status", "title")) == before
    if expected == 401:
        assert response["WWW-Authenticate"] == 'Bearer realm="api"'
        assert response.json() == {"detail": "Authentication credentials were not provided."}
    if expected == 403:
        assert response.json() == {"detail": "You are not allowed to do this."}


def test_staff_without_an_authenticator_app_has_no_staff_power_through_the_api(client, world, settings):
    settings.STAFF_MFA_REQUIRED = True
    headers = as_user(world["users"]["staff"])

    detail = client.get(f"/api/v1/experiences/{world['draft'].slug}/", **headers)
    created = post_json(
        client,
        "/api/v1/experiences/",
        {"city": world["city_a"].pk, "title": "x", "original_language": "en"},
        headers,
    )

    assert detail.status_code == 404
    assert created.status_code == 403


def test_me_list_of_a_plain_user_is_empty(client, world):
    response = client.get("/api/v1/me/experiences/", **as_user(world["users"]["user"]))

    assert response.json() == {"count": 0, "next": None, "previous": None, "results": []}


# --- the Authorization header ------------------------------------------------------------------


ME = "/api/v1/me/experiences/"


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("Bearer", "Invalid token header: no token given."),
        ("Bearer a b", "Invalid token header: the token has no spaces."),
        ("Bearer edu_nope", "Invalid token."),
        ("Bearer edu_" + "x" * 43, "Invalid token."),
    ],
)
def test_malformed_or_unknown_token_is_a_401_that_says_why(client, header, message):
    response = client.get(ME, HTTP_AUTHORIZATION=header)

    assert response.status_code == 401
    assert response.json() == {"detail": message}
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'


def test_a_bad_token_is_refused_even_on_public_reads(client):
    response = client.get("/api/v1/experiences/", HTTP_AUTHORIZATION="Bearer edu_nope")

    assert response.status_code == 401


def test_other_schemes_are_not_a_way_in(client):
    user = UserFactory()

    response = client.get(ME, HTTP_AUTHORIZATION="Basic dXNlcjA6Y29ycmVjdC1ob3JzZS1iYXR0ZXJ5")

    assert response.status_code == 401
    assert user.api_tokens.count() == 0


def test_revoked_token_is_refused(client):
    user = UserFactory()
    created = api_token_create(user=user, name="script")
    api_token_revoke(token=created.token, actor=user)

    response = client.get(ME, HTTP_AUTHORIZATION=f"Bearer {created.secret}")

    assert response.status_code == 401
    assert response.json() == {"detail": "This token has been revoked."}


def test_expired_token_is_refused(client):
    created = api_token_create(
        user=UserFactory(), name="script", expires_at=timezone.now() + datetime.timedelta(days=1)
    )
    ApiToken.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))

    response = client.get(ME, HTTP_AUTHORIZATION=f"Bearer {created.secret}")

    assert response.status_code == 401
    assert response.json() == {"detail": "This token has expired."}


def test_token_use_is_noted(client):
    created = api_token_create(user=UserFactory(), name="script")

    client.get(ME, HTTP_AUTHORIZATION=f"Bearer {created.secret}")

    assert ApiToken.objects.get().last_used_at is not None


def test_another_users_token_acts_as_that_user_only(client):
    city = CityFactory()
    draft = make_experience(city=city)
    make_city_editor(city)
    stranger_token = api_token_create(user=UserFactory(), name="stranger").secret

    detail = client.get(f"/api/v1/experiences/{draft.slug}/", HTTP_AUTHORIZATION=f"Bearer {stranger_token}")
    patch = patch_json(
        client,
        f"/api/v1/experiences/{draft.slug}/",
        {"title": "Hijacked"},
        {"HTTP_AUTHORIZATION": f"Bearer {stranger_token}"},
    )

    assert detail.status_code == 404
    assert patch.status_code == 404
    draft.refresh_from_db()
    assert draft.title != "Hijacked"
    assert draft.status == ExperienceStatus.DRAFT


def test_session_writes_need_the_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["users"]["editor_a"])

    response = patch_json(client, f"/api/v1/experiences/{world['draft'].slug}/", {"title": "Changed"}, {})

    assert response.status_code == 403
    assert response.json() == {"detail": "CSRF Failed: CSRF cookie not set."}
    assert Experience.objects.get(pk=world["draft"].pk).title == "Draft of A"


def test_session_reads_work_for_the_browsable_docs(world):
    client = Client()
    client.force_login(world["users"]["editor_a"])

    response = client.get(f"/api/v1/experiences/{world['draft'].slug}/")

    assert response.status_code == 200
