"""The International Day of the Educating City in a real headless Chromium.

1. The editor of Granollers (Spain) signs in ten days before the Day and registers two activities for the
   published 2026 campaign through the form: one in person (latitude and longitude typed; the place
   picker's marker follows them) and one online with a link. Both are in the editor's list; on the
   campaign's agenda the map (drawn from map.json, markers clustered by Leaflet.markercluster) shows the
   activities that have a place, Lyon's included, and the list shows all three.
2. A visitor switches the site to Portuguese with the language form of the header, opens the Day's
   agenda, filters it by a country (Portugal) and a type (workshop): the list shows exactly the two
   Portuguese workshops, one in Lisbon and one in the Azores. The iCal download of the filtered agenda
   holds exactly those two activities, each with its own TZID.
"""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation
from icalendar import Calendar
from playwright.sync_api import expect

from educities.days.enums import ActivityFormat, ActivityKind
from educities.days.models import Activity
from tests.days.factories import ActivityFactory, CampaignFactory, OnlineActivityFactory, day_moment
from tests.e2e.events_support import can_sign_in, submit, success
from tests.e2e.helpers import sign_in
from tests.factories import CityFactory, CountryFactory, make_city_editor

pytestmark = [pytest.mark.django_db(transaction=True)]

YEAR = 2026
MADRID = ZoneInfo("Europe/Madrid")
# Ten days before the Day, inside the campaign's window (1 November – 15 December).
BEFORE_THE_DAY = datetime.datetime(YEAR, 11, 20, 9, 0, tzinfo=datetime.UTC)

IN_PERSON = {
    "title": "Children redesign the Porxada square",
    "description": "The children's council presents its plan for the square.\nEveryone is welcome.",
    "kind": ActivityKind.CHILDREN_COUNCIL,
    "place_name": "Porxada square",
    "address": "Plaça de la Porxada, Granollers",
    "latitude": "41.6078",
    "longitude": "2.2880",
}
ONLINE = {
    "title": "Online talk: the educating city and its schools",
    "description": "A talk with the heads of three schools, streamed live.",
    "kind": ActivityKind.CONFERENCE,
    "online_url": "https://meet.example.org/granollers-day",
}


def _granollers():
    return CityFactory(
        name="Granollers",
        slug="granollers",
        country=CountryFactory(code="ES"),
        time_zone="Europe/Madrid",
        latitude=41.6083,
        longitude=2.2875,
    )


def test_city_editor_registers_two_activities_and_finds_them_on_the_agenda_and_map(
    live_server, page, time_machine
):
    time_machine.move_to(BEFORE_THE_DAY, tick=True)
    base = live_server.url
    campaign = CampaignFactory(year=YEAR, motto="Cities that educate")
    granollers = _granollers()
    editor = can_sign_in(make_city_editor(granollers, email="educacio@granollers.example.org", language="en"))
    # Lyon's activity is already on the agenda, at noon Paris time.
    lyon = CityFactory(
        name="Lyon",
        slug="lyon",
        country=CountryFactory(code="FR"),
        time_zone="Europe/Paris",
        latitude=45.76,
        longitude=4.84,
    )
    lyon_activity = ActivityFactory(
        campaign=campaign,
        city=lyon,
        title="Walk through the Croix-Rousse",
        starts_at=day_moment(YEAR, 12, zone="Europe/Paris"),
    )

    sign_in(page, base, editor)
    page.locator("nav.work-nav a[href='/en/day/my-activities/']").click()
    expect(page).to_have_url(f"{base}/en/day/my-activities/")
    expect(page.locator("main h1")).to_have_text("My International Day activities")

    # --- The first activity: in person, the coordinates typed in. ---
    page.locator(f"a.button[href='/en/day/{YEAR}/activities/new/?city={granollers.pk}']").click()
    expect(page).to_have_url(f"{base}/en/day/{YEAR}/activities/new/?city={granollers.pk}")
    form = page.locator("main form.day-activity-form")
    expect(form.locator("select[name=time_zone]")).to_have_value("Europe/Madrid")
    expect(form.locator("input[name=day]")).to_have_value(f"{YEAR}-11-30")
    picker = page.locator("[data-place-picker-map]")
    expect(picker).to_have_attribute("data-map-ready", "1")
    expect(picker.locator(".leaflet-marker-icon")).to_have_count(0)
    form.locator("input[name=title]").fill(IN_PERSON["title"])
    form.locator("textarea[name=description]").fill(IN_PERSON["description"])
    form.locator("select[name=language]").select_option("en")
    form.locator("select[name=kind]").select_option(IN_PERSON["kind"].value)
    form.locator(f"input[name=format][value={ActivityFormat.IN_PERSON.value}]").check()
    form.locator("input[name=day]").fill(f"{YEAR}-11-30")
    form.locator("input[name=start_time]").fill("17:00")
    form.locator("input[name=end_time]").fill("19:00")
    form.locator("input[name=place_name]").fill(IN_PERSON["place_name"])
    form.locator("input[name=address]").fill(IN_PERSON["address"])
    form.locator("input[name=latitude]").fill(IN_PERSON["latitude"])
    form.locator("input[name=longitude]").fill(IN_PERSON["longitude"])
    # The picker's marker follows the typed coordinates.
    expect(picker.locator(".leaflet-marker-icon")).to_have_count(1)
    form.locator("input[name=audiences][value=children]").check()
    form.locator("input[name=audiences][value=families]").check()
    form.locator("select[name=languages]").select_option(["ca", "es"])
    form.locator("input[name=organiser]").fill("Department of Education")
    submit(page, form.locator("button[type=submit]"))

    in_person = Activity.objects.get(title=IN_PERSON["title"])
    expect(page).to_have_url(f"{base}/en/day/my-activities/?saved={in_person.pk}#activity-{in_person.pk}")
    success(page, f"“{IN_PERSON['title']}” is registered and published on the agenda of the Day.")
    assert (in_person.campaign_id, in_person.city_id, in_person.created_by_id) == (
        campaign.pk,
        granollers.pk,
        editor.pk,
    )
    assert in_person.format == ActivityFormat.IN_PERSON
    assert in_person.kind == ActivityKind.CHILDREN_COUNCIL
    assert in_person.starts_at == datetime.datetime(YEAR, 11, 30, 17, 0, tzinfo=MADRID)
    assert in_person.ends_at == datetime.datetime(YEAR, 11, 30, 19, 0, tzinfo=MADRID)
    assert in_person.time_zone == "Europe/Madrid"
    assert (in_person.latitude, in_person.longitude) == (41.6078, 2.288)
    assert (in_person.place_name, in_person.address) == (IN_PERSON["place_name"], IN_PERSON["address"])
    assert in_person.online_url == ""
    assert in_person.audiences == ["children", "families"]
    assert in_person.languages == ["ca", "es"]
    assert in_person.contact_email == editor.email
    assert in_person.status == "published"

    # --- The second activity: online, with its link. ---
    page.locator(f"a.button[href='/en/day/{YEAR}/activities/new/?city={granollers.pk}']").click()
    form = page.locator("main form.day-activity-form")
    form.locator("input[name=title]").fill(ONLINE["title"])
    form.locator("textarea[name=description]").fill(ONLINE["description"])
    form.locator("select[name=kind]").select_option(ONLINE["kind"].value)
    form.locator(f"input[name=format][value={ActivityFormat.ONLINE.value}]").check()
    form.locator("input[name=start_time]").fill("10:00")
    form.locator("input[name=end_time]").fill("11:30")
    form.locator("input[name=online_url]").fill(ONLINE["online_url"])
    form.locator("input[name=audiences][value=educators]").check()
    form.locator("input[name=organiser]").fill("Department of Education")
    submit(page, form.locator("button[type=submit]"))

    online = Activity.objects.get(title=ONLINE["title"])
    expect(page).to_have_url(f"{base}/en/day/my-activities/?saved={online.pk}#activity-{online.pk}")
    success(page, f"“{ONLINE['title']}” is registered and published on the agenda of the Day.")
    assert online.format == ActivityFormat.ONLINE
    assert online.starts_at == datetime.datetime(YEAR, 11, 30, 10, 0, tzinfo=MADRID)
    assert online.ends_at == datetime.datetime(YEAR, 11, 30, 11, 30, tzinfo=MADRID)
    assert online.online_url == ONLINE["online_url"]
    assert (online.latitude, online.longitude) == (None, None)
    assert online.audiences == ["educators"]

    # Both are in the editor's list, in the order they happen.
    rows = page.locator("table.day-activities tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.locator("th")).to_have_text([ONLINE["title"], IN_PERSON["title"]])
    expect(page.locator(f"#activity-{online.pk}")).to_have_class(re.compile(r"\bday-row-saved\b"))
    for activity in (online, in_person):
        row = page.locator(f"tr#activity-{activity.pk}")
        expect(row.locator("td").nth(0)).to_have_text("Granollers")
        expect(row.locator(".day-status-published")).to_be_visible()

    # --- The agenda of the campaign: the map and the list. ---
    page.locator(f"main a[href='/en/day/{YEAR}/']").first.click()
    expect(page).to_have_url(f"{base}/en/day/{YEAR}/")
    expect(page.locator(".result-count")).to_have_text(re.compile(r"^\s*3 activities found\s*$"))
    items = page.locator(".day-list .day-items > li")
    expect(items).to_have_count(3)
    expect(items.locator(".day-item-title a")).to_have_text(
        [ONLINE["title"], lyon_activity.title, IN_PERSON["title"]]
    )
    for activity in (online, lyon_activity, in_person):
        expect(page.locator(f".day-list a[href='/en/day/activities/{activity.pk}/']")).to_have_count(1)
    expect(page.locator(".day-list .day-format-online")).to_have_count(1)

    # map.json has the two activities with a place (the online one has none); each is its own marker.
    agenda_map = page.locator("#agenda-map")
    expect(agenda_map).to_have_attribute("data-map-ready", "2")
    markers = agenda_map.locator(".leaflet-marker-icon:not(.marker-cluster)")
    expect(markers).to_have_count(2)
    expect(agenda_map.locator(".marker-cluster")).to_have_count(0)
    expect(agenda_map.locator(f".leaflet-marker-icon[title='{IN_PERSON['title']}']")).to_have_count(1)
    expect(agenda_map.locator(f".leaflet-marker-icon[title='{lyon_activity.title}']")).to_have_count(1)

    # The marker's popup leads to the activity's page.
    agenda_map.locator(f".leaflet-marker-icon[title='{IN_PERSON['title']}']").click()
    popup_link = agenda_map.locator(".leaflet-popup a.day-popup-title")
    expect(popup_link).to_have_text(IN_PERSON["title"])
    expect(popup_link).to_have_attribute("href", f"/en/day/activities/{in_person.pk}/")
    popup_link.click()
    expect(page).to_have_url(f"{base}/en/day/activities/{in_person.pk}/")
    expect(page.locator("main h1")).to_have_text(IN_PERSON["title"])
    expect(page.locator("#activity-map")).to_have_attribute("data-map-ready", "1")


# --- 2. A Portuguese visitor filters the agenda and downloads it as iCal. ---------------------------


def _world_for_the_visitor():
    campaign = CampaignFactory(year=YEAR, motto="Cities that educate")
    portugal = CountryFactory(code="PT")
    lisboa = CityFactory(
        name="Lisboa",
        slug="lisboa",
        country=portugal,
        time_zone="Europe/Lisbon",
        latitude=38.72,
        longitude=-9.14,
    )
    ponta_delgada = CityFactory(
        name="Ponta Delgada",
        slug="ponta-delgada",
        country=portugal,
        time_zone="Atlantic/Azores",
        latitude=37.74,
        longitude=-25.67,
    )
    curitiba = CityFactory(
        name="Curitiba",
        slug="curitiba",
        country=CountryFactory(code="BR"),
        time_zone="America/Sao_Paulo",
        latitude=-25.43,
        longitude=-49.27,
    )
    granollers = _granollers()
    matching = [
        ActivityFactory(
            campaign=campaign,
            city=lisboa,
            title="Oficina de mapas do bairro",
            kind=ActivityKind.WORKSHOP,
            language="pt",
            starts_at=day_moment(YEAR, 10, zone="Europe/Lisbon"),
        ),
        OnlineActivityFactory(
            campaign=campaign,
            city=ponta_delgada,
            title="Oficina online de histórias da ilha",
            kind=ActivityKind.WORKSHOP,
            language="pt",
            starts_at=day_moment(YEAR, 15, zone="Atlantic/Azores"),
        ),
    ]
    # Each of these misses one filter: a Portuguese debate, a Brazilian and a Spanish workshop.
    ActivityFactory(
        campaign=campaign,
        city=lisboa,
        title="Debate: a cidade que educa",
        kind=ActivityKind.DEBATE,
        language="pt",
        starts_at=day_moment(YEAR, 18, zone="Europe/Lisbon"),
    )
    ActivityFactory(
        campaign=campaign,
        city=curitiba,
        title="Oficina de brinquedos",
        kind=ActivityKind.WORKSHOP,
        language="pt",
        starts_at=day_moment(YEAR, 9, zone="America/Sao_Paulo"),
    )
    ActivityFactory(
        campaign=campaign,
        city=granollers,
        title="Taller de juegos",
        kind=ActivityKind.WORKSHOP,
        language="es",
        starts_at=day_moment(YEAR, 11, zone="Europe/Madrid"),
    )
    return campaign, matching


def test_portuguese_visitor_filters_the_agenda_and_downloads_it_as_ical(
    live_server, page_factory, time_machine
):
    time_machine.move_to(BEFORE_THE_DAY, tick=True)
    base = live_server.url
    _campaign, matching = _world_for_the_visitor()
    with translation.override("pt"):
        portugal_label = str(CountryFactory(code="PT").name)
        workshop_label = str(ActivityKind.WORKSHOP.label)
    page = page_factory(locale="en-GB")

    page.goto(f"{base}/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    # The language form of the header: choosing a language submits it.
    with page.expect_navigation(url=f"{base}/pt/"):
        page.locator("header form.language-form select[name=language]").select_option("pt")
    expect(page.locator("html")).to_have_attribute("lang", "pt")

    page.locator("nav.main-nav a[href='/pt/day/']").click()
    expect(page).to_have_url(f"{base}/pt/day/")
    expect(page.locator("html")).to_have_attribute("lang", "pt")
    expect(page.locator(".day-list .day-items > li")).to_have_count(5)

    filters = page.locator("aside.day-filters form")
    filters.locator("select[name=country]").select_option(label=portugal_label)
    filters.locator("select[name=kind]").select_option(label=workshop_label)
    submit(page, filters.locator("button[type=submit]"))

    expect(page).to_have_url(re.compile(r"/pt/day/\?.*\bcountry=PT\b"))
    expect(page).to_have_url(re.compile(r"[?&]kind=workshop\b"))
    items = page.locator(".day-list .day-items > li")
    expect(items).to_have_count(2)
    # Sorted by the moment they start: 10:00 in Lisbon (10:00 UTC), then 15:00 in the Azores (16:00 UTC).
    expect(items.locator(".day-item-title a")).to_have_text([activity.title for activity in matching])
    for activity in matching:
        expect(page.locator(f".day-list a[href='/pt/day/activities/{activity.pk}/']")).to_have_count(1)
    expect(filters.locator("select[name=country]")).to_have_value("PT")
    expect(filters.locator("select[name=kind]")).to_have_value("workshop")
    # The map shows the one that has a place (the Azores' workshop is online).
    expect(page.locator("#agenda-map")).to_have_attribute("data-map-ready", "1")

    ics_link = page.locator("main .day-downloads a[type='text/calendar']")
    expect(ics_link).to_have_attribute("href", re.compile(rf"^/pt/day/{YEAR}/agenda\.ics\?"))
    with page.expect_download() as download_info:
        ics_link.click()
    download = download_info.value
    assert download.suggested_filename == f"international-day-{YEAR}.ics"
    with open(download.path(), "rb") as downloaded:
        calendar = Calendar.from_ical(downloaded.read())

    events = calendar.walk("VEVENT")
    assert [str(event["summary"]) for event in events] == [activity.title for activity in matching]
    assert [event["dtstart"].params["TZID"] for event in events] == ["Europe/Lisbon", "Atlantic/Azores"]
    assert [event["dtstart"].dt for event in events] == [
        datetime.datetime(YEAR, 11, 30, 10, 0, tzinfo=ZoneInfo("Europe/Lisbon")),
        datetime.datetime(YEAR, 11, 30, 15, 0, tzinfo=ZoneInfo("Atlantic/Azores")),
    ]
    assert sorted(str(zone["tzid"]) for zone in calendar.walk("VTIMEZONE")) == [
        "Atlantic/Azores",
        "Europe/Lisbon",
    ]
    assert [str(event["uid"]).split("@")[0] for event in events] == [
        f"day-activity-{activity.pk}" for activity in matching
    ]
