"""Selectors of the REST API of the bank of experiences.

Each returns its rows with every relation the API shows already loaded, so a list costs the same number
of queries whatever its length.
"""

from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, QuerySet

from educities.core.models import TextTranslation
from educities.experiences.domain.queries import experience_public_detail, experiences_public
from educities.experiences.domain.queries_editor import experiences_edited_by
from educities.experiences.enums import TEXT_FIELDS
from educities.experiences.models import Experience, ExperienceAttachment, ExperienceTag


def _tags() -> Prefetch:
    return Prefetch("tags", queryset=ExperienceTag.objects.order_by("kind", "code"))


def experiences_api_by_ids(*, ids: Iterable[int]) -> list[Experience]:
    """The published experiences among ``ids``, in that order (as search ranked them), with their city,
    country, tags and Charter principles. An id that is no longer published is left out."""
    ids = [int(pk) for pk in ids]
    if not ids:
        return []
    rows = (
        experiences_public()
        .filter(pk__in=ids)
        .select_related("city__country")
        .prefetch_related(_tags(), "principles")
    )
    by_id = {experience.pk: experience for experience in rows}
    return [by_id[pk] for pk in ids if pk in by_id]


def experience_api_detail(*, slug: str) -> Experience:
    """The experience at ``slug`` in any state (the API checks ``experiences.view_experience``), with
    everything the API shows. Raises ``Experience.DoesNotExist``."""
    return experience_public_detail(slug=slug)


def experience_api_for_writing(*, slug: str) -> Experience:
    """The experience at ``slug`` with its city, for the API's writes. Raises ``Experience.DoesNotExist``."""
    return Experience.objects.select_related("city__country").get(slug=slug)


def experiences_api_mine(*, user) -> QuerySet[Experience]:
    """The experiences of every state of the cities ``user`` edits, with their open revision."""
    return experiences_edited_by(user=user)


def experience_translation_rows(*, experience: Experience) -> list[TextTranslation]:
    """Every stored text of ``experience`` (originals and translations), by field then language."""
    return list(
        TextTranslation.objects.filter(
            content_type=ContentType.objects.get_for_model(Experience),
            object_id=str(experience.pk),
            field__in=TEXT_FIELDS,
        ).order_by("field", "language")
    )


def experience_live_attachments(experience: Experience) -> list[ExperienceAttachment]:
    """The files of ``experience`` that are live (loaded by ``experience_api_detail``: no query)."""
    return list(getattr(experience, "live_attachments", []))
