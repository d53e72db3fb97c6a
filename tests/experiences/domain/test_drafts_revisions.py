import pytest

from educities.core.domain.errors import DomainError, PermissionRefused
from educities.core.domain.translations_queries import translated_text
from educities.experiences.domain.drafts import (
    experience_create,
    experience_draft_save,
    experience_working_values,
)
from educities.experiences.domain.translations import experience_translation_save
from educities.experiences.domain.workflow import revision_publish, revision_submit
from educities.experiences.enums import ExperienceStatus, RevisionStatus
from educities.experiences.models import ExperienceRevision
from educities.members.enums import MembershipStatus
from tests.experiences.factories import make_experience, make_translator
from tests.factories import CityFactory, UserFactory, make_city_editor

pytestmark = pytest.mark.django_db


def test_experience_create_by_editor_of_member_city_makes_a_draft():
    city = CityFactory(membership_status=MembershipStatus.MEMBER)
    editor = make_city_editor(city)
    experience = experience_create(
        actor=editor, city=city, values={"title": "Camins escolars", "original_language": "ca"}
    )
    assert (experience.status, experience.original_language, experience.slug) == (
        ExperienceStatus.DRAFT,
        "ca",
        f"camins-escolars-{city.slug}"[:100],
    )


def test_experience_create_refused_for_editor_of_another_city():
    city = CityFactory(membership_status=MembershipStatus.MEMBER)
    stranger = make_city_editor(CityFactory(membership_status=MembershipStatus.MEMBER))
    with pytest.raises(PermissionRefused):
        experience_create(actor=stranger, city=city, values={"title": "X", "original_language": "en"})


def test_draft_save_while_submitted_is_refused_and_changes_nothing():
    experience = make_experience(status=ExperienceStatus.SUBMITTED)
    title = experience.title
    with pytest.raises(DomainError):
        experience_draft_save(actor=None, experience=experience, values={"title": "New"})
    experience.refresh_from_db()
    assert experience.title == title


def test_editing_published_experience_opens_a_revision_and_leaves_live_text():
    experience = make_experience(status=ExperienceStatus.PUBLISHED, title="School streets")
    result = experience_draft_save(
        actor=None, experience=experience, values={"title": "Green school streets"}
    )
    experience.refresh_from_db()
    assert isinstance(result, ExperienceRevision)
    assert (result.number, result.status, experience.title) == (1, RevisionStatus.DRAFT, "School streets")
    assert experience_working_values(experience=experience)["title"] == "Green school streets"


def test_publishing_a_revision_applies_it_and_makes_translations_stale():
    experience = make_experience(status=ExperienceStatus.PUBLISHED, title="School streets")
    translator = make_translator()
    experience_translation_save(
        experience=experience, field="title", language="fr", text="Rues scolaires", actor=translator
    )
    revision = experience_draft_save(
        actor=None, experience=experience, values={"title": "Green school streets"}
    )
    revision_submit(revision=revision, actor=None)
    revision_publish(revision=revision, actor=None)
    experience.refresh_from_db()
    revision.refresh_from_db()
    french = translated_text(obj=experience, field="title", language="fr")
    assert (experience.title, revision.status) == ("Green school streets", RevisionStatus.PUBLISHED)
    assert (french.text, french.is_stale) == ("Rues scolaires", True)


def test_second_revision_is_numbered_after_the_first():
    experience = make_experience(status=ExperienceStatus.PUBLISHED)
    first = experience_draft_save(actor=None, experience=experience, values={"summary": "One."})
    revision_submit(revision=first, actor=None)
    revision_publish(revision=first, actor=None)
    second = experience_draft_save(actor=None, experience=experience, values={"summary": "Two."})
    assert (first.number, second.number) == (1, 2)


def test_plain_user_cannot_save_a_draft():
    experience = make_experience()
    with pytest.raises(PermissionRefused):
        experience_draft_save(actor=UserFactory(), experience=experience, values={"title": "Mine now"})
