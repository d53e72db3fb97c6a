"""In a real browser (headless Chromium, as tests/e2e): the place picker of the activity form and the
accessibility (axe-core, WCAG 2.1 A/AA: no serious or critical violation) of the city's and the
Secretariat's International Day pages.
"""

import datetime

import pytest
from playwright.sync_api import expect

from educities.days.models import Activity
from educities.members.domain.roles import role_grant_city_editor
from tests.days.factories import ActivityFactory, ActivityPhotoFactory
from tests.days.views.test_city_support import cast
from tests.e2e.conftest import axe_serious_violations
from tests.e2e.helpers import sign_in, verified_user
from tests.factories import CityFactory, CountryFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AFTER_THE_DAY = datetime.datetime(2025, 12, 2, 9, 0, tzinfo=datetime.UTC)


def _editor_world():
    the_cast = cast()
    editor = verified_user()
    role_grant_city_editor(user=editor, city=the_cast.city_a)
    return the_cast, editor


def test_place_picker_sets_the_coordinates_and_registers_the_activity(live_server, page):
    _the_cast, editor = _editor_world()
    base = live_server.url
    sign_in(page, base, editor)

    page.goto(f"{base}/en/day/2025/activities/new/")
    picker = page.locator("[data-place-picker-map]")
    expect(picker).to_have_attribute("data-map-ready", "1")
    expect(picker).to_be_visible()
    assert page.locator("#id_latitude").input_value() == ""
    picker.click(position={"x": 200, "y": 150})
    latitude = float(page.locator("#id_latitude").input_value())
    longitude = float(page.locator("#id_longitude").input_value())
    # The map is centred on Granollers (41.6083, 2.2875) at zoom 12.
    assert abs(latitude - 41.6083) < 0.2
    assert abs(longitude - 2.2875) < 0.3
    expect(page.locator(".leaflet-marker-icon")).to_have_count(1)

    page.locator("#id_latitude").fill("41.61")
    page.locator("#id_longitude").fill("2.29")
    page.locator("#id_title").fill("Children redesign the square")
    page.locator("#id_description").fill("The children's council presents its plan.")
    page.locator("#id_kind").select_option("children_council")
    page.locator("#id_start_time").fill("17:00")
    page.locator("#id_organiser").fill("Department of Education")
    page.locator("main form.day-activity-form button[type=submit]").click()
    page.wait_for_url(lambda url: "/my-activities/" in url)

    activity = Activity.objects.get()
    assert (activity.latitude, activity.longitude) == (41.61, 2.29)
    assert activity.time_zone == "Europe/Madrid"


def test_activity_form_works_without_javascript(live_server, page_factory):
    _the_cast, editor = _editor_world()
    base = live_server.url
    context_page = page_factory()
    context_page.context.route("**/*.js", lambda route: route.abort())
    sign_in(context_page, base, editor)

    context_page.goto(f"{base}/en/day/2025/activities/new/")

    expect(context_page.locator("[data-place-picker-map]")).to_be_hidden()
    expect(context_page.locator("#id_latitude")).to_be_visible()
    expect(context_page.locator("#id_longitude")).to_be_visible()


PAGES = {
    "mine": "/{lang}/day/my-activities/",
    "new": "/{lang}/day/2025/activities/new/",
    "edit": "/{lang}/day/activities/{activity}/edit/",
    "report": "/{lang}/day/activities/{activity}/report/",
    "staff-campaigns": "/{lang}/backoffice/day/",
    "staff-new": "/{lang}/backoffice/day/new/",
    "staff-campaign": "/{lang}/backoffice/day/2025/",
    "staff-moderation": "/{lang}/backoffice/day/2025/moderation/",
    "staff-reminders": "/{lang}/backoffice/day/2025/reminders/",
}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_day_pages_pass_axe(live_server, page_factory, time_machine, lang):
    time_machine.move_to(AFTER_THE_DAY, tick=True)
    the_cast, editor = _editor_world()
    staff = verified_user(staff=True)
    activity = ActivityFactory(campaign=the_cast.campaign, city=the_cast.city_a, participants=30)
    ActivityPhotoFactory(activity=activity)
    ActivityFactory(campaign=the_cast.campaign, city=CityFactory(country=CountryFactory(code="PT")))
    base = live_server.url
    problems = {}
    for who, names in (
        (editor, ["mine", "new", "edit", "report"]),
        (staff, [n for n in PAGES if n.startswith("staff")]),
    ):
        page_ = page_factory(locale="es-ES" if lang == "es" else "en-GB")
        sign_in(page_, base, who, language=lang)
        for name in names:
            page_.goto(base + PAGES[name].format(lang=lang, activity=activity.pk))
            assert page_.locator("h1").count() == 1, name
            violations = axe_serious_violations(page_)
            if violations:
                problems[name] = violations
    assert problems == {}
