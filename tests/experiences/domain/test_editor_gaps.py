"""Domain behaviour the editor's form relies on: a title is one line, and a city can take its submitted
changes back (revision ``withdraw``) to keep editing them."""

import pytest

from educities.core.domain.errors import TransitionNotAllowed
from educities.core.models import AuditEntry
from educities.experiences.domain.drafts import experience_draft_save
from educities.experiences.domain.values import ValuesInvalid, experience_values_clean
from educities.experiences.domain.workflow import revision_review_start, revision_submit, revision_withdraw
from educities.experiences.enums import ExperienceStatus, RevisionStatus
from tests.experiences.factories import make_experience
from tests.factories import StaffFactory, make_city_editor

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.mark.parametrize("title", ["Tab\there", "Line\nbreak", "Carriage\rreturn"])
def test_values_clean_refuses_a_title_on_more_than_one_line_or_with_a_tab(title):
    with pytest.raises(ValuesInvalid) as caught:
        experience_values_clean({"title": title}, city_id=None, partial=True)

    assert list(caught.value.errors) == ["title"]


def test_values_clean_keeps_line_breaks_and_tabs_in_a_summary():
    cleaned = experience_values_clean({"summary": "One.\n\tTwo."}, city_id=None, partial=True)

    assert cleaned == {"summary": "One.\n\tTwo."}


def test_revision_withdraw_takes_submitted_changes_back_to_draft():
    experience = make_experience(status=ExperienceStatus.PUBLISHED)
    editor = make_city_editor(experience.city)
    revision = experience_draft_save(actor=editor, experience=experience, values={"summary": "New."})
    revision_submit(revision=revision, actor=editor)

    revision_withdraw(revision=revision, actor=editor)
    again = experience_draft_save(actor=editor, experience=experience, values={"summary": "Newer."})

    revision.refresh_from_db()
    assert (revision.status, again.pk, again.data["summary"]) == (RevisionStatus.DRAFT, revision.pk, "Newer.")
    entry = AuditEntry.objects.filter(action="revision_withdraw").get()
    assert (entry.from_state, entry.to_state, entry.actor) == ("submitted", "draft", editor)


def test_revision_withdraw_refused_once_the_review_started():
    experience = make_experience(status=ExperienceStatus.PUBLISHED)
    editor = make_city_editor(experience.city)
    revision = experience_draft_save(actor=editor, experience=experience, values={"summary": "New."})
    revision_submit(revision=revision, actor=editor)
    revision_review_start(revision=revision, actor=StaffFactory())

    with pytest.raises(TransitionNotAllowed):
        revision_withdraw(revision=revision, actor=editor)

    revision.refresh_from_db()
    assert revision.status == RevisionStatus.IN_REVIEW
