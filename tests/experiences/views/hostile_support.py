"""What the hostile-input tests of the moderation and translation pages share."""

from django.urls import reverse

from educities.core.domain.audit import audit_entries_for
from educities.core.models import TextTranslation


def review_url(experience) -> str:
    return reverse("experiences:moderation_review", kwargs={"slug": experience.slug})


def translate_url(experience, language: str) -> str:
    return reverse("experiences:translate", kwargs={"slug": experience.slug, "language": language})


def snapshot(experience) -> tuple:
    """What a refused request must leave unchanged: states, focus, revisions, audit entries."""
    experience.refresh_from_db()
    revisions = list(experience.revisions.order_by("pk").values_list("status", flat=True))
    return (
        experience.status,
        experience.is_featured,
        revisions,
        audit_entries_for(subject=experience).count(),
    )


def translations_of(experience) -> list[tuple]:
    return list(
        TextTranslation.objects.filter(object_id=str(experience.pk))
        .order_by("field", "language")
        .values_list("field", "language", "provenance", "text", "reviewed")
    )
