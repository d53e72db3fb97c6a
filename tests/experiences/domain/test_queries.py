"""Selectors of the public side (domain/queries.py) in the cases their pages do not reach easily."""

from datetime import date

import pytest

from educities.experiences.domain import queries
from educities.experiences.domain.queries import experience_featured_for_home
from educities.experiences.domain.workflow import experience_archive
from educities.experiences.enums import ExperienceStatus
from educities.experiences.models import Experience
from tests.experiences.factories import make_experience

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_experience_featured_for_home_archived_meanwhile_shows_none(monkeypatch):
    experience = make_experience(status=ExperienceStatus.PUBLISHED)
    Experience.objects.filter(pk=experience.pk).update(is_featured=True)
    ids_read_before_the_archive = list(queries.experiences_featured())
    experience_archive(experience=experience, actor=None)
    # The list of featured ids was read just before another request archived the experience.
    monkeypatch.setattr(
        queries,
        "experiences_featured",
        lambda: Experience.objects.filter(pk__in=[row.pk for row in ids_read_before_the_archive]),
    )

    assert experience_featured_for_home(day=date(2025, 3, 1)) is None
