"""Helpers of the tests of calls for proposals and bids (no test here): calls, proposals and bids made
through the domain, and the cast of the permission matrices.

``cast()`` gives a published event with an open call, two member cities in different countries and every
role: an anonymous visitor, a signed-in user without a city, the editors of city A and city B, a member of
the Executive Committee, a juror of the call with no tie to either city, a juror from city A (conflicted
with its proposals) and the Secretariat.
"""

import datetime
import io
from dataclasses import dataclass

import time_machine
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from educities.congresses.domain.bids import bid_save, bid_transition
from educities.congresses.domain.calls import call_open, proposal_save, proposal_transition
from educities.congresses.enums import BidStatus, ProposalKind, ProposalStatus
from educities.congresses.models import Bid, Call, Event, Proposal
from educities.members.models import City
from educities.reviews.domain.jury import assignments_bulk, reviewer_add
from educities.reviews.models import Reviewer
from tests.congresses.factories import EventFactory
from tests.factories import (
    CityFactory,
    CountryFactory,
    StaffFactory,
    UserFactory,
    make_city_editor,
    make_executive,
    make_pdf_bytes,
)

DAY = datetime.timedelta(days=1)
ROLES = ("anonymous", "user", "editor_a", "editor_b", "executive", "juror", "conflicted", "staff")


def make_call(*, event: Event | None = None, state: str = "open", **values) -> Call:
    """A call of ``event`` (a new published event by default): "open" now, "upcoming" or "closed"."""
    event = event or EventFactory()
    now = timezone.now()
    if state == "open":
        opens, closes = now - 10 * DAY, now + 20 * DAY
    elif state == "upcoming":
        opens, closes = now + 5 * DAY, now + 30 * DAY
    else:
        opens, closes = now - 40 * DAY, now - DAY
    values = {
        "opens_at": opens,
        "closes_at": closes,
        "guidelines": "Send experiences of 2024 and 2025.",
        **values,
    }
    return call_open(event=event, actor=None, **values)


def within_call(call: Call):
    """A time machine to the middle of ``call``'s window (use as a context manager)."""
    middle = call.opens_at + (call.closes_at - call.opens_at) / 2
    return time_machine.travel(middle, tick=False)


def proposal_values(**overrides) -> dict:
    return {
        "kind": ProposalKind.EXPERIENCE,
        "language": "es",
        "title": "El consejo de los niños",
        "summary": "Children advise the city council.\nEvery month since 2019.",
        "speakers": "Ana Pérez, deputy mayor for education\nJoan Serra, head of the children's council",
        **overrides,
    }


def make_proposal(
    *, call: Call, city: City, status: str = ProposalStatus.DRAFT, actor=None, note: str = "", **overrides
) -> Proposal:
    """A proposal of ``city`` to ``call`` in ``status``, driven through the domain (travelling into the call's
    window when it is not open now)."""
    now = timezone.now()
    travel = within_call(call) if not call.opens_at <= now <= call.closes_at else None
    if travel is not None:
        travel.start()
    try:
        proposal = proposal_save(call=call, city=city, actor=actor, **proposal_values(**overrides))
        if status == ProposalStatus.DRAFT:
            return proposal
        if status == ProposalStatus.WITHDRAWN:
            return proposal_transition(proposal=proposal, step="withdraw", actor=actor)
        proposal_transition(proposal=proposal, step="submit", actor=actor)
    finally:
        if travel is not None:
            travel.stop()
    if status == ProposalStatus.SUBMITTED:
        return proposal
    proposal_transition(proposal=proposal, step="send_to_review", actor=None)
    if status == ProposalStatus.IN_REVIEW:
        return proposal
    step = {ProposalStatus.ACCEPTED: "accept", ProposalStatus.REJECTED: "reject"}[status]
    return proposal_transition(proposal=proposal, step=step, actor=None, note=note or "Thank you.")


def bid_values(**overrides) -> dict:
    return {
        "congress_year": timezone.localdate().year + 4,
        "language": "fr",
        "statement": "Notre ville accueille déjà de grands congrès.\nElle a un palais des congrès.",
        "proposed_theme": "La ville qui apprend",
        "venue": "Palais des congrès",
        "proposed_dates": "12–14 novembre",
        **overrides,
    }


def make_bid(*, city: City, status: str = BidStatus.DRAFT, actor=None, **overrides) -> Bid:
    bid = bid_save(city=city, actor=actor, **bid_values(**overrides))
    if status == BidStatus.DRAFT:
        return bid
    if status == BidStatus.WITHDRAWN:
        return bid_transition(bid=bid, step="withdraw", actor=actor)
    bid_transition(bid=bid, step="submit", actor=actor)
    if status == BidStatus.SUBMITTED:
        return bid
    step = {BidStatus.ACCEPTED: "accept", BidStatus.DECLINED: "decline"}[status]
    return bid_transition(
        bid=bid,
        step=step,
        actor=None,
        note="A strong bid, well prepared.",
        meeting="Executive Committee, Lisbon",
    )


def pdf_file(name: str = "dossier.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, make_pdf_bytes("Dossier of the bid"), content_type="application/pdf")


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


@dataclass
class Cast:
    event: Event
    call: Call
    city_a: City
    city_b: City
    users: dict
    juror: Reviewer
    conflicted: Reviewer


def cast(*, call_state: str = "open") -> Cast:
    call = make_call(state=call_state)
    city_a = CityFactory(name="Granollers", country=CountryFactory(code="ES"))
    city_b = CityFactory(name="Lyon", country=CountryFactory(code="FR"))
    juror_user, conflicted_user = UserFactory(), UserFactory()
    process = call.review_process
    juror = reviewer_add(process=process, user=juror_user, country=CountryFactory(code="KR"), actor=None)
    conflicted = reviewer_add(process=process, user=conflicted_user, city=city_a, actor=None)
    users = {
        "anonymous": None,
        "user": UserFactory(),
        "editor_a": make_city_editor(city_a),
        "editor_b": make_city_editor(city_b),
        "executive": make_executive(),
        "juror": juror_user,
        "conflicted": conflicted_user,
        "staff": StaffFactory(),
    }
    return Cast(call.event, call, city_a, city_b, users, juror, conflicted)


def assign_jurors(the_cast: Cast, proposal: Proposal) -> None:
    """Assign both jurors to the proposal's review item (the conflicted one is skipped by the engine)."""
    proposal.refresh_from_db()
    assignments_bulk(
        process=the_cast.call.review_process,
        reviewers=[the_cast.juror, the_cast.conflicted],
        items=[proposal.review_item],
        actor=None,
    )


def login(client, user) -> None:
    if user is not None:
        client.force_login(user)


def flash(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def proposal_state(proposal: Proposal) -> dict:
    """Everything a step could change, read fresh from the database."""
    fresh = Proposal.objects.get(pk=proposal.pk)
    return {
        field.attname: getattr(fresh, field.attname)
        for field in Proposal._meta.concrete_fields
        if field.attname != "id"
    }


def bid_state(bid: Bid) -> dict:
    fresh = Bid.objects.get(pk=bid.pk)
    state = {field.attname: getattr(fresh, field.attname) for field in Bid._meta.concrete_fields}
    state["documents"] = sorted(fresh.documents.values_list("title", "file"))
    return state
