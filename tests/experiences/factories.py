"""Experiences for tests: built through the domain functions, so every row is as the app makes it."""

from datetime import date

from educities.experiences.domain.drafts import experience_create
from educities.experiences.domain.workflow import experience_publish, experience_submit
from educities.experiences.enums import ExperienceStatus
from educities.experiences.models import Experience
from educities.members.domain.roles import role_grant_translator
from educities.members.enums import MembershipStatus
from educities.members.models import City
from tests.factories import CityFactory, UserFactory

_counter = iter(range(1, 1_000_000))


def experience_values_complete(**overrides) -> dict:
    """Values that are enough to submit."""
    number = next(_counter)
    values = {
        "original_language": "en",
        "title": f"Children's council number {number}",
        "summary": "Children aged 8 to 12 advise the city council on public space.",
        "context": "<p>The city wanted children to take part in decisions.</p>",
        "objectives": "<p>Give children a voice.</p>",
        "actions": "<p>Twenty schools elect two delegates each; the council meets monthly.</p>",
        "results": "<p>Three playgrounds were redesigned.</p>",
        "lessons": "<p>Start small, listen, give feedback.</p>",
        "start_date": "2019-09-01",
        "themes": ["children_participation"],
        "target_groups": ["children"],
        "sdgs": ["4", "11"],
        "departments": ["education", "urban_planning"],
        "principles": [],
        "partners": [{"name": "Escola Básica", "kind": "school"}],
        "links": [{"url": "https://example.org/council", "label": "The council"}],
    }
    values.update(overrides)
    return values


def make_experience(
    *, city: City | None = None, status: str = ExperienceStatus.DRAFT, actor=None, **overrides
) -> Experience:
    """An experience of ``city`` (a member city by default) in ``status``, made through the domain."""
    city = city or CityFactory(membership_status=MembershipStatus.MEMBER)
    experience = experience_create(actor=None, city=city, values=experience_values_complete(**overrides))
    if status == ExperienceStatus.DRAFT:
        return experience
    experience_submit(experience=experience, actor=None)
    if status == ExperienceStatus.SUBMITTED:
        return experience
    if status == ExperienceStatus.PUBLISHED:
        return experience_publish(experience=experience, actor=actor)
    from educities.experiences.domain.workflow import experience_transition

    if status == ExperienceStatus.IN_REVIEW:
        return experience_transition(experience=experience, action="review_start", actor=None)
    if status in {ExperienceStatus.CHANGES_REQUESTED, ExperienceStatus.REJECTED}:
        action = "request_changes" if status == ExperienceStatus.CHANGES_REQUESTED else "reject"
        return experience_transition(experience=experience, action=action, actor=None, comment="Because.")
    if status == ExperienceStatus.ARCHIVED:
        experience_publish(experience=experience, actor=None)
        return experience_transition(experience=experience, action="archive", actor=None)
    raise ValueError(status)


def make_translator(**kwargs):
    user = UserFactory(**kwargs)
    role_grant_translator(user=user)
    return user


__all__ = ["date", "experience_values_complete", "make_experience", "make_translator"]
