"""Who may see and do what for the International Day, declared once.

``obj`` is a ``Campaign``, an ``Activity`` or (for ``days.register_activity``) the ``City`` that would
register one. Pages, the API, exports and querysets use these rules.
"""

import rules

from educities.days.enums import ActivityStatus
from educities.members.enums import MembershipStatus
from educities.members.rules import is_editor_of_city, is_secretariat


@rules.predicate
def is_published_campaign(user, campaign) -> bool:
    return campaign is not None and campaign.is_published


@rules.predicate
def is_editor_of_member_city(user, city) -> bool:
    return (
        city is not None
        and city.membership_status in {MembershipStatus.MEMBER, MembershipStatus.SUSPENDED}
        and is_editor_of_city(user, city)
    )


@rules.predicate
def is_editor_of_activity_city(user, activity) -> bool:
    return activity is not None and is_editor_of_city(user, activity.city)


@rules.predicate
def is_visible_activity(user, activity) -> bool:
    return (
        activity is not None
        and activity.status in {ActivityStatus.PUBLISHED, ActivityStatus.CANCELLED}
        and activity.campaign.is_published
    )


rules.add_perm("days.manage_campaign", is_secretariat)
rules.add_perm("days.view_campaign", is_published_campaign | is_secretariat)
rules.add_perm("days.register_activity", is_secretariat | is_editor_of_member_city)
rules.add_perm("days.view_activity", is_visible_activity | is_secretariat | is_editor_of_activity_city)
rules.add_perm("days.change_activity", is_secretariat | is_editor_of_activity_city)
rules.add_perm("days.moderate_activity", is_secretariat)
