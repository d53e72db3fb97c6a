"""Marking an experience as award-winning (the Educating City Award publishes its results through this)."""

from django.db import transaction
from django.utils.translation import gettext as _

from educities.core.domain.audit import audit_record
from educities.core.domain.errors import PermissionRefused
from educities.experiences.domain.search import experience_index
from educities.experiences.models import Experience


@transaction.atomic
def experience_award_set(*, experience: Experience, winning: bool, actor) -> Experience:
    """Set or clear ``is_award_winning``; the search index (its "award" facet) follows."""
    if actor is not None and not (
        actor.has_perm("awards.manage_award") or actor.has_perm("experiences.moderate_experience", experience)
    ):
        raise PermissionRefused(_("You are not allowed to do this."))
    locked = Experience.objects.select_for_update().only("is_award_winning").get(pk=experience.pk)
    winning = bool(winning)
    if locked.is_award_winning == winning:
        experience.is_award_winning = winning
        return experience
    experience.is_award_winning = winning
    experience.save(update_fields=["is_award_winning", "updated_at"])
    audit_record(
        subject=experience,
        action="award_set" if winning else "award_unset",
        actor=actor,
        from_state=str(not winning).lower(),
        to_state=str(winning).lower(),
    )
    experience_index(experience=experience)
    return experience
