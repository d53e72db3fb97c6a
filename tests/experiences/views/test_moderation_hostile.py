"""Hostile input to the moderation page: a clear message, nothing changed, never a 500."""

import pytest
from django.core import mail

from educities.experiences.enums import ExperienceStatus, RevisionStatus
from tests.experiences.factories import make_experience
from tests.experiences.views.hostile_support import review_url as _review_url
from tests.experiences.views.hostile_support import snapshot as _snapshot
from tests.experiences.views.moderation_support import messages_of, open_revision

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

NOTHING = " Nothing was changed."


# --- Moderation ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"action": "delete"}, "This step does not exist."),
        ({"action": "submit"}, "This step does not exist."),
        ({"action": "<script>alert(1)</script>"}, "This step does not exist."),
        ({}, "This field is required."),
        (
            {"action": "request_changes", "comment": "x" * 100_000},
            "Ensure this value has at most 5000 characters (it has 100000).",
        ),
        ({"action": "reject", "comment": "Because\x00"}, "Null characters are not allowed."),
        ({"action": "publish", "revision": "abc"}, "Enter a whole number."),
        ({"action": "publish", "revision": "-3"}, "Ensure this value is greater than or equal to 1."),
        ({"action": "publish", "revision": "99999999"}, "These proposed changes do not exist (any more)."),
        ({"action": "reject", "comment": ""}, "Tell the city why: a comment is required for this step."),
    ],
)
def test_moderation_hostile_post_changes_nothing(staff_client, data, message):
    experience = make_experience(status=ExperienceStatus.SUBMITTED)
    before = _snapshot(experience)

    response = staff_client.post(_review_url(experience), data)

    assert (response.status_code, response.url) == (302, _review_url(experience))
    assert messages_of(response) == [message + NOTHING]
    assert _snapshot(experience) == before
    assert mail.outbox == []


def test_moderation_revision_of_another_experience_changes_nothing(staff_client):
    experience = make_experience(status=ExperienceStatus.PUBLISHED)
    other = make_experience(status=ExperienceStatus.PUBLISHED)
    foreign = open_revision(other)
    before, other_before = _snapshot(experience), _snapshot(other)

    response = staff_client.post(_review_url(experience), {"action": "publish", "revision": foreign.pk})

    assert messages_of(response) == ["These proposed changes do not exist (any more)." + NOTHING]
    assert (_snapshot(experience), _snapshot(other)) == (before, other_before)


def test_moderation_experience_step_on_a_revision_changes_nothing(staff_client):
    experience = make_experience(status=ExperienceStatus.PUBLISHED)
    revision = open_revision(experience)
    before = _snapshot(experience)

    response = staff_client.post(_review_url(experience), {"action": "archive", "revision": revision.pk})

    assert messages_of(response) == ["This step does not exist for proposed changes." + NOTHING]
    assert _snapshot(experience) == before


def test_moderation_decided_revision_changes_nothing(staff_client):
    experience = make_experience(status=ExperienceStatus.PUBLISHED)
    revision = open_revision(experience, steps=("submit", "reject"))
    before = _snapshot(experience)

    response = staff_client.post(_review_url(experience), {"action": "publish", "revision": revision.pk})

    assert messages_of(response) == [
        "These changes cannot go from “rejected” to “published”." + NOTHING,
    ]
    assert _snapshot(experience) == before
    assert before[2] == [RevisionStatus.REJECTED]


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_moderation_other_methods_are_refused(staff_client, method):
    experience = make_experience(status=ExperienceStatus.SUBMITTED)

    response = getattr(staff_client, method)(_review_url(experience))

    assert response.status_code == 405
