"""The call for proposals of a congress and its proposals: opening the call with its review process, drafts,
the one transition function (submit with the deadline and the maximum per city, review, decisions,
withdrawal), e-mails, and accepted proposals becoming sessions. Every refusal changes nothing."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from educities.congresses.domain.calls import (
    ProposalInvalid,
    call_open,
    call_update,
    proposal_save,
    proposal_session_create,
    proposal_transition,
    proposals_send_to_review,
)
from educities.congresses.enums import ProposalStatus, SessionKind
from educities.congresses.models import Call, Proposal, Session
from educities.core.domain.audit import audit_entries_for
from educities.core.domain.errors import DomainError, PermissionRefused, TransitionNotAllowed
from educities.experiences.enums import ExperienceStatus
from educities.members.enums import MembershipStatus
from educities.reviews.domain.processes import CriterionSpec
from educities.reviews.enums import ReviewPhase
from educities.reviews.models import ReviewItem, ReviewProcess
from tests.congresses.factories import EventFactory, RoomFactory, event_moment
from tests.congresses.views.test_calls_support import (
    DAY,
    make_call,
    make_proposal,
    proposal_state,
    proposal_values,
)
from tests.experiences.factories import make_experience
from tests.factories import CityFactory, StaffFactory, UserFactory, make_city_editor
from tests.reviews.factories import make_juror, set_phase

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def staff():
    return StaffFactory()


@pytest.fixture
def city():
    return CityFactory(name="Granollers")


@pytest.fixture
def editor(city):
    return make_city_editor(city, language="fr")


@pytest.fixture
def call():
    return make_call()


# --- Opening the call -------------------------------------------------------------------------------


def test_call_open_creates_the_call_with_its_review_process_and_weighted_criteria(staff):
    event = EventFactory(title="XVIII Congress")
    now = timezone.now()

    call = call_open(
        event=event, opens_at=now, closes_at=now + 30 * DAY, max_proposals_per_city=2, actor=staff
    )

    call.refresh_from_db()
    assert (call.event, call.max_proposals_per_city) == (event, 2)
    process = call.review_process
    assert process.phase == ReviewPhase.SETUP
    assert process.name == "Call for proposals: XVIII Congress"
    assert [(c.name, c.weight) for c in process.criteria.order_by("position")] == [
        ("Relevance to the theme of the congress", Decimal("2.00")),
        ("Quality and results", Decimal("2.00")),
        ("Transferability", Decimal("1.00")),
        ("Clarity", Decimal("1.00")),
    ]
    assert [entry.action for entry in audit_entries_for(subject=call)] == ["call_open"]


def test_call_open_takes_the_criteria_given(staff):
    now = timezone.now()
    criteria = [CriterionSpec(name="Originality", description="", weight=Decimal(3))]

    call = call_open(event=EventFactory(), opens_at=now, closes_at=now + DAY, criteria=criteria, actor=staff)

    assert list(call.review_process.criteria.values_list("name", "weight")) == [
        ("Originality", Decimal("3.00"))
    ]


def test_call_open_refuses_a_second_call_for_the_event(staff, call):
    processes = ReviewProcess.objects.count()
    now = timezone.now()

    with pytest.raises(DomainError) as error:
        call_open(event=call.event, opens_at=now, closes_at=now + DAY, actor=staff)

    assert error.value.message == _("This event already has a call for proposals.")
    assert Call.objects.count() == 1
    assert ReviewProcess.objects.count() == processes


def test_call_open_refuses_a_deadline_before_the_opening(staff):
    event = EventFactory()
    now = timezone.now()

    with pytest.raises(DomainError) as error:
        call_open(event=event, opens_at=now, closes_at=now - DAY, actor=staff)

    assert error.value.message == _("The deadline must be after the opening of the call.")
    assert (Call.objects.count(), ReviewProcess.objects.count()) == (0, 0)


def test_call_open_refuses_naive_moments(staff):
    naive = datetime.datetime(2030, 1, 1, 12, 0, tzinfo=datetime.UTC).replace(tzinfo=None)

    with pytest.raises(DomainError):
        call_open(event=EventFactory(), opens_at=naive, closes_at=naive + DAY, actor=staff)

    assert Call.objects.count() == 0


@pytest.mark.parametrize("maximum", [0, 51, True, "3"])
def test_call_open_refuses_an_impossible_maximum(staff, maximum):
    now = timezone.now()

    with pytest.raises(DomainError):
        call_open(
            event=EventFactory(),
            opens_at=now,
            closes_at=now + DAY,
            max_proposals_per_city=maximum,
            actor=staff,
        )

    assert Call.objects.count() == 0


def test_call_open_is_refused_to_a_city_editor(city):
    now = timezone.now()

    with pytest.raises(PermissionRefused):
        call_open(event=EventFactory(), opens_at=now, closes_at=now + DAY, actor=make_city_editor(city))

    assert Call.objects.count() == 0


def test_call_update_changes_the_deadline_and_audits(staff, call):
    new_deadline = call.closes_at + 5 * DAY

    call_update(call=call, actor=staff, closes_at=new_deadline, max_proposals_per_city=4)

    call.refresh_from_db()
    assert (call.closes_at, call.max_proposals_per_city) == (new_deadline, 4)
    assert [entry.action for entry in audit_entries_for(subject=call)] == ["call_open", "call_update"]


def test_call_update_refuses_a_deadline_before_the_opening(staff, call):
    before = (call.opens_at, call.closes_at)

    with pytest.raises(DomainError):
        call_update(call=call, actor=staff, closes_at=call.opens_at - DAY)

    call.refresh_from_db()
    assert (call.opens_at, call.closes_at) == before


# --- Drafts ----------------------------------------------------------------------------------------


def test_proposal_save_creates_a_draft_of_the_city(call, city, editor):
    proposal = proposal_save(call=call, city=city, actor=editor, **proposal_values())

    proposal.refresh_from_db()
    assert (proposal.status, proposal.city, proposal.language, proposal.title) == (
        ProposalStatus.DRAFT,
        city,
        "es",
        "El consejo de los niños",
    )
    assert proposal.summary == "Children advise the city council.\nEvery month since 2019."
    assert [entry.action for entry in audit_entries_for(subject=proposal)] == ["create"]


@pytest.mark.parametrize("language", ["it", "ca", "", None, "EN"])
def test_proposal_save_refuses_a_language_that_is_not_official(call, city, editor, language):
    with pytest.raises(ProposalInvalid) as error:
        proposal_save(call=call, city=city, actor=editor, **proposal_values(language=language))

    assert set(error.value.errors) == {"language"}
    assert Proposal.objects.count() == 0


def test_proposal_save_says_every_refused_value_at_once(call, city, editor):
    with pytest.raises(ProposalInvalid) as error:
        proposal_save(
            call=call,
            city=city,
            actor=editor,
            **proposal_values(kind="poster", title="Line\nbreak", summary="  ", language="xx"),
        )

    assert set(error.value.errors) == {"kind", "title", "summary", "language"}
    assert Proposal.objects.count() == 0


def test_proposal_save_refuses_too_many_speakers(call, city, editor):
    speakers = "\n".join(f"Speaker {n}, mayor" for n in range(21))

    with pytest.raises(ProposalInvalid) as error:
        proposal_save(call=call, city=city, actor=editor, **proposal_values(speakers=speakers))

    assert error.value.errors == {"speakers": _("Give at most %(max)d speakers.") % {"max": 20}}
    assert Proposal.objects.count() == 0


def test_proposal_save_refuses_before_the_call_opens(city, editor):
    call = make_call(state="upcoming")

    with pytest.raises(DomainError):
        proposal_save(call=call, city=city, actor=editor, **proposal_values())

    assert Proposal.objects.count() == 0


def test_proposal_save_refuses_after_the_deadline(city, editor):
    call = make_call(state="closed")

    with pytest.raises(DomainError) as error:
        proposal_save(call=call, city=city, actor=editor, **proposal_values())

    assert error.value.message.startswith("The deadline for proposals was ")
    assert "(Europe/Warsaw time)" in error.value.message
    assert Proposal.objects.count() == 0


def test_proposal_save_links_a_published_experience_of_the_city(call, city, editor):
    experience = make_experience(city=city, status=ExperienceStatus.PUBLISHED)

    proposal = proposal_save(call=call, city=city, actor=editor, experience=experience, **proposal_values())

    assert proposal.experience == experience


@pytest.mark.parametrize("whose", ["other_city", "draft"])
def test_proposal_save_refuses_an_experience_that_is_not_a_published_one_of_the_city(
    call, city, editor, whose
):
    if whose == "other_city":
        experience = make_experience(city=CityFactory(), status=ExperienceStatus.PUBLISHED)
    else:
        experience = make_experience(city=city, status=ExperienceStatus.DRAFT)

    with pytest.raises(ProposalInvalid) as error:
        proposal_save(call=call, city=city, actor=editor, experience=experience, **proposal_values())

    assert set(error.value.errors) == {"experience"}
    assert Proposal.objects.count() == 0


def test_proposal_save_is_refused_to_the_editor_of_another_city(call, city):
    with pytest.raises(PermissionRefused):
        proposal_save(call=call, city=city, actor=make_city_editor(CityFactory()), **proposal_values())

    assert Proposal.objects.count() == 0


def test_proposal_save_refuses_a_city_that_is_not_a_member(call, staff):
    city = CityFactory(membership_status=MembershipStatus.WITHDRAWN)

    with pytest.raises(DomainError):
        proposal_save(call=call, city=city, actor=staff, **proposal_values())

    assert Proposal.objects.count() == 0


def test_proposal_save_changes_a_draft(call, city, editor):
    proposal = make_proposal(call=call, city=city)

    proposal_save(call=call, city=city, actor=editor, proposal=proposal, **proposal_values(title="New title"))

    proposal.refresh_from_db()
    assert proposal.title == "New title"
    assert [entry.action for entry in audit_entries_for(subject=proposal)] == ["create", "save"]


def test_proposal_save_refuses_to_change_a_submitted_proposal(call, city, editor):
    proposal = make_proposal(call=call, city=city, status=ProposalStatus.SUBMITTED)
    before = proposal_state(proposal)

    with pytest.raises(DomainError):
        proposal_save(
            call=call, city=city, actor=editor, proposal=proposal, **proposal_values(title="Changed")
        )

    assert proposal_state(proposal) == before


# --- Submitting -------------------------------------------------------------------------------------


def test_submit_records_the_moment_and_e_mails_the_editors_in_their_language(
    call, city, editor, django_capture_on_commit_callbacks
):
    english_editor = make_city_editor(city, language="en")
    proposal = make_proposal(call=call, city=city)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        proposal_transition(proposal=proposal, step="submit", actor=editor)

    proposal.refresh_from_db()
    assert (proposal.status, proposal.submitted_by) == (ProposalStatus.SUBMITTED, editor)
    assert proposal.submitted_at is not None
    assert sorted(message.to[0] for message in mail.outbox) == sorted([editor.email, english_editor.email])
    by_address = {message.to[0]: message for message in mail.outbox}
    with translation.override("fr"):
        expected = _("%(event)s: proposal “%(title)s” — %(status)s") % {
            "event": call.event.title,
            "title": "El consejo de los niños",
            "status": str(ProposalStatus.SUBMITTED.label),
        }
    assert by_address[editor.email].subject == expected
    assert f"/fr/events/proposals/{proposal.pk}/" in by_address[editor.email].body
    assert f"/en/events/proposals/{proposal.pk}/" in by_address[english_editor.email].body


def test_submit_after_the_deadline_is_refused_and_changes_nothing(call, city, editor):
    proposal = make_proposal(call=call, city=city)
    before = proposal_state(proposal)

    late = call.closes_at + datetime.timedelta(seconds=1)
    with time_machine.travel(late, tick=False), pytest.raises(DomainError) as error:
        proposal_transition(proposal=proposal, step="submit", actor=editor)

    assert error.value.message.startswith("The deadline for proposals was ")
    assert proposal_state(proposal) == before
    assert [entry.action for entry in audit_entries_for(subject=proposal)] == ["create"]


def test_submit_one_second_before_the_deadline_is_accepted(call, city, editor):
    proposal = make_proposal(call=call, city=city)

    with time_machine.travel(call.closes_at - datetime.timedelta(seconds=1), tick=False):
        proposal_transition(proposal=proposal, step="submit", actor=editor)

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED


def test_submit_a_fourth_proposal_is_refused_and_changes_nothing(call, city, editor):
    make_proposal(call=call, city=city, status=ProposalStatus.SUBMITTED)
    make_proposal(call=call, city=city, status=ProposalStatus.IN_REVIEW)
    make_proposal(call=call, city=city, status=ProposalStatus.ACCEPTED)
    fourth = make_proposal(call=call, city=city)
    before = proposal_state(fourth)

    with pytest.raises(DomainError) as error:
        proposal_transition(proposal=fourth, step="submit", actor=editor)

    expected = _(
        "%(city)s already has %(count)d proposals to this call and may send %(max)d at most: "
        "withdraw one first."
    )
    assert error.value.message == expected % {"city": "Granollers", "count": 3, "max": 3}
    assert proposal_state(fourth) == before


def test_submit_does_not_count_drafts_withdrawn_or_rejected_proposals(call, city, editor):
    make_proposal(call=call, city=city, status=ProposalStatus.SUBMITTED)
    make_proposal(call=call, city=city, status=ProposalStatus.SUBMITTED)
    make_proposal(call=call, city=city, status=ProposalStatus.WITHDRAWN)
    make_proposal(call=call, city=city, status=ProposalStatus.REJECTED, note="Off topic.")
    make_proposal(call=call, city=city)
    third = make_proposal(call=call, city=city)

    proposal_transition(proposal=third, step="submit", actor=editor)

    third.refresh_from_db()
    assert third.status == ProposalStatus.SUBMITTED


def test_submit_counts_the_proposals_of_the_city_in_this_call_only(call, city, editor):
    for _n in range(3):
        make_proposal(call=call, city=CityFactory(), status=ProposalStatus.SUBMITTED)
    other_call = make_call()
    for _n in range(3):
        make_proposal(call=other_call, city=city, status=ProposalStatus.SUBMITTED)
    proposal = make_proposal(call=call, city=city)

    proposal_transition(proposal=proposal, step="submit", actor=editor)

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED


def test_submit_is_refused_to_the_editor_of_another_city(call, city):
    proposal = make_proposal(call=call, city=city)
    before = proposal_state(proposal)

    with pytest.raises(PermissionRefused):
        proposal_transition(proposal=proposal, step="submit", actor=make_city_editor(CityFactory()))

    assert proposal_state(proposal) == before


def test_transition_refuses_an_unknown_step(call, city, staff):
    proposal = make_proposal(call=call, city=city)

    with pytest.raises(DomainError) as error:
        proposal_transition(proposal=proposal, step="publish", actor=staff)

    assert error.value.message == _("Unknown step.")


def test_transition_refuses_a_step_from_the_wrong_state(call, city, staff):
    proposal = make_proposal(call=call, city=city)
    before = proposal_state(proposal)

    with pytest.raises(TransitionNotAllowed):
        proposal_transition(proposal=proposal, step="accept", actor=staff)

    assert proposal_state(proposal) == before


# --- Review -----------------------------------------------------------------------------------------


def test_send_to_review_adds_a_review_item_with_the_city(call, city, staff):
    proposal = make_proposal(call=call, city=city, status=ProposalStatus.SUBMITTED)

    proposal_transition(proposal=proposal, step="send_to_review", actor=staff)

    proposal.refresh_from_db()
    item = proposal.review_item
    assert proposal.status == ProposalStatus.IN_REVIEW
    assert (item.process, item.subject, item.title, item.city, item.is_active) == (
        call.review_process,
        proposal,
        "El consejo de los niños",
        city,
        True,
    )


def test_send_to_review_is_refused_to_a_city_editor(call, city, editor):
    proposal = make_proposal(call=call, city=city, status=ProposalStatus.SUBMITTED)
    before = proposal_state(proposal)

    with pytest.raises(PermissionRefused):
        proposal_transition(proposal=proposal, step="send_to_review", actor=editor)

    assert proposal_state(proposal) == before
    assert ReviewItem.objects.count() == 0


def test_send_to_review_conflicts_a_juror_of_the_same_city(call, city):
    juror = make_juror(call.review_process, city=city)
    proposal = make_proposal(call=call, city=city, status=ProposalStatus.IN_REVIEW)

    proposal.refresh_from_db()
    assert list(proposal.review_item.conflicts.values_list("reviewer", flat=True).distinct()) == [juror.pk]


def test_proposals_send_to_review_sends_every_submitted_one(call, city, staff):
    first = make_proposal(call=call, city=city, status=ProposalStatus.SUBMITTED)
    second = make_proposal(call=call, city=CityFactory(), status=ProposalStatus.SUBMITTED)
    draft = make_proposal(call=call, city=city)

    sent = proposals_send_to_review(call=call, actor=staff)

    assert sent == 2
    statuses = dict(Proposal.objects.values_list("pk", "status"))
    assert statuses == {
        first.pk: ProposalStatus.IN_REVIEW,
        second.pk: ProposalStatus.IN_REVIEW,
        draft.pk: ProposalStatus.DRAFT,
    }
    assert ReviewItem.objects.filter(process=call.review_process).count() == 2
    assert proposals_send_to_review(call=call, actor=staff) == 0


def test_proposals_send_to_review_is_refused_once_the_review_decides(call, city, staff):
    proposal = make_proposal(call=call, city=city, status=ProposalStatus.SUBMITTED)
    set_phase(call.review_process, ReviewPhase.DECISION)

    with pytest.raises(DomainError):
        proposals_send_to_review(call=call, actor=staff)

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED


def test_proposals_send_to_review_is_refused_to_a_city_editor(call, city, editor):
    make_proposal(call=call, city=city, status=ProposalStatus.SUBMITTED)

    with pytest.raises(PermissionRefused):
        proposals_send_to_review(call=call, actor=editor)

    assert ReviewItem.objects.count() == 0


# --- Decisions --------------------------------------------------------------------------------------


def test_accept_records_the_note_and_e_mails_the_city(
    call, city, editor, staff, django_capture_on_commit_callbacks
):
    proposal = make_proposal(call=call, city=city, status=ProposalStatus.IN_REVIEW)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        proposal_transition(proposal=proposal, step="accept", actor=staff, note="A session on Tuesday.")

    proposal.refresh_from_db()
    assert (proposal.status, proposal.decision_note) == (ProposalStatus.ACCEPTED, "A session on Tuesday.")
    assert proposal.decided_at is not None
    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert "A session on Tuesday." in mail.outbox[0].body


def test_reject_without_a_note_is_refused_and_changes_nothing(call, city, staff):
    proposal = make_proposal(call=call, city=city, status=ProposalStatus.IN_REVIEW)
    before = proposal_state(proposal)

    with pytest.raises(DomainError):
        proposal_transition(proposal=proposal, step="reject", actor=staff, note="   ")

    assert proposal_state(proposal) == before


def test_decisions_are_refused_to_a_city_editor(call, city, editor):
    proposal = make_proposal(call=call, city=city, status=ProposalStatus.IN_REVIEW)
    before = proposal_state(proposal)

    with pytest.raises(PermissionRefused):
        proposal_transition(proposal=proposal, step="accept", actor=editor, note="We accept ourselves.")

    assert proposal_state(proposal) == before


# --- Withdrawal -------------------------------------------------------------------------------------


def test_withdraw_in_review_deactivates_the_review_item(
    call, city, editor, django_capture_on_commit_callbacks
):
    proposal = make_proposal(call=call, city=city, status=ProposalStatus.IN_REVIEW)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        proposal_transition(proposal=proposal, step="withdraw", actor=editor)

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.WITHDRAWN
    assert proposal.review_item.is_active is False
    assert mail.outbox == []  # the city's own editors know what they did


def test_withdraw_by_the_secretariat_e_mails_the_city(
    call, city, editor, staff, django_capture_on_commit_callbacks
):
    proposal = make_proposal(call=call, city=city, status=ProposalStatus.SUBMITTED)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        proposal_transition(proposal=proposal, step="withdraw", actor=staff, note="Sent twice by mistake.")

    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert "Sent twice by mistake." in mail.outbox[0].body


def test_withdraw_an_accepted_proposal_is_refused(call, city, editor):
    proposal = make_proposal(call=call, city=city, status=ProposalStatus.ACCEPTED)
    before = proposal_state(proposal)

    with pytest.raises(TransitionNotAllowed):
        proposal_transition(proposal=proposal, step="withdraw", actor=editor)

    assert proposal_state(proposal) == before


# --- Sessions ---------------------------------------------------------------------------------------


def test_proposal_session_create_makes_a_session_with_the_speakers(call, city, staff):
    proposal = make_proposal(call=call, city=city, status=ProposalStatus.ACCEPTED)
    room = RoomFactory(event=call.event)
    starts = event_moment(call.event, day=1, hour=10)

    session = proposal_session_create(
        proposal=proposal,
        actor=staff,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1),
        room=room,
        kind=SessionKind.COMMUNICATIONS,
    )

    proposal.refresh_from_db()
    assert proposal.session == session
    assert (session.event, session.title, session.kind, session.room, session.language) == (
        call.event,
        "El consejo de los niños",
        SessionKind.COMMUNICATIONS,
        room,
        "es",
    )
    assert session.description == proposal.summary
    assert list(session.speakers.values_list("name", "organisation", "city")) == [
        ("Ana Pérez", "deputy mayor for education", city.pk),
        ("Joan Serra", "head of the children's council", city.pk),
    ]
    assert [entry.action for entry in audit_entries_for(subject=proposal)][-1] == "session_create"


def test_proposal_session_create_refuses_a_proposal_not_accepted(call, city, staff):
    proposal = make_proposal(call=call, city=city, status=ProposalStatus.IN_REVIEW)
    starts = event_moment(call.event, day=1, hour=10)

    with pytest.raises(DomainError) as error:
        proposal_session_create(
            proposal=proposal,
            actor=staff,
            starts_at=starts,
            ends_at=starts + DAY / 24,
            kind=SessionKind.WORKSHOP,
        )

    assert error.value.message == _("Only an accepted proposal can become a session.")
    assert Session.objects.count() == 0


def test_proposal_session_create_refuses_a_second_session(call, city, staff):
    proposal = make_proposal(call=call, city=city, status=ProposalStatus.ACCEPTED)
    starts = event_moment(call.event, day=0, hour=10)
    values = {"starts_at": starts, "ends_at": starts + DAY / 24, "kind": SessionKind.COMMUNICATIONS}
    proposal_session_create(proposal=proposal, actor=staff, **values)

    with pytest.raises(DomainError):
        proposal_session_create(proposal=proposal, actor=staff, **values)

    assert Session.objects.count() == 1


def test_proposal_session_create_outside_the_event_days_changes_nothing(call, city, staff):
    proposal = make_proposal(call=call, city=city, status=ProposalStatus.ACCEPTED)
    starts = event_moment(call.event, day=10, hour=10)

    with pytest.raises(DomainError):
        proposal_session_create(
            proposal=proposal,
            actor=staff,
            starts_at=starts,
            ends_at=starts + DAY / 24,
            kind=SessionKind.PLENARY,
        )

    proposal.refresh_from_db()
    assert (proposal.session, Session.objects.count()) == (None, 0)


def test_proposal_session_create_is_refused_to_a_city_editor(call, city, editor):
    proposal = make_proposal(call=call, city=city, status=ProposalStatus.ACCEPTED)
    starts = event_moment(call.event, day=0, hour=10)

    with pytest.raises(PermissionRefused):
        proposal_session_create(
            proposal=proposal,
            actor=editor,
            starts_at=starts,
            ends_at=starts + DAY / 24,
            kind=SessionKind.PLENARY,
        )

    assert Session.objects.count() == 0


def test_a_plain_user_cannot_propose(call, city):
    with pytest.raises(PermissionRefused):
        proposal_save(call=call, city=city, actor=UserFactory(), **proposal_values())

    assert Proposal.objects.count() == 0
