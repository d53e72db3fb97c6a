"""The notification path against a real SMTP server: domain → on_commit → task → SMTP backend."""

import socket
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller

from educities.core.domain.errors import TransitionNotAllowed
from educities.members.domain.membership import membership_review_start
from educities.members.enums import MembershipStatus
from tests.factories import CityFactory, ContactFactory, StaffFactory, make_city_editor

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


class _Inbox:
    """An aiosmtpd handler that keeps every message it accepts."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_inbox(settings):
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10
    try:
        yield inbox
    finally:
        controller.stop()


def test_membership_transition_email_with_accented_city_name_reaches_smtp_server(
    smtp_inbox, django_capture_on_commit_callbacks
):
    city = CityFactory(name="Medellín", membership_status=MembershipStatus.APPLIED)

    with django_capture_on_commit_callbacks(execute=True):
        membership_review_start(city=city, actor=StaffFactory())

    message = message_from_bytes(smtp_inbox.envelopes[0].original_content, policy=policy.default)
    assert smtp_inbox.envelopes[0].rcpt_tos == ["secretariat@educities.localhost"]
    assert message["Subject"] == "Medellín: Under review by the Secretariat"
    assert "The membership of Medellín" in message.get_content()


def test_membership_transition_email_reaches_smtp_server(smtp_inbox, django_capture_on_commit_callbacks):
    city = CityFactory(name="Granollers", membership_status=MembershipStatus.APPLIED)
    make_city_editor(city, email="tecnic@granollers.example.org")
    ContactFactory(city=city, email="educacio@granollers.example.org", is_primary=True, language="en")

    with django_capture_on_commit_callbacks(execute=True):
        membership_review_start(city=city, actor=StaffFactory())

    # One message per recipient: a contact never sees the editors' or the Secretariat's addresses.
    messages = [message_from_bytes(e.original_content, policy=policy.default) for e in smtp_inbox.envelopes]
    assert [
        (e.rcpt_tos, m["To"], m.get("Cc"), m.get("Bcc"))
        for e, m in zip(smtp_inbox.envelopes, messages, strict=True)
    ] == [
        (["educacio@granollers.example.org"], "educacio@granollers.example.org", None, None),
        (["secretariat@educities.localhost"], "secretariat@educities.localhost", None, None),
        (["tecnic@granollers.example.org"], "tecnic@granollers.example.org", None, None),
    ]
    assert {e.mail_from for e in smtp_inbox.envelopes} == {"no-reply@educities.localhost"}
    assert {m["Subject"] for m in messages} == {"Granollers: Under review by the Secretariat"}
    body = messages[0].get_content()
    assert "The membership of Granollers in the International Association of Educating Cities" in body
    assert "Under review by the Secretariat" in body


def test_city_name_with_line_break_still_notifies_with_a_one_line_subject(
    smtp_inbox, django_capture_on_commit_callbacks
):
    # Stored before names were validated (or by a path that skips validation): must not stop the e-mail.
    city = CityFactory(
        name="Granollers\r\nBcc: victim@example.org", membership_status=MembershipStatus.APPLIED
    )

    with django_capture_on_commit_callbacks(execute=True):
        membership_review_start(city=city, actor=StaffFactory())

    message = message_from_bytes(smtp_inbox.envelopes[0].original_content, policy=policy.default)
    assert [e.rcpt_tos for e in smtp_inbox.envelopes] == [["secretariat@educities.localhost"]]
    assert message["Subject"] == "Granollers Bcc: victim@example.org: Under review by the Secretariat"
    assert message.get("Bcc") is None


def test_membership_refused_transition_sends_no_email(smtp_inbox, django_capture_on_commit_callbacks):
    city = CityFactory(name="Rosario", membership_status=MembershipStatus.MEMBER)

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(TransitionNotAllowed):
        membership_review_start(city=city, actor=StaffFactory())

    assert smtp_inbox.envelopes == []
