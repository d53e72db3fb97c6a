"""The public list of events, an event's page (texts, facts, registration, programme, call) and a
session's page (meeting link, personal agenda, places)."""

import datetime
import re
from unittest import mock

import pytest
from django.urls import NoReverseMatch
from django.utils import timezone, translation
from django.utils.translation import gettext

from educities.congresses.domain.calls import call_open
from educities.congresses.domain.common import moment_for_people
from educities.congresses.enums import EventFormat, EventKind, RegistrationStatus
from educities.congresses.models import AgendaEntry
from educities.core.domain.translations import translation_save_human, translation_set_original
from tests.congresses.factories import (
    EventFactory,
    RegistrationFactory,
    RegistrationTypeFactory,
    RoomFactory,
    SessionFactory,
    SpeakerFactory,
    event_moment,
)
from tests.factories import CityFactory, CountryFactory, NetworkFactory, StaffFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _register_section(html: str) -> str:
    return html.split('aria-labelledby="registration-heading">', 1)[1].split("</section>", 1)[0]


# --- The list of events ----------------------------------------------------------------------------------


def test_index_lists_upcoming_and_past_events_with_kind_city_dates_and_format(client):
    today = timezone.localdate()
    city = CityFactory(name="Granollers", country=CountryFactory(code="ES"))
    upcoming = EventFactory(
        title="XVIII Congress",
        slug="xviii",
        host_city=city,
        starts_on=today + datetime.timedelta(days=30),
        ends_on=today + datetime.timedelta(days=32),
        format=EventFormat.HYBRID,
    )
    EventFactory(
        title="Regional meeting",
        slug="regional",
        kind=EventKind.MEETING,
        starts_on=today - datetime.timedelta(days=40),
        ends_on=today - datetime.timedelta(days=40),
    )
    EventFactory(title="Secret", is_published=False)

    response = client.get("/en/events/")

    html = response.content.decode()
    upcoming_part, past_part = html.split('id="past-heading"', 1)
    assert response.status_code == 200
    assert '<a href="/en/events/xviii/">XVIII Congress</a>' in upcoming_part
    assert '<a href="/en/events/regional/">Regional meeting</a>' in past_part
    assert "Secret" not in html
    assert "International congress · Hybrid" in _text(upcoming_part)
    assert f'<time datetime="{upcoming.starts_on.isoformat()}">' in upcoming_part
    assert "Granollers (Spain)" in _text(upcoming_part)


def test_index_filters_by_kind(client):
    EventFactory(title="Big congress")
    EventFactory(title="Small meeting", kind=EventKind.MEETING)

    html = client.get("/en/events/?kind=meeting").content.decode()

    assert "Small meeting" in html
    assert "Big congress" not in html
    assert '<option value="meeting" selected>' in html


def test_index_refuses_an_unknown_kind_with_a_message_and_shows_everything(client):
    EventFactory(title="Big congress")

    response = client.get("/en/events/?kind=<script>")

    html = response.content.decode()
    assert response.status_code == 400
    assert gettext("Choose one of the kinds of event in the list.") in html
    assert "Big congress" in html
    assert "<script>" not in html.split("<main", 1)[1]


def test_index_shows_titles_in_the_reader_language(client):
    event = EventFactory(title="Congress of Educating Cities", slug="c")
    translation_set_original(obj=event, field="title", language="en", text=event.title, actor=None)
    translation_save_human(obj=event, field="title", language="pt", text="Congresso", actor=StaffFactory())

    html = client.get("/pt/events/").content.decode()

    assert '<a href="/pt/events/c/">Congresso</a>' in html


def test_index_reads_as_many_queries_with_2_and_12_events(client, django_assert_max_num_queries):
    EventFactory.create_batch(2, network=NetworkFactory())
    with django_assert_max_num_queries(3):
        client.get("/en/events/")
    EventFactory.create_batch(10, network=NetworkFactory())
    with django_assert_max_num_queries(3):
        client.get("/en/events/")


# --- An event's page -------------------------------------------------------------------------------------


def test_event_page_shows_texts_and_practical_information(client):
    network = NetworkFactory(name="Red Española")
    event = EventFactory(
        slug="xviii",
        title="XVIII Congress",
        description="First paragraph.\n\nSecond paragraph.",
        venue="Centro de Congressos",
        address="Praça das Indústrias",
        time_zone="Europe/Lisbon",
        languages=["en", "pt"],
        format=EventFormat.HYBRID,
        network=network,
        contact_email="congress@example.org",
    )

    response = client.get("/en/events/xviii/")

    html = response.content.decode()
    text = _text(html)
    assert response.status_code == 200
    assert "<h1>XVIII Congress</h1>" in html
    assert "<p>First paragraph.</p>\n\n<p>Second paragraph.</p>" in html
    assert "Venue Centro de Congressos Praça das Indústrias" in text
    assert "Time zone Europe/Lisbon" in text
    assert "Format Hybrid" in text
    assert "Languages English, Portuguese" in text
    assert "Organised by Red Española" in text
    assert 'href="mailto:congress@example.org"' in html
    assert f'href="{event.host_city.get_absolute_url()}"' in html


def test_event_page_shows_the_original_with_a_notice_when_not_translated(client):
    event = EventFactory(slug="x", title="Congresso", original_language="pt")
    translation_set_original(obj=event, field="title", language="pt", text="Congresso", actor=None)

    html = client.get("/fr/events/x/").content.decode()

    assert '<h1 lang="pt">Congresso</h1>' in html
    assert 'class="translation-notice"' in html


def test_event_page_open_registration_says_when_it_closes_and_how_many_places_are_left(client):
    closes = timezone.now() + datetime.timedelta(days=10)
    event = EventFactory(slug="x", capacity=3, registration_closes_at=closes, time_zone="America/Bogota")
    RegistrationTypeFactory(event=event)
    RegistrationFactory(event=event)

    section = _register_section(client.get("/en/events/x/").content.decode())

    closes_text = moment_for_people(closes, time_zone="America/Bogota")
    assert f"Registration is open. It closes on {closes_text}." in _text(section)
    assert "2 places left." in _text(section)
    assert '<a class="button" href="/en/events/x/register/">Register</a>' in section


def test_event_page_full_event_offers_the_waiting_list(client):
    event = EventFactory(slug="x", capacity=1)
    RegistrationTypeFactory(event=event)
    RegistrationFactory(event=event)

    section = _register_section(client.get("/en/events/x/").content.decode())

    assert gettext("The event is full: new registrations join the waiting list.") in section
    assert gettext("Join the waiting list") in section


def test_event_page_registration_not_open_yet_or_closed(client):
    opens = timezone.now() + datetime.timedelta(days=3)
    event = EventFactory(slug="x", registration_opens_at=opens)
    RegistrationTypeFactory(event=event)
    closed = EventFactory(slug="y", registration_closes_at=timezone.now() - datetime.timedelta(hours=1))
    RegistrationTypeFactory(event=closed)

    soon = _register_section(client.get("/en/events/x/").content.decode())
    over = _register_section(client.get("/en/events/y/").content.decode())

    assert f"Registration opens on {moment_for_people(opens, time_zone=event.time_zone)}." in _text(soon)
    assert "/register/" not in soon
    assert gettext("Registration is closed.") in over
    assert "/register/" not in over


def test_event_page_without_public_registration_type_is_closed(client):
    event = EventFactory(slug="x")
    RegistrationTypeFactory(event=event, is_public=False)

    section = _register_section(client.get("/en/events/x/").content.decode())

    assert gettext("Registration is closed.") in section


def test_event_page_tells_a_registered_user_where_their_registration_is(client):
    event = EventFactory(slug="x")
    user = UserFactory()
    registration = RegistrationFactory(event=event, user=user, status=RegistrationStatus.PENDING)
    client.force_login(user)

    section = _register_section(client.get("/en/events/x/").content.decode())

    assert "You are registered: Pending." in _text(section)
    assert f'href="/en/events/registrations/{registration.code}/"' in section


def test_event_page_links_the_programme_only_once_published(client):
    EventFactory(slug="x", programme_published=False)
    EventFactory(slug="y")

    assert "/en/events/x/programme/" not in client.get("/en/events/x/").content.decode()
    assert 'href="/en/events/y/programme/"' in client.get("/en/events/y/").content.decode()


def test_event_page_shows_the_open_call_with_a_link_to_propose(client):
    event = EventFactory(slug="x")
    closes = timezone.now() + datetime.timedelta(days=20)
    call_open(event=event, opens_at=timezone.now() - datetime.timedelta(days=1), closes_at=closes, actor=None)

    html = client.get("/en/events/x/").content.decode()

    assert gettext("Call for communications") in html
    assert moment_for_people(closes, time_zone=event.time_zone) in _text(html)
    assert 'href="/en/events/x/propose/"' in html


def test_event_page_never_breaks_when_the_propose_page_does_not_exist(client):
    event = EventFactory(slug="x")
    call_open(
        event=event,
        opens_at=timezone.now() - datetime.timedelta(days=1),
        closes_at=timezone.now() + datetime.timedelta(days=1),
        actor=None,
    )

    with mock.patch("educities.congresses.views.public.reverse", side_effect=NoReverseMatch):
        response = client.get("/en/events/x/")

    assert response.status_code == 200
    assert "/propose/" not in response.content.decode()


def test_event_page_of_an_unpublished_event_is_404_but_staff_preview_it(client):
    EventFactory(slug="x", is_published=False)

    assert client.get("/en/events/x/").status_code == 404
    client.force_login(UserFactory())
    assert client.get("/en/events/x/").status_code == 404
    client.force_login(StaffFactory())
    html = client.get("/en/events/x/").content.decode()
    assert gettext("This event is not published yet: only the Secretariat sees this page.") in html


def test_event_page_of_an_unknown_event_is_404(client):
    assert client.get("/en/events/no-such-event/").status_code == 404


# --- A session's page ------------------------------------------------------------------------------------


def _session(event, **kwargs):
    start = event_moment(event, hour=10)
    return SessionFactory(
        event=event,
        title="Children's councils",
        room=RoomFactory(event=event, name="Hall"),
        starts_at=start,
        ends_at=start + datetime.timedelta(minutes=45),
        meeting_url="https://meet.example.org/councils",
        is_online=True,
        **kwargs,
    )


def test_session_page_shows_time_room_speakers_and_no_link_for_the_public(client):
    event = EventFactory(slug="x", time_zone="Europe/Warsaw")
    session = _session(event, description="Cities listen to children.")
    SpeakerFactory(session=session, name="Marie Dubois", role="Moderator", organisation="Ville de Lyon")

    response = client.get(f"/en/events/x/sessions/{session.pk}/")

    html = response.content.decode()
    day = event.starts_on.isoformat()
    assert response.status_code == 200
    assert "<h1>Children&#x27;s councils</h1>" in html
    assert f'<time datetime="{day}T10:00:00+01:00">' in html
    assert f'–<time datetime="{day}T10:45:00+01:00">10:45</time>' in html
    assert "Room Hall" in _text(html)
    assert "Marie Dubois (Moderator), Ville de Lyon" in _text(html)
    assert "<p>Cities listen to children.</p>" in html
    assert "meet.example.org" not in html
    assert 'href="/en/events/x/#registration-heading"' in html


def test_session_page_shows_the_meeting_link_and_agenda_button_to_a_participant(client):
    event = EventFactory(slug="x")
    session = _session(event)
    user = UserFactory()
    RegistrationFactory(event=event, user=user)
    client.force_login(user)

    html = client.get(f"/en/events/x/sessions/{session.pk}/").content.decode()

    assert 'href="https://meet.example.org/councils"' in html
    assert f'action="/en/events/x/sessions/{session.pk}/agenda/add/"' in html


def test_session_page_offers_removal_when_the_session_is_in_the_agenda(client):
    event = EventFactory(slug="x")
    session = _session(event, capacity=1)
    user = UserFactory()
    registration = RegistrationFactory(event=event, user=user)
    AgendaEntry.objects.create(registration=registration, session=session)
    client.force_login(user)

    html = client.get(f"/en/events/x/sessions/{session.pk}/").content.decode()

    assert f'action="/en/events/x/sessions/{session.pk}/agenda/remove/"' in html
    assert "/agenda/add/" not in html


def test_session_page_says_full_when_every_place_is_taken(client):
    event = EventFactory(slug="x")
    session = _session(event, capacity=1)
    AgendaEntry.objects.create(registration=RegistrationFactory(event=event), session=session)
    user = UserFactory()
    RegistrationFactory(event=event, user=user)
    client.force_login(user)

    html = client.get(f"/en/events/x/sessions/{session.pk}/").content.decode()

    with translation.override("en"):
        full = translation.pgettext("session", "Full")
    assert f"<strong>{full}</strong>" in html
    assert "/agenda/add/" not in html


def test_session_page_of_a_waitlisted_person_shows_no_link_and_no_button(client):
    event = EventFactory(slug="x")
    session = _session(event)
    user = UserFactory()
    RegistrationFactory(event=event, user=user, status=RegistrationStatus.WAITLISTED, waitlist_position=1)
    client.force_login(user)

    html = client.get(f"/en/events/x/sessions/{session.pk}/").content.decode()

    assert "meet.example.org" not in html
    assert "/agenda/add/" not in html
    assert gettext("Once your registration holds a place, you can add sessions to your agenda.") in html


def test_session_page_shows_the_meeting_link_to_staff(client):
    event = EventFactory(slug="x")
    session = _session(event)
    client.force_login(StaffFactory())

    assert "meet.example.org/councils" in client.get(f"/en/events/x/sessions/{session.pk}/").content.decode()


@pytest.mark.parametrize("path", ["/en/events/x/sessions/999999/", "/en/events/x/sessions/0/"])
def test_session_page_of_an_unknown_session_is_404(client, path):
    EventFactory(slug="x")

    assert client.get(path).status_code == 404


def test_session_page_of_another_event_or_unpublished_programme_is_404(client):
    event = EventFactory(slug="x")
    other = _session(EventFactory(slug="y"))
    hidden = _session(EventFactory(slug="z", programme_published=False))

    assert client.get(f"/en/events/x/sessions/{other.pk}/").status_code == 404
    assert client.get(f"/en/events/z/sessions/{hidden.pk}/").status_code == 404
    assert event.pk
