"""Bids to host a congress: drafts (one per city and year), PDF documents in private storage, the one
transition function (submit, the Executive Committee's decision with its note, withdraw), e-mails and the
public list of decided bids. Every refusal changes nothing."""

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from educities.congresses.domain.bids import (
    BidInvalid,
    bid_document_add,
    bid_document_remove,
    bid_save,
    bid_transition,
    bids_decided_by_year,
)
from educities.congresses.enums import BidStatus
from educities.congresses.models import Bid, BidDocument
from educities.core.domain.audit import audit_entries_for
from educities.core.domain.errors import DomainError, PermissionRefused, TransitionNotAllowed
from educities.members.enums import MembershipStatus
from educities.members.storage import PrivateFileSystemStorage
from tests.congresses.views.test_calls_support import bid_state, bid_values, make_bid, pdf_file, png_bytes
from tests.factories import CityFactory, StaffFactory, UserFactory, make_city_editor, make_executive

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

YEAR = timezone.localdate().year + 4


@pytest.fixture
def city():
    return CityFactory(name="Lyon")


@pytest.fixture
def editor(city):
    return make_city_editor(city, language="fr")


@pytest.fixture
def executive():
    return make_executive(language="es")


@pytest.fixture
def staff():
    return StaffFactory()


# --- Drafts ----------------------------------------------------------------------------------------


def test_bid_save_creates_a_draft(city, editor):
    bid = bid_save(city=city, actor=editor, **bid_values())

    bid.refresh_from_db()
    assert (bid.city, bid.congress_year, bid.status, bid.language) == (city, YEAR, BidStatus.DRAFT, "fr")
    assert bid.statement == "Notre ville accueille déjà de grands congrès.\nElle a un palais des congrès."
    assert [entry.action for entry in audit_entries_for(subject=bid)] == ["create"]


def test_bid_save_refuses_a_second_bid_for_the_same_year(city, editor):
    first = make_bid(city=city, status=BidStatus.SUBMITTED)

    with pytest.raises(BidInvalid) as error:
        bid_save(city=city, actor=editor, **bid_values())

    assert error.value.errors == {
        "congress_year": _("%(city)s already has a bid for the congress of %(year)d.")
        % {"city": "Lyon", "year": YEAR}
    }
    assert list(Bid.objects.values_list("pk", flat=True)) == [first.pk]


def test_bid_save_refuses_moving_a_draft_onto_a_year_the_city_already_bid_for(city, editor):
    make_bid(city=city)
    other = make_bid(city=city, congress_year=YEAR + 2)
    before = bid_state(other)

    with pytest.raises(BidInvalid):
        bid_save(city=city, actor=editor, bid=other, **bid_values())

    assert bid_state(other) == before


def test_bid_save_allows_a_new_bid_once_the_first_is_withdrawn(city, editor):
    make_bid(city=city, status=BidStatus.WITHDRAWN)

    bid = bid_save(city=city, actor=editor, **bid_values())

    assert bid.status == BidStatus.DRAFT
    assert Bid.objects.count() == 2


def test_bid_save_allows_other_cities_the_same_year(city, editor):
    make_bid(city=CityFactory())

    bid = bid_save(city=city, actor=editor, **bid_values())

    assert Bid.objects.filter(congress_year=YEAR).count() == 2
    assert bid.city == city


@pytest.mark.parametrize(
    "status", [MembershipStatus.APPLIED, MembershipStatus.SUSPENDED, MembershipStatus.WITHDRAWN]
)
def test_bid_save_refuses_a_city_that_is_not_a_member_in_good_standing(staff, status):
    city = CityFactory(membership_status=status)

    with pytest.raises(DomainError):
        bid_save(city=city, actor=staff, **bid_values())

    assert Bid.objects.count() == 0


@pytest.mark.parametrize("year", [timezone.localdate().year - 1, 1999, 2101, "2030", True, None])
def test_bid_save_refuses_an_impossible_year(city, editor, year):
    with pytest.raises(BidInvalid) as error:
        bid_save(city=city, actor=editor, **bid_values(congress_year=year))

    assert set(error.value.errors) == {"congress_year"}
    assert Bid.objects.count() == 0


def test_bid_save_refuses_a_language_that_is_not_official_and_an_empty_statement(city, editor):
    with pytest.raises(BidInvalid) as error:
        bid_save(city=city, actor=editor, **bid_values(language="de", statement=" \n "))

    assert set(error.value.errors) == {"language", "statement"}
    assert Bid.objects.count() == 0


def test_bid_save_is_refused_to_the_editor_of_another_city(city):
    with pytest.raises(PermissionRefused):
        bid_save(city=city, actor=make_city_editor(CityFactory()), **bid_values())

    assert Bid.objects.count() == 0


def test_bid_save_is_refused_to_an_executive(city, executive):
    with pytest.raises(PermissionRefused):
        bid_save(city=city, actor=executive, **bid_values())

    assert Bid.objects.count() == 0


def test_bid_save_refuses_to_change_a_submitted_bid(city, editor):
    bid = make_bid(city=city, status=BidStatus.SUBMITTED)
    before = bid_state(bid)

    with pytest.raises(PermissionRefused):
        bid_save(city=city, actor=editor, bid=bid, **bid_values(venue="Elsewhere"))

    assert bid_state(bid) == before


# --- Documents -------------------------------------------------------------------------------------


def test_bid_document_add_keeps_a_pdf_in_private_storage(city, editor):
    bid = make_bid(city=city)

    document = bid_document_add(bid=bid, title="Dossier de candidature", upload=pdf_file(), actor=editor)

    assert isinstance(document.file.storage, PrivateFileSystemStorage)
    assert document.file.name.startswith("congresses/bids/")
    assert document.file.name.endswith(".pdf")
    with document.file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"
    assert [entry.action for entry in audit_entries_for(subject=bid)] == ["create", "document_add"]


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("dossier.pdf", b"", content_type="application/pdf"),
        SimpleUploadedFile("dossier.pdf", b"just text, not a PDF", content_type="application/pdf"),
        SimpleUploadedFile("photo.png", png_bytes(), content_type="image/png"),
        SimpleUploadedFile("photo.pdf", png_bytes(), content_type="application/pdf"),
        SimpleUploadedFile(
            "x.svg", b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", content_type="image/svg+xml"
        ),
    ],
    ids=["empty", "text", "png", "png-named-pdf", "svg"],
)
def test_bid_document_add_refuses_what_is_not_a_pdf(city, editor, upload):
    bid = make_bid(city=city)
    before = bid_state(bid)

    with pytest.raises(DomainError):
        bid_document_add(bid=bid, title="Dossier", upload=upload, actor=editor)

    assert bid_state(bid) == before
    assert BidDocument.objects.count() == 0


def test_bid_document_add_refuses_a_title_with_control_characters(city, editor):
    bid = make_bid(city=city)

    with pytest.raises(DomainError):
        bid_document_add(bid=bid, title="Dossier\x07", upload=pdf_file(), actor=editor)

    assert BidDocument.objects.count() == 0


def test_bid_document_add_is_refused_once_the_bid_is_submitted(city, editor):
    bid = make_bid(city=city, status=BidStatus.SUBMITTED)

    with pytest.raises(PermissionRefused):
        bid_document_add(bid=bid, title="Late annex", upload=pdf_file(), actor=editor)

    assert BidDocument.objects.count() == 0


def test_bid_document_add_is_refused_to_an_executive(city, executive):
    bid = make_bid(city=city)

    with pytest.raises(PermissionRefused):
        bid_document_add(bid=bid, title="Dossier", upload=pdf_file(), actor=executive)

    assert BidDocument.objects.count() == 0


def test_bid_document_remove_deletes_the_file_after_commit(city, editor, django_capture_on_commit_callbacks):
    bid = make_bid(city=city)
    document = bid_document_add(bid=bid, title="Dossier", upload=pdf_file(), actor=editor)
    storage, name = document.file.storage, document.file.name
    assert storage.exists(name) is True

    with django_capture_on_commit_callbacks(execute=True):
        bid_document_remove(document=document, actor=editor)

    assert BidDocument.objects.count() == 0
    assert storage.exists(name) is False


# --- The workflow ----------------------------------------------------------------------------------


def test_submit_e_mails_the_editors_and_the_secretariat(city, editor, django_capture_on_commit_callbacks):
    bid = make_bid(city=city)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        bid_transition(bid=bid, step="submit", actor=editor)

    bid.refresh_from_db()
    assert (bid.status, bid.submitted_by) == (BidStatus.SUBMITTED, editor)
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [editor.email, settings.SECRETARIAT_EMAIL]
    )
    by_address = {message.to[0]: message for message in mail.outbox}
    with translation.override("fr"):
        expected = _("Bid of %(city)s to host the congress of %(year)d — %(status)s") % {
            "city": "Lyon",
            "year": YEAR,
            "status": str(BidStatus.SUBMITTED.label),
        }
    assert by_address[editor.email].subject == expected
    assert f"/fr/events/bids/{bid.pk}/" in by_address[editor.email].body


def test_an_executive_accepts_a_bid_with_a_note_and_the_meeting(
    city, editor, executive, django_capture_on_commit_callbacks
):
    bid = make_bid(city=city, status=BidStatus.SUBMITTED)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        bid_transition(
            bid=bid,
            step="accept",
            actor=executive,
            note="Chosen unanimously.",
            meeting="Executive Committee, Rosario",
        )

    bid.refresh_from_db()
    assert (bid.status, bid.decision_note, bid.decision_meeting, bid.decided_by) == (
        BidStatus.ACCEPTED,
        "Chosen unanimously.",
        "Executive Committee, Rosario",
        executive,
    )
    assert bid.decided_at is not None
    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert "Chosen unanimously." in mail.outbox[0].body
    assert "Executive Committee, Rosario" in mail.outbox[0].body


def test_the_secretariat_declines_a_bid(city, staff):
    bid = make_bid(city=city, status=BidStatus.SUBMITTED)

    bid_transition(bid=bid, step="decline", actor=staff, note="Another city was chosen.")

    bid.refresh_from_db()
    assert (bid.status, bid.decided_by) == (BidStatus.DECLINED, staff)


@pytest.mark.parametrize("note", ["", "   ", "\n"])
def test_deciding_without_a_note_is_refused_and_changes_nothing(city, executive, note):
    bid = make_bid(city=city, status=BidStatus.SUBMITTED)
    before = bid_state(bid)

    with pytest.raises(DomainError) as error:
        bid_transition(bid=bid, step="accept", actor=executive, note=note, meeting="Executive Committee")

    assert error.value.message == _(
        "Write the decision of the Executive Committee: it is published with the bid."
    )
    assert bid_state(bid) == before
    assert [entry.action for entry in audit_entries_for(subject=bid)] == ["create", "submit"]


@pytest.mark.parametrize("who", ["editor", "other_editor", "user"])
def test_deciding_is_refused_to_who_is_not_the_executive_or_the_secretariat(city, editor, who):
    actor = {"editor": editor, "other_editor": make_city_editor(CityFactory()), "user": UserFactory()}[who]
    bid = make_bid(city=city, status=BidStatus.SUBMITTED)
    before = bid_state(bid)

    with pytest.raises(PermissionRefused):
        bid_transition(bid=bid, step="accept", actor=actor, note="We choose ourselves.")

    assert bid_state(bid) == before


def test_accepting_a_second_bid_for_the_same_year_is_refused(city, executive):
    make_bid(city=CityFactory(name="Rosario"), status=BidStatus.ACCEPTED)
    bid = make_bid(city=city, status=BidStatus.SUBMITTED)
    before = bid_state(bid)

    with pytest.raises(DomainError) as error:
        bid_transition(bid=bid, step="accept", actor=executive, note="Also chosen.")

    assert error.value.message == _(
        "The bid of %(city)s was already chosen for the congress of %(year)d."
    ) % {
        "city": "Rosario",
        "year": YEAR,
    }
    assert bid_state(bid) == before


def test_deciding_a_draft_is_not_allowed(city, executive):
    bid = make_bid(city=city)
    before = bid_state(bid)

    with pytest.raises(TransitionNotAllowed):
        bid_transition(bid=bid, step="decline", actor=executive, note="No.")

    assert bid_state(bid) == before


def test_withdraw_a_submitted_bid(city, editor):
    bid = make_bid(city=city, status=BidStatus.SUBMITTED)

    bid_transition(bid=bid, step="withdraw", actor=editor)

    bid.refresh_from_db()
    assert bid.status == BidStatus.WITHDRAWN


def test_withdraw_a_decided_bid_is_not_allowed(city, editor):
    bid = make_bid(city=city, status=BidStatus.DECLINED)
    before = bid_state(bid)

    with pytest.raises(TransitionNotAllowed):
        bid_transition(bid=bid, step="withdraw", actor=editor)

    assert bid_state(bid) == before


def test_submit_is_refused_to_the_editor_of_another_city(city):
    bid = make_bid(city=city)
    before = bid_state(bid)

    with pytest.raises(PermissionRefused):
        bid_transition(bid=bid, step="submit", actor=make_city_editor(CityFactory()))

    assert bid_state(bid) == before


def test_bid_transition_refuses_an_unknown_step(city, staff):
    bid = make_bid(city=city)

    with pytest.raises(DomainError) as error:
        bid_transition(bid=bid, step="publish", actor=staff)

    assert error.value.message == _("Unknown step.")


# --- Reading ---------------------------------------------------------------------------------------


def test_bids_decided_by_year_lists_decided_bids_newest_year_first_chosen_first():
    declined = make_bid(city=CityFactory(name="Alba"), status=BidStatus.DECLINED)
    chosen = make_bid(city=CityFactory(name="Zamora"), status=BidStatus.ACCEPTED)
    later = make_bid(city=CityFactory(name="Braga"), status=BidStatus.DECLINED, congress_year=YEAR + 2)
    make_bid(city=CityFactory(), status=BidStatus.SUBMITTED)
    make_bid(city=CityFactory())
    make_bid(city=CityFactory(), status=BidStatus.WITHDRAWN)

    years = bids_decided_by_year()

    assert [(year, [bid.pk for bid in bids]) for year, bids in years] == [
        (YEAR + 2, [later.pk]),
        (YEAR, [chosen.pk, declined.pk]),
    ]
