"""A city's pages of the calls for proposals: its proposals, proposing to an event, one proposal (edit,
submit, withdraw, the decision), what a juror sees, and hostile input (nothing changes, never a 500)."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils.translation import gettext as _

from educities.congresses.enums import ProposalStatus
from educities.congresses.models import Proposal
from educities.experiences.enums import ExperienceStatus
from educities.reviews.subjects import subject_display, subject_html, subject_kind_for
from tests.congresses.factories import EventFactory
from tests.congresses.views.test_calls_support import (
    assign_jurors,
    cast,
    flash,
    make_call,
    make_proposal,
    proposal_state,
)
from tests.experiences.factories import make_experience
from tests.factories import CityFactory, make_city_editor

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _form(**overrides) -> dict:
    return {
        "kind": "communication",
        "language": "pt",
        "title": "A cidade que educa",
        "summary": "Uma experiência de 2024.\r\nCom resultados.",
        "speakers": "Maria Silva, vereadora\r\n",
        "experience": "",
        **overrides,
    }


@pytest.fixture
def the_cast():
    return cast()


# --- The list ---------------------------------------------------------------------------------------


def test_proposals_page_lists_the_city_proposals_and_the_open_calls(client, the_cast):
    mine = make_proposal(call=the_cast.call, city=the_cast.city_a, status=ProposalStatus.SUBMITTED)
    make_proposal(call=the_cast.call, city=the_cast.city_b, title="Not mine")
    client.force_login(the_cast.users["editor_a"])

    response = client.get(reverse("events:proposals"))

    page = response.content.decode()
    assert response.status_code == 200
    assert reverse("events:proposal", kwargs={"pk": mine.pk}) in page
    assert "Not mine" not in page
    assert reverse("events:propose", kwargs={"slug": the_cast.event.slug}) in page


def test_proposals_page_sends_anonymous_visitors_to_sign_in(client):
    response = client.get(reverse("events:proposals"))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_proposals_page_keeps_the_same_number_of_queries_with_more_proposals(
    client, the_cast, django_assert_num_queries
):
    make_proposal(call=the_cast.call, city=the_cast.city_a)
    client.force_login(the_cast.users["editor_a"])
    client.get(reverse("events:proposals"))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(reverse("events:proposals"))
    for _n in range(4):
        make_proposal(call=make_call(), city=the_cast.city_a)

    with django_assert_num_queries(len(few.captured_queries)):
        client.get(reverse("events:proposals"))


# --- Proposing --------------------------------------------------------------------------------------


def test_propose_creates_a_draft_and_goes_to_it(client, the_cast):
    client.force_login(the_cast.users["editor_a"])

    response = client.post(reverse("events:propose", kwargs={"slug": the_cast.event.slug}), _form())

    proposal = Proposal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("events:proposal", kwargs={"pk": proposal.pk})
    assert (proposal.city, proposal.language, proposal.status) == (
        the_cast.city_a,
        "pt",
        ProposalStatus.DRAFT,
    )
    assert proposal.summary == "Uma experiência de 2024.\nCom resultados."


def test_propose_page_shows_the_guidelines_and_the_deadline(client, the_cast):
    client.force_login(the_cast.users["editor_a"])

    response = client.get(reverse("events:propose", kwargs={"slug": the_cast.event.slug}))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Send experiences of 2024 and 2025." in page
    assert '<time datetime="' in page
    assert "(Europe/Warsaw time)" in page


def test_propose_with_a_language_that_is_not_official_changes_nothing(client, the_cast):
    client.force_login(the_cast.users["editor_a"])

    response = client.post(
        reverse("events:propose", kwargs={"slug": the_cast.event.slug}), _form(language="it")
    )

    assert response.status_code == 400
    assert Proposal.objects.count() == 0


def test_propose_links_a_published_experience_and_refuses_another_city_s(client, the_cast):
    own = make_experience(city=the_cast.city_a, status=ExperienceStatus.PUBLISHED)
    foreign = make_experience(city=the_cast.city_b, status=ExperienceStatus.PUBLISHED)
    client.force_login(the_cast.users["editor_a"])
    url = reverse("events:propose", kwargs={"slug": the_cast.event.slug})

    refused = client.post(url, _form(experience=str(foreign.pk)))
    accepted = client.post(url, _form(experience=str(own.pk)))

    assert refused.status_code == 400
    assert accepted.status_code == 302
    assert list(Proposal.objects.values_list("experience", flat=True)) == [own.pk]


def test_propose_after_the_deadline_shows_the_refusal_and_changes_nothing(client, the_cast):
    with time_machine.travel(the_cast.call.closes_at + datetime.timedelta(minutes=1), tick=False):
        client.force_login(the_cast.users["editor_a"])  # the session must not be older than the journey
        response = client.post(reverse("events:propose", kwargs={"slug": the_cast.event.slug}), _form())

    assert response.status_code == 400
    assert "The deadline for proposals was" in response.content.decode()
    assert Proposal.objects.count() == 0


@pytest.mark.parametrize("city", ["abc", "999999", "-1", "1e3"])
def test_propose_for_a_city_the_user_does_not_edit_is_refused(client, the_cast, city):
    client.force_login(the_cast.users["editor_a"])

    response = client.post(reverse("events:propose", kwargs={"slug": the_cast.event.slug}), _form(city=city))

    assert response.status_code == 403
    assert Proposal.objects.count() == 0


def test_propose_for_the_other_city_is_refused(client, the_cast):
    client.force_login(the_cast.users["editor_a"])

    response = client.post(
        reverse("events:propose", kwargs={"slug": the_cast.event.slug}), _form(city=str(the_cast.city_b.pk))
    )

    assert response.status_code == 403
    assert Proposal.objects.count() == 0


def test_propose_asks_which_city_when_the_user_edits_several(client, the_cast):
    editor = the_cast.users["editor_a"]
    from educities.members.domain.roles import role_grant_city_editor

    role_grant_city_editor(user=editor, city=the_cast.city_b)
    client.force_login(editor)
    url = reverse("events:propose", kwargs={"slug": the_cast.event.slug})

    choose = client.get(url)
    chosen = client.get(url, {"city": the_cast.city_b.pk})
    created = client.post(url, _form(city=str(the_cast.city_b.pk)))

    assert 'name="city"' in choose.content.decode()
    assert 'name="title"' not in choose.content.decode()
    assert 'name="title"' in chosen.content.decode()
    assert created.status_code == 302
    assert Proposal.objects.get().city == the_cast.city_b


def test_propose_to_an_event_without_a_call_is_404(client, the_cast):
    client.force_login(the_cast.users["editor_a"])

    response = client.get(reverse("events:propose", kwargs={"slug": EventFactory().slug}))

    assert response.status_code == 404


def test_propose_to_an_unpublished_event_is_404(client, the_cast):
    event = EventFactory(is_published=False)
    make_call(event=event)
    client.force_login(the_cast.users["editor_a"])

    response = client.get(reverse("events:propose", kwargs={"slug": event.slug}))

    assert response.status_code == 404


@pytest.mark.parametrize("role", ["user", "executive", "juror"])
def test_propose_is_refused_to_who_edits_no_member_city(client, the_cast, role):
    client.force_login(the_cast.users[role])

    response = client.post(reverse("events:propose", kwargs={"slug": the_cast.event.slug}), _form())

    assert response.status_code == 403
    assert Proposal.objects.count() == 0


# --- One proposal -------------------------------------------------------------------------------------


def test_proposal_page_saves_the_draft(client, the_cast):
    proposal = make_proposal(call=the_cast.call, city=the_cast.city_a)
    client.force_login(the_cast.users["editor_a"])

    response = client.post(
        reverse("events:proposal", kwargs={"pk": proposal.pk}), _form(title="Nuevo título")
    )

    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.title, proposal.language) == ("Nuevo título", "pt")


def test_proposal_page_with_control_characters_changes_nothing(client, the_cast):
    proposal = make_proposal(call=the_cast.call, city=the_cast.city_a)
    before = proposal_state(proposal)
    client.force_login(the_cast.users["editor_a"])

    response = client.post(reverse("events:proposal", kwargs={"pk": proposal.pk}), _form(summary="Bell\x07"))

    assert response.status_code == 400
    assert proposal_state(proposal) == before


def test_submit_view_submits_and_e_mails(client, the_cast, django_capture_on_commit_callbacks):
    proposal = make_proposal(call=the_cast.call, city=the_cast.city_a)
    client.force_login(the_cast.users["editor_a"])
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("events:proposal_submit", kwargs={"pk": proposal.pk}))

    proposal.refresh_from_db()
    assert response.status_code == 302
    assert proposal.status == ProposalStatus.SUBMITTED
    assert [message.to for message in mail.outbox] == [[the_cast.users["editor_a"].email]]


def test_submit_view_after_the_deadline_says_why_and_changes_nothing(client, the_cast):
    proposal = make_proposal(call=the_cast.call, city=the_cast.city_a)
    before = proposal_state(proposal)
    with time_machine.travel(the_cast.call.closes_at + datetime.timedelta(seconds=1), tick=False):
        client.force_login(the_cast.users["editor_a"])
        response = client.post(reverse("events:proposal_submit", kwargs={"pk": proposal.pk}))

    assert response.status_code == 302
    assert any(message.startswith("The deadline for proposals was") for message in flash(response))
    assert proposal_state(proposal) == before


def test_submit_view_refuses_a_fourth_proposal(client, the_cast):
    for _n in range(3):
        make_proposal(call=the_cast.call, city=the_cast.city_a, status=ProposalStatus.SUBMITTED)
    fourth = make_proposal(call=the_cast.call, city=the_cast.city_a)
    before = proposal_state(fourth)
    client.force_login(the_cast.users["editor_a"])

    response = client.post(reverse("events:proposal_submit", kwargs={"pk": fourth.pk}))

    assert response.status_code == 302
    assert proposal_state(fourth) == before


def test_withdraw_view_asks_to_confirm_then_withdraws(client, the_cast):
    proposal = make_proposal(call=the_cast.call, city=the_cast.city_a, status=ProposalStatus.IN_REVIEW)
    client.force_login(the_cast.users["editor_a"])
    url = reverse("events:proposal_withdraw", kwargs={"pk": proposal.pk})

    unconfirmed = client.post(url, {})
    confirmed = client.post(url, {"confirm": "on"})

    assert unconfirmed.status_code == 400
    assert confirmed.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.WITHDRAWN
    assert proposal.review_item.is_active is False


def test_a_decided_proposal_shows_the_note_to_the_city(client, the_cast):
    proposal = make_proposal(
        call=the_cast.call,
        city=the_cast.city_a,
        status=ProposalStatus.REJECTED,
        note="Too close to last year's.",
    )
    client.force_login(the_cast.users["editor_a"])

    response = client.get(reverse("events:proposal", kwargs={"pk": proposal.pk}))

    page = response.content.decode()
    assert "Too close to last year&#x27;s." in page
    assert 'name="title"' not in page
    assert reverse("events:proposal_withdraw", kwargs={"pk": proposal.pk}) not in page


@pytest.mark.parametrize("role", ["editor_b", "user", "executive", "juror", "conflicted"])
def test_a_draft_is_404_to_who_may_not_see_it(client, the_cast, role):
    proposal = make_proposal(call=the_cast.call, city=the_cast.city_a)
    client.force_login(the_cast.users[role])

    for name in ("events:proposal", "events:proposal_withdraw"):
        assert client.get(reverse(name, kwargs={"pk": proposal.pk})).status_code == 404
    assert client.post(reverse("events:proposal_submit", kwargs={"pk": proposal.pk})).status_code == 404
    assert proposal_state(proposal)["status"] == ProposalStatus.DRAFT


@pytest.mark.parametrize("pk", ["0", "999999"])
def test_an_unknown_proposal_is_404(client, the_cast, pk):
    client.force_login(the_cast.users["staff"])

    assert client.get(f"/en/events/proposals/{pk}/").status_code == 404


# --- What the review committee sees -------------------------------------------------------------------


def _in_review(the_cast):
    proposal = make_proposal(call=the_cast.call, city=the_cast.city_a, status=ProposalStatus.IN_REVIEW)
    assign_jurors(the_cast, proposal)
    proposal.refresh_from_db()
    return proposal


def test_proposal_is_registered_as_a_review_subject():
    kind = subject_kind_for(Proposal)

    assert kind is not None
    assert kind.template == "congresses/calls/proposal_subject.html"


def test_an_assigned_juror_reads_the_proposal_on_the_jury_page(client, the_cast):
    proposal = _in_review(the_cast)
    client.force_login(the_cast.users["juror"])

    response = client.get(reverse("jury:item", kwargs={"item_id": proposal.review_item_id}))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Children advise the city council." in page
    assert "Ana Pérez" in page


def test_a_conflicted_juror_gets_404_on_the_proposal_through_the_jury_pages(client, the_cast):
    proposal = _in_review(the_cast)
    client.force_login(the_cast.users["conflicted"])

    jury_page = client.get(reverse("jury:item", kwargs={"item_id": proposal.review_item_id}))
    city_page = client.get(reverse("events:proposal", kwargs={"pk": proposal.pk}))

    assert (jury_page.status_code, city_page.status_code) == (404, 404)
    assert "Children advise" not in jury_page.content.decode()


def test_an_assigned_juror_reads_the_proposal_page_without_the_city_tools(client, the_cast):
    proposal = _in_review(the_cast)
    client.force_login(the_cast.users["juror"])

    response = client.get(reverse("events:proposal", kwargs={"pk": proposal.pk}))
    post = client.post(reverse("events:proposal", kwargs={"pk": proposal.pk}), _form())

    page = response.content.decode()
    assert response.status_code == 200
    assert "Children advise the city council." in page
    assert reverse("events:proposal_withdraw", kwargs={"pk": proposal.pk}) not in page
    assert post.status_code == 403


def test_a_juror_may_not_withdraw_or_submit(client, the_cast):
    proposal = _in_review(the_cast)
    before = proposal_state(proposal)
    client.force_login(the_cast.users["juror"])

    assert (
        client.post(
            reverse("events:proposal_withdraw", kwargs={"pk": proposal.pk}), {"confirm": "on"}
        ).status_code
        == 403
    )
    assert client.post(reverse("events:proposal_submit", kwargs={"pk": proposal.pk})).status_code == 403
    assert proposal_state(proposal) == before


def test_jury_subject_escapes_what_the_city_wrote(the_cast, rf):
    proposal = _in_review(the_cast)
    Proposal.objects.filter(pk=proposal.pk).update(summary="<script>alert(1)</script>")
    proposal.refresh_from_db()
    request = rf.get("/en/jury/")
    request.user = the_cast.users["juror"]

    html = subject_html(display=subject_display(item=proposal.review_item, request=request), request=request)

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_jury_subject_links_the_secretariat_to_its_page(the_cast, rf):
    proposal = _in_review(the_cast)
    request = rf.get("/en/jury/")
    request.user = the_cast.users["staff"]

    display = subject_display(item=proposal.review_item, request=request)

    assert display.url == reverse(
        "events_staff:proposal", kwargs={"slug": the_cast.event.slug, "pk": proposal.pk}
    )


def test_a_member_city_editor_of_no_city_sees_no_propose_link(client, the_cast):
    client.force_login(make_city_editor(CityFactory(membership_status="applied")))

    response = client.get(reverse("events:proposals"))

    assert response.status_code == 200
    assert reverse("events:propose", kwargs={"slug": the_cast.event.slug}) not in response.content.decode()
    assert _("No call for proposals is open at the moment.") in response.content.decode()
