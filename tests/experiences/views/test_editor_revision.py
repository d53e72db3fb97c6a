"""Changing a published experience through the same form: the changes wait in a revision, the live
version stays until the Secretariat publishes them."""

import pytest
from django.urls import reverse
from django.utils import translation

from educities.experiences.domain.drafts import experience_open_revision
from educities.experiences.domain.workflow import revision_publish, revision_transition
from educities.experiences.enums import ExperienceStatus, RevisionStatus
from educities.experiences.models import Experience, ExperienceRevision
from tests.experiences.factories import make_experience
from tests.experiences.views.helpers import flash, login, state
from tests.factories import StaffFactory, make_city_editor

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _edit(experience, step):
    return reverse("experiences:edit", kwargs={"slug": experience.slug, "step": step})


def _step(experience, action):
    return reverse("experiences:step", kwargs={"slug": experience.slug, "action": action})


def _manage(experience):
    return reverse("experiences:manage", kwargs={"slug": experience.slug})


NEW_BASICS = {
    "original_language": "en",
    "title": "New title",
    "summary": "Live summary.",
    "start_date": "2019-09-01",
}


@pytest.fixture
def published():
    return make_experience(status=ExperienceStatus.PUBLISHED, title="Live title", summary="Live summary.")


@pytest.fixture
def editor(published, client):
    user = make_city_editor(published.city)
    login(client, user)
    return user


def test_published_form_says_the_live_version_stays(client, published, editor):
    html = client.get(_edit(published, "basics")).content.decode()

    assert "Change a published experience" in html
    assert "the live version stays" in html
    assert "online, unchanged, until the Secretariat reviews and publishes your changes." in html
    # No revision yet: nothing to discard.
    assert "Discard my changes" not in html
    assert experience_open_revision(experience=published) is None


def test_saving_a_step_opens_a_revision_and_leaves_the_live_text(client, published, editor):
    response = client.post(
        _edit(published, "basics"),
        {
            "original_language": "en",
            "title": "New title",
            "summary": "New summary.",
            "start_date": "2019-09-01",
            "then": "continue",
        },
    )

    assert response.url == _edit(published, "description")
    assert flash(response) == [
        "Your changes are saved. The published version stays online until the Secretariat publishes them."
    ]
    live = Experience.objects.get(pk=published.pk)
    assert (live.status, live.title, live.summary) == (
        ExperienceStatus.PUBLISHED,
        "Live title",
        "Live summary.",
    )
    revision = experience_open_revision(experience=published)
    assert (revision.number, revision.status, revision.created_by) == (1, RevisionStatus.DRAFT, editor)
    assert (revision.data["title"], revision.data["summary"]) == ("New title", "New summary.")
    assert revision.base["title"] == "Live title"
    # The form now shows the revision's values.
    form = client.get(_edit(published, "basics")).context["form"]
    assert form.initial["title"] == "New title"


def test_review_of_a_revision_submits_it(client, published, editor, mailoutbox):
    client.post(_edit(published, "basics"), NEW_BASICS)

    review = client.get(_edit(published, "review"))
    response = client.post(_step(published, "revision_submit"), {"next": _manage(published)})

    assert [action for action, _label in review.context["actions"]] == ["revision_submit", "revision_discard"]
    assert '<h4 class="preview-title" lang="en">New title</h4>' in review.content.decode()
    assert response.url == _manage(published)
    revision = ExperienceRevision.objects.get(experience=published)
    assert revision.status == RevisionStatus.SUBMITTED
    assert Experience.objects.get(pk=published.pk).title == "Live title"
    assert flash(response) == [
        "Your changes are submitted. The published version stays online until the Secretariat publishes them."
    ]
    manage = client.get(_manage(published)).content.decode()
    assert "proposal #1: submitted" in manage
    assert "Withdraw my changes from review" in manage


def test_submitted_revision_cannot_be_edited_until_withdrawn(client, published, editor):
    client.post(_edit(published, "basics"), NEW_BASICS)
    client.post(_step(published, "revision_submit"))
    before = state(published)

    blocked = client.post(_edit(published, "basics"), {"original_language": "en", "title": "Other"})
    withdrawn = client.post(_step(published, "revision_withdraw"))
    page = client.get(_edit(published, "basics"))

    assert (blocked.status_code, blocked.url) == (302, _manage(published))
    assert flash(blocked)[-1] == (
        "Your changes are being reviewed: withdraw them from review before changing them again."
    )
    assert before["revisions"] == [(1, "submitted", before["revisions"][0][2])]
    assert flash(withdrawn)[-1] == "Your changes are back to draft: you can change them."
    assert experience_open_revision(experience=published).status == RevisionStatus.DRAFT
    assert page.status_code == 200
    assert page.context["form"].initial["title"] == "New title"


def test_discard_my_changes(client, published, editor):
    client.post(_edit(published, "basics"), NEW_BASICS)

    html = client.get(_edit(published, "basics")).content.decode()
    response = client.post(_step(published, "revision_discard"))

    assert f'action="{_step(published, "revision_discard")}"' in html
    assert "Discard my changes" in html
    assert flash(response) == ["Your changes are discarded."]
    assert experience_open_revision(experience=published) is None
    assert ExperienceRevision.objects.get(experience=published).status == RevisionStatus.DISCARDED
    assert client.get(_edit(published, "basics")).context["form"].initial["title"] == "Live title"


def test_published_revision_replaces_the_live_values(client, published, editor):
    client.post(_edit(published, "basics"), NEW_BASICS)
    client.post(_step(published, "revision_submit"))
    staff = StaffFactory()

    revision_publish(revision=experience_open_revision(experience=published), actor=staff)

    assert Experience.objects.get(pk=published.pk).title == "New title"
    manage = client.get(_manage(published))
    assert [item["label"] for item in manage.context["history"]][-2:] == [
        "changes submitted",
        "changes published",
    ]
    assert manage.context["revision"] is None


def test_changes_requested_on_a_revision_show_the_comment_and_allow_editing(client, published, editor):
    client.post(_edit(published, "basics"), NEW_BASICS)
    client.post(_step(published, "revision_submit"))
    revision = experience_open_revision(experience=published)
    revision_transition(
        revision=revision, action="request_changes", actor=StaffFactory(), comment="Shorter title."
    )

    page = client.get(_edit(published, "basics"))
    manage = client.get(_manage(published))

    assert page.status_code == 200
    assert "<blockquote>Shorter title.</blockquote>" in page.content.decode()
    assert [entry.comment for entry in manage.context["comments"]] == ["Shorter title."]
    assert [action for action, _label in manage.context["actions"]] == [
        "archive",
        "revision_submit",
        "revision_discard",
    ]


def test_mine_shows_pending_changes(client, published, editor):
    client.post(_edit(published, "basics"), NEW_BASICS)

    response = client.get(reverse("experiences:mine"))

    row = response.context["rows"][0]
    assert row["revision"].status == RevisionStatus.DRAFT
    assert [action for action, _label in row["actions"]] == ["archive", "revision_submit", "revision_discard"]
    assert "pending changes: draft" in response.content.decode()
    assert "Propose changes" in response.content.decode()
