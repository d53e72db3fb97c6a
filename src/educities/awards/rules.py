"""Who may see and do what in the Educating City Award, declared once.

``obj`` is an ``Edition``, an ``Application`` or (for ``awards.apply``) the ``City`` that would apply.
What a juror sees of an application follows the review engine's rules on its review item.
"""

import rules

from educities.awards.enums import CERTIFICATE_STATES, ApplicationStatus
from educities.members.enums import MembershipStatus
from educities.members.rules import is_editor_of_city, is_secretariat


@rules.predicate
def is_published_edition(user, edition) -> bool:
    return edition is not None and edition.is_published


@rules.predicate
def is_editor_of_member_city(user, city) -> bool:
    return (
        city is not None
        and city.membership_status in {MembershipStatus.MEMBER, MembershipStatus.SUSPENDED}
        and is_editor_of_city(user, city)
    )


@rules.predicate
def is_editor_of_application_city(user, application) -> bool:
    return application is not None and is_editor_of_city(user, application.city)


@rules.predicate
def is_draft_application(user, application) -> bool:
    return application is not None and application.status == ApplicationStatus.DRAFT


@rules.predicate
def juror_sees_application(user, application) -> bool:
    if application is None or application.review_item_id is None:
        return False
    return user.has_perm("reviews.view_item", application.review_item)


@rules.predicate
def has_certificate(user, application) -> bool:
    return (
        application is not None
        and application.status in CERTIFICATE_STATES
        and application.edition.results_published_at is not None
    )


rules.add_perm("awards.manage_award", is_secretariat)
rules.add_perm("awards.view_edition", is_published_edition | is_secretariat)
rules.add_perm("awards.apply", is_secretariat | is_editor_of_member_city)
rules.add_perm(
    "awards.view_application", is_secretariat | is_editor_of_application_city | juror_sees_application
)
rules.add_perm(
    "awards.change_application", (is_secretariat | is_editor_of_application_city) & is_draft_application
)
rules.add_perm("awards.submit_application", is_secretariat | is_editor_of_application_city)
rules.add_perm("awards.withdraw_application", is_secretariat | is_editor_of_application_city)
rules.add_perm("awards.review_eligibility", is_secretariat)
rules.add_perm(
    "awards.download_letter", is_secretariat | is_editor_of_application_city | juror_sees_application
)
rules.add_perm(
    "awards.download_certificate", (is_secretariat | is_editor_of_application_city) & has_certificate
)
rules.add_perm("awards.export", is_secretariat)
