"""Notifications: one message per recipient, and a subject that is always one line."""

import pytest
from django.core import mail

from educities.core.domain.notifications import email_notify_on_commit, email_subject_safe
from educities.core.tasks import task_email_send
from educities.members.domain.membership import membership_review_start
from educities.members.enums import MembershipStatus
from tests.factories import CityFactory, ContactFactory, StaffFactory, make_city_editor

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_task_email_send_sends_one_message_per_recipient():
    sent = task_email_send.call(
        recipients=["a@example.org", "b@example.org", "c@example.org"], subject="Hello", body="Body"
    )

    assert sent == 3
    assert [(m.to, m.cc, m.bcc, m.subject, m.body) for m in mail.outbox] == [
        (["a@example.org"], [], [], "Hello", "Body"),
        (["b@example.org"], [], [], "Hello", "Body"),
        (["c@example.org"], [], [], "Hello", "Body"),
    ]


def test_task_email_send_without_recipients_sends_nothing():
    assert task_email_send.call(recipients=[], subject="Hello", body="Body") == 0
    assert mail.outbox == []


def test_notification_never_shows_a_recipient_the_others(django_capture_on_commit_callbacks):
    city = CityFactory(name="Granollers", membership_status=MembershipStatus.APPLIED)
    make_city_editor(city, email="tecnic@granollers.example.org", language="en")
    ContactFactory(city=city, email="private@granollers.example.org", is_primary=True, language="en")

    with django_capture_on_commit_callbacks(execute=True):
        membership_review_start(city=city, actor=StaffFactory())

    assert [m.to for m in mail.outbox] == [
        ["private@granollers.example.org"],
        ["secretariat@educities.localhost"],
        ["tecnic@granollers.example.org"],
    ]
    assert [m.message()["To"] for m in mail.outbox] == [
        "private@granollers.example.org",
        "secretariat@educities.localhost",
        "tecnic@granollers.example.org",
    ]


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Granollers: Member", "Granollers: Member"),
        ("Gran\r\nollers: Member", "Gran ollers: Member"),
        ("Granollers\nBcc: victim@example.org: Member", "Granollers Bcc: victim@example.org: Member"),
        ("\tGran\x07\x00ollers \u2028: Member\r\n", "Gran ollers : Member"),
        ("Granollers  \x85  :   Member", "Granollers : Member"),
        ("Granollers\u00a0: membre\u202f!", "Granollers\u00a0: membre\u202f!"),
    ],
)
def test_email_subject_safe_collapses_line_breaks_and_controls(subject, expected):
    assert email_subject_safe(subject) == expected


def test_city_name_with_line_break_still_notifies_the_secretariat(django_capture_on_commit_callbacks):
    # A name stored before names were validated must not stop the e-mail (BadHeaderError).
    city = CityFactory(name="Gran\r\nollers\x07", membership_status=MembershipStatus.APPLIED)

    with django_capture_on_commit_callbacks(execute=True):
        membership_review_start(city=city, actor=StaffFactory())

    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["secretariat@educities.localhost"], "Gran ollers : Under review by the Secretariat")
    ]
    assert mail.outbox[0].message()["Subject"] == "Gran ollers : Under review by the Secretariat"


def test_email_notify_on_commit_sends_the_safe_subject(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email_notify_on_commit(recipients=["a@example.org", "", "a@example.org"], subject="A\r\nB", body="x")

    assert [(m.to, m.subject) for m in mail.outbox] == [(["a@example.org"], "A B")]
