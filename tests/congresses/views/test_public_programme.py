"""The public programme: the timetable (complete without JavaScript), times in the event's time zone, who
may see it, its cache (edits show at once), its queries and its iCalendar file."""

import datetime
import re
from html import escape

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext

from educities.congresses.domain.events import SpeakerSpec, event_programme_publish, session_save
from educities.congresses.enums import SessionKind
from educities.congresses.models import Room, Session
from educities.core.domain.translations import translation_save_human, translation_set_original
from tests.congresses.factories import (
    EventFactory,
    RegistrationFactory,
    RoomFactory,
    SessionFactory,
    SpeakerFactory,
    event_moment,
)
from tests.factories import StaffFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def _session(event, room, title, day=0, hour=9, minute=0, minutes=60, **kwargs):
    start = event_moment(event, day=day, hour=hour, minute=minute)
    return SessionFactory(
        event=event,
        room=room,
        title=title,
        starts_at=start,
        ends_at=start + datetime.timedelta(minutes=minutes),
        **kwargs,
    )


def _congress(sessions: int = 3, *, slug: str = "lisbon", **kwargs):
    """A congress with 3 rooms and ``sessions`` sessions over 3 days, 2 speakers each."""
    event = EventFactory(slug=slug, time_zone="Europe/Lisbon", **kwargs)
    rooms = [RoomFactory(event=event, name=f"Room {letter}", position=i) for i, letter in enumerate("ABC")]
    for number in range(sessions):
        session = _session(
            event,
            rooms[number % 3],
            f"Session {number}",
            day=number % 3,
            hour=8 + number // 9,
            meeting_url=f"https://meet.example.org/secret-{number}",
            is_online=True,
        )
        SpeakerFactory(session=session, name=f"Speaker {number}a")
        SpeakerFactory(session=session, name=f"Speaker {number}b", role="Moderator")
    return event


def _url(event, language="en"):
    return f"/{language}/events/{event.slug}/programme/"


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


# --- Content ---------------------------------------------------------------------------------------------


def test_programme_shows_every_session_room_time_and_speaker_without_meeting_links(client):
    event = _congress(9)

    response = client.get(_url(event))

    html = response.content.decode()
    assert response.status_code == 200
    for session in Session.objects.filter(event=event).prefetch_related("speakers"):
        assert f">{escape(session.title)}</a></h4>" in html
        for speaker in session.speakers.all():
            assert escape(speaker.name) in html
    for room in Room.objects.filter(event=event):
        assert f">{room.name}</div>" in html
        assert f'<span class="session-room">{room.name}</span>' in html
    assert "meet.example.org" not in html
    assert html.count('<article class="programme-session') == 9
    assert html.count('<section class="programme-day"') == 3


def test_programme_times_are_in_the_event_time_zone_with_the_instant_in_datetime(client):
    event = EventFactory(slug="seoul", time_zone="Asia/Seoul")
    room = RoomFactory(event=event, name="Hall")
    _session(event, room, "Opening", hour=9, minute=30, minutes=90)

    html = client.get(_url(event)).content.decode()

    day = event.starts_on.isoformat()
    assert (
        f'<time datetime="{day}T09:30:00+09:00">09:30</time>–'
        f'<time datetime="{day}T11:00:00+09:00">11:00</time>' in html
    )
    assert 'data-event-time-zone="Asia/Seoul"' in html
    assert "Times are in the event’s time zone (Asia/Seoul)." in _text(html)
    assert "/static/congresses/programme.js" in html


def test_programme_grid_places_sessions_by_start_and_end(client):
    event = EventFactory(slug="grid")
    hall = RoomFactory(event=event, name="Hall", position=0)
    studio = RoomFactory(event=event, name="Studio", position=1)
    opening = _session(event, hall, "Opening", hour=9, minutes=90)
    workshop = _session(event, studio, "Workshop", hour=9, minute=30, minutes=45, kind=SessionKind.WORKSHOP)

    html = client.get(_url(event)).content.decode()

    assert '<div class="programme-grid" style="--columns: 2">' in html
    assert '<div class="programme-room" style="grid-column: 2 / 3" aria-hidden="true">Hall</div>' in html
    assert (
        f'<article class="programme-session session-plenary" style="grid-row: 2 / 20; grid-column: 2" '
        f'aria-labelledby="session-{opening.pk}">'
    ) in html
    assert (
        f'<article class="programme-session session-workshop" style="grid-row: 8 / 17; grid-column: 3" '
        f'aria-labelledby="session-{workshop.pk}">'
    ) in html
    assert '<h3 class="programme-time" style="grid-row: 8 / 17"><time' in html


def test_programme_links_each_session_to_its_page_and_the_calendar_file(client):
    event = EventFactory(slug="links")
    session = _session(event, RoomFactory(event=event), "Opening")

    html = client.get(_url(event)).content.decode()

    assert f'<a href="/en/events/links/sessions/{session.pk}/">Opening</a>' in html
    assert 'href="/en/events/links/programme.ics"' in html


def test_programme_of_an_event_without_sessions_says_so(client):
    event = EventFactory(slug="empty")

    html = client.get(_url(event)).content.decode()

    assert gettext("The programme has no sessions yet.") in html


def test_programme_shows_the_title_in_the_reader_language(client):
    event = _congress(1, title="Congress of Educating Cities")
    translation_set_original(obj=event, field="title", language="en", text=event.title, actor=None)
    translation_save_human(
        obj=event, field="title", language="fr", text="Congrès des villes éducatrices", actor=StaffFactory()
    )

    html = client.get(_url(event, "fr")).content.decode()

    with translation.override("fr"):
        heading = gettext("Programme")
        plenary = str(SessionKind.PLENARY.label)
    assert f'<h1>{heading}<span class="subtitle">Congrès des villes éducatrices</span></h1>' in html
    assert f'<span class="session-kind">{plenary}</span>' in html
    assert 'href="/fr/events/lisbon/sessions/' in html


# --- Who sees it -----------------------------------------------------------------------------------------


def test_programme_not_published_is_404_for_the_public_and_a_preview_for_staff(client):
    event = _congress(2, programme_published=False)
    assert client.get(_url(event)).status_code == 404

    client.force_login(StaffFactory())
    response = client.get(_url(event))

    assert response.status_code == 200
    assert gettext("This programme is not published yet: only the Secretariat sees this page.") in (
        response.content.decode()
    )


def test_programme_of_an_unpublished_event_is_404(client):
    event = _congress(1, is_published=False)

    assert client.get(_url(event)).status_code == 404
    client.force_login(UserFactory())
    assert client.get(_url(event)).status_code == 404


def test_programme_of_an_unknown_event_is_404(client):
    assert client.get("/en/events/nowhere/programme/").status_code == 404


def test_programme_refuses_post(client):
    event = _congress(1)

    assert client.post(_url(event)).status_code == 405


def test_programme_is_the_same_for_a_registered_participant_without_meeting_links(client):
    event = _congress(3)
    user = UserFactory()
    RegistrationFactory(event=event, user=user)
    client.force_login(user)

    html = client.get(_url(event)).content.decode()

    assert "meet.example.org" not in html
    assert html.count('<article class="programme-session') == 3


# --- The cache -------------------------------------------------------------------------------------------


def test_programme_edit_through_the_domain_shows_at_once(client):
    event = _congress(3)
    session = Session.objects.filter(event=event).order_by("pk").first()
    assert "Session 0" in client.get(_url(event)).content.decode()

    session_save(
        event=event,
        actor=StaffFactory(),
        session=session,
        title="Opening of the congress",
        kind=session.kind,
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        room=session.room,
        speakers=[SpeakerSpec(name="Joan Puig")],
    )
    html = client.get(_url(event)).content.decode()

    assert ">Opening of the congress</a>" in html
    assert ">Session 0</a>" not in html
    assert "Joan Puig" in html
    assert "Speaker 0a" not in html


def test_programme_edit_through_the_model_save_shows_at_once(client):
    event = _congress(3)
    client.get(_url(event))
    session = Session.objects.filter(event=event).order_by("pk").first()

    session.title = "Renamed session"
    session.save()

    assert ">Renamed session</a>" in client.get(_url(event)).content.decode()


def test_programme_shows_added_and_deleted_sessions_and_renamed_rooms_at_once(client):
    event = _congress(3)
    client.get(_url(event))

    _session(event, None, "Study visit", hour=15, kind=SessionKind.STUDY_VISIT)
    Session.objects.filter(event=event, title="Session 1").delete()
    Room.objects.filter(event=event, name="Room A").update(name="Main hall")
    html = client.get(_url(event)).content.decode()

    assert ">Study visit</a>" in html
    assert ">Session 1</a>" not in html
    assert '<span class="session-room">Main hall</span>' in html
    assert gettext("Other places") in html


def test_programme_publication_and_unpublication_show_at_once(client):
    event = _congress(1, programme_published=False)
    staff = StaffFactory()

    event_programme_publish(event=event, published=True, actor=staff)
    assert client.get(_url(event)).status_code == 200
    event_programme_publish(event=event, published=False, actor=staff)
    assert client.get(_url(event)).status_code == 404


def test_programme_cache_is_kept_per_language(client):
    event = _congress(1)

    english = client.get(_url(event, "en")).content.decode()
    spanish = client.get(_url(event, "es")).content.decode()

    assert 'href="/en/events/lisbon/sessions/' in english
    assert 'href="/es/events/lisbon/sessions/' in spanish
    assert 'href="/en/events/lisbon/sessions/' not in spanish


def test_programme_cached_page_gives_each_anonymous_visitor_a_working_csrf_token(client):
    event = _congress(1)
    client.get(_url(event))  # fills the cache
    csrf_client = type(client)(enforce_csrf_checks=True)

    response = csrf_client.get(_url(event))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()).group(1)
    changed = csrf_client.post(
        "/i18n/setlang/", {"language": "fr", "next": "/", "csrfmiddlewaretoken": token}
    )

    assert response.cookies["csrftoken"].value
    assert changed.status_code == 302


def test_programme_for_a_visitor_with_a_message_shows_the_message(client):
    event = _congress(1)
    client.get(_url(event))
    user = UserFactory()
    client.force_login(user)
    client.post("/en/accounts/logout/")

    html = client.get(_url(event)).content.decode()

    assert 'class="messages"' in html


# --- Queries ---------------------------------------------------------------------------------------------


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


@pytest.mark.parametrize("signed_in", [False, True])
def test_programme_reads_as_many_queries_with_3_and_30_sessions_cached_and_not(client, signed_in):
    small, large = _congress(3, slug="small"), _congress(30, slug="large")
    if signed_in:
        client.force_login(UserFactory())
        client.get("/en/events/")  # the session and the user are read like on any page

    small_uncached, large_uncached = _queries(client, _url(small)), _queries(client, _url(large))
    small_cached, large_cached = _queries(client, _url(small)), _queries(client, _url(large))

    assert small_uncached == large_uncached
    assert small_cached == large_cached
    if not signed_in:
        assert (large_uncached, large_cached) == (5, 1)


# --- The calendar file ------------------------------------------------------------------------------------


def test_programme_ics_lists_every_session_without_meeting_links(client):
    event = _congress(3)

    response = client.get(f"/en/events/{event.slug}/programme.ics")

    body = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert 'filename="lisbon-programme.ics"' in response["Content-Disposition"]
    assert body.count("BEGIN:VEVENT") == 3
    assert "meet.example.org" not in body


def test_programme_ics_follows_the_same_visibility_as_the_page(client):
    event = _congress(1, programme_published=False)

    assert client.get(f"/en/events/{event.slug}/programme.ics").status_code == 404
    client.force_login(StaffFactory())
    assert client.get(f"/en/events/{event.slug}/programme.ics").status_code == 200
