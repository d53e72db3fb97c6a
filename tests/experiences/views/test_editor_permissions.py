"""The HTTP permission matrix of the editor pages: every role × every action, with exact status codes.

Convention (as on the members editor pages): an anonymous visitor is sent to the sign-in page (302); a
signed-in user who may not act gets 403 and nothing changes; an unknown experience, step or file is 404
(looked up before the permission check). ``mine/`` is every signed-in user's own list (empty when they
edit no city). ``new/`` needs a member city the user edits (any member city for staff); posting a city
the user does not edit gives the form back with "Select a valid choice" (200) and creates nothing.
"""

import pytest
from django.urls import reverse

from educities.experiences.domain.attachments import experience_attachment_add
from educities.experiences.enums import ExperienceStatus
from educities.experiences.models import Experience, ExperienceAttachment
from tests.experiences.factories import make_experience, make_translator
from tests.experiences.views.helpers import login, pdf_file, state
from tests.factories import CityFactory, StaffFactory, UserFactory, make_city_editor

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

ROLES = ("anonymous", "user", "editor_a", "editor_b", "translator", "staff")


def _users():
    city_a, city_b = CityFactory(name="Granollers"), CityFactory(name="Lyon")
    users = {
        "anonymous": None,
        "user": UserFactory(),
        "editor_a": make_city_editor(city_a),
        "editor_b": make_city_editor(city_b),
        "translator": make_translator(),
        "staff": StaffFactory(),
    }
    return city_a, users


def _ok(allowed: set[str], status: int) -> dict[str, int]:
    return {role: 302 if role == "anonymous" else (status if role in allowed else 403) for role in ROLES}


EDITORS = {"editor_a", "staff"}
# action → (method, expected status per role, whether a success changes the experience)
MATRIX = {
    "new_get": _ok({"editor_a", "editor_b", "staff"}, 200),
    # An editor of another city posting city A gets the form back: city A is not among its choices.
    "new_post": {**_ok({"editor_a", "staff"}, 302), "editor_b": 200},
    "edit_get": _ok(EDITORS, 200),
    "edit_post": _ok(EDITORS, 302),
    "review_get": _ok(EDITORS, 200),
    "mine_get": _ok(set(ROLES), 200),
    "manage_get": _ok(EDITORS, 200),
    "step_submit": _ok(EDITORS, 302),
    "step_publish": _ok({"staff"}, 302),
    "revision_discard": _ok(EDITORS, 302),
    "attachment_add": _ok(EDITORS, 302),
    "attachment_remove": _ok(EDITORS, 302),
}
ROWS = [(role, action, expected[role]) for action, expected in MATRIX.items() for role in ROLES]


def _request(client, action, experience, city_a):
    slug = experience.slug
    if action == "new_get":
        return client.get(reverse("experiences:new"))
    if action == "new_post":
        return client.post(
            reverse("experiences:new"), {"city": city_a.pk, "original_language": "en", "title": "New"}
        )
    if action == "edit_get":
        return client.get(reverse("experiences:edit", kwargs={"slug": slug, "step": "basics"}))
    if action == "edit_post":
        return client.post(
            reverse("experiences:edit", kwargs={"slug": slug, "step": "basics"}),
            {
                "original_language": "en",
                "title": "Changed",
                "summary": "Changed.",
                "start_date": "2020-01-01",
            },
        )
    if action == "review_get":
        return client.get(reverse("experiences:edit", kwargs={"slug": slug, "step": "review"}))
    if action == "mine_get":
        return client.get(reverse("experiences:mine"))
    if action == "manage_get":
        return client.get(reverse("experiences:manage", kwargs={"slug": slug}))
    if action in {"step_submit", "step_publish", "revision_discard"}:
        name = {"step_submit": "submit", "step_publish": "publish", "revision_discard": "revision_discard"}[
            action
        ]
        return client.post(reverse("experiences:step", kwargs={"slug": slug, "action": name}))
    if action == "attachment_add":
        return client.post(
            reverse("experiences:attachment_add", kwargs={"slug": slug}),
            {"kind": "document", "title": "Report", "file": pdf_file()},
        )
    if action == "attachment_remove":
        attachment = experience.attachments.get()
        return client.post(
            reverse("experiences:attachment_remove", kwargs={"slug": slug, "pk": attachment.pk})
        )
    raise AssertionError(action)


def _experience_for(action, city_a):
    if action == "step_publish":
        return make_experience(city=city_a, status=ExperienceStatus.SUBMITTED)
    if action == "revision_discard":
        experience = make_experience(city=city_a, status=ExperienceStatus.PUBLISHED)
        from educities.experiences.domain.drafts import experience_draft_save

        experience_draft_save(actor=None, experience=experience, values={"summary": "Proposed."})
        return experience
    experience = make_experience(city=city_a)
    if action == "attachment_remove":
        experience_attachment_add(
            actor=None, experience=experience, upload=pdf_file(), kind="document", title="Old"
        )
    return experience


@pytest.mark.parametrize(("role", "action", "expected"), ROWS)
def test_editor_permission_matrix(client, role, action, expected):
    city_a, users = _users()
    experience = _experience_for(action, city_a)
    login(client, users[role])
    before = state(experience)
    experiences_before = Experience.objects.count()

    response = _request(client, action, experience, city_a)

    assert response.status_code == expected
    if role == "anonymous":
        assert response.url.startswith(reverse("account_login") + "?next=")
    if role == "anonymous" or expected == 403 or (expected == 200 and action.endswith("_post")):
        # Refused: nothing changed.
        assert state(experience) == before
        assert Experience.objects.count() == experiences_before
    if expected == 302 and role != "anonymous":
        changed = Experience.objects.count() != experiences_before or state(experience) != before
        assert changed, f"{role} {action} redirected without changing anything"


def test_editor_of_a_non_member_city_may_not_start_an_experience(client):
    from educities.members.enums import MembershipStatus

    city = CityFactory(membership_status=MembershipStatus.APPLIED)
    login(client, make_city_editor(city))

    assert client.get(reverse("experiences:new")).status_code == 403
    assert (
        client.post(
            reverse("experiences:new"), {"city": city.pk, "original_language": "en", "title": "x"}
        ).status_code
        == 403
    )


def test_unknown_experience_is_404_for_everyone_signed_in(client):
    login(client, StaffFactory())

    for url in (
        reverse("experiences:edit", kwargs={"slug": "nope", "step": "basics"}),
        reverse("experiences:manage", kwargs={"slug": "nope"}),
    ):
        assert client.get(url).status_code == 404
    assert (
        client.post(reverse("experiences:step", kwargs={"slug": "nope", "action": "submit"})).status_code
        == 404
    )
    assert (
        client.post(reverse("experiences:attachment_remove", kwargs={"slug": "nope", "pk": 1})).status_code
        == 404
    )


def test_attachment_of_another_city_cannot_be_removed_through_my_experience(client):
    mine = make_experience()
    theirs = make_experience()
    attachment = experience_attachment_add(
        actor=None, experience=theirs, upload=pdf_file(), kind="document", title="Theirs"
    )
    login(client, make_city_editor(mine.city))

    response = client.post(
        reverse("experiences:attachment_remove", kwargs={"slug": mine.slug, "pk": attachment.pk})
    )

    assert response.status_code == 404
    assert ExperienceAttachment.objects.filter(pk=attachment.pk).exists()
