"""The editor's International Day page (``days:mine``): open campaigns, register buttons, activities by
campaign, what to report after the Day; and its query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from educities.days.enums import ActivityStatus
from educities.members.domain.roles import role_grant_city_editor
from tests.days.factories import ActivityFactory, CampaignFactory, day_moment
from tests.days.views.test_city_support import AFTER_THE_DAY, BEFORE_THE_DAY, cast
from tests.factories import CityFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _get(client, user, **params):
    client.force_login(user)
    return client.get(reverse("days:mine"), params)


def test_mine_lists_the_open_campaign_with_a_button_per_city(client, time_machine):
    time_machine.move_to(BEFORE_THE_DAY, tick=False)
    the_cast = cast()
    CampaignFactory(year=2024)  # its window has ended
    CampaignFactory(year=2026, is_published=False)

    response = _get(client, the_cast.users["editor_a"])

    assert response.status_code == 200
    assert [item["campaign"].year for item in response.context["open_campaigns"]] == [2025]
    assert response.context["registrable"] == [the_cast.city_a]
    new_url = reverse("days:activity_new", kwargs={"year": 2025})
    assert f'href="{new_url}?city={the_cast.city_a.pk}"' in response.content.decode()


def test_mine_groups_the_activities_by_campaign_newest_first(client, time_machine):
    time_machine.move_to(BEFORE_THE_DAY, tick=False)
    the_cast = cast()
    old = CampaignFactory(year=2024)
    first = ActivityFactory(campaign=the_cast.campaign, city=the_cast.city_a, starts_at=day_moment(2025, 10))
    second = ActivityFactory(campaign=the_cast.campaign, city=the_cast.city_a, starts_at=day_moment(2025, 18))
    earlier = ActivityFactory(campaign=old, city=the_cast.city_a)
    ActivityFactory(campaign=the_cast.campaign, city=the_cast.city_b)

    response = _get(client, the_cast.users["editor_a"])

    groups = [
        (group["campaign"].year, [row["activity"] for row in group["rows"]])
        for group in response.context["groups"]
    ]
    assert groups == [(2025, [first, second]), (2024, [earlier])]


def test_mine_lists_what_to_report_after_the_day(client, time_machine):
    time_machine.move_to(AFTER_THE_DAY, tick=False)
    the_cast = cast()
    waiting = ActivityFactory(campaign=the_cast.campaign, city=the_cast.city_a)
    ActivityFactory(campaign=the_cast.campaign, city=the_cast.city_a, participants=40)
    ActivityFactory(campaign=the_cast.campaign, city=the_cast.city_a, status=ActivityStatus.CANCELLED)
    ActivityFactory(
        campaign=the_cast.campaign, city=the_cast.city_a, starts_at=day_moment(2025, 10, day=12, month=12)
    )

    response = _get(client, the_cast.users["editor_a"])

    assert response.context["to_report"] == [waiting]
    assert reverse("days:activity_report", kwargs={"pk": waiting.pk}) in response.content.decode()


def test_mine_shows_why_an_activity_was_hidden(client, time_machine):
    time_machine.move_to(BEFORE_THE_DAY, tick=False)
    the_cast = cast()
    ActivityFactory(
        campaign=the_cast.campaign,
        city=the_cast.city_a,
        status=ActivityStatus.HIDDEN,
        status_reason="The date is wrong: please check it.",
    )

    response = _get(client, the_cast.users["editor_a"])

    assert "The date is wrong: please check it." in response.content.decode()


def test_mine_ignores_a_saved_activity_of_another_city(client, time_machine):
    time_machine.move_to(BEFORE_THE_DAY, tick=False)
    the_cast = cast()
    other = ActivityFactory(campaign=the_cast.campaign, city=the_cast.city_b)

    response = _get(client, the_cast.users["editor_a"], saved=str(other.pk))

    assert response.context["saved"] is None


@pytest.mark.parametrize("saved", ["abc", "-1", "9" * 30, "\u0661"])
def test_mine_with_a_hostile_saved_parameter_is_fine(client, time_machine, saved):
    time_machine.move_to(BEFORE_THE_DAY, tick=False)
    the_cast = cast()

    response = _get(client, the_cast.users["editor_a"], saved=saved)

    assert response.status_code == 200
    assert response.context["saved"] is None


def test_mine_for_a_user_without_a_city(client, time_machine):
    time_machine.move_to(BEFORE_THE_DAY, tick=False)
    the_cast = cast()

    response = _get(client, the_cast.users["user"])

    assert response.status_code == 200
    assert response.context["cities"] == []
    assert response.context["groups"] == []


def _count_queries(client, user) -> int:
    client.force_login(user)
    client.get(reverse("days:mine"))  # warm the session and caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("days:mine"))
    assert response.status_code == 200
    return len(queries)


def test_mine_query_count_does_not_grow_with_activities_or_cities(client, time_machine):
    time_machine.move_to(AFTER_THE_DAY, tick=False)
    the_cast = cast()
    user = the_cast.users["editor_a"]
    ActivityFactory(campaign=the_cast.campaign, city=the_cast.city_a)
    few = _count_queries(client, user)

    old = CampaignFactory(year=2024)
    for _ in range(3):
        city = CityFactory()
        role_grant_city_editor(user=user, city=city)
        ActivityFactory.create_batch(4, campaign=the_cast.campaign, city=city)
        ActivityFactory.create_batch(2, campaign=old, city=city)
    many = _count_queries(client, user)

    assert many == few
