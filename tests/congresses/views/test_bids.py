"""Pages of the bids to host a congress: the public list of decided bids, a city's bids, one bid (edit,
documents, submit, withdraw), a document's download, and the decision of the Executive Committee.
Hostile input changes nothing and never gives a 500."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from educities.congresses.domain.bids import bid_document_add
from educities.congresses.enums import BidStatus
from educities.congresses.models import Bid, BidDocument
from tests.congresses.views.test_calls_support import bid_state, cast, flash, make_bid, pdf_file, png_bytes
from tests.factories import CityFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

YEAR = timezone.localdate().year + 4


@pytest.fixture
def the_cast():
    return cast()


def _form(**overrides) -> dict:
    return {
        "congress_year": str(YEAR),
        "language": "es",
        "proposed_theme": "La ciudad que aprende",
        "statement": "Tenemos un palacio de congresos.\r\nY hoteles.",
        "venue": "Palacio de congresos",
        "proposed_dates": "12–14 de noviembre",
        **overrides,
    }


def _with_document(bid, editor):
    return bid_document_add(bid=bid, title="Dossier", upload=pdf_file(), actor=editor)


# --- Public list --------------------------------------------------------------------------------------


def test_public_list_shows_decided_bids_by_year_without_documents(client, the_cast):
    chosen = make_bid(city=the_cast.city_a)
    _with_document(chosen, the_cast.users["editor_a"])
    from educities.congresses.domain.bids import bid_transition

    bid_transition(bid=chosen, step="submit", actor=None)
    bid_transition(
        bid=chosen, step="accept", actor=None, note="The best bid.", meeting="Executive Committee, Lyon"
    )
    make_bid(city=the_cast.city_b, status=BidStatus.SUBMITTED)

    response = client.get(reverse("events:bids"))

    page = response.content.decode()
    assert response.status_code == 200
    assert f"Congress of {YEAR}" in page
    assert "Granollers" in page
    assert "The best bid." in page
    assert "Lyon</a>" not in page  # the submitted bid of Lyon is not public
    assert "Dossier" not in page


def test_public_list_keeps_the_same_number_of_queries_with_more_bids(client, django_assert_num_queries):
    make_bid(city=CityFactory(), status=BidStatus.ACCEPTED)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(reverse("events:bids"))
    for offset in range(1, 4):
        make_bid(city=CityFactory(), status=BidStatus.DECLINED, congress_year=YEAR + offset)

    with django_assert_num_queries(len(few.captured_queries)):
        client.get(reverse("events:bids"))


def test_a_decided_bid_is_public_without_its_documents(client, the_cast):
    bid = make_bid(city=the_cast.city_a)
    document = _with_document(bid, the_cast.users["editor_a"])
    Bid.objects.filter(pk=bid.pk).update(status=BidStatus.DECLINED, decision_note="Another city was chosen.")

    page = client.get(reverse("events:bid", kwargs={"pk": bid.pk}))
    download = client.get(reverse("events:bid_document", kwargs={"pk": bid.pk, "document_pk": document.pk}))

    assert page.status_code == 200
    assert "Another city was chosen." in page.content.decode()
    assert "Dossier" not in page.content.decode()
    assert download.status_code == 302  # sign in first; signed-in strangers get 404 (below)


def test_a_draft_bid_sends_anonymous_visitors_to_sign_in_and_is_404_to_strangers(client, the_cast):
    bid = make_bid(city=the_cast.city_a)
    url = reverse("events:bid", kwargs={"pk": bid.pk})

    anonymous = client.get(url)
    client.force_login(the_cast.users["editor_b"])
    stranger = client.get(url)

    assert anonymous.status_code == 302
    assert "/accounts/login/" in anonymous["Location"]
    assert stranger.status_code == 404


def test_an_unknown_bid_answers_like_a_hidden_one(client, the_cast):
    anonymous = client.get("/en/events/bids/999999/")
    client.force_login(the_cast.users["user"])
    stranger = client.get("/en/events/bids/999999/")

    assert anonymous.status_code == 302
    assert stranger.status_code == 404


# --- A city's bids ------------------------------------------------------------------------------------


def test_bid_new_creates_a_draft(client, the_cast):
    client.force_login(the_cast.users["editor_a"])

    response = client.post(reverse("events:bid_new"), _form())

    bid = Bid.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("events:bid", kwargs={"pk": bid.pk})
    assert (bid.city, bid.congress_year, bid.language, bid.status) == (
        the_cast.city_a,
        YEAR,
        "es",
        BidStatus.DRAFT,
    )
    assert bid.statement == "Tenemos un palacio de congresos.\nY hoteles."


def test_bid_new_refuses_a_second_bid_for_the_same_year(client, the_cast):
    first = make_bid(city=the_cast.city_a, status=BidStatus.SUBMITTED)
    client.force_login(the_cast.users["editor_a"])

    response = client.post(reverse("events:bid_new"), _form())

    assert response.status_code == 400
    assert "already has a bid for the congress of" in response.content.decode()
    assert list(Bid.objects.values_list("pk", flat=True)) == [first.pk]


@pytest.mark.parametrize(
    "overrides",
    [
        {"congress_year": "abc"},
        {"congress_year": "1999"},
        {"language": "de"},
        {"statement": ""},
        {"venue": "a\x00b"},
    ],
)
def test_bid_new_with_bad_values_changes_nothing(client, the_cast, overrides):
    client.force_login(the_cast.users["editor_a"])

    response = client.post(reverse("events:bid_new"), _form(**overrides))

    assert response.status_code == 400
    assert Bid.objects.count() == 0


@pytest.mark.parametrize("role", ["user", "executive", "juror"])
def test_bid_new_is_refused_to_who_edits_no_member_city(client, the_cast, role):
    client.force_login(the_cast.users[role])

    response = client.post(reverse("events:bid_new"), _form())

    assert response.status_code == 403
    assert Bid.objects.count() == 0


def test_bid_new_for_another_city_is_refused(client, the_cast):
    client.force_login(the_cast.users["editor_a"])

    response = client.post(reverse("events:bid_new"), _form(city=str(the_cast.city_b.pk)))

    assert response.status_code == 403
    assert Bid.objects.count() == 0


def test_bids_mine_lists_the_city_bids(client, the_cast):
    mine = make_bid(city=the_cast.city_a)
    make_bid(city=the_cast.city_b)
    client.force_login(the_cast.users["editor_a"])

    response = client.get(reverse("events:bids_mine"))

    page = response.content.decode()
    assert response.status_code == 200
    assert reverse("events:bid", kwargs={"pk": mine.pk}) in page
    assert "Lyon" not in page


def test_bid_page_saves_the_draft(client, the_cast):
    bid = make_bid(city=the_cast.city_a)
    client.force_login(the_cast.users["editor_a"])

    response = client.post(reverse("events:bid", kwargs={"pk": bid.pk}), _form(venue="Fira"))

    assert response.status_code == 302
    bid.refresh_from_db()
    assert (bid.venue, bid.language) == ("Fira", "es")


def test_bid_page_refuses_changes_once_submitted(client, the_cast):
    bid = make_bid(city=the_cast.city_a, status=BidStatus.SUBMITTED)
    before = bid_state(bid)
    client.force_login(the_cast.users["editor_a"])

    response = client.post(reverse("events:bid", kwargs={"pk": bid.pk}), _form(venue="Fira"))

    assert response.status_code == 302
    assert flash(response) == ["This bid was submitted: it can no longer be changed."]
    assert bid_state(bid) == before


# --- Documents ----------------------------------------------------------------------------------------


def test_document_upload_attaches_a_pdf(client, the_cast):
    bid = make_bid(city=the_cast.city_a)
    client.force_login(the_cast.users["editor_a"])

    response = client.post(
        reverse("events:bid_document_upload", kwargs={"pk": bid.pk}), {"title": "Dossier", "file": pdf_file()}
    )

    assert response.status_code == 302
    assert list(bid.documents.values_list("title", flat=True)) == ["Dossier"]


@pytest.mark.parametrize(
    "upload",
    [
        lambda: SimpleUploadedFile("photo.pdf", png_bytes(), content_type="application/pdf"),
        lambda: SimpleUploadedFile("notes.txt", b"hello", content_type="text/plain"),
        lambda: SimpleUploadedFile("empty.pdf", b"", content_type="application/pdf"),
    ],
    ids=["png-named-pdf", "text", "empty"],
)
def test_document_upload_refuses_what_is_not_a_pdf(client, the_cast, upload):
    bid = make_bid(city=the_cast.city_a)
    before = bid_state(bid)
    client.force_login(the_cast.users["editor_a"])

    response = client.post(
        reverse("events:bid_document_upload", kwargs={"pk": bid.pk}), {"title": "Dossier", "file": upload()}
    )

    assert response.status_code == 400
    assert bid_state(bid) == before
    assert BidDocument.objects.count() == 0


def test_document_upload_without_a_file_changes_nothing(client, the_cast):
    bid = make_bid(city=the_cast.city_a)
    client.force_login(the_cast.users["editor_a"])

    response = client.post(reverse("events:bid_document_upload", kwargs={"pk": bid.pk}), {"title": "Dossier"})

    assert response.status_code == 400
    assert BidDocument.objects.count() == 0


@pytest.mark.parametrize("role", ["editor_a", "executive", "staff"])
def test_document_download_for_the_city_the_executive_and_the_secretariat(client, the_cast, role):
    bid = make_bid(city=the_cast.city_a)
    document = _with_document(bid, the_cast.users["editor_a"])
    client.force_login(the_cast.users[role])

    response = client.get(reverse("events:bid_document", kwargs={"pk": bid.pk, "document_pk": document.pk}))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


@pytest.mark.parametrize("role", ["editor_b", "user", "juror"])
def test_document_download_is_404_to_others_even_once_the_bid_is_public(client, the_cast, role):
    bid = make_bid(city=the_cast.city_a)
    document = _with_document(bid, the_cast.users["editor_a"])
    Bid.objects.filter(pk=bid.pk).update(status=BidStatus.ACCEPTED, decision_note="Chosen.")
    client.force_login(the_cast.users[role])

    response = client.get(reverse("events:bid_document", kwargs={"pk": bid.pk, "document_pk": document.pk}))

    assert response.status_code == 404


def test_a_document_of_another_bid_is_404(client, the_cast):
    bid = make_bid(city=the_cast.city_a)
    other = make_bid(city=the_cast.city_b)
    document = _with_document(other, the_cast.users["editor_b"])
    client.force_login(the_cast.users["editor_a"])

    response = client.get(reverse("events:bid_document", kwargs={"pk": bid.pk, "document_pk": document.pk}))

    assert response.status_code == 404


# --- Submit, withdraw ---------------------------------------------------------------------------------


def test_submit_view_e_mails_the_city_and_the_secretariat(
    client, the_cast, settings, django_capture_on_commit_callbacks
):
    bid = make_bid(city=the_cast.city_a)
    client.force_login(the_cast.users["editor_a"])
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("events:bid_submit", kwargs={"pk": bid.pk}))

    assert response.status_code == 302
    bid.refresh_from_db()
    assert bid.status == BidStatus.SUBMITTED
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [the_cast.users["editor_a"].email, settings.SECRETARIAT_EMAIL]
    )


def test_withdraw_view_needs_a_confirmation(client, the_cast):
    bid = make_bid(city=the_cast.city_a, status=BidStatus.SUBMITTED)
    client.force_login(the_cast.users["editor_a"])
    url = reverse("events:bid_withdraw", kwargs={"pk": bid.pk})

    unconfirmed = client.post(url, {})
    bid.refresh_from_db()
    assert (unconfirmed.status_code, bid.status) == (400, BidStatus.SUBMITTED)

    confirmed = client.post(url, {"confirm": "on"})
    bid.refresh_from_db()
    assert (confirmed.status_code, bid.status) == (302, BidStatus.WITHDRAWN)


def test_an_executive_may_not_submit_or_withdraw_a_city_bid(client, the_cast):
    bid = make_bid(city=the_cast.city_a)
    before = bid_state(bid)
    client.force_login(the_cast.users["executive"])

    assert client.post(reverse("events:bid_submit", kwargs={"pk": bid.pk})).status_code == 403
    assert (
        client.post(reverse("events:bid_withdraw", kwargs={"pk": bid.pk}), {"confirm": "on"}).status_code
        == 403
    )
    assert bid_state(bid) == before


# --- The decision -------------------------------------------------------------------------------------


def _decision(**overrides) -> dict:
    return {
        "decision": "accept",
        "meeting": "Executive Committee, Rosario",
        "note": "Chosen unanimously.",
        **overrides,
    }


def test_an_executive_decides_a_bid(client, the_cast, django_capture_on_commit_callbacks):
    bid = make_bid(city=the_cast.city_a, status=BidStatus.SUBMITTED)
    client.force_login(the_cast.users["executive"])
    mail.outbox.clear()

    page = client.get(reverse("events:bid_decide", kwargs={"pk": bid.pk}))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("events:bid_decide", kwargs={"pk": bid.pk}), _decision())

    assert page.status_code == 200
    assert response.status_code == 302
    bid.refresh_from_db()
    assert (bid.status, bid.decision_note, bid.decision_meeting, bid.decided_by) == (
        BidStatus.ACCEPTED,
        "Chosen unanimously.",
        "Executive Committee, Rosario",
        the_cast.users["executive"],
    )
    assert [message.to for message in mail.outbox] == [[the_cast.users["editor_a"].email]]
    public = client.get(reverse("events:bids"))
    assert "Chosen unanimously." in public.content.decode()


def test_the_secretariat_decides_a_bid(client, the_cast):
    bid = make_bid(city=the_cast.city_a, status=BidStatus.SUBMITTED)
    client.force_login(the_cast.users["staff"])

    response = client.post(reverse("events:bid_decide", kwargs={"pk": bid.pk}), _decision(decision="decline"))

    assert response.status_code == 302
    bid.refresh_from_db()
    assert bid.status == BidStatus.DECLINED


def test_deciding_without_a_note_changes_nothing(client, the_cast):
    bid = make_bid(city=the_cast.city_a, status=BidStatus.SUBMITTED)
    before = bid_state(bid)
    client.force_login(the_cast.users["executive"])

    response = client.post(reverse("events:bid_decide", kwargs={"pk": bid.pk}), _decision(note=""))

    assert response.status_code == 400
    assert bid_state(bid) == before


@pytest.mark.parametrize("decision", ["approve", "", "accept\x00"])
def test_deciding_with_an_unknown_decision_changes_nothing(client, the_cast, decision):
    bid = make_bid(city=the_cast.city_a, status=BidStatus.SUBMITTED)
    before = bid_state(bid)
    client.force_login(the_cast.users["executive"])

    response = client.post(reverse("events:bid_decide", kwargs={"pk": bid.pk}), _decision(decision=decision))

    assert response.status_code in {400}
    assert bid_state(bid) == before


def test_a_city_editor_is_refused_the_decision_of_its_own_bid(client, the_cast):
    bid = make_bid(city=the_cast.city_a, status=BidStatus.SUBMITTED)
    before = bid_state(bid)
    client.force_login(the_cast.users["editor_a"])

    page = client.get(reverse("events:bid_decide", kwargs={"pk": bid.pk}))
    post = client.post(reverse("events:bid_decide", kwargs={"pk": bid.pk}), _decision())

    assert (page.status_code, post.status_code) == (403, 403)
    assert bid_state(bid) == before


def test_deciding_a_decided_bid_says_so_and_changes_nothing(client, the_cast):
    bid = make_bid(city=the_cast.city_a, status=BidStatus.DECLINED)
    before = bid_state(bid)
    client.force_login(the_cast.users["executive"])

    response = client.post(reverse("events:bid_decide", kwargs={"pk": bid.pk}), _decision())

    assert response.status_code == 302
    assert bid_state(bid) == before


def test_bids_to_decide_lists_the_submitted_bids_for_the_executive(client, the_cast):
    waiting = make_bid(city=the_cast.city_a, status=BidStatus.SUBMITTED)
    make_bid(city=the_cast.city_b)
    client.force_login(the_cast.users["executive"])

    response = client.get(reverse("events:bids_to_decide"))

    page = response.content.decode()
    assert response.status_code == 200
    assert reverse("events:bid_decide", kwargs={"pk": waiting.pk}) in page
    assert "Lyon" not in page  # a draft is not shown


@pytest.mark.parametrize("role", ["editor_a", "user", "juror"])
def test_bids_to_decide_is_refused_to_others(client, the_cast, role):
    client.force_login(the_cast.users[role])

    assert client.get(reverse("events:bids_to_decide")).status_code == 403
