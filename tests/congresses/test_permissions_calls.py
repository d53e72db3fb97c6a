"""The permission matrix of the calls for proposals and the bids: every rule × every role, declared once in
``congresses/rules.py``.

Roles (``tests/congresses/views/test_calls_support.py``): an anonymous visitor, a signed-in user without a
city, the editors of city A and city B, a member of the Executive Committee (not staff), a juror of the call
assigned to city A's proposal in review, a juror from city A (conflicted with its proposals) and the
Secretariat. Proposals and bids are city A's unless the case says otherwise.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from educities.accounts.models import User
from educities.congresses.enums import BidStatus, ProposalStatus
from tests.congresses.views.test_calls_support import ROLES, assign_jurors, cast, make_bid, make_proposal

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

EVERYONE = set(ROLES)
CITY_A = {"editor_a", "staff"}

# (rule, object) → the roles that have it
MATRIX = {
    ("congresses.propose", "city_a"): CITY_A,
    ("congresses.propose", "city_b"): {"editor_b", "staff"},
    ("congresses.view_proposal", "draft"): CITY_A,
    ("congresses.view_proposal", "in_review"): CITY_A | {"juror"},
    ("congresses.view_proposal", "in_review_unassigned"): {"editor_b", "staff"},
    ("congresses.view_proposal", "accepted"): CITY_A | {"juror"},
    ("congresses.change_proposal", "draft"): CITY_A,
    ("congresses.change_proposal", "submitted"): set(),
    ("congresses.change_proposal", "in_review"): set(),
    ("congresses.withdraw_proposal", "draft"): CITY_A,
    ("congresses.withdraw_proposal", "in_review"): CITY_A,
    ("congresses.decide_proposal", "in_review"): {"staff"},
    ("congresses.decide_proposal", "submitted"): {"staff"},
    ("congresses.bid", "city_a"): CITY_A,
    ("congresses.bid", "city_b"): {"editor_b", "staff"},
    ("congresses.view_bid", "bid_draft"): CITY_A | {"executive"},
    ("congresses.view_bid", "bid_submitted"): CITY_A | {"executive"},
    ("congresses.view_bid", "bid_withdrawn"): CITY_A | {"executive"},
    ("congresses.view_bid", "bid_accepted"): EVERYONE,
    ("congresses.view_bid", "bid_declined"): EVERYONE,
    ("congresses.change_bid", "bid_draft"): CITY_A,
    ("congresses.change_bid", "bid_submitted"): set(),
    ("congresses.change_bid", "bid_accepted"): set(),
    ("congresses.download_bid_document", "bid_draft"): CITY_A | {"executive"},
    ("congresses.download_bid_document", "bid_accepted"): CITY_A | {"executive"},
    ("congresses.decide_bid", "bid_submitted"): {"executive", "staff"},
    ("congresses.decide_bid", "bid_draft"): {"executive", "staff"},
}


def _object(the_cast, key: str):
    city_a, city_b, call = the_cast.city_a, the_cast.city_b, the_cast.call
    if key == "city_a":
        return city_a
    if key == "city_b":
        return city_b
    if key in {"draft", "submitted"}:
        return make_proposal(call=call, city=city_a, status=ProposalStatus(key))
    if key in {"in_review", "accepted"}:
        proposal = make_proposal(call=call, city=city_a, status=ProposalStatus.IN_REVIEW)
        assign_jurors(the_cast, proposal)
        if key == "accepted":
            from educities.congresses.domain.calls import proposal_transition

            proposal_transition(proposal=proposal, step="accept", actor=None, note="Welcome.")
        proposal.refresh_from_db()
        return proposal
    if key == "in_review_unassigned":
        return make_proposal(call=call, city=city_b, status=ProposalStatus.IN_REVIEW)
    if key.startswith("bid_"):
        return make_bid(city=city_a, status=BidStatus(key.removeprefix("bid_")))
    raise ValueError(key)


def _user(the_cast, role: str):
    user = the_cast.users[role]
    # A fresh object: the rules cache a user's grants and jury seat for the request.
    return AnonymousUser() if user is None else User.objects.get(pk=user.pk)


@pytest.mark.parametrize(("rule", "key"), list(MATRIX), ids=[f"{rule}-{key}" for rule, key in MATRIX])
def test_permission_matrix(rule, key):
    the_cast = cast()
    obj = _object(the_cast, key)

    granted = {role for role in ROLES if _user(the_cast, role).has_perm(rule, obj)}

    assert granted == MATRIX[(rule, key)]


def test_the_matrix_covers_every_rule_of_proposals_and_bids():
    rules = {rule for rule, _key in MATRIX}

    assert rules == {
        "congresses.propose",
        "congresses.view_proposal",
        "congresses.change_proposal",
        "congresses.withdraw_proposal",
        "congresses.decide_proposal",
        "congresses.bid",
        "congresses.view_bid",
        "congresses.change_bid",
        "congresses.download_bid_document",
        "congresses.decide_bid",
    }
