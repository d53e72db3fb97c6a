"""The International Day's and the congresses' pages pass axe-core (WCAG 2.1 A/AA: no serious or critical
violation), one test per role, each visiting its pages one after the other in one browser page.

The world (``_world``), two days after the Day of 2026: the published 2026 campaign with a poster and a
material, activities in three countries (one hidden by the Secretariat, one cancelled, one reported with
a photo), the past 2025 campaign and an unpublished 2027 one; a published congress in Granollers with its
types, a question, rooms, sessions with speakers, registrations (one checked in) and an open call for
proposals (a draft of Granollers, a submitted one of Lyon), a one-day meeting with its own questions, and
bids (a draft of Granollers, Lyon's chosen bid). The roles: a visitor (in English and Spanish), a
participant, the editor of Granollers and the Secretariat. Maps are waited for (drawn by their scripts)
before axe runs.

Set ``EDUCITIES_SCREENSHOTS`` to a folder to keep a screenshot of each page.
"""

import datetime
import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import Page, expect

from educities.congresses.domain.bids import bid_save, bid_transition
from educities.congresses.domain.calls import call_open, proposal_save, proposal_transition
from educities.congresses.domain.events import registration_question_save
from educities.congresses.domain.registrations import (
    agenda_add,
    registration_check_in,
    registration_create,
)
from educities.congresses.enums import EventKind, ProposalKind, SessionKind
from educities.days.domain.activities import activity_transition
from educities.days.domain.campaigns import campaign_poster_set, material_add
from educities.days.enums import ActivityKind, ActivityStatus
from educities.days.models import Activity
from tests.congresses.factories import (
    EventFactory,
    RegistrationTypeFactory,
    RoomFactory,
    SessionFactory,
    SpeakerFactory,
    event_moment,
)
from tests.days.factories import (
    ActivityFactory,
    ActivityPhotoFactory,
    CampaignFactory,
    OnlineActivityFactory,
    day_moment,
    image_upload,
)
from tests.e2e.events_support import axe_check, can_sign_in, check_page, sign_in_with_cookie
from tests.factories import (
    CityFactory,
    ContactFactory,
    CountryFactory,
    StaffFactory,
    UserFactory,
    make_city_editor,
    make_pdf_bytes,
)

pytestmark = [pytest.mark.django_db(transaction=True)]

YEAR = 2026
AFTER_THE_DAY = datetime.datetime(YEAR, 12, 2, 9, 0, tzinfo=datetime.UTC)
LOCALES = {"en": "en-GB", "es": "es-ES"}


@dataclass
class World:
    users: dict
    ids: dict


def _day_world(granollers, lyon, lisboa) -> dict:
    campaign = CampaignFactory(year=YEAR, motto="Cities that educate, cities that listen")
    campaign_poster_set(
        campaign=campaign,
        upload=image_upload("poster.png"),
        alt_text="A child drawing a city on a wall",
        actor=None,
    )
    material_add(
        campaign=campaign,
        title="Activity guide (PDF)",
        upload=SimpleUploadedFile("guide.pdf", make_pdf_bytes("Guide"), content_type="application/pdf"),
        language="en",
        actor=None,
    )
    CampaignFactory(year=YEAR + 1, is_published=False, motto="The city of the future")
    past = CampaignFactory(year=YEAR - 1, motto="Educating for the common good")
    ActivityFactory(campaign=past, city=granollers, title="Walk of 2025", participants=120)
    ActivityFactory(campaign=past, city=lisboa, title="Festa 2025", participants=300)

    reported = ActivityFactory(
        campaign=campaign,
        city=granollers,
        title="Children redesign the Porxada square",
        kind=ActivityKind.CHILDREN_COUNCIL,
        language="en",
        participants=85,
        report="The children presented their plan to the mayor.",
        video_url="https://video.example.org/porxada",
        audiences=["children", "families"],
        languages=["ca", "es"],
        contact_email="day@granollers.example.org",
    )
    ActivityPhotoFactory(activity=reported, alt_text="Children pointing at a map of the square")
    OnlineActivityFactory(
        campaign=campaign,
        city=granollers,
        title="Online talk on schools",
        kind=ActivityKind.CONFERENCE,
        starts_at=day_moment(YEAR, 10),
    )
    ActivityFactory(
        campaign=campaign,
        city=lyon,
        title="Walk through the Croix-Rousse",
        starts_at=day_moment(YEAR, 12, zone="Europe/Paris"),
    )
    cancelled = ActivityFactory(
        campaign=campaign, city=lyon, title="Concert in the park", kind=ActivityKind.FESTIVAL
    )
    activity_transition(activity=cancelled, step="cancel", actor=None)
    hidden = ActivityFactory(
        campaign=campaign,
        city=lisboa,
        title="Oficina de mapas",
        kind=ActivityKind.WORKSHOP,
        starts_at=day_moment(YEAR, 10, zone="Europe/Lisbon"),
    )
    activity_transition(
        activity=hidden, step="hide", actor=None, reason="The description is empty of content."
    )
    # A member city with no activity: the reminder goes to its contact.
    ContactFactory(
        city=CityFactory(name="Rosario", slug="rosario", country=CountryFactory(code="AR"), time_zone=""),
        email="educacion@rosario.example.org",
    )
    assert Activity.objects.filter(campaign=campaign, status=ActivityStatus.PUBLISHED).count() == 3
    return {"activity": reported.pk, "hidden": hidden.pk}


def _congress_world(granollers, lyon, participant, editor) -> dict:
    congress = EventFactory(
        kind=EventKind.INTERNATIONAL_CONGRESS,
        number=18,
        title="XVIII International Congress of Educating Cities",
        slug="congress-granollers",
        host_city=granollers,
        description="Three days on the right to the city.\nPlenaries, workshops and study visits.",
        time_zone="Europe/Madrid",
        latitude=41.6083,
        longitude=2.2875,
        address="Carrer de Roger de Flor, Granollers",
        contact_email="congress@example.org",
    )
    delegate = RegistrationTypeFactory(
        event=congress, name="Delegate of a member city", requires_member_city=True, position=0
    )
    RegistrationTypeFactory(
        event=congress, name="Observer", fee=250, description="People from other organisations.", position=1
    )
    registration_question_save(
        event=congress, actor=None, text="Dietary requirements", kind="text", position=0
    )
    main_hall = RoomFactory(event=congress, name="Main hall", capacity=800, position=0)
    room_b = RoomFactory(event=congress, name="Room B", capacity=60, position=1)
    opening = SessionFactory(
        event=congress,
        title="Opening plenary",
        kind=SessionKind.PLENARY,
        room=main_hall,
        starts_at=event_moment(congress, 0, 9),
        ends_at=event_moment(congress, 0, 10, 30),
        description="Welcome by the mayor of Granollers.",
    )
    SpeakerFactory(session=opening, name="Mayor of Granollers", role="Speaker", organisation="City council")
    workshop = SessionFactory(
        event=congress,
        title="Workshop: children's councils",
        kind=SessionKind.WORKSHOP,
        room=room_b,
        starts_at=event_moment(congress, 0, 11),
        ends_at=event_moment(congress, 0, 12, 30),
        capacity=40,
        is_online=True,
        meeting_url="https://meet.example.org/councils",
    )
    SpeakerFactory(session=workshop, name="Ana Pérez", role="Moderator", organisation="Rosario")
    SessionFactory(
        event=congress,
        title="Study visit to the schools",
        kind=SessionKind.STUDY_VISIT,
        room=None,
        starts_at=event_moment(congress, 1, 9),
        ends_at=event_moment(congress, 1, 13),
    )

    mine = registration_create(
        event=congress,
        type=delegate,
        actor=participant,
        user=participant,
        name="Marta Dupont",
        email=participant.email,
        organisation="Ville de Lyon",
        city=lyon,
    )
    agenda_add(registration=mine, session=opening, actor=participant)
    agenda_add(registration=mine, session=workshop, actor=participant)
    checked = registration_create(
        event=congress,
        type=delegate,
        actor=None,
        name="João Silva",
        email="joao@porto.example.org",
        city=granollers,
    )
    registration_check_in(registration=checked, actor=None)
    registration_create(
        event=congress,
        type=RegistrationTypeFactory(event=congress, name="Press", needs_approval=True, position=2),
        actor=None,
        name="Pat Reporter",
        email="press@example.org",
    )

    # A one-day meeting with its own questions, which the participant has not registered for.
    meeting = EventFactory(
        kind=EventKind.MEETING,
        title="Meeting of the Mediterranean network",
        slug="meeting-mediterranean",
        host_city=lyon,
        starts_on=congress.starts_on + datetime.timedelta(days=20),
        ends_on=congress.starts_on + datetime.timedelta(days=20),
        time_zone="Europe/Paris",
        capacity=30,
        programme_published=False,
    )
    RegistrationTypeFactory(event=meeting, name="Participant")
    registration_question_save(
        event=meeting, actor=None, text="Will you come to the dinner?", kind="yes_no", is_required=True
    )
    registration_question_save(
        event=meeting,
        actor=None,
        text="Which workshop do you prefer?",
        kind="choice",
        choices=["Schools", "Public space"],
        position=1,
    )

    now = datetime.datetime.now(datetime.UTC)
    call = call_open(
        event=congress,
        opens_at=now - datetime.timedelta(days=10),
        closes_at=now + datetime.timedelta(days=20),
        guidelines="Send experiences of 2024 and 2025.",
        actor=None,
    )
    draft = proposal_save(
        call=call,
        city=granollers,
        actor=editor,
        kind=ProposalKind.EXPERIENCE,
        language="en",
        title="The children's council of Granollers",
        summary="Children advise the city council.\nEvery month since 2019.",
        speakers="Ana Pérez, deputy mayor for education",
    )
    submitted = proposal_save(
        call=call,
        city=lyon,
        actor=None,
        kind=ProposalKind.COMMUNICATION,
        language="fr",
        title="La ville qui apprend",
        summary="Une communication sur les écoles ouvertes.",
    )
    proposal_transition(proposal=submitted, step="submit", actor=None)

    bid = bid_save(
        city=granollers,
        actor=editor,
        congress_year=YEAR + 4,
        language="en",
        statement="Granollers hosts large meetings every year.\nIts congress centre seats 800.",
        proposed_theme="The city that learns",
        venue="Granollers congress centre",
        proposed_dates="10–12 November",
    )
    chosen = bid_save(
        city=lyon,
        actor=None,
        congress_year=YEAR + 2,
        language="fr",
        statement="Lyon accueille déjà de grands congrès.",
        proposed_theme="La ville qui apprend",
    )
    bid_transition(bid=chosen, step="submit", actor=None)
    bid_transition(
        bid=chosen,
        step="accept",
        actor=None,
        note="A strong bid, well prepared.",
        meeting="Executive Committee",
    )
    submitted_bid = bid_save(
        city=CityFactory(name="Rosario Norte", country=CountryFactory(code="AR")),
        actor=None,
        congress_year=YEAR + 4,
        language="es",
        statement="Rosario quiere recibir el congreso.",
    )
    bid_transition(bid=submitted_bid, step="submit", actor=None)
    return {
        "congress": congress.slug,
        "meeting": meeting.slug,
        "session": workshop.pk,
        "registration": mine.code,
        "checked": checked.code,
        "draft": draft.pk,
        "submitted": submitted.pk,
        "bid": bid.pk,
        "submitted_bid": submitted_bid.pk,
    }


def _world() -> World:
    spain = CountryFactory(code="ES")
    granollers = CityFactory(
        name="Granollers",
        slug="granollers",
        country=spain,
        time_zone="Europe/Madrid",
        latitude=41.6083,
        longitude=2.2875,
    )
    lyon = CityFactory(
        name="Lyon",
        slug="lyon",
        country=CountryFactory(code="FR"),
        time_zone="Europe/Paris",
        latitude=45.76,
        longitude=4.84,
    )
    lisboa = CityFactory(
        name="Lisboa",
        slug="lisboa",
        country=CountryFactory(code="PT"),
        time_zone="Europe/Lisbon",
        latitude=38.72,
        longitude=-9.14,
    )
    editor = can_sign_in(make_city_editor(granollers, email="educacio@granollers.example.org"))
    participant = can_sign_in(
        UserFactory(email="marta@lyon.example.org", first_name="Marta", last_name="Dupont")
    )
    staff = can_sign_in(StaffFactory(email="secretariat@example.org"))
    ids = {**_day_world(granollers, lyon, lisboa), **_congress_world(granollers, lyon, participant, editor)}
    ids.update({"year": YEAR, "city": "granollers", "country": "PT"})
    return World({"editor": editor, "participant": participant, "staff": staff}, ids)


def _visit(page: Page, base: str, lang: str, pages: dict[str, str], ids: dict, problems: dict) -> None:
    """Opens each page in turn and records its axe-core problems."""
    for name, path in pages.items():
        check_page(page, base + path.format(lang=lang, **ids), problems, name)
        expect(page.locator("html")).to_have_attribute("lang", lang)
        _screenshot(page, name, lang)


def _screenshot(page: Page, name: str, lang: str) -> None:
    folder = os.environ.get("EDUCITIES_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"events-{name}-{lang}.png"), full_page=True)


def _signed_in(page_factory, base: str, user, lang: str = "en") -> Page:
    page = page_factory(locale=LOCALES[lang])
    sign_in_with_cookie(page, base, user)
    return page


VISITOR_PAGES = {
    "day-index": "/{lang}/day/",
    "day-agenda": "/{lang}/day/{year}/",
    "day-agenda-filtered": "/{lang}/day/{year}/?country=FR&kind=walk&format=in_person",
    "day-agenda-bad-filters": "/{lang}/day/{year}/?country=ZZ&date=2026-13-45&kind=nothing",
    "day-activity": "/{lang}/day/activities/{activity}/",
    "day-city": "/{lang}/day/cities/{city}/",
    "day-country": "/{lang}/day/countries/{country}/",
    "day-figures": "/{lang}/day/figures/",
    "events-index": "/{lang}/events/",
    "event": "/{lang}/events/{congress}/",
    "event-programme": "/{lang}/events/{congress}/programme/",
    "event-session": "/{lang}/events/{congress}/sessions/{session}/",
    "bids-public": "/{lang}/events/bids/",
}
PARTICIPANT_PAGES = {
    "my-registrations": "/{lang}/events/registrations/",
    "my-registration": "/{lang}/events/registrations/{registration}/",
    "my-registration-cancel": "/{lang}/events/registrations/{registration}/cancel/",
    "event-registered": "/{lang}/events/{congress}/",
    "session-in-agenda": "/{lang}/events/{congress}/sessions/{session}/",
    "register-form": "/{lang}/events/{meeting}/register/",
}
EDITOR_PAGES = {
    "day-mine": "/{lang}/day/my-activities/",
    "day-new": "/{lang}/day/{year}/activities/new/",
    "day-edit": "/{lang}/day/activities/{activity}/edit/",
    "day-report": "/{lang}/day/activities/{activity}/report/",
    "proposals": "/{lang}/events/proposals/",
    "propose": "/{lang}/events/{congress}/propose/",
    "proposal-draft": "/{lang}/events/proposals/{draft}/",
    "bids-mine": "/{lang}/events/bids/mine/",
    "bid-new": "/{lang}/events/bids/new/",
    "bid-draft": "/{lang}/events/bids/{bid}/",
}
STAFF_PAGES = {
    "staff-day-campaigns": "/{lang}/backoffice/day/",
    "staff-day-new": "/{lang}/backoffice/day/new/",
    "staff-day-campaign": "/{lang}/backoffice/day/{year}/",
    "staff-day-moderation": "/{lang}/backoffice/day/{year}/moderation/",
    "staff-day-reminders": "/{lang}/backoffice/day/{year}/reminders/",
    "staff-day-preview": "/{lang}/day/2027/",
    "staff-hidden-activity": "/{lang}/day/activities/{hidden}/",
    "staff-events": "/{lang}/backoffice/events/",
    "staff-event-new": "/{lang}/backoffice/events/new/",
    "staff-event": "/{lang}/backoffice/events/{congress}/",
    "staff-types": "/{lang}/backoffice/events/{congress}/types/",
    "staff-questions": "/{lang}/backoffice/events/{congress}/questions/",
    "staff-rooms": "/{lang}/backoffice/events/{congress}/rooms/",
    "staff-sessions": "/{lang}/backoffice/events/{congress}/sessions/",
    "staff-session-new": "/{lang}/backoffice/events/{congress}/sessions/new/",
    "staff-session": "/{lang}/backoffice/events/{congress}/sessions/{session}/",
    "staff-registrations": "/{lang}/backoffice/events/{congress}/registrations/",
    "staff-check-in": "/{lang}/backoffice/events/{congress}/check-in/",
    "staff-check-in-card": "/{lang}/backoffice/events/{congress}/check-in/?code={registration}",
    "staff-check-in-done": "/{lang}/backoffice/events/{congress}/check-in/?code={checked}",
    "staff-check-in-search": "/{lang}/backoffice/events/{congress}/check-in/?q=a",
    "staff-call": "/{lang}/backoffice/events/{congress}/call/",
    "staff-call-proposal": "/{lang}/backoffice/events/{congress}/call/proposals/{submitted}/",
    "staff-bids-to-decide": "/{lang}/events/bids/decisions/",
    "staff-bid-decide": "/{lang}/events/bids/{submitted_bid}/decide/",
}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_visitor_pages_have_no_serious_accessibility_violation(live_server, page_factory, time_machine, lang):
    time_machine.move_to(AFTER_THE_DAY, tick=True)
    world = _world()
    page = page_factory(locale=LOCALES[lang])
    problems: dict[str, list[str]] = {}

    _visit(page, live_server.url, lang, VISITOR_PAGES, world.ids, problems)

    assert problems == {}


def test_participant_pages_have_no_serious_accessibility_violation(live_server, page_factory, time_machine):
    time_machine.move_to(AFTER_THE_DAY, tick=True)
    world = _world()
    base = live_server.url
    page = _signed_in(page_factory, base, world.users["participant"])
    problems: dict[str, list[str]] = {}

    _visit(page, base, "en", PARTICIPANT_PAGES, world.ids, problems)

    # The registration form again, with its errors (nothing answered).
    form = page.locator("main form.register-form")
    form.locator("input[name=name]").fill("")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    expect(page.locator("main form.register-form .errorlist").first).to_be_visible()
    axe_check(page, problems, "register-form-errors")
    _screenshot(page, "register-form-errors", "en")

    assert problems == {}


def test_city_editor_pages_have_no_serious_accessibility_violation(live_server, page_factory, time_machine):
    time_machine.move_to(AFTER_THE_DAY, tick=True)
    world = _world()
    base = live_server.url
    page = _signed_in(page_factory, base, world.users["editor"])
    problems: dict[str, list[str]] = {}

    _visit(page, base, "en", EDITOR_PAGES, world.ids, problems)

    # The new-activity form again, with errors: a day outside the campaign's window, in person with no
    # coordinates.
    page.goto(f"{base}/en/day/{YEAR}/activities/new/")
    form = page.locator("main form.day-activity-form")
    form.locator("input[name=title]").fill("A walk")
    form.locator("textarea[name=description]").fill("A walk through the old town.")
    form.locator("input[name=day]").fill(f"{YEAR}-10-01")
    form.locator("input[name=start_time]").fill("17:00")
    form.locator("input[name=organiser]").fill("Department of Education")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    expect(page.locator("main form.day-activity-form .errorlist").first).to_be_visible()
    axe_check(page, problems, "day-new-errors")
    _screenshot(page, "day-new-errors", "en")

    assert problems == {}


def test_staff_pages_have_no_serious_accessibility_violation(
    live_server, page_factory, time_machine, settings
):
    settings.STAFF_MFA_REQUIRED = False
    time_machine.move_to(AFTER_THE_DAY, tick=True)
    world = _world()
    base = live_server.url
    page = _signed_in(page_factory, base, world.users["staff"])
    problems: dict[str, list[str]] = {}

    _visit(page, base, "en", STAFF_PAGES, world.ids, problems)

    assert problems == {}
