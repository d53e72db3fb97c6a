"""Registering and editing an activity on a city's pages: the form journeys and hostile input.

Every refused submission shows the problem beside its field and changes nothing.
"""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from educities.days.enums import ActivityStatus
from educities.days.models import Activity
from educities.members.domain.roles import role_grant_city_editor
from tests.days.factories import ActivityFactory, CampaignFactory, OnlineActivityFactory
from tests.days.views.test_city_support import BEFORE_THE_DAY, activity_data, cast, flash, state
from tests.factories import CityFactory, CountryFactory, make_city_editor

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _before_the_day(time_machine):
    time_machine.move_to(BEFORE_THE_DAY, tick=False)


MADRID = ZoneInfo("Europe/Madrid")


def _new_url(year: int = 2025) -> str:
    return reverse("days:activity_new", kwargs={"year": year})


def _post_new(client, the_cast, **overrides):
    return client.post(_new_url(), {"city": the_cast.city_a.pk, **activity_data(**overrides)})


# --- Registering ---------------------------------------------------------------------------------------


def test_activity_new_shows_the_form_with_the_city_time_zone_selected(client):
    the_cast = cast()
    client.force_login(the_cast.users["editor_a"])

    response = client.get(_new_url())

    assert response.status_code == 200
    form = response.context["form"]
    assert response.context["city"] == the_cast.city_a
    assert form["time_zone"].value() == "Europe/Madrid"
    assert form["day"].value() == datetime.date(2025, 11, 30)
    assert '<option value="Europe/Madrid" selected>' in response.content.decode()
    assert "data-place-picker-map" in response.content.decode()
    assert "city_form" not in response.context


def test_activity_new_registers_an_activity_in_person(client):
    the_cast = cast()
    user = the_cast.users["editor_a"]
    client.force_login(user)

    response = _post_new(client, the_cast)

    activity = Activity.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('days:mine')}?saved={activity.pk}#activity-{activity.pk}"
    assert (activity.campaign, activity.city, activity.created_by) == (
        the_cast.campaign,
        the_cast.city_a,
        user,
    )
    assert activity.title == "Children redesign the square"
    assert activity.description == "The children's council presents its plan.\nEveryone is welcome."
    assert (activity.kind, activity.format, activity.status) == ("children_council", "in_person", "published")
    assert activity.starts_at == datetime.datetime(2025, 11, 30, 17, 0, tzinfo=MADRID)
    assert activity.ends_at == datetime.datetime(2025, 11, 30, 19, 0, tzinfo=MADRID)
    assert activity.starts_at.astimezone(datetime.UTC).hour == 16
    assert activity.time_zone == "Europe/Madrid"
    assert (activity.latitude, activity.longitude) == (41.6078, 2.288)
    assert (activity.place_name, activity.address) == ("Porxada square", "Plaça de la Porxada, Granollers")
    assert activity.audiences == ["children", "families"]
    assert activity.languages == ["ca", "es"]
    assert (activity.organiser, activity.contact_email, activity.language) == (
        "Department of Education",
        "day@granollers.example.org",
        "ca",
    )
    assert flash(response) == [
        gettext("“%(title)s” is registered and published on the agenda of the Day.")
        % {"title": "Children redesign the square"}
    ]


def test_activity_new_then_the_list_links_to_the_public_page(client):
    the_cast = cast()
    client.force_login(the_cast.users["editor_a"])

    response = _post_new(client, the_cast)
    page = client.get(response["Location"])

    activity = Activity.objects.get()
    assert page.status_code == 200
    assert page.context["saved"] == activity
    assert f'href="{reverse("days:activity", kwargs={"pk": activity.pk})}"' in page.content.decode()


def test_activity_new_online_needs_no_coordinates(client):
    the_cast = cast()
    client.force_login(the_cast.users["editor_a"])

    response = _post_new(
        client,
        the_cast,
        format="online",
        latitude="",
        longitude="",
        online_url="https://meet.example.org/day",
    )

    activity = Activity.objects.get()
    assert response.status_code == 302
    assert (activity.format, activity.latitude, activity.longitude) == ("online", None, None)
    assert activity.online_url == "https://meet.example.org/day"


def test_activity_new_in_another_time_zone_converts_the_wall_time(client):
    the_cast = cast()
    client.force_login(the_cast.users["editor_a"])

    response = _post_new(client, the_cast, time_zone="America/Bogota", start_time="09:30", end_time="")

    activity = Activity.objects.get()
    assert response.status_code == 302
    assert activity.time_zone == "America/Bogota"
    assert activity.starts_at == datetime.datetime(2025, 11, 30, 14, 30, tzinfo=datetime.UTC)
    assert activity.ends_at is None


def test_activity_new_lasting_several_days(client):
    the_cast = cast()
    client.force_login(the_cast.users["editor_a"])

    response = _post_new(
        client, the_cast, kind="exhibition", day="2025-11-25", end_day="2025-12-05", end_time="20:00"
    )

    activity = Activity.objects.get()
    assert response.status_code == 302
    assert activity.ends_at == datetime.datetime(2025, 12, 5, 20, 0, tzinfo=MADRID)


def test_activity_new_with_several_cities_asks_which(client):
    the_cast = cast()
    user = the_cast.users["editor_a"]
    other = CityFactory(name="Rosario", country=CountryFactory(code="AR"), time_zone="")
    role_grant_city_editor(user=user, city=other)
    client.force_login(user)

    asked = client.get(_new_url())
    chosen = client.get(_new_url(), {"city": other.pk})

    assert asked.status_code == 200
    assert asked.context["city"] is None
    assert "form" not in asked.context
    assert [choice[0] for choice in asked.context["city_form"].fields["city"].choices] == [
        the_cast.city_a.pk,
        other.pk,
    ]
    assert chosen.context["city"] == other
    # No zone of its own: the country's most common one.
    assert chosen.context["form"]["time_zone"].value() == "America/Argentina/Buenos_Aires"


def test_activity_new_by_the_secretariat_for_a_city(client):
    the_cast = cast()
    client.force_login(the_cast.users["staff"])

    response = _post_new(client, the_cast)

    assert response.status_code == 302
    assert Activity.objects.get().city == the_cast.city_a


def test_activity_new_for_a_city_that_is_not_a_member_is_403(client):
    cast()
    former = CityFactory(name="Former", membership_status="withdrawn")
    editor = make_city_editor(former)
    client.force_login(editor)

    response = client.get(_new_url(), {"city": former.pk})

    assert response.status_code == 403


# --- Hostile input ------------------------------------------------------------------------------------


def _refused(client, the_cast, **overrides):
    count = Activity.objects.count()
    response = _post_new(client, the_cast, **overrides)
    assert response.status_code == 200
    assert Activity.objects.count() == count
    return response.context["form"]


def test_activity_new_outside_the_window_is_refused(client):
    the_cast = cast()
    client.force_login(the_cast.users["editor_a"])

    form = _refused(client, the_cast, day="2025-10-15")

    assert list(form.errors) == ["day"]
    assert "outside the dates of the 2025 campaign" in form.errors["day"][0]


def test_activity_new_in_person_without_coordinates_is_refused(client):
    the_cast = cast()
    client.force_login(the_cast.users["editor_a"])

    form = _refused(client, the_cast, latitude="", longitude="")

    message = gettext(
        "Give the latitude and the longitude of the place: activities in person are shown on the map."
    )
    assert form.errors == {"latitude": [message], "longitude": [message]}


def test_activity_new_with_one_coordinate_only_is_refused(client):
    the_cast = cast()
    client.force_login(the_cast.users["editor_a"])

    form = _refused(client, the_cast, longitude="")

    assert list(form.errors) == ["longitude"]


def test_activity_new_online_without_a_link_is_refused(client):
    the_cast = cast()
    client.force_login(the_cast.users["editor_a"])

    form = _refused(client, the_cast, format="online", latitude="", longitude="", online_url="")

    assert form.errors == {
        "online_url": [gettext("Give the link to join the activity online (https://...).")]
    }


def test_activity_new_hybrid_needs_both(client):
    the_cast = cast()
    client.force_login(the_cast.users["editor_a"])

    form = _refused(client, the_cast, format="hybrid", latitude="", longitude="", online_url="")

    assert sorted(form.errors) == ["latitude", "longitude", "online_url"]


@pytest.mark.parametrize(
    "day", ["2025-02-30", "2025-11-31", "30/11/2025", "tomorrow", "0000-11-30", "9999-11-30"]
)
def test_activity_new_with_a_date_that_does_not_exist_is_refused(client, day):
    the_cast = cast()
    client.force_login(the_cast.users["editor_a"])

    form = _refused(client, the_cast, day=day)

    assert list(form.errors) == ["day"]


def test_activity_new_at_a_time_skipped_by_the_clocks_is_refused(client):
    the_cast = cast()
    client.force_login(the_cast.users["editor_a"])

    # 30 March 2025: in Madrid the clocks jump from 02:00 to 03:00.
    form = _refused(client, the_cast, day="2025-03-30", start_time="02:30", end_time="")

    assert list(form.errors) == ["start_time"]
    assert "does not exist in Europe/Madrid" in form.errors["start_time"][0]


def test_activity_new_at_a_time_repeated_by_the_clocks_is_refused(client):
    the_cast = cast()
    client.force_login(the_cast.users["editor_a"])

    # 2 November 2025: in New York 01:00–02:00 happens twice.
    form = _refused(
        client, the_cast, time_zone="America/New_York", day="2025-11-02", start_time="01:30", end_time=""
    )

    assert list(form.errors) == ["start_time"]
    assert "happens twice in America/New_York" in form.errors["start_time"][0]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"end_time": "16:00"}, "end_time"),
        ({"end_time": "17:00"}, "end_time"),
        ({"end_day": "2025-11-29"}, "end_day"),
        ({"end_day": "2025-12-01", "end_time": ""}, "end_time"),
        ({"start_time": "25:00"}, "start_time"),
        ({"time_zone": "Mars/Olympus_Mons"}, "time_zone"),
        ({"kind": "rave"}, "kind"),
        ({"format": "telepathy"}, "format"),
        ({"audiences": ["children", "aliens"]}, "audiences"),
        ({"languages": ["ca", "klingon"]}, "languages"),
        ({"language": "de"}, "language"),
        ({"latitude": "91"}, "latitude"),
        ({"longitude": "nan"}, "longitude"),
        ({"online_url": "javascript:alert(1)"}, "online_url"),
        ({"contact_email": "not-an-address"}, "contact_email"),
        ({"title": "Line\nbreak"}, "title"),
        ({"title": ""}, "title"),
        ({"description": "Bell\x07"}, "description"),
        ({"organiser": "   "}, "organiser"),
    ],
)
def test_activity_new_hostile_value_is_refused_beside_its_field(client, overrides, field):
    the_cast = cast()
    client.force_login(the_cast.users["editor_a"])

    form = _refused(client, the_cast, **overrides)

    assert list(form.errors) == [field]


def test_activity_new_in_an_unpublished_campaign_by_staff_is_allowed_but_said(client):
    the_cast = cast(is_published=False)
    client.force_login(the_cast.users["staff"])

    page = client.get(_new_url(), {"city": the_cast.city_a.pk})

    assert page.status_code == 200
    with translation.override("en"):
        assert "This campaign is not published yet" in page.content.decode()


# --- Editing ---------------------------------------------------------------------------------------------


def _edit_url(activity) -> str:
    return reverse("days:activity_edit", kwargs={"pk": activity.pk})


def _edit_data(activity, **overrides) -> dict:
    data = activity_data(
        title=activity.title,
        description=activity.description,
        kind=activity.kind,
        format=activity.format,
        start_time="17:00",
        end_time="19:00",
        place_name=activity.place_name,
        address=activity.address,
        latitude=str(activity.latitude),
        longitude=str(activity.longitude),
        audiences=activity.audiences,
        organiser=activity.organiser,
        languages=activity.languages,
        contact_email=activity.contact_email,
        language=activity.language,
    )
    data.update(overrides)
    return data


def test_activity_edit_shows_the_local_times(client):
    the_cast = cast()
    activity = ActivityFactory(campaign=the_cast.campaign, city=the_cast.city_a)
    client.force_login(the_cast.users["editor_a"])

    response = client.get(_edit_url(activity))

    form = response.context["form"]
    assert response.status_code == 200
    assert form["day"].value() == datetime.date(2025, 11, 30)
    assert form["start_time"].value() == datetime.time(17, 0)
    assert form["end_time"].value() == datetime.time(19, 0)
    assert form["time_zone"].value() == "Europe/Madrid"
    assert form["end_day"].value() is None


def test_activity_edit_saves_the_changes(client):
    the_cast = cast()
    activity = ActivityFactory(campaign=the_cast.campaign, city=the_cast.city_a)
    client.force_login(the_cast.users["editor_a"])

    response = client.post(_edit_url(activity), _edit_data(activity, title="A new title", start_time="18:00"))

    activity.refresh_from_db()
    assert response.status_code == 302
    assert activity.title == "A new title"
    assert activity.starts_at == datetime.datetime(2025, 11, 30, 18, 0, tzinfo=MADRID)
    assert flash(response) == [gettext("“%(title)s” is saved.") % {"title": "A new title"}]


def test_activity_edit_without_changes_says_so(client):
    the_cast = cast()
    activity = ActivityFactory(
        campaign=the_cast.campaign, city=the_cast.city_a, contact_email="a@b.example.org"
    )
    before = state(activity)
    client.force_login(the_cast.users["editor_a"])

    response = client.post(_edit_url(activity), _edit_data(activity))

    assert response.status_code == 302
    assert flash(response) == [gettext("Nothing was changed.")]
    assert state(activity) == before


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"day": "2025-12-20"}, "day"),
        ({"day": "2025-02-30"}, "day"),
        ({"latitude": "", "longitude": ""}, "latitude"),
        ({"format": "online", "latitude": "", "longitude": ""}, "online_url"),
        ({"day": "2025-03-30", "start_time": "02:15"}, "start_time"),
    ],
)
def test_activity_edit_hostile_value_changes_nothing(client, overrides, field):
    the_cast = cast()
    activity = ActivityFactory(
        campaign=the_cast.campaign, city=the_cast.city_a, contact_email="a@b.example.org"
    )
    before = state(activity)
    client.force_login(the_cast.users["editor_a"])

    response = client.post(_edit_url(activity), _edit_data(activity, **overrides))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert state(activity) == before


def test_activity_edit_of_an_online_activity_keeps_its_link(client):
    the_cast = cast()
    activity = OnlineActivityFactory(campaign=the_cast.campaign, city=the_cast.city_a)
    client.force_login(the_cast.users["editor_a"])

    page = client.get(_edit_url(activity))

    assert page.context["form"]["online_url"].value() == "https://meet.example.org/day"
    assert page.context["form"]["latitude"].value() is None


# --- Cancel and restore -------------------------------------------------------------------------------


def test_activity_cancel_and_restore(client):
    the_cast = cast()
    activity = ActivityFactory(campaign=the_cast.campaign, city=the_cast.city_a)
    client.force_login(the_cast.users["editor_a"])

    cancelled = client.post(reverse("days:activity_cancel", kwargs={"pk": activity.pk}))
    activity.refresh_from_db()
    status_after_cancel = activity.status
    restored = client.post(reverse("days:activity_restore", kwargs={"pk": activity.pk}))
    activity.refresh_from_db()

    assert cancelled.status_code == restored.status_code == 302
    assert cancelled["Location"] == f"{reverse('days:mine')}#activity-{activity.pk}"
    assert status_after_cancel == ActivityStatus.CANCELLED
    assert activity.status == ActivityStatus.PUBLISHED


def test_activity_restore_of_a_published_activity_changes_nothing(client):
    the_cast = cast()
    activity = ActivityFactory(campaign=the_cast.campaign, city=the_cast.city_a)
    before = state(activity)
    client.force_login(the_cast.users["editor_a"])

    response = client.post(reverse("days:activity_restore", kwargs={"pk": activity.pk}))

    assert response.status_code == 302
    assert state(activity) == before
    assert flash(response)[0].endswith(gettext("Nothing was changed."))


def test_activity_cancel_goes_back_to_a_safe_next_only(client):
    the_cast = cast()
    activity = ActivityFactory(campaign=the_cast.campaign, city=the_cast.city_a)
    client.force_login(the_cast.users["editor_a"])

    response = client.post(
        reverse("days:activity_cancel", kwargs={"pk": activity.pk}), {"next": "https://evil.example.com/"}
    )

    assert response["Location"] == f"{reverse('days:mine')}#activity-{activity.pk}"


def test_activity_new_in_a_campaign_of_another_year(client):
    the_cast = cast()
    CampaignFactory(year=2026)
    client.force_login(the_cast.users["editor_a"])

    form = client.post(_new_url(2026), {"city": the_cast.city_a.pk, **activity_data()}).context["form"]

    assert list(form.errors) == ["day"]
    assert Activity.objects.count() == 0
