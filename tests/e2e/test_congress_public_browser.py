"""In a real browser (headless Chromium, as tests/e2e): the programme adds the reader's own time beside the
event's times, switches to a list on small screens, and the public and participant pages of events have no
serious or critical accessibility violation (axe-core, WCAG 2.1 A/AA)."""

import datetime

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from educities.congresses.models import AgendaEntry, RegistrationQuestion
from tests.congresses.factories import (
    EventFactory,
    RegistrationFactory,
    RegistrationTypeFactory,
    RoomFactory,
    SessionFactory,
    SpeakerFactory,
    event_moment,
)
from tests.e2e.conftest import axe_serious_violations
from tests.e2e.helpers import sign_in, verified_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def context_factory(browser):
    contexts = []

    def make(*, time_zone: str = "Europe/Lisbon", width: int = 1280):
        context = browser.new_context(
            locale="en-GB", timezone_id=time_zone, viewport={"width": width, "height": 900}
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def _congress():
    event = EventFactory(slug="lisbon", title="XVIII Congress", time_zone="Europe/Lisbon")
    rooms = [RoomFactory(event=event, name=name, position=i) for i, name in enumerate(["Hall", "Studio"])]
    sessions = []
    for number in range(6):
        start = event_moment(event, day=number // 4, hour=9 + number % 4 // 2 * 2)
        session = SessionFactory(
            event=event,
            room=rooms[number % 2],
            title=f"Session {number}",
            starts_at=start,
            ends_at=start + datetime.timedelta(minutes=90),
        )
        SpeakerFactory(session=session, name=f"Speaker {number}", role="Moderator")
        sessions.append(session)
    return event, sessions


def test_programme_adds_the_reader_time_when_their_zone_differs(live_server, context_factory):
    event, _sessions = _congress()
    page = context_factory(time_zone="America/New_York")

    page.goto(f"{live_server.url}/en/events/{event.slug}/programme/")

    first = page.locator(".programme-session").first
    expect(first.locator(".reader-time")).to_have_text("(04:00–05:30 your time)")
    expect(page.locator(".reader-zone-note")).to_have_text(
        "In brackets: the time where you are (America/New_York)."
    )


def test_programme_adds_nothing_when_the_reader_is_in_the_event_zone(live_server, context_factory):
    event, _sessions = _congress()
    page = context_factory(time_zone="Europe/Lisbon")

    page.goto(f"{live_server.url}/en/events/{event.slug}/programme/")

    expect(page.locator(".programme-session").first).to_be_visible()
    assert page.locator(".reader-time").count() == 0
    expect(page.locator(".reader-zone-note")).to_be_hidden()


def test_programme_is_a_grid_on_wide_screens_and_a_list_on_small_ones(live_server, context_factory):
    event, _sessions = _congress()
    wide = context_factory(width=1280)
    narrow = context_factory(width=400)

    wide.goto(f"{live_server.url}/en/events/{event.slug}/programme/")
    narrow.goto(f"{live_server.url}/en/events/{event.slug}/programme/")

    def display(page):
        return page.locator(".programme-grid").first.evaluate("(node) => getComputedStyle(node).display")

    assert display(wide) == "grid"
    assert display(narrow) == "block"
    hall = wide.locator(".programme-session").nth(0).bounding_box()
    studio = wide.locator(".programme-session").nth(1).bounding_box()
    assert studio["x"] > hall["x"] + hall["width"] - 1  # rooms side by side
    expect(narrow.locator(".programme-room").first).to_be_hidden()


@pytest.mark.parametrize("width", [1280, 400])
def test_public_event_pages_pass_axe(live_server, context_factory, width):
    event, sessions = _congress()
    RegistrationTypeFactory(event=event, name="Participant")
    page = context_factory(width=width)

    for path in (
        "/en/events/",
        f"/en/events/{event.slug}/",
        f"/en/events/{event.slug}/programme/",
        f"/en/events/{event.slug}/sessions/{sessions[0].pk}/",
    ):
        page.goto(f"{live_server.url}{path}")
        assert axe_serious_violations(page) == [], path


def test_participant_pages_pass_axe(live_server, context_factory):
    event, sessions = _congress()
    participant = RegistrationTypeFactory(event=event, name="Participant")
    RegistrationQuestion.objects.create(event=event, text="Diet", kind=RegistrationQuestion.Kind.YES_NO)
    user = verified_user(first_name="Ana", last_name="Silva")
    registration = RegistrationFactory(event=event, user=user, type=participant)
    AgendaEntry.objects.create(registration=registration, session=sessions[0])
    other = EventFactory(slug="other")
    RegistrationTypeFactory(event=other, name="Participant")
    page = context_factory()
    sign_in(page, live_server.url, user)

    for path in (
        "/en/events/other/register/",
        "/en/events/registrations/",
        f"/en/events/registrations/{registration.code}/",
        f"/en/events/registrations/{registration.code}/cancel/",
        f"/en/events/{event.slug}/sessions/{sessions[0].pk}/",
    ):
        page.goto(f"{live_server.url}{path}")
        assert axe_serious_violations(page) == [], path
