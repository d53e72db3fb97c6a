"""The HTTP permission matrix of a city's International Day pages: every role × every action, with exact
status codes, and for the actions that change something, whether it changed.

Convention (as on the award's city pages): an anonymous visitor is sent to the sign-in page (302); a
signed-in user who may not act gets 403 and nothing changes; an activity they may not even see (hidden by
the Secretariat, of another city) or that does not exist is 404.
"""

import pytest
import time_machine
from django.urls import reverse

from educities.days.enums import ActivityStatus
from educities.days.models import Activity
from tests.days.factories import ActivityFactory, day_moment
from tests.days.views.test_city_support import (
    AFTER_THE_DAY,
    ROLES,
    activity_data,
    cast,
    login,
    state,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _expected(allowed: set[str], status: int, refused: int = 403) -> dict[str, int]:
    return {role: 302 if role == "anonymous" else (status if role in allowed else refused) for role in ROLES}


CITY = {"editor_a", "staff"}
MATRIX = {
    "mine": _expected(set(ROLES), 200),
    "new_get": _expected(CITY, 200),
    "new_post": _expected(CITY, 302),
    "edit_get": _expected(CITY, 200),
    "edit_post": _expected(CITY, 302),
    "cancel": _expected(CITY, 302),
    "restore": _expected(CITY, 302),
    "report_get": _expected(CITY, 200),
    "report_post": _expected(CITY, 302),
}
CHANGING = frozenset({"edit_post", "cancel", "restore", "report_post"})


def _request(client, action: str, the_cast, activity):
    pk = activity.pk
    if action == "mine":
        return client.get(reverse("days:mine"))
    if action == "new_get":
        return client.get(reverse("days:activity_new", kwargs={"year": 2025}), {"city": the_cast.city_a.pk})
    if action == "new_post":
        return client.post(
            reverse("days:activity_new", kwargs={"year": 2025}),
            {"city": the_cast.city_a.pk, **activity_data()},
        )
    if action == "edit_get":
        return client.get(reverse("days:activity_edit", kwargs={"pk": pk}))
    if action == "edit_post":
        return client.post(
            reverse("days:activity_edit", kwargs={"pk": pk}), activity_data(title="A new title for the walk")
        )
    if action == "cancel":
        return client.post(reverse("days:activity_cancel", kwargs={"pk": pk}))
    if action == "restore":
        return client.post(reverse("days:activity_restore", kwargs={"pk": pk}))
    if action == "report_get":
        return client.get(reverse("days:activity_report", kwargs={"pk": pk}))
    return client.post(
        reverse("days:activity_report", kwargs={"pk": pk}),
        {
            "action": "report",
            "report-participants": "120",
            "report-report": "It went well.",
            "report-video_url": "",
        },
    )


@pytest.mark.parametrize("action", sorted(MATRIX))
@pytest.mark.parametrize("role", ROLES)
@time_machine.travel(AFTER_THE_DAY, tick=False)
def test_city_page_status_by_role(client, role, action):
    the_cast = cast()
    status = ActivityStatus.CANCELLED if action == "restore" else ActivityStatus.PUBLISHED
    activity = ActivityFactory(
        campaign=the_cast.campaign, city=the_cast.city_a, status=status, starts_at=day_moment(2025, 10)
    )
    before = state(activity)
    count = Activity.objects.count()
    login(client, the_cast.users[role])

    response = _request(client, action, the_cast, activity)

    assert response.status_code == MATRIX[action][role]
    if response.status_code == 302 and role == "anonymous":
        assert response["Location"].startswith(reverse("account_login"))
    if action in CHANGING:
        assert (state(activity) != before) is (MATRIX[action][role] == 302 and role != "anonymous")
    if action == "new_post":
        assert Activity.objects.count() == count + (1 if role in CITY else 0)


@pytest.mark.parametrize("action", ["edit_get", "edit_post", "cancel", "report_get", "report_post"])
@pytest.mark.parametrize(("role", "expected"), [("user", 404), ("editor_b", 404), ("editor_a", 200)])
@time_machine.travel(AFTER_THE_DAY, tick=False)
def test_city_page_of_a_hidden_activity_is_unknown_to_strangers(client, role, expected, action):
    the_cast = cast()
    activity = ActivityFactory(
        campaign=the_cast.campaign, city=the_cast.city_a, status=ActivityStatus.HIDDEN, status_reason="Spam"
    )
    before = state(activity)
    login(client, the_cast.users[role])

    response = _request(client, action, the_cast, activity)

    if expected == 404:
        assert response.status_code == 404
        assert state(activity) == before
    else:
        assert response.status_code in {200, 302}


@pytest.mark.parametrize(
    "url",
    [
        reverse("days:activity_edit", kwargs={"pk": 999_999}),
        reverse("days:activity_report", kwargs={"pk": 999_999}),
        reverse("days:activity_new", kwargs={"year": 2031}),
    ],
)
def test_city_page_of_an_unknown_activity_or_year_is_404(client, url):
    the_cast = cast()
    login(client, the_cast.users["editor_a"])

    assert client.get(url).status_code == 404


def test_city_page_cancel_of_an_unknown_activity_is_404(client):
    the_cast = cast()
    login(client, the_cast.users["editor_a"])

    assert client.post(reverse("days:activity_cancel", kwargs={"pk": 999_999})).status_code == 404


def test_city_page_new_activity_of_an_unpublished_campaign_is_404_for_editors(client):
    the_cast = cast(is_published=False)
    login(client, the_cast.users["editor_a"])

    response = client.get(reverse("days:activity_new", kwargs={"year": 2025}))

    assert response.status_code == 404


@pytest.mark.parametrize("raw", ["abc", "999999", "-1"])
def test_city_page_new_activity_for_a_forged_city_is_403(client, raw):
    the_cast = cast()
    login(client, the_cast.users["editor_a"])

    response = client.post(
        reverse("days:activity_new", kwargs={"year": 2025}), {**activity_data(), "city": raw}
    )

    assert response.status_code == 403
    assert Activity.objects.count() == 0


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_city_page_refuses_other_methods(client, method):
    the_cast = cast()
    login(client, the_cast.users["editor_a"])

    response = getattr(client, method)(reverse("days:mine"))

    assert response.status_code == 405


def test_city_page_cancel_refuses_get(client):
    the_cast = cast()
    activity = ActivityFactory(campaign=the_cast.campaign, city=the_cast.city_a)
    login(client, the_cast.users["editor_a"])

    response = client.get(reverse("days:activity_cancel", kwargs={"pk": activity.pk}))

    assert response.status_code == 405
    assert Activity.objects.get(pk=activity.pk).status == ActivityStatus.PUBLISHED
