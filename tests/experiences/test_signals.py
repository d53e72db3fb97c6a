import pytest
from django.db import transaction

from educities.core.domain.translations import translation_save_machine
from educities.experiences.enums import ExperienceStatus
from tests.experiences.factories import make_experience

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_translations_saved_together_reindex_the_experience_once(django_capture_on_commit_callbacks):
    experience = make_experience(status=ExperienceStatus.PUBLISHED)
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        for field in ("title", "summary"):
            for language in ("fr", "es"):
                translation_save_machine(
                    obj=experience, field=field, language=language, text=f"{field} {language}", engine="deepl"
                )
    scheduled = [getattr(callback, "experience_pk", None) for callback in callbacks]
    assert scheduled.count(experience.pk) == 1
