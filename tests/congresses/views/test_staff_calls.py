"""The Secretariat's pages of a call for proposals: opening it (dates in the event's time zone), the
proposals with filters and the review committee's figures, sending to review, deciding, making a session.
Hostile input changes nothing and never gives a 500."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from educities.congresses.enums import ProposalStatus, SessionKind
from educities.congresses.models import Call, Proposal, Session
from educities.reviews.enums import ReviewPhase
from educities.reviews.models import ReviewItem
from tests.congresses.factories import EventFactory, RoomFactory
from tests.congresses.views.test_calls_support import cast, flash, make_call, make_proposal, proposal_state
from tests.factories import CityFactory, StaffFactory
from tests.reviews.factories import make_juror, make_review, process_walk

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def staff():
    return StaffFactory()


@pytest.fixture
def the_cast():
    return cast()


def _call_url(event) -> str:
    return reverse("events_staff:call", kwargs={"slug": event.slug})


def _proposal_url(name: str, proposal) -> str:
    return reverse(f"events_staff:{name}", kwargs={"slug": proposal.call.event.slug, "pk": proposal.pk})


# --- Opening the call ---------------------------------------------------------------------------------


def test_call_page_offers_to_open_the_call(client, staff):
    event = EventFactory()
    client.force_login(staff)

    response = client.get(_call_url(event))

    assert response.status_code == 200
    assert 'name="opens_at"' in response.content.decode()


def test_opening_the_call_reads_the_dates_in_the_event_time_zone(client, staff):
    event = EventFactory(time_zone="America/Sao_Paulo")
    client.force_login(staff)

    response = client.post(
        _call_url(event),
        {
            "opens_at": "2030-03-01T09:00",
            "closes_at": "2030-05-31T23:59",
            "max_proposals_per_city": "2",
            "guidelines": "Experiences of 2029.",
        },
    )

    assert response.status_code == 302
    call = Call.objects.get(event=event)
    zone = ZoneInfo("America/Sao_Paulo")
    assert call.opens_at == datetime.datetime(2030, 3, 1, 9, 0, tzinfo=zone)
    assert call.closes_at == datetime.datetime(2030, 5, 31, 23, 59, tzinfo=zone)
    assert call.max_proposals_per_city == 2
    assert call.review_process.criteria.count() == 4


def test_opening_the_call_refuses_a_time_the_clocks_skip(client, staff):
    event = EventFactory(time_zone="Europe/Madrid")
    client.force_login(staff)

    response = client.post(
        _call_url(event),
        {"opens_at": "2030-03-31T02:30", "closes_at": "2030-05-31T23:59", "max_proposals_per_city": "3"},
    )

    assert response.status_code == 400
    assert Call.objects.count() == 0


@pytest.mark.parametrize(
    "values",
    [
        {"opens_at": "2030-05-01T09:00", "closes_at": "2030-03-01T09:00", "max_proposals_per_city": "3"},
        {"opens_at": "not a date", "closes_at": "2030-03-01T09:00", "max_proposals_per_city": "3"},
        {
            "opens_at": "2030-03-01T09:00+02:00",
            "closes_at": "2030-05-01T09:00",
            "max_proposals_per_city": "3",
        },
        {"opens_at": "9999-03-01T09:00", "closes_at": "9999-05-01T09:00", "max_proposals_per_city": "3"},
        {"opens_at": "2030-03-01T09:00", "closes_at": "2030-05-01T09:00", "max_proposals_per_city": "0"},
        {"opens_at": "2030-03-01T09:00", "closes_at": "2030-05-01T09:00", "max_proposals_per_city": "x"},
        {},
    ],
)
def test_opening_the_call_with_bad_values_changes_nothing(client, staff, values):
    event = EventFactory()
    client.force_login(staff)

    response = client.post(_call_url(event), values)

    assert response.status_code == 400
    assert Call.objects.count() == 0


def test_call_settings_change_the_deadline(client, staff):
    call = make_call(event=EventFactory(time_zone="Europe/Warsaw"))
    client.force_login(staff)

    response = client.post(
        _call_url(call.event),
        {"opens_at": "2030-01-01T00:00", "closes_at": "2030-02-01T12:00", "max_proposals_per_city": "5"},
    )

    assert response.status_code == 302
    call.refresh_from_db()
    assert call.closes_at == datetime.datetime(2030, 2, 1, 12, 0, tzinfo=ZoneInfo("Europe/Warsaw"))
    assert call.max_proposals_per_city == 5


@pytest.mark.parametrize("role", ["editor_a", "executive", "juror", "user"])
def test_call_pages_are_refused_to_who_is_not_the_secretariat(client, the_cast, role):
    proposal = make_proposal(call=the_cast.call, city=the_cast.city_a, status=ProposalStatus.SUBMITTED)
    client.force_login(the_cast.users[role])

    assert client.get(_call_url(the_cast.event)).status_code == 403
    assert client.get(_proposal_url("proposal", proposal)).status_code == 403
    assert (
        client.post(
            reverse("events_staff:call_send_to_review", kwargs={"slug": the_cast.event.slug})
        ).status_code
        == 403
    )
    assert client.post(_proposal_url("proposal_decide", proposal), {"decision": "accept"}).status_code == 403
    assert proposal_state(proposal)["status"] == ProposalStatus.SUBMITTED


def test_call_pages_send_anonymous_visitors_to_sign_in(client, the_cast):
    response = client.get(_call_url(the_cast.event))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_call_page_of_an_unknown_event_is_404(client, staff):
    client.force_login(staff)

    assert client.get("/en/backoffice/events/no-such-event/call/").status_code == 404


# --- The proposals --------------------------------------------------------------------------------------


def test_call_page_lists_proposals_with_filters_and_leaves_drafts_out(client, the_cast):
    communication = make_proposal(
        call=the_cast.call,
        city=the_cast.city_a,
        status=ProposalStatus.SUBMITTED,
        kind="communication",
        title="Talk",
    )
    experience = make_proposal(
        call=the_cast.call,
        city=the_cast.city_b,
        status=ProposalStatus.SUBMITTED,
        language="fr",
        title="Récit",
    )
    make_proposal(call=the_cast.call, city=the_cast.city_b, title="Unfinished draft")
    client.force_login(the_cast.users["staff"])

    everything = client.get(_call_url(the_cast.event)).content.decode()
    communications = client.get(_call_url(the_cast.event), {"kind": "communication"}).content.decode()
    french = client.get(_call_url(the_cast.event), {"language": "fr"}).content.decode()
    drafts = client.get(_call_url(the_cast.event), {"status": "draft"}).content.decode()

    assert _proposal_url("proposal", communication) in everything
    assert _proposal_url("proposal", experience) in everything
    assert "Unfinished draft" not in everything
    assert ("Talk" in communications, "Récit" in communications) == (True, False)
    assert ("Talk" in french, "Récit" in french) == (False, True)
    assert "Unfinished draft" in drafts


@pytest.mark.parametrize("query", [{"status": "bogus"}, {"kind": "x" * 500}, {"language": "xx"}])
def test_call_page_with_unknown_filters_shows_everything(client, the_cast, query):
    make_proposal(call=the_cast.call, city=the_cast.city_a, status=ProposalStatus.SUBMITTED, title="Talk")
    client.force_login(the_cast.users["staff"])

    response = client.get(_call_url(the_cast.event), query)

    assert response.status_code == 200
    assert "Talk" in response.content.decode()
    assert flash(response) == ["Some filters are not valid: every proposal is shown."]


def test_call_page_shows_the_review_figures_and_the_links_to_the_review_engine(client, the_cast):
    proposal = make_proposal(call=the_cast.call, city=the_cast.city_b, status=ProposalStatus.IN_REVIEW)
    proposal.refresh_from_db()
    process = process_walk(the_cast.call.review_process, ReviewPhase.BLIND)
    make_review(proposal.review_item, the_cast.juror, values=[8, 6, 7, 9])
    client.force_login(the_cast.users["staff"])

    page = client.get(_call_url(the_cast.event)).content.decode()

    assert reverse("jury:manage", kwargs={"process_id": process.pk}) in page
    assert reverse("jury:ranking", kwargs={"process_id": process.pk}) in page
    # weighted mean of 8, 6, 7, 9 with weights 2, 2, 1, 1: 44 / 6
    assert "7.33" in page


def test_call_page_keeps_the_same_number_of_queries_with_more_proposals(
    client, the_cast, django_assert_num_queries
):
    make_proposal(call=the_cast.call, city=the_cast.city_a, status=ProposalStatus.IN_REVIEW)
    client.force_login(the_cast.users["staff"])
    client.get(_call_url(the_cast.event))
    with CaptureQueriesContext(connection) as few:
        client.get(_call_url(the_cast.event))
    for _n in range(4):
        make_proposal(call=the_cast.call, city=CityFactory(), status=ProposalStatus.IN_REVIEW)

    with django_assert_num_queries(len(few.captured_queries)):
        client.get(_call_url(the_cast.event))


def test_send_all_submitted_to_review(client, the_cast):
    first = make_proposal(call=the_cast.call, city=the_cast.city_a, status=ProposalStatus.SUBMITTED)
    second = make_proposal(call=the_cast.call, city=the_cast.city_b, status=ProposalStatus.SUBMITTED)
    client.force_login(the_cast.users["staff"])

    response = client.post(reverse("events_staff:call_send_to_review", kwargs={"slug": the_cast.event.slug}))

    assert response.status_code == 302
    assert flash(response) == ["2 submitted proposals sent to the review committee."]
    assert set(Proposal.objects.values_list("status", flat=True)) == {ProposalStatus.IN_REVIEW}
    assert set(ReviewItem.objects.values_list("object_id", flat=True)) == {first.pk, second.pk}


def test_a_conflicted_juror_gets_404_on_a_proposal_sent_to_review_from_the_call_page(client, the_cast):
    make_proposal(call=the_cast.call, city=the_cast.city_a, status=ProposalStatus.SUBMITTED)
    client.force_login(the_cast.users["staff"])
    client.post(reverse("events_staff:call_send_to_review", kwargs={"slug": the_cast.event.slug}))
    item = ReviewItem.objects.get()
    process_walk(the_cast.call.review_process, ReviewPhase.DELIBERATION)  # every juror in the clear sees it

    client.force_login(the_cast.users["conflicted"])
    conflicted = client.get(reverse("jury:item", kwargs={"item_id": item.pk}))
    client.force_login(the_cast.users["juror"])
    in_the_clear = client.get(reverse("jury:item", kwargs={"item_id": item.pk}))

    assert (conflicted.status_code, in_the_clear.status_code) == (404, 200)


# --- One proposal -------------------------------------------------------------------------------------


def test_proposal_page_shows_the_proposal_and_its_steps(client, the_cast):
    proposal = make_proposal(call=the_cast.call, city=the_cast.city_a, status=ProposalStatus.SUBMITTED)
    client.force_login(the_cast.users["staff"])

    response = client.get(_proposal_url("proposal", proposal))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Children advise the city council." in page
    assert _proposal_url("proposal_send_to_review", proposal) in page
    assert _proposal_url("proposal_decide", proposal) in page


def test_a_proposal_of_another_call_is_404_and_steps_on_it_change_nothing(client, the_cast):
    other = make_proposal(call=make_call(), city=the_cast.city_a, status=ProposalStatus.SUBMITTED)
    before = proposal_state(other)
    client.force_login(the_cast.users["staff"])
    slug = the_cast.event.slug

    page = client.get(reverse("events_staff:proposal", kwargs={"slug": slug, "pk": other.pk}))
    decide = client.post(
        reverse("events_staff:proposal_decide", kwargs={"slug": slug, "pk": other.pk}),
        {"decision": "accept", "note": ""},
    )

    assert page.status_code == 404
    assert decide.status_code == 302
    assert proposal_state(other) == before


def test_accept_from_the_proposal_page_e_mails_the_city(client, the_cast, django_capture_on_commit_callbacks):
    proposal = make_proposal(call=the_cast.call, city=the_cast.city_a, status=ProposalStatus.IN_REVIEW)
    client.force_login(the_cast.users["staff"])
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            _proposal_url("proposal_decide", proposal), {"decision": "accept", "note": "Tuesday morning."}
        )

    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decision_note) == (ProposalStatus.ACCEPTED, "Tuesday morning.")
    assert [message.to for message in mail.outbox] == [[the_cast.users["editor_a"].email]]


def test_reject_without_a_note_changes_nothing(client, the_cast):
    proposal = make_proposal(call=the_cast.call, city=the_cast.city_a, status=ProposalStatus.IN_REVIEW)
    before = proposal_state(proposal)
    client.force_login(the_cast.users["staff"])

    response = client.post(_proposal_url("proposal_decide", proposal), {"decision": "reject", "note": ""})

    assert response.status_code == 400
    assert proposal_state(proposal) == before


@pytest.mark.parametrize("decision", ["publish", "", "accept;reject"])
def test_decide_with_an_unknown_decision_changes_nothing(client, the_cast, decision):
    proposal = make_proposal(call=the_cast.call, city=the_cast.city_a, status=ProposalStatus.IN_REVIEW)
    before = proposal_state(proposal)
    client.force_login(the_cast.users["staff"])

    response = client.post(_proposal_url("proposal_decide", proposal), {"decision": decision, "note": "x"})

    assert response.status_code == 400
    assert proposal_state(proposal) == before


def test_withdraw_on_behalf_of_the_city_needs_a_message(client, the_cast):
    proposal = make_proposal(call=the_cast.call, city=the_cast.city_a, status=ProposalStatus.SUBMITTED)
    client.force_login(the_cast.users["staff"])

    without = client.post(_proposal_url("proposal_withdraw", proposal), {"note": ""})
    proposal.refresh_from_db()
    assert (without.status_code, proposal.status) == (400, ProposalStatus.SUBMITTED)

    with_note = client.post(_proposal_url("proposal_withdraw", proposal), {"note": "Sent twice."})
    proposal.refresh_from_db()
    assert (with_note.status_code, proposal.status) == (302, ProposalStatus.WITHDRAWN)


def _session_form(event, in_room=None, **overrides) -> dict:
    return {
        "day": event.starts_on.isoformat(),
        "starts": "10:00",
        "ends": "11:30",
        "room": str(in_room.pk) if in_room else "",
        "kind": SessionKind.COMMUNICATIONS,
        **overrides,
    }


def test_make_a_session_of_an_accepted_proposal(client, the_cast):
    proposal = make_proposal(call=the_cast.call, city=the_cast.city_a, status=ProposalStatus.ACCEPTED)
    room = RoomFactory(event=the_cast.event, name="Sala Gaudí")
    client.force_login(the_cast.users["staff"])

    response = client.post(_proposal_url("proposal_session", proposal), _session_form(the_cast.event, room))

    assert response.status_code == 302
    proposal.refresh_from_db()
    session = proposal.session
    zone = ZoneInfo(the_cast.event.time_zone)
    assert session.starts_at == datetime.datetime.combine(
        the_cast.event.starts_on, datetime.time(10), tzinfo=zone
    )
    assert session.ends_at == datetime.datetime.combine(
        the_cast.event.starts_on, datetime.time(11, 30), tzinfo=zone
    )
    assert (session.room, session.kind, session.speakers.count()) == (room, SessionKind.COMMUNICATIONS, 2)


@pytest.mark.parametrize(
    "overrides",
    [
        {"day": "2001-01-01"},
        {"day": "not-a-day"},
        {"starts": "12:00", "ends": "11:00"},
        {"starts": "25:00"},
        {"room": "999999"},
        {"kind": "party"},
    ],
)
def test_make_a_session_with_bad_values_changes_nothing(client, the_cast, overrides):
    proposal = make_proposal(call=the_cast.call, city=the_cast.city_a, status=ProposalStatus.ACCEPTED)
    client.force_login(the_cast.users["staff"])

    response = client.post(
        _proposal_url("proposal_session", proposal), _session_form(the_cast.event, **overrides)
    )

    assert response.status_code == 400
    assert Session.objects.count() == 0


def test_make_a_session_in_a_room_already_taken_shows_why(client, the_cast):
    room = RoomFactory(event=the_cast.event)
    first = make_proposal(call=the_cast.call, city=the_cast.city_a, status=ProposalStatus.ACCEPTED)
    second = make_proposal(call=the_cast.call, city=the_cast.city_b, status=ProposalStatus.ACCEPTED)
    client.force_login(the_cast.users["staff"])
    client.post(_proposal_url("proposal_session", first), _session_form(the_cast.event, room))

    response = client.post(_proposal_url("proposal_session", second), _session_form(the_cast.event, room))

    assert response.status_code == 400
    second.refresh_from_db()
    assert (second.session, Session.objects.count()) == (None, 1)


def test_make_a_session_of_a_proposal_not_accepted_changes_nothing(client, the_cast):
    proposal = make_proposal(call=the_cast.call, city=the_cast.city_a, status=ProposalStatus.IN_REVIEW)
    client.force_login(the_cast.users["staff"])

    response = client.post(_proposal_url("proposal_session", proposal), _session_form(the_cast.event))

    assert response.status_code == 400
    assert Session.objects.count() == 0


def test_a_juror_of_the_call_is_not_the_secretariat(client, the_cast):
    juror = make_juror(the_cast.call.review_process)
    client.force_login(juror.user)

    assert client.get(_call_url(the_cast.event)).status_code == 403
