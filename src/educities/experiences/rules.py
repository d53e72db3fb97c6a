"""Object-level permissions of the bank of experiences, declared once.

A predicate takes ``(user, obj)``; ``obj`` is an Experience, or the City an experience would belong to
(for ``add_experience``), or None. Views, the API, templates and the domain use these names.
"""

import rules

from educities.experiences.enums import EXPERIENCE_PUBLIC_STATES, ExperienceStatus
from educities.members.enums import MembershipStatus
from educities.members.rules import (
    is_authenticated,
    is_editor_of_city,
    is_secretariat,
    is_translator,
)


@rules.predicate
def is_public_experience(user, experience) -> bool:
    return experience is not None and experience.status in EXPERIENCE_PUBLIC_STATES


@rules.predicate
def is_editor_of_experience_city(user, experience) -> bool:
    return experience is not None and is_editor_of_city(user, experience.city)


@rules.predicate
def is_submitted_experience(user, experience) -> bool:
    # Translators work on what is published or on its way there, never on a city's private draft.
    return experience is not None and experience.status not in {
        ExperienceStatus.DRAFT,
        ExperienceStatus.REJECTED,
    }


@rules.predicate
def is_editor_of_member_city(user, city) -> bool:
    return (
        city is not None
        and city.membership_status in {MembershipStatus.MEMBER, MembershipStatus.SUSPENDED}
        and is_editor_of_city(user, city)
    )


rules.add_perm(
    "experiences.view_experience",
    is_public_experience
    | is_secretariat
    | is_editor_of_experience_city
    | (is_translator & is_submitted_experience),
)
rules.add_perm("experiences.add_experience", is_secretariat | is_editor_of_member_city)
rules.add_perm("experiences.change_experience", is_secretariat | is_editor_of_experience_city)
rules.add_perm("experiences.submit_experience", is_secretariat | is_editor_of_experience_city)
rules.add_perm("experiences.archive_experience", is_secretariat | is_editor_of_experience_city)
rules.add_perm("experiences.moderate_experience", is_secretariat)
rules.add_perm("experiences.feature_experience", is_secretariat)
rules.add_perm("experiences.view_moderation_queue", is_secretariat)
rules.add_perm(
    "experiences.translate_experience",
    is_secretariat | is_editor_of_experience_city | (is_translator & is_submitted_experience),
)
rules.add_perm("experiences.review_translation", is_secretariat | (is_translator & is_submitted_experience))
rules.add_perm("experiences.view_translation_queue", is_secretariat | is_translator)
rules.add_perm("experiences.use_api_token", is_authenticated)
