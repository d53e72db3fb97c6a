"""Writing an experience: creating it and saving the city's work, step by step.

Before its first publication the city edits the experience itself. Once published, what the city
writes goes into an open ``ExperienceRevision`` (created on the first save) that staff review before
it replaces the live values; the public keeps seeing the published text meanwhile.
"""

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext as _

from educities.core.domain.audit import audit_record
from educities.core.domain.errors import DomainError
from educities.experiences.domain.common import require
from educities.experiences.domain.values import (
    experience_values,
    experience_values_apply,
    experience_values_clean,
)
from educities.experiences.enums import (
    EXPERIENCE_EDITABLE_STATES,
    EXPERIENCE_PUBLIC_STATES,
    REVISION_EDITABLE_STATES,
    REVISION_OPEN_STATES,
    ExperienceStatus,
    RevisionStatus,
)
from educities.experiences.models import Experience, ExperienceRevision
from educities.members.models import City


def experience_slug(*, title: str, city: City, taken: set[str] | None = None) -> str:
    """A unique, readable slug: the title and the city, numbered when taken.

    ``taken`` lets a bulk import check against the slugs it holds (and adds the new one to it) instead
    of asking the database for each.
    """
    base = slugify(f"{title[:70]} {city.name[:30]}", allow_unicode=False)[:100].strip("-") or "experience"

    def used(slug: str) -> bool:
        return slug in taken if taken is not None else Experience.objects.filter(slug=slug).exists()

    slug, number = base, 2
    while used(slug):
        slug = f"{base}-{number}"
        number += 1
    if taken is not None:
        taken.add(slug)
    return slug


@transaction.atomic
def experience_create(*, actor, city: City, values: Mapping[str, Any]) -> Experience:
    """A city starts an experience (a draft). ``values`` needs at least a title and its language."""
    require(actor, "experiences.add_experience", city)
    cleaned = experience_values_clean({"title": "", **values}, city_id=city.pk, partial=True)
    if not cleaned.get("original_language"):
        raise DomainError(_("Say in which language the experience is written."))
    experience = Experience(
        city=city,
        status=ExperienceStatus.DRAFT,
        created_by=actor if actor is not None and actor.is_authenticated else None,
        slug=experience_slug(title=cleaned.get("title", ""), city=city),
        original_language=cleaned["original_language"],
    )
    experience_values_apply(experience=experience, values=cleaned)
    audit_record(subject=experience, action="create", actor=actor, to_state=ExperienceStatus.DRAFT)
    return experience


def experience_open_revision(*, experience: Experience) -> ExperienceRevision | None:
    return experience.revisions.filter(status__in=REVISION_OPEN_STATES).first()


def experience_working_values(*, experience: Experience) -> dict[str, Any]:
    """What the city is editing: the open revision's values, else the experience's own."""
    revision = (
        experience_open_revision(experience=experience)
        if experience.status in EXPERIENCE_PUBLIC_STATES
        else None
    )
    return dict(revision.data) if revision is not None else experience_values(experience)


@transaction.atomic
def experience_draft_save(
    *, actor, experience: Experience, values: Mapping[str, Any]
) -> Experience | ExperienceRevision:
    """Save part or all of the values the city is writing (one step of the form, an API PATCH).

    Returns the experience (before its first publication) or the open revision (after it).
    Nothing is saved if any value is refused (``ValuesInvalid`` says why, per field).
    """
    require(actor, "experiences.change_experience", experience)
    status = Experience.objects.select_for_update().values_list("status", flat=True).get(pk=experience.pk)
    experience.status = status
    if status in EXPERIENCE_EDITABLE_STATES:
        base = experience_values(experience)
        cleaned = experience_values_clean(values, city_id=experience.city_id, partial=True, base=base)
        cleaned.pop("attachments_removed", None)
        experience_values_apply(experience=experience, values=cleaned)
        return experience
    if status not in EXPERIENCE_PUBLIC_STATES:
        raise DomainError(_("This experience is being reviewed: withdraw it from review before changing it."))
    revision = experience_open_revision(experience=experience)
    if revision is not None and revision.status not in REVISION_EDITABLE_STATES:
        raise DomainError(
            _("Your changes are being reviewed: withdraw them from review before changing them again.")
        )
    if revision is None:
        live = experience_values(experience)
        number = (experience.revisions.aggregate(top=Max("number"))["top"] or 0) + 1
        revision = ExperienceRevision(
            experience=experience,
            number=number,
            status=RevisionStatus.DRAFT,
            data=live,
            base=live,
            created_by=actor if actor is not None and actor.is_authenticated else None,
        )
    cleaned = experience_values_clean(values, city_id=experience.city_id, partial=True, base=revision.data)
    removed = cleaned.pop("attachments_removed", None)
    revision.data = {**revision.data, **cleaned}
    if removed is not None:
        live_ids = set(experience.attachments.filter(revision__isnull=True).values_list("pk", flat=True))
        revision.data["attachments_removed"] = sorted(set(removed) & live_ids)
    revision.save()
    return revision
