"""A participant's registrations: the list, one registration (status, waiting list, fee, documents, agenda),
cancelling with a confirmation step, the badge and certificate, the agenda and its calendar file, and who
may see what."""

import datetime
import re

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone
from django.utils.translation import gettext

from educities.congresses.enums import FeeStatus, RegistrationStatus
from educities.congresses.models import AgendaEntry, Registration
from educities.members.domain.roles import role_grant_city_editor
from tests.congresses.factories import (
    EventFactory,
    RegistrationFactory,
    RegistrationTypeFactory,
    RoomFactory,
    SessionFactory,
    event_moment,
)
from tests.factories import CityFactory, StaffFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def user(client):
    user = UserFactory()
    client.force_login(user)
    return user


@pytest.fixture
def event():
    return EventFactory(slug="x", title="XVIII Congress", capacity=1)


def _url(registration, suffix=""):
    return f"/en/events/registrations/{registration.code}/{suffix}"


def _session(event, title="Workshop", hour=10, **kwargs):
    start = event_moment(event, hour=hour)
    return SessionFactory(
        event=event,
        title=title,
        room=RoomFactory(event=event, name=f"Room {title}"),
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
        **kwargs,
    )


# --- The list --------------------------------------------------------------------------------------------


def test_registrations_list_shows_mine_and_those_i_made_for_others(client, user, event):
    mine = RegistrationFactory(event=event, user=user, name="Me")
    for_other = RegistrationFactory(event=EventFactory(slug="y"), registered_by=user, name="My colleague")
    RegistrationFactory(name="Stranger")

    html = client.get("/en/events/registrations/").content.decode()

    assert f'<a href="/en/events/registrations/{mine.code}/">XVIII Congress</a>' in html
    assert f"/en/events/registrations/{for_other.code}/" in html
    assert "My colleague (registered by you)" in _text(html)
    assert "Stranger" not in html


def test_registrations_list_is_empty_at_first_and_needs_signing_in(client):
    assert client.get("/en/events/registrations/").status_code == 302
    client.force_login(UserFactory())

    html = client.get("/en/events/registrations/").content.decode()

    assert gettext("You have not registered for any event yet.") in html


def test_registrations_list_reads_as_many_queries_with_1_and_8_registrations(client, user):
    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            client.get("/en/events/registrations/")
        return len(queries.captured_queries)

    RegistrationFactory(user=user)
    client.get("/en/events/registrations/")
    few = count()
    RegistrationFactory.create_batch(7, user=user)
    assert count() == few


# --- One registration ------------------------------------------------------------------------------------


def test_registration_page_shows_status_type_fee_code_and_documents(client, user, event):
    paying = RegistrationTypeFactory(event=event, name="Delegate", fee=150, currency="EUR")
    registration = RegistrationFactory(event=event, user=user, type=paying, fee_status=FeeStatus.UNPAID)

    html = client.get(_url(registration)).content.decode()
    text = _text(html)

    assert "Status Confirmed" in text
    assert "Registration type Delegate" in text
    assert "Fee Unpaid · 150.00 EUR" in text
    assert f"Code {registration.code}" in text
    assert f'href="/en/events/registrations/{registration.code}/badge.pdf"' in html
    assert "certificate.pdf" not in html
    assert f'href="/en/events/registrations/{registration.code}/cancel/"' in html


def test_registration_page_shows_the_place_on_the_waiting_list(client, user, event):
    RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED, waitlist_position=3)
    registration = RegistrationFactory(
        event=event, user=user, status=RegistrationStatus.WAITLISTED, waitlist_position=7
    )

    html = client.get(_url(registration)).content.decode()

    assert "On the waiting list · position 2" in _text(html)
    assert "badge.pdf" not in html
    assert 'id="agenda"' not in html


def test_registration_page_offers_the_certificate_after_check_in(client, user, event):
    registration = RegistrationFactory(event=event, user=user, checked_in_at=timezone.now())

    html = client.get(_url(registration)).content.decode()

    assert f'href="/en/events/registrations/{registration.code}/certificate.pdf"' in html
    assert "/cancel/" not in html


def test_registration_page_lists_the_agenda_with_meeting_links_of_online_sessions(client, user, event):
    registration = RegistrationFactory(event=event, user=user)
    online = _session(event, "Online talk", hour=9, is_online=True, meeting_url="https://meet.example.org/a")
    in_person = _session(event, "Visit", hour=11, meeting_url="https://meet.example.org/not-online")
    AgendaEntry.objects.create(registration=registration, session=in_person)
    AgendaEntry.objects.create(registration=registration, session=online)

    html = client.get(_url(registration)).content.decode()
    agenda = html.split('id="agenda"', 1)[1]

    assert agenda.index("Online talk") < agenda.index("Visit")
    assert 'href="https://meet.example.org/a"' in agenda
    assert "not-online" not in agenda
    assert f'action="/en/events/x/sessions/{online.pk}/agenda/remove/"' in agenda
    assert f'href="/en/events/registrations/{registration.code}/agenda.ics"' in agenda


def test_registration_page_empty_agenda_links_the_programme(client, user, event):
    registration = RegistrationFactory(event=event, user=user)

    html = client.get(_url(registration)).content.decode()

    assert gettext("Your agenda is empty.") in html
    assert 'href="/en/events/x/programme/"' in html


def test_registration_page_is_404_for_someone_else_and_for_bad_codes(client, user, event):
    other = RegistrationFactory(event=event)

    assert client.get(_url(other)).status_code == 404
    assert client.get("/en/events/registrations/NOPE1234/").status_code == 404
    assert client.get("/en/events/registrations/%3Cscript%3E/").status_code == 404
    assert client.get("/en/events/registrations/" + "A" * 300 + "/").status_code == 404


def test_registration_page_is_open_to_the_editors_of_the_city_represented_and_staff(client, event):
    city = CityFactory()
    registration = RegistrationFactory(event=event, city=city)
    editor = UserFactory()
    role_grant_city_editor(user=editor, city=city)

    client.force_login(editor)
    assert client.get(_url(registration)).status_code == 200
    client.force_login(StaffFactory())
    assert client.get(_url(registration)).status_code == 200


def test_registration_page_needs_signing_in(client, event):
    registration = RegistrationFactory(event=event)

    response = client.get(_url(registration))

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


# --- Cancelling ------------------------------------------------------------------------------------------


def test_cancel_asks_for_confirmation_then_cancels_and_gives_the_place_to_the_waiting_list(
    client, user, event, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory(event=event, user=user)
    waiting = RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED, waitlist_position=1)

    page = client.get(_url(registration, "cancel/"))
    unconfirmed = client.post(_url(registration, "cancel/"), {})
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(_url(registration, "cancel/"), {"confirm": "on"})

    assert page.status_code == 200
    assert 'name="confirm"' in page.content.decode()
    assert unconfirmed.status_code == 400
    assert confirmed.status_code == 302
    assert confirmed["Location"] == _url(registration)
    assert _messages(confirmed) == [
        gettext("Your registration is cancelled. We sent a confirmation by e-mail.")
    ]
    registration.refresh_from_db()
    waiting.refresh_from_db()
    assert (registration.status, waiting.status) == (
        RegistrationStatus.CANCELLED,
        RegistrationStatus.CONFIRMED,
    )


def test_cancel_an_already_cancelled_registration_says_so(client, user, event):
    registration = RegistrationFactory(event=event, user=user, status=RegistrationStatus.CANCELLED)

    response = client.post(_url(registration, "cancel/"), {"confirm": "on"})

    assert response.status_code == 302
    assert _messages(response) == [gettext("This registration is already cancelled.")]


def test_cancel_after_check_in_is_forbidden(client, user, event):
    registration = RegistrationFactory(event=event, user=user, checked_in_at=timezone.now())

    assert client.post(_url(registration, "cancel/"), {"confirm": "on"}).status_code == 403
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_cancel_someone_else_registration_is_404(client, user, event):
    other = RegistrationFactory(event=event)

    assert client.post(_url(other, "cancel/"), {"confirm": "on"}).status_code == 404
    other.refresh_from_db()
    assert other.status == RegistrationStatus.CONFIRMED


# --- Badge, certificate and calendar ------------------------------------------------------------------------


def test_badge_is_a_pdf_for_a_registration_holding_a_place(client, user, event):
    registration = RegistrationFactory(event=event, user=user)

    response = client.get(_url(registration, "badge.pdf"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert f'filename="badge-{registration.code}.pdf"' in response["Content-Disposition"]


def test_badge_of_a_waitlisted_registration_is_forbidden(client, user, event):
    registration = RegistrationFactory(
        event=event, user=user, status=RegistrationStatus.WAITLISTED, waitlist_position=1
    )

    assert client.get(_url(registration, "badge.pdf")).status_code == 403


def test_certificate_only_after_check_in(client, user, event):
    registration = RegistrationFactory(event=event, user=user)
    assert client.get(_url(registration, "certificate.pdf")).status_code == 403

    Registration.objects.filter(pk=registration.pk).update(checked_in_at=timezone.now())
    response = client.get(_url(registration, "certificate.pdf"))

    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_documents_of_someone_else_are_404(client, user, event):
    other = RegistrationFactory(event=event, checked_in_at=timezone.now())

    for suffix in ("badge.pdf", "certificate.pdf", "agenda.ics"):
        assert client.get(_url(other, suffix)).status_code == 404


def test_agenda_ics_lists_the_agenda_with_meeting_links_for_the_participant(client, user, event):
    registration = RegistrationFactory(event=event, user=user)
    session = _session(event, "Online talk", is_online=True, meeting_url="https://meet.example.org/a")
    _session(event, "Not chosen", hour=14)
    AgendaEntry.objects.create(registration=registration, session=session)

    response = client.get(_url(registration, "agenda.ics"))

    body = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert body.count("BEGIN:VEVENT") == 1
    assert "SUMMARY:Online talk" in body
    assert "meet.example.org/a" in body.replace("\r\n ", "")


# --- The personal agenda ---------------------------------------------------------------------------------


def test_agenda_add_and_remove_a_session(client, user, event):
    registration = RegistrationFactory(event=event, user=user)
    session = _session(event)

    added = client.post(f"/en/events/x/sessions/{session.pk}/agenda/add/")
    assert added.status_code == 302
    assert added["Location"] == f"/en/events/x/sessions/{session.pk}/"
    assert _messages(added) == [gettext("“%(session)s” is in your agenda.") % {"session": "Workshop"}]
    assert AgendaEntry.objects.filter(registration=registration, session=session).exists()

    removed = client.post(
        f"/en/events/x/sessions/{session.pk}/agenda/remove/", {"next": _url(registration) + "#agenda"}
    )
    assert removed["Location"] == _url(registration) + "#agenda"
    assert not AgendaEntry.objects.exists()


def test_agenda_add_to_a_full_session_shows_the_refusal(client, user, event):
    registration = RegistrationFactory(event=event, user=user)
    session = _session(event, capacity=1)
    AgendaEntry.objects.create(registration=RegistrationFactory(event=EventFactory()), session=session)

    response = client.post(f"/en/events/x/sessions/{session.pk}/agenda/add/")

    assert response.status_code == 302
    assert "is taken" in _messages(response)[0]
    assert not AgendaEntry.objects.filter(registration=registration).exists()


def test_agenda_add_needs_a_registration_holding_a_place(client, user, event):
    session = _session(event)
    assert client.post(f"/en/events/x/sessions/{session.pk}/agenda/add/").status_code == 403

    RegistrationFactory(event=event, user=user, status=RegistrationStatus.WAITLISTED, waitlist_position=1)
    assert client.post(f"/en/events/x/sessions/{session.pk}/agenda/add/").status_code == 403
    assert not AgendaEntry.objects.exists()


def test_agenda_add_ignores_a_next_address_on_another_site(client, user, event):
    RegistrationFactory(event=event, user=user)
    session = _session(event)

    response = client.post(
        f"/en/events/x/sessions/{session.pk}/agenda/add/", {"next": "https://evil.example.com/"}
    )

    assert response["Location"] == f"/en/events/x/sessions/{session.pk}/"


def test_agenda_add_refuses_get_unknown_sessions_and_anonymous_visitors(client, event):
    session = _session(event)
    other = _session(EventFactory(slug="y"))

    assert client.post(f"/en/events/x/sessions/{session.pk}/agenda/add/").status_code == 302  # sign in
    client.force_login(UserFactory())
    assert client.get(f"/en/events/x/sessions/{session.pk}/agenda/add/").status_code == 405
    assert client.post(f"/en/events/x/sessions/{other.pk}/agenda/add/").status_code == 404
    assert client.post("/en/events/nope/sessions/1/agenda/add/").status_code == 404


def test_my_agenda_goes_to_the_registration_or_404(client, user, event):
    assert client.get("/en/events/x/agenda/").status_code == 404

    registration = RegistrationFactory(event=event, user=user)
    response = client.get("/en/events/x/agenda/")

    assert response["Location"] == _url(registration) + "#agenda"
