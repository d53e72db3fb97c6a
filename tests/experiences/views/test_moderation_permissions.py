"""THE permission matrix of the moderation and translation pages: every role × every page and action,
with the exact status code, and for the steps that change something, whether it changed.

Roles: anonymous; a plain signed-in user; an editor of the experience's city; an editor of another
city; a translator; Secretariat staff. "login" is a redirect to the sign-in page; 302 is the redirect
back to the page after the step (done, or refused with a message by the domain).
"""

from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import reverse

from educities.core.domain.translations import translation_save_machine
from educities.core.models import TextTranslation
from educities.experiences.domain.workflow import experience_feature
from educities.experiences.enums import ExperienceStatus
from tests.experiences.factories import make_experience, make_translator
from tests.experiences.views.moderation_support import open_revision, staff_user
from tests.factories import CityFactory, UserFactory, make_city_editor

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

ROLES = ("anonymous", "user", "editor", "other_editor", "translator", "staff")
LOGIN = "login"


@dataclass
class World:
    city: Any
    users: dict
    experiences: dict


@pytest.fixture
def world():
    city = CityFactory(name="Rosario")
    users = {
        "anonymous": None,
        "user": UserFactory(),
        "editor": make_city_editor(city),
        "other_editor": make_city_editor(CityFactory(name="Turin")),
        "translator": make_translator(),
        "staff": staff_user(),
    }
    featured = make_experience(city=city, status=ExperienceStatus.PUBLISHED, title="Featured")
    experience_feature(experience=featured, actor=None, featured=True)
    published = make_experience(city=city, status=ExperienceStatus.PUBLISHED, title="Published")
    translation_save_machine(obj=published, field="summary", language="fr", text="Résumé", engine="deepl")
    revised = make_experience(city=city, status=ExperienceStatus.PUBLISHED, title="Revised")
    experiences = {
        "submitted": make_experience(city=city, status=ExperienceStatus.SUBMITTED, title="Submitted"),
        "published": published,
        "archived": make_experience(city=city, status=ExperienceStatus.ARCHIVED, title="Archived"),
        "featured": featured,
        "revised": revised,
    }
    open_revision(revised, title="Revised again")
    return World(city=city, users=users, experiences=experiences)


def _review(world, key) -> str:
    return reverse("experiences:moderation_review", kwargs={"slug": world.experiences[key].slug})


def _translate(world) -> str:
    return reverse(
        "experiences:translate", kwargs={"slug": world.experiences["published"].slug, "language": "fr"}
    )


def _state(world, key) -> tuple:
    experience = world.experiences[key]
    experience.refresh_from_db()
    return (
        experience.status,
        experience.is_featured,
        list(experience.revisions.values_list("status", flat=True)),
    )


def _fr(world, field) -> tuple | None:
    row = TextTranslation.objects.filter(
        object_id=str(world.experiences["published"].pk), field=field, language="fr"
    ).first()
    return None if row is None else (row.provenance, row.text, row.reviewed)


def _step(key: str, action: str, comment: str = "", revision: bool = False):
    def request(client, world):
        data = {"action": action, "comment": comment}
        if revision:
            data["revision"] = world.experiences[key].revisions.get().pk
        return client.post(_review(world, key), data)

    return request, (lambda world: _state(world, key)), (lambda world: _review(world, key))


# action: (make the request, read what it may change or None, where a done step redirects)
ACTIONS: dict[str, tuple] = {
    "moderation_queue": (lambda c, w: c.get(reverse("experiences:moderation")), None, None),
    "moderation_review": (lambda c, w: c.get(_review(w, "submitted")), None, None),
    "review_start": _step("submitted", "review_start"),
    "request_changes": _step("submitted", "request_changes", "Add the budget."),
    "publish": _step("submitted", "publish"),
    "reject": _step("submitted", "reject", "Not a practice."),
    "archive": _step("published", "archive"),
    "restore": _step("archived", "restore"),
    "feature": _step("published", "feature"),
    "unfeature": _step("featured", "unfeature"),
    "revision_review_start": _step("revised", "review_start", revision=True),
    "revision_publish": _step("revised", "publish", revision=True),
    "revision_reject": _step("revised", "reject", "No.", revision=True),
    "translation_queue": (lambda c, w: c.get(reverse("experiences:translations")), None, None),
    "translate_page": (lambda c, w: c.get(_translate(w)), None, None),
    "translation_save": (
        lambda c, w: c.post(_translate(w), {"action": "save", "field": "title", "text": "Publié"}),
        lambda w: _fr(w, "title"),
        lambda w: _translate(w) + "#field-title",
    ),
    "translation_review": (
        lambda c, w: c.post(_translate(w), {"action": "review", "field": "summary"}),
        lambda w: _fr(w, "summary"),
        lambda w: _translate(w) + "#field-summary",
    ),
    "translation_request": (
        lambda c, w: c.post(_translate(w), {"action": "request"}),
        None,
        _translate,
    ),
}

D = 302  # done: back to the page
MODERATOR_ONLY = (LOGIN, 403, 403, 403, 403, D)
# action: expected for (anonymous, user, editor, other_editor, translator, staff)
MATRIX: dict[str, tuple] = {
    "moderation_queue": (LOGIN, 403, 403, 403, 403, 200),
    "moderation_review": (LOGIN, 403, 403, 403, 403, 200),
    "review_start": MODERATOR_ONLY,
    "request_changes": MODERATOR_ONLY,
    "publish": MODERATOR_ONLY,
    "reject": MODERATOR_ONLY,
    "archive": MODERATOR_ONLY,
    "restore": MODERATOR_ONLY,
    "feature": MODERATOR_ONLY,
    "unfeature": MODERATOR_ONLY,
    "revision_review_start": MODERATOR_ONLY,
    "revision_publish": MODERATOR_ONLY,
    "revision_reject": MODERATOR_ONLY,
    "translation_queue": (LOGIN, 403, 403, 403, 200, 200),
    "translate_page": (LOGIN, 403, 200, 403, 200, 200),
    "translation_save": (LOGIN, 403, D, 403, D, D),
    "translation_review": (LOGIN, 403, 403, 403, D, D),
    "translation_request": (LOGIN, 403, D, 403, D, D),
}

CASES = [
    pytest.param(role, action, expected[index], id=f"{action}-{role}")
    for action, expected in MATRIX.items()
    for index, role in enumerate(ROLES)
]


@pytest.mark.parametrize(("role", "action", "expected"), CASES)
def test_permission_matrix(client, world, role, action, expected):
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    make_request, read_effect, done_url = ACTIONS[action]
    before = read_effect(world) if read_effect else None

    response = make_request(client, world)

    if expected == LOGIN:
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login") + "?next=")
    else:
        assert response.status_code == expected
    if expected == D:
        assert response.url == done_url(world)
    if read_effect is not None:
        changed = read_effect(world) != before
        assert changed is (expected == D)


def test_matrix_covers_every_page_and_step():
    assert set(MATRIX) == set(ACTIONS)
    assert all(len(row) == len(ROLES) for row in MATRIX.values())
