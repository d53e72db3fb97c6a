"""The Secretariat's moderation of the activities: the list (not reviewed first, filters, pages), hiding
with a reason (the city's editors are e-mailed), showing again, marking reviewed one by one or in bulk;
refused input changes nothing; the query count does not grow with the activities."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import gettext

from educities.days.enums import ActivityStatus
from educities.days.models import Activity
from tests.days.factories import ActivityFactory, ActivityPhotoFactory, CampaignFactory
from tests.days.views.test_city_support import flash
from tests.factories import CityFactory, CountryFactory, StaffFactory, make_city_editor

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

REVIEWED = datetime.datetime(2025, 11, 5, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def staff(client):
    user = StaffFactory()
    client.force_login(user)
    return user


def _url(name: str = "moderation", **kwargs) -> str:
    return reverse(f"days_staff:{name}", kwargs={"year": 2025, **kwargs})


def _statuses() -> list[tuple]:
    return sorted(Activity.objects.values_list("pk", "status", "status_reason", "reviewed_at"))


def _listed(response) -> list[Activity]:
    return [row["activity"] for row in response.context["rows"]]


# --- The list -----------------------------------------------------------------------------------------


def test_moderation_lists_the_not_reviewed_first_by_registration(client, staff):
    campaign = CampaignFactory(year=2025)
    reviewed = ActivityFactory(campaign=campaign, reviewed_at=REVIEWED)
    first = ActivityFactory(campaign=campaign)
    second = ActivityFactory(campaign=campaign)
    ActivityFactory(campaign=CampaignFactory(year=2024))

    default = client.get(_url())
    every = client.get(_url(), {"show": "all"})

    assert _listed(default) == [first, second]
    assert _listed(every) == [first, second, reviewed]
    assert default.context["counts"] == {"unreviewed": 2, "hidden": 0, "total": 3}


def test_moderation_filters_hidden_country_and_words(client, staff):
    campaign = CampaignFactory(year=2025)
    lyon = CityFactory(name="Lyon", country=CountryFactory(code="FR"))
    granollers = CityFactory(name="Granollers", country=CountryFactory(code="ES"))
    hidden = ActivityFactory(campaign=campaign, city=lyon, status=ActivityStatus.HIDDEN, reviewed_at=REVIEWED)
    walk = ActivityFactory(campaign=campaign, city=granollers, title="Walk of the children")
    festival = ActivityFactory(
        campaign=campaign, city=granollers, title="Festival", organiser="Youth council"
    )

    assert _listed(client.get(_url(), {"show": "hidden"})) == [hidden]
    assert _listed(client.get(_url(), {"show": "all", "country": "ES"})) == [walk, festival]
    assert _listed(client.get(_url(), {"show": "all", "q": "youth"})) == [festival]
    assert _listed(client.get(_url(), {"show": "all", "q": "lyon"})) == [hidden]
    countries = client.get(_url()).context["filter_form"].fields["country"].choices
    assert [code for code, _name in countries] == ["", "FR", "ES"]  # France, Spain: by name


@pytest.mark.parametrize(
    "params",
    [{"show": "everything"}, {"country": "XX"}, {"q": "a" * 500}, {"q": "tab\there"}, {"page": "last'--"}],
)
def test_moderation_with_hostile_filters_shows_the_default_list(client, staff, params):
    campaign = CampaignFactory(year=2025)
    activity = ActivityFactory(campaign=campaign)

    response = client.get(_url(), params)

    assert response.status_code == 200
    assert _listed(response) == [activity]


def test_moderation_with_a_nul_in_the_query_is_400(client, staff):
    CampaignFactory(year=2025)

    assert client.get(_url(), {"q": "nul\x00"}).status_code == 400


def test_moderation_pages(client, staff):
    campaign = CampaignFactory(year=2025)
    ActivityFactory.create_batch(52, campaign=campaign)

    first = client.get(_url())
    second = client.get(_url(), {"page": "2"})

    assert len(_listed(first)) == 50
    assert len(_listed(second)) == 2
    assert 'href="?show=unreviewed&amp;page=2"' in first.content.decode()


def test_moderation_shows_the_photos_with_their_description(client, staff):
    campaign = CampaignFactory(year=2025)
    photo = ActivityPhotoFactory(activity=ActivityFactory(campaign=campaign), alt_text="The mayor dancing")

    page = client.get(_url()).content.decode()

    assert f'<img src="{photo.image.url}" alt="The mayor dancing"' in page


def _count_queries(client) -> int:
    client.get(_url())
    with CaptureQueriesContext(connection) as queries:
        response = client.get(_url(), {"show": "all"})
    assert response.status_code == 200
    return len(queries)


def test_moderation_query_count_does_not_grow_with_activities(client, staff):
    campaign = CampaignFactory(year=2025)
    ActivityPhotoFactory(activity=ActivityFactory(campaign=campaign))
    few = _count_queries(client)

    for code in ("FR", "PT", "BR"):
        city = CityFactory(country=CountryFactory(code=code))
        for activity in ActivityFactory.create_batch(4, campaign=campaign, city=city):
            ActivityPhotoFactory(activity=activity)
    ActivityFactory(campaign=campaign, status=ActivityStatus.HIDDEN, status_reason="Spam")
    many = _count_queries(client)

    assert many == few


# --- Hide and show ------------------------------------------------------------------------------------


def test_hide_with_a_reason_emails_the_city_editors(client, staff, django_capture_on_commit_callbacks):
    campaign = CampaignFactory(year=2025)
    city = CityFactory(name="Granollers")
    editor = make_city_editor(city, email="editor@granollers.example.org")
    activity = ActivityFactory(campaign=campaign, city=city, title="Walk")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            _url("activity_hide", pk=activity.pk),
            {f"hide-{activity.pk}-reason": "The place is private.", "next": f"{_url()}?show=all"},
        )

    activity.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == f"{_url()}?show=all"
    assert (activity.status, activity.status_reason) == (ActivityStatus.HIDDEN, "The place is private.")
    assert activity.reviewed_at is not None
    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert "The place is private." in mail.outbox[0].body


@pytest.mark.parametrize("reason", ["", "   "])
def test_hide_without_a_reason_changes_nothing(client, staff, reason):
    campaign = CampaignFactory(year=2025)
    activity = ActivityFactory(campaign=campaign)
    before = _statuses()

    response = client.post(_url("activity_hide", pk=activity.pk), {f"hide-{activity.pk}-reason": reason})

    assert response.status_code == 302
    assert _statuses() == before
    assert mail.outbox == []
    assert (
        gettext("Say why the activity is hidden: the city's editors receive this reason.")
        in flash(response)[0]
    )


def test_hide_of_another_campaign_activity_changes_nothing(client, staff):
    CampaignFactory(year=2025)
    other = ActivityFactory(campaign=CampaignFactory(year=2024))
    before = _statuses()

    response = client.post(_url("activity_hide", pk=other.pk), {f"hide-{other.pk}-reason": "Spam"})

    assert response.status_code == 302
    assert _statuses() == before
    assert flash(response) == [
        gettext("This activity is not one of the %(year)d campaign. Nothing was changed.") % {"year": 2025}
    ]


def test_hide_with_a_foreign_next_goes_back_to_the_list(client, staff):
    campaign = CampaignFactory(year=2025)
    activity = ActivityFactory(campaign=campaign)

    response = client.post(
        _url("activity_hide", pk=activity.pk),
        {f"hide-{activity.pk}-reason": "Spam", "next": "//evil.example.com/"},
    )

    assert response["Location"] == _url()


def test_show_again(client, staff, django_capture_on_commit_callbacks):
    campaign = CampaignFactory(year=2025)
    activity = ActivityFactory(campaign=campaign, status=ActivityStatus.HIDDEN, status_reason="Spam")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url("activity_show", pk=activity.pk))

    activity.refresh_from_db()
    assert response.status_code == 302
    assert (activity.status, activity.status_reason) == (ActivityStatus.PUBLISHED, "")


def test_show_of_a_published_activity_changes_nothing(client, staff):
    campaign = CampaignFactory(year=2025)
    activity = ActivityFactory(campaign=campaign)
    before = _statuses()

    response = client.post(_url("activity_show", pk=activity.pk))

    assert response.status_code == 302
    assert _statuses() == before
    assert flash(response)[0].endswith(gettext("Nothing was changed."))


# --- Reviewed -----------------------------------------------------------------------------------------


def test_mark_one_activity_reviewed(client, staff):
    campaign = CampaignFactory(year=2025)
    one, other = ActivityFactory(campaign=campaign), ActivityFactory(campaign=campaign)

    response = client.post(_url("activities_review"), {"only": str(one.pk), "activities": [str(other.pk)]})

    one.refresh_from_db()
    other.refresh_from_db()
    assert response.status_code == 302
    assert one.reviewed_at is not None
    assert other.reviewed_at is None


def test_mark_selected_activities_reviewed(client, staff):
    campaign = CampaignFactory(year=2025)
    activities = ActivityFactory.create_batch(3, campaign=campaign)
    left = ActivityFactory(campaign=campaign)

    response = client.post(_url("activities_review"), {"activities": [str(a.pk) for a in activities]})

    assert response.status_code == 302
    assert flash(response) == [gettext("%(count)d activities are marked as reviewed.") % {"count": 3}]
    assert Activity.objects.filter(reviewed_at__isnull=True).get() == left


@pytest.mark.parametrize("raw", [[], ["abc"], ["1", "x"], ["999999"], ["other"]])
def test_mark_reviewed_with_hostile_ids_changes_nothing(client, staff, raw):
    campaign = CampaignFactory(year=2025)
    mine = ActivityFactory(campaign=campaign)
    other = ActivityFactory(campaign=CampaignFactory(year=2024))
    ids = [str(other.pk) if value == "other" else value for value in raw]
    before = _statuses()

    response = client.post(_url("activities_review"), {"activities": [str(mine.pk), *ids] if raw else []})

    assert response.status_code == 302
    assert _statuses() == before


def test_mark_reviewed_twice_says_so(client, staff):
    campaign = CampaignFactory(year=2025)
    activity = ActivityFactory(campaign=campaign, reviewed_at=REVIEWED)

    response = client.post(_url("activities_review"), {"only": str(activity.pk)})

    assert flash(response) == [gettext("These activities were already reviewed.")]
    activity.refresh_from_db()
    assert activity.reviewed_at == REVIEWED
