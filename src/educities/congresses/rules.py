"""Who may see and do what for congresses and meetings, declared once.

``obj`` is an ``Event``, a ``Registration``, a ``Session``, a ``Proposal``, a ``Bid`` or (for
``congresses.propose`` and ``congresses.bid``) the ``City`` acting. What a reviewer sees of a proposal
follows the review engine's rules on its review item.
"""

import rules

from educities.congresses.enums import DECIDED_BID_STATES, HOLDING_STATES, BidStatus, ProposalStatus
from educities.members.enums import MembershipStatus
from educities.members.rules import is_editor_of_city, is_executive, is_secretariat


def _event_of(obj):
    return getattr(obj, "event", obj)


@rules.predicate
def is_published_event(user, obj) -> bool:
    event = _event_of(obj)
    return event is not None and event.is_published


@rules.predicate
def is_editor_of_member_city(user, city) -> bool:
    return (
        city is not None
        and city.membership_status in {MembershipStatus.MEMBER, MembershipStatus.SUSPENDED}
        and is_editor_of_city(user, city)
    )


@rules.predicate
def is_own_registration(user, registration) -> bool:
    if registration is None or not user.is_authenticated:
        return False
    return registration.user_id == user.pk or registration.registered_by_id == user.pk


@rules.predicate
def is_editor_of_registration_city(user, registration) -> bool:
    return (
        registration is not None
        and registration.city_id is not None
        and is_editor_of_city(user, registration.city)
    )


@rules.predicate
def holds_a_place(user, registration) -> bool:
    return registration is not None and registration.status in HOLDING_STATES


@rules.predicate
def is_checked_in(user, registration) -> bool:
    return registration is not None and registration.checked_in_at is not None


@rules.predicate
def is_registered_participant(user, obj) -> bool:
    """A confirmed (or pending) participant of the event of ``obj`` (an Event or a Session)."""
    event = _event_of(obj)
    if event is None or not user.is_authenticated:
        return False
    cache = getattr(user, "_congress_registered", None)
    if cache is None:
        cache = {}
        user._congress_registered = cache
    if event.pk not in cache:
        cache[event.pk] = event.registrations.filter(user=user, status__in=HOLDING_STATES).exists()
    return cache[event.pk]


@rules.predicate
def is_editor_of_proposal_city(user, proposal) -> bool:
    return proposal is not None and is_editor_of_city(user, proposal.city)


@rules.predicate
def is_draft_proposal(user, proposal) -> bool:
    return proposal is not None and proposal.status == ProposalStatus.DRAFT


@rules.predicate
def reviewer_sees_proposal(user, proposal) -> bool:
    if proposal is None or proposal.review_item_id is None:
        return False
    return user.has_perm("reviews.view_item", proposal.review_item)


@rules.predicate
def is_editor_of_bid_city(user, bid) -> bool:
    return bid is not None and is_editor_of_city(user, bid.city)


@rules.predicate
def is_decided_bid(user, bid) -> bool:
    return bid is not None and bid.status in DECIDED_BID_STATES


@rules.predicate
def is_draft_bid(user, bid) -> bool:
    return bid is not None and bid.status == BidStatus.DRAFT


rules.add_perm("congresses.manage_event", is_secretariat)
rules.add_perm("congresses.view_event", is_published_event | is_secretariat)
rules.add_perm("congresses.register", is_published_event | is_secretariat)
rules.add_perm(
    "congresses.view_registration", is_secretariat | is_own_registration | is_editor_of_registration_city
)
rules.add_perm(
    "congresses.cancel_registration",
    (is_secretariat | is_own_registration | is_editor_of_registration_city) & ~is_checked_in,
)
rules.add_perm(
    "congresses.download_badge",
    (is_secretariat | is_own_registration | is_editor_of_registration_city) & holds_a_place,
)
rules.add_perm(
    "congresses.download_attendance",
    (is_secretariat | is_own_registration | is_editor_of_registration_city) & is_checked_in,
)
rules.add_perm("congresses.check_in", is_secretariat)
rules.add_perm("congresses.view_meeting_link", is_secretariat | is_registered_participant)
rules.add_perm("congresses.keep_agenda", is_registered_participant)
rules.add_perm("congresses.propose", is_secretariat | is_editor_of_member_city)
rules.add_perm(
    "congresses.view_proposal", is_secretariat | is_editor_of_proposal_city | reviewer_sees_proposal
)
rules.add_perm(
    "congresses.change_proposal", (is_secretariat | is_editor_of_proposal_city) & is_draft_proposal
)
rules.add_perm("congresses.withdraw_proposal", is_secretariat | is_editor_of_proposal_city)
rules.add_perm("congresses.decide_proposal", is_secretariat)
rules.add_perm("congresses.bid", is_secretariat | is_editor_of_member_city)
rules.add_perm("congresses.view_bid", is_decided_bid | is_secretariat | is_executive | is_editor_of_bid_city)
rules.add_perm("congresses.change_bid", (is_secretariat | is_editor_of_bid_city) & is_draft_bid)
rules.add_perm("congresses.download_bid_document", is_secretariat | is_executive | is_editor_of_bid_city)
rules.add_perm("congresses.decide_bid", is_executive | is_secretariat)
