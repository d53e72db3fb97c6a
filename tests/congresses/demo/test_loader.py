"""The congresses' demo data: loaded once for the module (members, experiences and the award first, as
``manage.py demo_load`` does), inside a transaction rolled back at the end, so other tests never see it."""

import datetime
import itertools
from collections import Counter
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test.utils import override_settings

from educities.awards.demo.loader import awards_demo_load
from educities.congresses.demo import data
from educities.congresses.demo.loader import congresses_demo_counts, congresses_demo_load
from educities.congresses.domain.registrations import places_left, registration_is_open
from educities.congresses.enums import (
    BidStatus,
    EventFormat,
    EventKind,
    FeeStatus,
    ProposalStatus,
    RegistrationStatus,
    SessionKind,
)
from educities.congresses.models import Bid, Event, Proposal, Registration, Session
from educities.core.models import AuditEntry, TextTranslation
from educities.experiences.demo.loader import experiences_demo_load
from educities.members.demo.loader import demo_load
from educities.reviews.enums import ReviewPhase
from educities.reviews.models import Review, Reviewer

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

R = RegistrationStatus
P = ProposalStatus
WARSAW = ZoneInfo("Europe/Warsaw")
# The day the demo pretends it is: the Day's campaign is four days ahead.
DEMO_NOW = datetime.datetime(2026, 11, 26, 12, 0, tzinfo=datetime.UTC)


def _quiet(_line: str) -> None:
    pass


@pytest.fixture(scope="module")
def demo_root(tmp_path_factory):
    """Where the demo's files (the bids' documents) are stored for the module."""
    return tmp_path_factory.mktemp("demo")


@pytest.fixture(scope="module")
def congresses(django_db_setup, django_db_blocker, demo_root):
    """The members', experiences', award's and the congresses' demo data, loaded once; their counts."""
    root = demo_root
    with (
        django_db_blocker.unblock(),
        override_settings(
            MEDIA_ROOT=root / "media",
            PRIVATE_MEDIA_ROOT=root / "private",
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        ),
    ):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            demo_load(log=_quiet)
            experiences_demo_load(log=_quiet)
            awards_demo_load(log=_quiet)
            lines: list[str] = []
            counts = congresses_demo_load(log=lines.append)
            yield {"counts": counts, "lines": lines}
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def _katowice() -> Event:
    return Event.objects.get(slug=data.KATOWICE_SLUG)


def _local(moment: datetime.datetime) -> datetime.datetime:
    return moment.astimezone(WARSAW)


def test_demo_katowice_is_the_xvi_congress_held_hybrid_in_warsaw_time(congresses):
    event = _katowice()

    assert event.kind == EventKind.INTERNATIONAL_CONGRESS
    assert event.number == 16
    assert event.host_city.name == "Katowice"
    assert (event.starts_on, event.ends_on) == (datetime.date(2020, 11, 18), datetime.date(2020, 11, 20))
    assert event.time_zone == "Europe/Warsaw"
    assert event.format == EventFormat.HYBRID
    assert event.capacity == 90
    assert event.is_published
    assert event.programme_published
    assert _local(event.registration_closes_at) == datetime.datetime(2020, 11, 13, 23, 59, tzinfo=WARSAW)
    content_type = ContentType.objects.get_for_model(Event)
    changes = AuditEntry.objects.filter(
        content_type=content_type, object_id=str(event.pk), action="event_update"
    )
    assert changes.get().comment == "capacity, format"
    titles = dict(
        TextTranslation.objects.filter(
            content_type=content_type, object_id=str(event.pk), field="title"
        ).values_list("language", "text")
    )
    assert titles == data.KATOWICE_TITLE


def test_demo_katowice_registration_types_and_questions(congresses):
    event = _katowice()
    types = {t.name: t for t in event.registration_types.all()}

    assert list(types) == [spec.name for spec in data.KATOWICE_TYPES.values()]
    assert types["Delegate of a member city"].fee == Decimal("250.00")
    assert types["Delegate of a member city"].requires_member_city
    assert not types["Speaker"].is_public
    assert not types["Speaker"].counts_toward_capacity
    assert types["Press"].needs_approval
    assert list(event.registration_questions.values_list("kind", "is_required")) == [
        ("choice", True),
        ("text", False),
    ]


def test_demo_katowice_places_ran_out_so_some_waited_and_some_were_promoted(congresses):
    event = _katowice()
    registrations = Registration.objects.filter(event=event)
    by_type = Counter(registrations.values_list("type__name", flat=True))

    assert registrations.count() == 123
    assert by_type == {
        "Delegate of a member city": 94,
        "Accompanying person": 6,
        "Speaker": 18,
        "Press": 5,
    }
    assert dict(Counter(registrations.values_list("status", flat=True))) == {
        R.CONFIRMED: 112,
        R.WAITLISTED: 3,
        R.CANCELLED: 8,
    }
    holding = registrations.filter(status=R.CONFIRMED, type__counts_toward_capacity=True).count()
    assert holding == event.capacity == 90
    assert places_left(event=event) == 0
    promoted = AuditEntry.objects.filter(action="promote", object_id__in=[str(r.pk) for r in registrations])
    assert promoted.count() == 6
    assert sorted(registrations.filter(status=R.WAITLISTED).values_list("waitlist_position", flat=True)) == [
        7,
        8,
        9,
    ]
    assert all(
        email.endswith(("@example.org", "@educities.localhost"))
        for email in registrations.values_list("email", flat=True)
    )


def test_demo_katowice_registrations_happened_while_registration_was_open(congresses):
    event = _katowice()
    attendance = event.registration_questions.order_by("position").first()
    for registration in Registration.objects.filter(event=event):
        assert event.registration_opens_at <= registration.created_at < event.registration_closes_at
        assert registration.answers[str(attendance.pk)] in data.ATTENDANCE_CHOICES


def test_demo_katowice_fees_and_check_in(congresses):
    event = _katowice()
    registrations = Registration.objects.filter(event=event)
    confirmed_paying = registrations.filter(status=R.CONFIRMED, type__fee__gt=0)
    fees = Counter(confirmed_paying.values_list("fee_status", flat=True))
    checked_in = registrations.filter(checked_in_at__isnull=False)

    assert fees == {FeeStatus.PAID: 82, FeeStatus.WAIVED: 3, FeeStatus.UNPAID: 5}
    assert set(checked_in.values_list("status", flat=True)) == {R.CONFIRMED}
    assert 0.6 < checked_in.count() / registrations.filter(status=R.CONFIRMED).count() < 0.9
    for registration in checked_in:
        local = _local(registration.checked_in_at)
        assert local.date() in (datetime.date(2020, 11, 18), datetime.date(2020, 11, 19))
        assert 8 <= local.hour <= 9


def test_demo_katowice_readme_editor_attended_as_barcelona_s_delegate(congresses):
    registration = Registration.objects.get(event=_katowice(), user__email=data.EDITOR_EMAIL)

    assert registration.city.name == "Barcelona"
    assert registration.status == R.CONFIRMED
    assert registration.checked_in_at is not None
    assert sorted(registration.agenda.values_list("session__language", "session__kind")) == [
        ("es", SessionKind.WORKSHOP),
        ("es", SessionKind.WORKSHOP),
    ]


def test_demo_katowice_programme_has_42_sessions_over_three_days_in_four_rooms(congresses):
    event = _katowice()
    sessions = list(Session.objects.filter(event=event).select_related("room"))
    kinds = Counter(session.kind for session in sessions)

    assert len(sessions) == 42
    assert sorted(event.rooms.values_list("name", flat=True)) == sorted(
        name for _key, name, _cap in data.ROOMS
    )
    assert {_local(session.starts_at).date() for session in sessions} == {
        datetime.date(2020, 11, 18),
        datetime.date(2020, 11, 19),
        datetime.date(2020, 11, 20),
    }
    assert kinds[SessionKind.COMMUNICATIONS] == 14
    assert kinds[SessionKind.STUDY_VISIT] == 3
    assert kinds[SessionKind.ONLINE] == 4
    assert kinds[SessionKind.PLENARY] >= 8
    for session in sessions:
        assert 8 <= _local(session.starts_at).hour <= 19
        if session.is_online:
            assert session.meeting_url.startswith("https://meet.example.org/katowice-2020/")
        if session.kind not in (SessionKind.BREAK, SessionKind.CULTURAL):
            assert session.speakers.exists(), session.title
    # No two sessions share a room at the same time.
    by_room: dict[int, list[Session]] = {}
    for session in sessions:
        if session.room_id:
            by_room.setdefault(session.room_id, []).append(session)
    for room_sessions in by_room.values():
        room_sessions.sort(key=lambda session: session.starts_at)
        for before, after in itertools.pairwise(room_sessions):
            assert before.ends_at <= after.starts_at


def test_demo_katowice_call_has_proposals_in_four_languages_reviewed_and_decided(congresses):
    proposals = Proposal.objects.filter(call__event=_katowice())
    process = _katowice().call.review_process

    assert dict(Counter(proposals.values_list("status", flat=True))) == {
        P.ACCEPTED: 14,
        P.REJECTED: 8,
        P.DRAFT: 2,
        P.WITHDRAWN: 1,
    }
    assert set(proposals.values_list("language", flat=True)) == {"en", "fr", "es", "pt"}
    assert proposals.filter(status=P.ACCEPTED, session__isnull=False).count() == 14
    assert all(p.decision_note for p in proposals.filter(status__in=(P.ACCEPTED, P.REJECTED)))
    assert process.phase == ReviewPhase.CLOSED
    assert Reviewer.objects.filter(process=process).count() == 6
    reviews = Review.objects.filter(item__process=process)
    assert reviews.count() == 66
    assert not reviews.filter(submitted_at__isnull=True).exists()
    call = _katowice().call
    for proposal in proposals.exclude(status=P.DRAFT):
        assert call.opens_at <= proposal.submitted_at <= call.closes_at


def test_demo_katowice_accepted_proposals_scored_higher_than_rejected_ones(congresses):
    proposals = Proposal.objects.filter(call__event=_katowice(), review_item__isnull=False)

    def mean(status: str) -> Decimal:
        totals = Review.objects.filter(
            item__congress_proposal__in=proposals.filter(status=status)
        ).values_list("total", flat=True)
        return sum(totals) / len(totals)

    assert mean(P.ACCEPTED) > mean(P.REJECTED) + 1


def test_demo_barcelona_s_editor_submitted_an_accepted_proposal(congresses):
    proposal = Proposal.objects.get(submitted_by__email=data.EDITOR_EMAIL)

    assert proposal.city.name == "Barcelona"
    assert proposal.status == P.ACCEPTED
    assert proposal.session is not None
    assert proposal.session.speakers.count() == 2


def test_demo_gijon_meeting_is_open_for_registration_and_close_to_full(congresses):
    event = Event.objects.get(slug=data.GIJON_SLUG)
    registrations = Registration.objects.filter(event=event)

    assert event.kind == EventKind.NATIONAL_CONGRESS
    assert event.network.name == data.GIJON_NETWORK
    assert event.time_zone == "Europe/Madrid"
    assert event.original_language == "es"
    assert registration_is_open(event=event, now=DEMO_NOW)
    assert places_left(event=event) == 4
    assert dict(Counter(registrations.values_list("status", flat=True))) == {
        R.CONFIRMED: 55,
        R.PENDING: 1,
        R.CANCELLED: 1,
    }
    assert not registrations.filter(email=data.EDITOR_EMAIL).exists()
    assert Session.objects.filter(event=event).count() == len(data.GIJON_SESSIONS) == 9
    assert event.programme_published
    assert all(r.created_at < DEMO_NOW for r in registrations)


def test_demo_bids_chosen_not_chosen_and_waiting(congresses, demo_root, settings):
    bids = {(bid.city.name, bid.congress_year): bid for bid in Bid.objects.select_related("city")}

    assert {key: bid.status for key, bid in bids.items()} == {
        ("Montevideo", 2028): BidStatus.ACCEPTED,
        ("Gwangju", 2028): BidStatus.DECLINED,
        ("Porto", 2030): BidStatus.SUBMITTED,
    }
    for key in (("Montevideo", 2028), ("Gwangju", 2028)):
        assert bids[key].decision_note
        assert bids[key].decision_meeting == data.BID_MEETING
        assert bids[key].decided_by.email == data.EXECUTIVE_EMAIL
    assert all(bid.documents.exists() for bid in bids.values())
    document = bids[("Montevideo", 2028)].documents.first()
    settings.PRIVATE_MEDIA_ROOT = demo_root / "private"
    with document.file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_demo_congresses_counts_and_log(congresses):
    counts = congresses["counts"]

    assert counts["events"] == 2
    assert counts["registrations"] == 123 + 57
    assert counts["sessions"] == 42 + 9
    assert counts["proposals"] == 25
    assert counts["bids"] == 3
    assert congresses["lines"][0] == "[1/3] XVI International Congress, Katowice 2020"
    assert any(line.startswith("Congresses done in ") for line in congresses["lines"])


def test_demo_congresses_load_twice_and_change_nothing(congresses):
    audit = AuditEntry.objects.count()
    snapshot = sorted(Registration.objects.values_list("pk", "status", "updated_at"))

    counts = congresses_demo_load(log=_quiet)

    assert counts == congresses["counts"] == congresses_demo_counts()
    assert AuditEntry.objects.count() == audit
    assert sorted(Registration.objects.values_list("pk", "status", "updated_at")) == snapshot
