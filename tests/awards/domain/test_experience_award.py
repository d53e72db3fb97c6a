"""``experiences.domain.awards.experience_award_set`` (written for the award; it lives in the bank)."""

import pytest

from educities.core.domain.errors import PermissionRefused
from educities.core.models import AuditEntry
from educities.core.search import SearchQuery, clear_snapshots, search_run
from educities.experiences.domain.awards import experience_award_set
from educities.experiences.domain.search import SEARCH_INDEX
from educities.experiences.enums import ExperienceStatus
from tests.experiences.factories import make_experience
from tests.factories import StaffFactory, make_city_editor

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_search():
    clear_snapshots()
    yield
    clear_snapshots()


def _award_facet() -> dict:
    results = search_run(index=SEARCH_INDEX, query=SearchQuery(facets=["award"]))
    return {value.value: value.count for value in results.facets["award"]}


def test_experience_award_set_marks_audits_and_reindexes():
    staff = StaffFactory()
    experience = make_experience(status=ExperienceStatus.PUBLISHED)
    make_experience(status=ExperienceStatus.PUBLISHED)

    experience_award_set(experience=experience, winning=True, actor=staff)

    experience.refresh_from_db()
    assert experience.is_award_winning is True
    assert _award_facet() == {"yes": 1}
    entry = AuditEntry.objects.get(action="award_set", object_id=str(experience.pk))
    assert (entry.actor, entry.from_state, entry.to_state) == (staff, "false", "true")


def test_experience_award_set_back_to_false_leaves_the_facet():
    experience = make_experience(status=ExperienceStatus.PUBLISHED)
    experience_award_set(experience=experience, winning=True, actor=None)

    experience_award_set(experience=experience, winning=False, actor=None)

    experience.refresh_from_db()
    assert experience.is_award_winning is False
    assert _award_facet() == {}


def test_experience_award_set_unchanged_writes_nothing():
    experience = make_experience(status=ExperienceStatus.PUBLISHED)

    experience_award_set(experience=experience, winning=False, actor=None)

    assert not AuditEntry.objects.filter(action__startswith="award_").exists()


def test_experience_award_set_is_refused_to_a_city_editor():
    experience = make_experience(status=ExperienceStatus.PUBLISHED)
    editor = make_city_editor(experience.city)

    with pytest.raises(PermissionRefused):
        experience_award_set(experience=experience, winning=True, actor=editor)

    experience.refresh_from_db()
    assert experience.is_award_winning is False
