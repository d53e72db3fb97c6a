"""Registrations: places and the waiting list, refusals, the workflow (confirm, promote, cancel), fees,
check-in, codes, the personal agenda and the e-mails (in the person's language, with the event's .ics)."""

import datetime
from decimal import Decimal
from unittest import mock

import icalendar
import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from educities.congresses.domain import registrations as registrations_module
from educities.congresses.domain.common import (
    AlreadyCheckedIn,
    AnswersInvalid,
    NoPlaceFree,
    RegistrationClosed,
    RegistrationDuplicate,
    RegistrationRefused,
    event_title,
    moment_for_people,
)
from educities.congresses.domain.registrations import (
    agenda_add,
    agenda_remove,
    places_left,
    registration_by_code,
    registration_check_in,
    registration_check_in_undo,
    registration_create,
    registration_fee_set,
    registration_transition,
    waitlist_promote,
    waitlist_rank,
)
from educities.congresses.enums import FeeStatus, RegistrationStatus
from educities.congresses.models import AgendaEntry, Registration, RegistrationQuestion
from educities.core.domain.audit import audit_entries_for
from educities.core.domain.errors import DomainError, PermissionRefused, TransitionNotAllowed
from educities.members.enums import MembershipStatus
from tests.congresses.factories import (
    EventFactory,
    RegistrationFactory,
    RegistrationTypeFactory,
    SessionFactory,
)
from tests.factories import CityFactory, StaffFactory, UserFactory, make_city_editor

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

WAITLISTED = RegistrationStatus.WAITLISTED
CONFIRMED = RegistrationStatus.CONFIRMED
PENDING = RegistrationStatus.PENDING
CANCELLED = RegistrationStatus.CANCELLED


@pytest.fixture
def event():
    return EventFactory(capacity=2, title="Congress of Educating Cities")


@pytest.fixture
def delegate(event):
    return RegistrationTypeFactory(event=event, name="Delegate")


@pytest.fixture
def staff():
    return StaffFactory()


def _register(event, kind, actor=None, **overrides):
    values = {
        "event": event,
        "type": kind,
        "actor": AnonymousUser() if actor is None else actor,
        "name": "Anna Puig",
        "email": "anna@example.org",
    }
    values.update(overrides)
    return registration_create(**values)


def _fill(event, kind, count):
    return [RegistrationFactory(event=event, type=kind) for _index in range(count)]


def _waiting(event, kind, position):
    return RegistrationFactory(
        event=event, type=kind, status=WAITLISTED, waitlist_position=position, confirmed_at=None
    )


# --- Places ---------------------------------------------------------------------------------------


def test_registration_create_confirms_while_places_remain(event, delegate):
    user = UserFactory()

    registration = _register(event, delegate, actor=user, user=user, organisation="City council")

    assert (
        registration.status,
        registration.waitlist_position,
        registration.fee_status,
        registration.user,
        registration.registered_by,
        registration.organisation,
        registration.confirmed_at is not None,
    ) == (CONFIRMED, None, FeeStatus.NONE, user, user, "City council", True)
    assert [(e.action, e.to_state) for e in audit_entries_for(subject=registration)] == [
        ("register", CONFIRMED)
    ]


def test_registration_create_with_a_fee_leaves_it_unpaid(event):
    paying = RegistrationTypeFactory(event=event, fee=Decimal("150.00"))

    registration = _register(event, paying)

    assert registration.fee_status == FeeStatus.UNPAID


def test_registration_create_type_needing_approval_stays_pending_holding_a_place(event):
    approval = RegistrationTypeFactory(event=event, needs_approval=True)

    registration = _register(event, approval)

    assert (registration.status, registration.confirmed_at, places_left(event=event)) == (PENDING, None, 1)


def test_registration_create_waitlists_at_the_next_position_when_full(event, delegate):
    _fill(event, delegate, 2)

    first = _register(event, delegate, email="one@example.org")
    second = _register(event, delegate, email="two@example.org")

    assert [(r.status, r.waitlist_position) for r in (first, second)] == [(WAITLISTED, 1), (WAITLISTED, 2)]
    assert first.confirmed_at is None


def test_registration_create_waitlist_position_follows_the_last_even_after_gaps(event, delegate):
    _fill(event, delegate, 2)
    _waiting(event, delegate, 4)

    registration = _register(event, delegate)

    assert (registration.waitlist_position, waitlist_rank(registration=registration)) == (5, 2)


def test_registration_create_without_capacity_has_no_limit(delegate):
    event = delegate.event
    event.capacity = None
    event.save()
    _fill(event, delegate, 5)

    registration = _register(event, delegate)

    assert (registration.status, places_left(event=event)) == (CONFIRMED, None)


def test_registration_create_type_not_taking_places_is_confirmed_when_full(event, delegate):
    _fill(event, delegate, 2)
    press = RegistrationTypeFactory(event=event, name="Press", counts_toward_capacity=False)

    registration = _register(event, press)

    assert registration.status == CONFIRMED


def test_places_taken_ignore_cancelled_waitlisted_and_types_not_counting(event, delegate):
    RegistrationFactory(event=event, type=delegate, status=CANCELLED)
    _waiting(event, delegate, 1)
    RegistrationFactory(event=event, type=RegistrationTypeFactory(event=event, counts_toward_capacity=False))
    RegistrationFactory(event=event, type=delegate, status=PENDING)

    assert places_left(event=event) == 1


def test_registration_create_gives_free_places_to_those_waiting_first(event, delegate):
    _fill(event, delegate, 1)
    waiting = _waiting(event, delegate, 1)

    newcomer = _register(event, delegate)

    waiting.refresh_from_db()
    assert (waiting.status, newcomer.status, newcomer.waitlist_position) == (CONFIRMED, WAITLISTED, 1)


# --- Refusals -------------------------------------------------------------------------------------


def test_registration_create_refused_before_registration_opens_says_when(delegate):
    event = delegate.event
    opens = timezone.now() + datetime.timedelta(days=3)
    event.registration_opens_at = opens
    event.save()

    with pytest.raises(RegistrationClosed) as caught:
        _register(event, delegate)

    assert caught.value.message == _("Registration opens on %(moment)s.") % {
        "moment": moment_for_people(opens, time_zone="Europe/Warsaw")
    }
    assert Registration.objects.count() == 0


def test_registration_create_refused_after_registration_closes_says_when(delegate):
    event = delegate.event
    closes = timezone.now() - datetime.timedelta(minutes=1)
    event.registration_closes_at = closes
    event.save()

    with pytest.raises(RegistrationClosed) as caught:
        _register(event, delegate)

    assert caught.value.message == _("Registration closed on %(moment)s.") % {
        "moment": moment_for_people(closes, time_zone="Europe/Warsaw")
    }


def test_registration_closes_by_default_at_the_end_of_the_last_day_in_the_event_zone():
    event = EventFactory(
        starts_on=datetime.date(2030, 6, 10),
        ends_on=datetime.date(2030, 6, 12),
        time_zone="Asia/Tokyo",
        registration_opens_at=None,
        registration_closes_at=None,
    )
    delegate = RegistrationTypeFactory(event=event)

    # 23:59 on 12 June in Tokyo is 14:59 UTC; midnight is 15:00 UTC.
    with time_machine.travel(datetime.datetime(2030, 6, 12, 14, 59, tzinfo=datetime.UTC), tick=False):
        late = _register(event, delegate, email="late@example.org")
    with (
        time_machine.travel(datetime.datetime(2030, 6, 12, 15, 0, tzinfo=datetime.UTC), tick=False),
        pytest.raises(RegistrationClosed),
    ):
        _register(event, delegate, email="too.late@example.org")

    assert late.status == CONFIRMED


def test_registration_create_staff_may_register_outside_the_window(delegate, staff):
    event = delegate.event
    event.registration_closes_at = timezone.now() - datetime.timedelta(days=1)
    event.save()

    registration = _register(event, delegate, actor=staff, override_window=True)

    assert registration.status == CONFIRMED


def test_registration_create_override_window_is_refused_to_participants(delegate):
    with pytest.raises(PermissionRefused):
        _register(delegate.event, delegate, actor=UserFactory(), override_window=True)


def test_registration_create_refuses_the_same_email_twice(event, delegate):
    _register(event, delegate, email="anna@example.org")

    with pytest.raises(RegistrationDuplicate) as caught:
        _register(event, delegate, email="  ANNA@Example.org ", name="Anna P.")

    assert caught.value.message == _(
        "This e-mail address is already registered for “%(event)s”: look for the confirmation we sent, "
        "or cancel that registration first."
    ) % {"event": "Congress of Educating Cities"}
    assert Registration.objects.count() == 1


def test_registration_create_same_email_again_after_cancelling(event, delegate):
    RegistrationFactory(event=event, type=delegate, email="anna@example.org", status=CANCELLED)

    registration = _register(event, delegate, email="anna@example.org")

    assert registration.status == CONFIRMED


def test_registration_create_same_email_for_another_event(event, delegate):
    other = RegistrationFactory(email="anna@example.org")

    registration = _register(event, delegate, email="anna@example.org")

    assert (registration.event, other.event != event) == (event, True)


def test_registration_create_duplicate_caught_by_the_database_gets_the_same_message(event, delegate):
    RegistrationFactory(event=event, type=delegate, email="anna@example.org")

    # The check before saving misses it (as when two requests race); the unique constraint does not.
    with (
        mock.patch.object(registrations_module, "_is_duplicate", side_effect=[False, True]),
        pytest.raises(RegistrationDuplicate) as caught,
    ):
        _register(event, delegate, email="anna@example.org")

    assert caught.value.message == registrations_module._duplicate_message(event)
    assert Registration.objects.count() == 1


def test_registration_create_refuses_a_type_of_another_event(event):
    other_type = RegistrationTypeFactory()

    with pytest.raises(RegistrationRefused) as caught:
        _register(event, other_type)

    assert caught.value.message == _("Choose one of this event’s registration types.")


def test_registration_create_non_public_type_is_refused_to_participants(event):
    speakers = RegistrationTypeFactory(event=event, name="Speaker", is_public=False)

    with pytest.raises(RegistrationRefused) as caught:
        _register(event, speakers, actor=UserFactory())

    assert caught.value.message == _(
        "“%(type)s” registrations are made by the Secretariat: choose another type."
    ) % {"type": "Speaker"}


def test_registration_create_non_public_type_is_allowed_to_staff(event, staff):
    speakers = RegistrationTypeFactory(event=event, is_public=False)

    registration = _register(event, speakers, actor=staff)

    assert (registration.status, registration.registered_by) == (CONFIRMED, staff)


@pytest.mark.parametrize("city_status", [None, MembershipStatus.APPLIED, MembershipStatus.WITHDRAWN])
def test_registration_create_member_city_type_needs_a_member_city(event, city_status):
    members = RegistrationTypeFactory(event=event, name="Member delegate", requires_member_city=True)
    city = None if city_status is None else CityFactory(membership_status=city_status)

    with pytest.raises(RegistrationRefused) as caught:
        _register(event, members, city=city)

    assert caught.value.message == _(
        "“%(type)s” is for delegates of member cities: choose the member city you represent."
    ) % {"type": "Member delegate"}


def test_registration_create_member_city_type_with_a_member_city(event):
    members = RegistrationTypeFactory(event=event, requires_member_city=True)
    city = CityFactory(membership_status=MembershipStatus.MEMBER)

    registration = _register(event, members, city=city)

    assert registration.city == city


def test_registration_create_on_an_unpublished_event_is_refused_to_the_public(delegate):
    event = delegate.event
    event.is_published = False
    event.save()

    with pytest.raises(PermissionRefused):
        _register(event, delegate)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "  ", "Give the full name of the person who registers."),
        ("email", "not-an-address", "Give a valid e-mail address."),
        ("email", "", "Give a valid e-mail address."),
        ("language", "de", "Choose one of the site’s languages."),
    ],
)
def test_registration_create_refuses_what_a_person_cannot_give(event, delegate, field, value, message):
    with pytest.raises(RegistrationRefused) as caught:
        _register(event, delegate, **{field: value})

    assert caught.value.message == _(message)
    assert Registration.objects.count() == 0


@pytest.mark.parametrize("field", ["name", "organisation", "position_title"])
def test_registration_create_refuses_control_characters_in_one_line_texts(event, delegate, field):
    with pytest.raises(RegistrationRefused):
        _register(event, delegate, **{field: "Anna\r\nBcc: everyone@example.org"})


def test_registration_create_tidies_spaces_in_the_name(event, delegate):
    registration = _register(event, delegate, name="  Anna   Puig ")

    assert registration.name == "Anna Puig"


# --- Answers --------------------------------------------------------------------------------------


@pytest.fixture
def questions(event):
    def make(text, kind, required=False, choices=()):
        return RegistrationQuestion.objects.create(
            event=event, text=text, kind=kind, is_required=required, choices=list(choices)
        )

    return {
        "diet": make("Dietary needs", RegistrationQuestion.Kind.TEXT),
        "visit": make(
            "Study visit", RegistrationQuestion.Kind.CHOICE, required=True, choices=["Schools", "Parks"]
        ),
        "dinner": make("Gala dinner", RegistrationQuestion.Kind.YES_NO, required=True),
        "notes": make("Anything else", RegistrationQuestion.Kind.LONG_TEXT),
    }


def test_registration_create_stores_the_answers_by_question(event, delegate, questions):
    registration = _register(
        event,
        delegate,
        answers={
            questions["diet"].pk: " Vegetarian ",
            str(questions["visit"].pk): "Parks",
            questions["dinner"].pk: "no",
            questions["notes"].pk: "Line one\r\nLine two",
        },
    )

    assert registration.answers == {
        str(questions["diet"].pk): "Vegetarian",
        str(questions["visit"].pk): "Parks",
        str(questions["dinner"].pk): False,
        str(questions["notes"].pk): "Line one\nLine two",
    }


def test_registration_create_refuses_required_questions_unanswered(event, delegate, questions):
    with pytest.raises(AnswersInvalid) as caught:
        _register(event, delegate, answers={questions["visit"].pk: ""})

    assert caught.value.errors == {
        questions["visit"].pk: _("Answer the question “%(question)s”.") % {"question": "Study visit"},
        questions["dinner"].pk: _("Answer the question “%(question)s”.") % {"question": "Gala dinner"},
    }
    assert Registration.objects.count() == 0


def test_registration_create_refuses_an_unknown_choice(event, delegate, questions):
    with pytest.raises(AnswersInvalid) as caught:
        _register(event, delegate, answers={questions["visit"].pk: "Beach", questions["dinner"].pk: True})

    assert caught.value.errors == {questions["visit"].pk: "Study visit: " + _("Choose one of the options.")}


@pytest.mark.parametrize("key", [999_999, "abc", None, True])
def test_registration_create_refuses_answers_to_unknown_questions(event, delegate, key):
    with pytest.raises(RegistrationRefused) as caught:
        _register(event, delegate, answers={key: "x"})

    assert caught.value.message == _("An answer was sent for a question that does not exist.")


def test_registration_create_refuses_answers_to_another_events_question(event, delegate):
    foreign = RegistrationQuestion.objects.create(event=EventFactory(), text="Elsewhere")

    with pytest.raises(RegistrationRefused):
        _register(event, delegate, answers={foreign.pk: "x"})


def test_registration_create_refuses_answers_not_sent_as_a_dict(event, delegate):
    with pytest.raises(RegistrationRefused):
        _register(event, delegate, answers=["x"])


@pytest.mark.parametrize(
    ("question", "value"),
    [("diet", "x" * 301), ("diet", "two\nlines"), ("diet", 42), ("dinner", "maybe"), ("notes", "bell\x07")],
)
def test_registration_create_refuses_bad_answers(event, delegate, questions, question, value):
    answers = {questions["visit"].pk: "Parks", questions["dinner"].pk: True, questions[question].pk: value}

    with pytest.raises(AnswersInvalid) as caught:
        _register(event, delegate, answers=answers)

    assert list(caught.value.errors) == [questions[question].pk]


# --- E-mails on registering -----------------------------------------------------------------------


def test_registration_create_confirmation_email_has_the_event_ics(
    event, delegate, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration = _register(event, delegate)

    [message] = mailoutbox
    [(filename, content, mimetype)] = message.attachments
    calendar = icalendar.Calendar.from_ical(content)
    assert (message.to, message.subject, filename, mimetype) == (
        ["anna@example.org"],
        _("%(event)s: your registration is confirmed") % {"event": "Congress of Educating Cities"},
        "event.ics",
        "text/calendar",
    )
    assert [str(entry["SUMMARY"]) for entry in calendar.walk("VEVENT")] == ["Congress of Educating Cities"]
    assert registration.code in message.body


def test_registration_create_email_is_in_the_persons_language(
    event, delegate, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _register(event, delegate, language="fr")

    with translation.override("fr"):
        subject = _("%(event)s: your registration is confirmed") % {"event": "Congress of Educating Cities"}
        confirmed = _("Your registration for “%(event_title)s” is confirmed.").replace(
            "%(event_title)s", "Congress of Educating Cities"
        )
    assert mailoutbox[0].subject == subject
    assert confirmed.split("“")[0] in mailoutbox[0].body


def test_registration_create_waitlisted_email_gives_the_position(
    event, delegate, mailoutbox, django_capture_on_commit_callbacks
):
    _fill(event, delegate, 2)
    _waiting(event, delegate, 1)

    with django_capture_on_commit_callbacks(execute=True):
        _register(event, delegate)

    [message] = mailoutbox
    assert message.subject == _("%(event)s: you are on the waiting list") % {
        "event": "Congress of Educating Cities"
    }
    assert "You are number 2 on the waiting list." in message.body
    assert message.attachments == []


def test_registration_create_pending_email(event, mailoutbox, django_capture_on_commit_callbacks):
    approval = RegistrationTypeFactory(event=event, needs_approval=True)

    with django_capture_on_commit_callbacks(execute=True):
        _register(event, approval)

    assert [m.subject for m in mailoutbox] == [
        _("%(event)s: we received your registration") % {"event": "Congress of Educating Cities"}
    ]


def test_registration_create_refused_sends_nothing(
    event, delegate, mailoutbox, django_capture_on_commit_callbacks
):
    _register(event, delegate)

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RegistrationDuplicate):
        _register(event, delegate)

    assert mailoutbox == []


# --- The workflow ---------------------------------------------------------------------------------


def test_registration_transition_confirm_by_staff(
    event, staff, mailoutbox, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory(event=event, status=PENDING, confirmed_at=None)

    with django_capture_on_commit_callbacks(execute=True):
        registration_transition(registration=registration, step="confirm", actor=staff, comment="Checked")

    registration.refresh_from_db()
    assert (registration.status, registration.confirmed_at is not None) == (CONFIRMED, True)
    assert [
        (e.action, e.from_state, e.to_state, e.comment) for e in audit_entries_for(subject=registration)
    ] == [("confirm", PENDING, CONFIRMED, "Checked")]
    assert [a[0] for a in mailoutbox[0].attachments] == ["event.ics"]


def test_registration_transition_confirm_is_refused_to_the_participant(event):
    user = UserFactory()
    registration = RegistrationFactory(event=event, status=PENDING, user=user)

    with pytest.raises(PermissionRefused):
        registration_transition(registration=registration, step="confirm", actor=user)


def test_registration_transition_refuses_a_step_from_the_wrong_state(event, staff):
    registration = RegistrationFactory(event=event, status=CONFIRMED)

    with pytest.raises(TransitionNotAllowed) as caught:
        registration_transition(registration=registration, step="confirm", actor=staff)

    assert caught.value.message == _("This registration is “%(from)s”: it cannot become “%(to)s”.") % {
        "from": RegistrationStatus.CONFIRMED.label,
        "to": RegistrationStatus.CONFIRMED.label,
    }


def test_registration_transition_refuses_an_unknown_step(event, staff):
    registration = RegistrationFactory(event=event)

    with pytest.raises(DomainError) as caught:
        registration_transition(registration=registration, step="teleport", actor=staff)

    assert caught.value.message == _("Unknown step.")


def test_cancelling_a_place_promotes_the_first_waiting(
    event, delegate, mailoutbox, django_capture_on_commit_callbacks
):
    user = UserFactory()
    holder, _other = RegistrationFactory(event=event, type=delegate, user=user), _fill(event, delegate, 1)
    second = _waiting(event, delegate, 2)
    first = _waiting(event, delegate, 1)
    first.language = "es"
    first.save()

    with django_capture_on_commit_callbacks(execute=True):
        registration_transition(registration=holder, step="cancel", actor=user, comment="Cannot travel")

    for registration in (holder, first, second):
        registration.refresh_from_db()
    assert [(r.status, r.waitlist_position) for r in (holder, first, second)] == [
        (CANCELLED, None),
        (CONFIRMED, None),
        (WAITLISTED, 2),
    ]
    assert holder.cancelled_at is not None
    assert waitlist_rank(registration=second) == 1
    with translation.override("es"):
        promoted_subject = _("%(event)s: a place freed up, your registration is confirmed") % {
            "event": "Congress of Educating Cities"
        }
    by_recipient = {message.to[0]: message for message in mailoutbox}
    assert by_recipient[first.email].subject == promoted_subject
    assert [a[0] for a in by_recipient[first.email].attachments] == ["event.ics"]
    assert by_recipient[holder.email].subject == _("%(event)s: your registration is cancelled") % {
        "event": "Congress of Educating Cities"
    }
    assert [(e.action, e.actor) for e in audit_entries_for(subject=first)] == [("promote", None)]


def test_cancelling_a_waitlisted_registration_promotes_nobody(event, delegate):
    user = UserFactory()
    _fill(event, delegate, 2)
    waiting = RegistrationFactory(
        event=event, type=delegate, status=WAITLISTED, waitlist_position=1, user=user
    )
    behind = _waiting(event, delegate, 2)

    registration_transition(registration=waiting, step="cancel", actor=user)

    waiting.refresh_from_db()
    behind.refresh_from_db()
    assert [(r.status, r.waitlist_position) for r in (waiting, behind)] == [
        (CANCELLED, None),
        (WAITLISTED, 2),
    ]


def test_cancelling_a_registration_not_taking_a_place_promotes_nobody(event, delegate, staff):
    press = RegistrationFactory(
        event=event, type=RegistrationTypeFactory(event=event, counts_toward_capacity=False)
    )
    _fill(event, delegate, 2)
    waiting = _waiting(event, delegate, 1)

    registration_transition(registration=press, step="cancel", actor=staff)

    waiting.refresh_from_db()
    assert waiting.status == WAITLISTED


def test_cancelling_a_pending_registration_frees_its_place(event, delegate, staff):
    pending = RegistrationFactory(event=event, type=delegate, status=PENDING)
    _fill(event, delegate, 1)
    waiting = _waiting(event, delegate, 1)

    registration_transition(registration=pending, step="cancel", actor=staff)

    waiting.refresh_from_db()
    assert waiting.status == CONFIRMED


def test_cancelling_is_refused_after_check_in(event, staff):
    registration = RegistrationFactory(event=event, checked_in_at=timezone.now())

    with pytest.raises(TransitionNotAllowed) as caught:
        registration_transition(registration=registration, step="cancel", actor=staff)

    registration.refresh_from_db()
    assert registration.status == CONFIRMED
    assert caught.value.message == _("%(name)s was checked in on %(moment)s: undo the check-in first.") % {
        "name": registration.name,
        "moment": moment_for_people(registration.checked_in_at, time_zone="Europe/Warsaw"),
    }


def test_cancelling_after_check_in_is_refused_to_the_participant(event):
    user = UserFactory()
    registration = RegistrationFactory(event=event, user=user, checked_in_at=timezone.now())

    with pytest.raises(PermissionRefused):
        registration_transition(registration=registration, step="cancel", actor=user)


def test_cancelling_is_refused_to_someone_else(event):
    registration = RegistrationFactory(event=event, user=UserFactory())

    with pytest.raises(PermissionRefused):
        registration_transition(registration=registration, step="cancel", actor=UserFactory())


def test_cancelling_by_the_city_editor_of_the_registration(event):
    city = CityFactory()
    registration = RegistrationFactory(event=event, city=city)

    registration_transition(registration=registration, step="cancel", actor=make_city_editor(city))

    registration.refresh_from_db()
    assert registration.status == CANCELLED


def test_cancelling_empties_the_agenda(event):
    user = UserFactory()
    registration = RegistrationFactory(event=event, user=user)
    AgendaEntry.objects.create(registration=registration, session=SessionFactory(event=event))

    registration_transition(registration=registration, step="cancel", actor=user)

    assert AgendaEntry.objects.count() == 0


def test_promoting_without_a_free_place_is_refused(event, delegate, staff):
    _fill(event, delegate, 2)
    waiting = _waiting(event, delegate, 1)

    with pytest.raises(NoPlaceFree):
        registration_transition(registration=waiting, step="promote", actor=staff)

    waiting.refresh_from_db()
    assert (waiting.status, waiting.waitlist_position) == (WAITLISTED, 1)


def test_waitlist_promote_fills_the_free_places_in_order(event, delegate, staff):
    third = _waiting(event, delegate, 7)
    first = _waiting(event, delegate, 2)
    second = _waiting(event, delegate, 5)

    promoted = waitlist_promote(event=event, actor=staff)

    for registration in (first, second, third):
        registration.refresh_from_db()
    assert promoted == 2
    assert [r.status for r in (first, second, third)] == [CONFIRMED, CONFIRMED, WAITLISTED]
    assert [(e.action, e.comment) for e in audit_entries_for(subject=event)] == [("waitlist_promote", "2")]


def test_waitlist_promote_is_refused_to_participants(event):
    with pytest.raises(PermissionRefused):
        waitlist_promote(event=event, actor=UserFactory())


# --- Fees and check-in ----------------------------------------------------------------------------


def test_registration_fee_set_records_and_audits(event, staff):
    registration = RegistrationFactory(event=event, fee_status=FeeStatus.UNPAID)

    registration_fee_set(registration=registration, fee_status=FeeStatus.PAID, actor=staff)

    registration.refresh_from_db()
    assert registration.fee_status == FeeStatus.PAID
    assert [(e.action, e.from_state, e.to_state) for e in audit_entries_for(subject=registration)] == [
        ("fee_set", FeeStatus.UNPAID, FeeStatus.PAID)
    ]


def test_registration_fee_set_refuses_unknown_states_and_participants(event, staff):
    user = UserFactory()
    registration = RegistrationFactory(event=event, user=user)

    with pytest.raises(DomainError):
        registration_fee_set(registration=registration, fee_status="free-ish", actor=staff)
    with pytest.raises(PermissionRefused):
        registration_fee_set(registration=registration, fee_status=FeeStatus.PAID, actor=user)


def test_registration_check_in_then_again_says_when_the_first_was(event, staff):
    registration = RegistrationFactory(event=event, name="Anna Puig")
    first = datetime.datetime(2030, 5, 4, 8, 15, tzinfo=datetime.UTC)

    with time_machine.travel(first, tick=False):
        registration_check_in(registration=registration, actor=staff)
    with pytest.raises(AlreadyCheckedIn) as caught:
        registration_check_in(registration=registration, actor=staff)

    registration.refresh_from_db()
    assert (registration.checked_in_at, registration.checked_in_by) == (first, staff)
    assert caught.value.message == _("%(name)s was already checked in on %(moment)s.") % {
        "name": "Anna Puig",
        "moment": moment_for_people(first, time_zone="Europe/Warsaw"),
    }


@pytest.mark.parametrize("status", [PENDING, WAITLISTED, CANCELLED])
def test_registration_check_in_only_confirmed(event, staff, status):
    registration = RegistrationFactory(event=event, status=status)

    with pytest.raises(TransitionNotAllowed):
        registration_check_in(registration=registration, actor=staff)

    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_registration_check_in_undo_then_check_in_again(event, staff):
    registration = RegistrationFactory(event=event)
    registration_check_in(registration=registration, actor=staff)

    registration_check_in_undo(registration=registration, actor=staff)
    undone = (registration.checked_in_at, registration.checked_in_by)
    registration_check_in(registration=registration, actor=staff)

    assert undone == (None, None)
    assert registration.checked_in_at is not None
    assert [e.action for e in audit_entries_for(subject=registration)] == [
        "check_in",
        "check_in_undo",
        "check_in",
    ]


def test_registration_check_in_undo_when_not_checked_in_is_refused(event, staff):
    with pytest.raises(DomainError):
        registration_check_in_undo(registration=RegistrationFactory(event=event), actor=staff)


def test_registration_check_in_is_refused_to_participants(event):
    user = UserFactory()
    registration = RegistrationFactory(event=event, user=user)

    with pytest.raises(PermissionRefused):
        registration_check_in(registration=registration, actor=user)


@pytest.mark.parametrize("typed", ["ABCD2345", "abcd2345", " abcd-2345 ", "AB CD 23 45", "ab_cd.2345"])
def test_registration_by_code_ignores_case_spaces_and_dashes(event, typed):
    registration = RegistrationFactory(event=event, code="ABCD2345")

    assert registration_by_code(event=event, code=typed) == registration


@pytest.mark.parametrize("typed", ["", None, "ABCD2346", "ABCD2345" * 3, "ÁBCD2345", "' OR 1=1 --"])
def test_registration_by_code_finds_nothing_for_other_codes(event, typed):
    RegistrationFactory(event=event, code="ABCD2345")

    assert registration_by_code(event=event, code=typed) is None


def test_registration_by_code_of_another_event_finds_nothing(event):
    RegistrationFactory(code="ABCD2345")

    assert registration_by_code(event=event, code="ABCD2345") is None


# --- The personal agenda --------------------------------------------------------------------------


@pytest.fixture
def participant(event):
    user = UserFactory()
    return RegistrationFactory(event=event, user=user)


def test_agenda_add_takes_a_seat_once(event, participant):
    session = SessionFactory(event=event, capacity=10)

    entry = agenda_add(registration=participant, session=session, actor=participant.user)
    again = agenda_add(registration=participant, session=session, actor=participant.user)

    assert (entry, again, AgendaEntry.objects.count()) == (again, entry, 1)


def test_agenda_add_refused_when_the_session_is_full(event, participant):
    session = SessionFactory(event=event, title="Study visit", capacity=1)
    AgendaEntry.objects.create(registration=RegistrationFactory(event=event), session=session)

    with pytest.raises(NoPlaceFree) as caught:
        agenda_add(registration=participant, session=session, actor=participant.user)

    assert caught.value.message == _("Every place of “%(session)s” is taken (%(capacity)d).") % {
        "session": "Study visit",
        "capacity": 1,
    }


def test_agenda_remove_frees_the_seat(event, participant):
    session = SessionFactory(event=event, capacity=1)
    agenda_add(registration=participant, session=session, actor=participant.user)
    other = RegistrationFactory(event=event, user=UserFactory())

    agenda_remove(registration=participant, session=session, actor=participant.user)
    agenda_add(registration=other, session=session, actor=other.user)

    assert list(AgendaEntry.objects.values_list("registration", flat=True)) == [other.pk]


def test_agenda_add_refuses_a_session_of_another_event(participant):
    with pytest.raises(DomainError) as caught:
        agenda_add(registration=participant, session=SessionFactory(), actor=participant.user)

    assert caught.value.message == _("This session belongs to another event.")


@pytest.mark.parametrize("status", [WAITLISTED, CANCELLED])
def test_agenda_add_refuses_a_registration_without_a_place(event, status):
    user = UserFactory()
    registration = RegistrationFactory(event=event, user=user, status=status)

    with pytest.raises(DomainError) as caught:
        agenda_add(registration=registration, session=SessionFactory(event=event), actor=user)

    assert caught.value.message == _("Only participants with a place can build an agenda.")


def test_agenda_add_is_refused_to_someone_else(event, participant):
    with pytest.raises(PermissionRefused):
        agenda_add(registration=participant, session=SessionFactory(event=event), actor=UserFactory())


def test_agenda_add_without_capacity_has_no_limit(event, participant):
    session = SessionFactory(event=event, capacity=None)
    for _index in range(3):
        AgendaEntry.objects.create(registration=RegistrationFactory(event=event), session=session)

    agenda_add(registration=participant, session=session, actor=participant.user)

    assert AgendaEntry.objects.filter(session=session).count() == 4


def test_event_title_follows_the_language_with_its_translation(event):
    from educities.core.domain.translations import translation_save_human, translation_set_original

    translation_set_original(obj=event, field="title", language="en", text="Congress of Educating Cities")
    translation_save_human(
        obj=event, field="title", language="fr", text="Congrès des villes éducatrices", actor=None
    )

    assert (event_title(event, "fr"), event_title(event, "pt")) == (
        "Congrès des villes éducatrices",
        "Congress of Educating Cities",
    )


def test_registration_create_anonymous_user_is_stored_as_no_account(event, delegate):
    registration = _register(event, delegate, user=AnonymousUser())

    assert (registration.user, registration.registered_by) == (None, None)
