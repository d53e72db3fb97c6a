"""Selectors of the city editors' pages: their experiences, a history, the steps they may take."""

from django.db.models import Prefetch, QuerySet

from educities.core.domain.audit import audit_entries_for
from educities.experiences.enums import (
    EXPERIENCE_STEPS,
    REVISION_OPEN_STATES,
    REVISION_STEPS,
)
from educities.experiences.models import Experience, ExperienceRevision
from educities.members.enums import RoleKind

# The steps a city takes itself (moderation steps are on the moderation pages), with their permission.
EDITOR_EXPERIENCE_STEPS: dict[str, str] = {
    "submit": "experiences.submit_experience",
    "withdraw": "experiences.submit_experience",
    "revise": "experiences.submit_experience",
    "archive": "experiences.archive_experience",
}
EDITOR_REVISION_STEPS: dict[str, str] = {
    "submit": "experiences.submit_experience",
    "withdraw": "experiences.submit_experience",
    "discard": "experiences.submit_experience",
}


def _open_revisions() -> Prefetch:
    return Prefetch(
        "revisions",
        queryset=ExperienceRevision.objects.filter(status__in=REVISION_OPEN_STATES),
        to_attr="open_revisions",
    )


def experiences_edited_by(*, user) -> QuerySet[Experience]:
    """The experiences (every state) of the cities ``user`` is a city editor of, newest change first,
    with their city and open revision (``open_revisions``: a list of at most one)."""
    if not (user and user.is_authenticated):
        return Experience.objects.none()
    return (
        Experience.objects.filter(city__role_grants__user=user, city__role_grants__kind=RoleKind.CITY_EDITOR)
        .select_related("city", "city__country")
        .prefetch_related(_open_revisions())
        .order_by("city__name", "-updated_at", "-pk")
        .distinct()
    )


def experience_steps_for(*, user, experience: Experience) -> list[str]:
    """The city's own steps ``user`` may take on ``experience`` from its current state, in table order."""
    return [
        step
        for step, permission in EDITOR_EXPERIENCE_STEPS.items()
        if experience.status in EXPERIENCE_STEPS[step][0] and user.has_perm(permission, experience)
    ]


def revision_steps_for(*, user, revision: ExperienceRevision | None) -> list[str]:
    """The city's own steps ``user`` may take on the open revision (``revision_<step>`` names)."""
    if revision is None:
        return []
    return [
        f"revision_{step}"
        for step, permission in EDITOR_REVISION_STEPS.items()
        if step in REVISION_STEPS
        and revision.status in REVISION_STEPS[step][0]
        and user.has_perm(permission, revision.experience)
    ]


def experience_history(*, experience: Experience) -> list:
    """The audit entries of ``experience``, oldest first, with their actor."""
    return list(audit_entries_for(subject=experience))
