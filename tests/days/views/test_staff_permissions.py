"""THE permission matrix of the Secretariat's International Day pages: every role × every page and step,
with the exact status code, and for the steps that change something, whether it changed.

"login" is a redirect to the sign-in page; a signed-in user who is not of the Secretariat gets 403.
"""

import pytest
from django.core import mail
from django.urls import reverse

from educities.days.enums import ActivityStatus
from educities.days.models import Activity, Campaign, CampaignMaterial
from tests.days.factories import ActivityFactory, CampaignFactory
from tests.factories import CityFactory, ContactFactory, StaffFactory, UserFactory, make_city_editor

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

ROLES = ("anonymous", "user", "editor", "staff")
LOGIN = "login"


def _world():
    campaign = CampaignFactory(year=2025)
    city = CityFactory(name="Granollers")
    ContactFactory(city=CityFactory(name="Quiet city"))
    activity = ActivityFactory(campaign=campaign, city=city)
    hidden = ActivityFactory(campaign=campaign, city=city, status=ActivityStatus.HIDDEN, status_reason="Spam")
    users = {
        "anonymous": None,
        "user": UserFactory(),
        "editor": make_city_editor(city),
        "staff": StaffFactory(),
    }
    return campaign, activity, hidden, users


def _snapshot() -> tuple:
    return (
        sorted(Campaign.objects.values_list("year", "motto", "is_published", "reminder_sent_at")),
        sorted(Activity.objects.values_list("pk", "status", "reviewed_at")),
        CampaignMaterial.objects.count(),
    )


ACTIONS = {
    # name: (method, url name, kwargs builder, data builder, expected for staff, changes)
    "campaigns": ("get", "campaigns", lambda c, a, h: {}, None, 200, False),
    "campaign_new_get": ("get", "campaign_new", lambda c, a, h: {}, None, 200, False),
    "campaign_new_post": (
        "post",
        "campaign_new",
        lambda c, a, h: {},
        lambda c: {
            "year": "2026",
            "motto": "Cities that care",
            "language": "en",
            "window_starts_on": "2026-11-01",
            "window_ends_on": "2026-12-15",
            "reminder_days_before": "21",
        },
        302,
        True,
    ),
    "campaign_get": ("get", "campaign", lambda c, a, h: {"year": c.year}, None, 200, False),
    "campaign_unpublish": (
        "post",
        "campaign",
        lambda c, a, h: {"year": c.year},
        lambda c: {"action": "unpublish"},
        302,
        True,
    ),
    "moderation": ("get", "moderation", lambda c, a, h: {"year": c.year}, None, 200, False),
    "hide": (
        "post",
        "activity_hide",
        lambda c, a, h: {"year": c.year, "pk": a.pk},
        lambda c: {f"hide-{Activity.objects.filter(status='published').get().pk}-reason": "Not an activity."},
        302,
        True,
    ),
    "show": ("post", "activity_show", lambda c, a, h: {"year": c.year, "pk": h.pk}, lambda c: {}, 302, True),
    "review": (
        "post",
        "activities_review",
        lambda c, a, h: {"year": c.year},
        lambda c: {"activities": list(Activity.objects.values_list("pk", flat=True))},
        302,
        True,
    ),
    "reminders": ("get", "reminders", lambda c, a, h: {"year": c.year}, None, 200, False),
    "reminders_send": ("post", "reminders_send", lambda c, a, h: {"year": c.year}, lambda c: {}, 302, True),
}


@pytest.mark.parametrize("action", sorted(ACTIONS))
@pytest.mark.parametrize("role", ROLES)
def test_staff_page_status_by_role(client, role, action, django_capture_on_commit_callbacks):
    campaign, activity, hidden, users = _world()
    method, name, kwargs, data, expected_staff, changes = ACTIONS[action]
    if users[role] is not None:
        client.force_login(users[role])
    before = _snapshot()
    url = reverse(f"days_staff:{name}", kwargs=kwargs(campaign, activity, hidden))

    with django_capture_on_commit_callbacks(execute=True):
        response = getattr(client, method)(url, data(campaign) if data else None)

    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    elif role == "staff":
        assert response.status_code == expected_staff
    else:
        assert response.status_code == 403
        assert mail.outbox == []
    assert (_snapshot() != before) is (changes and role == "staff")


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("campaign", {"year": 2031}),
        ("moderation", {"year": 2031}),
        ("reminders", {"year": 2031}),
    ],
)
def test_staff_page_of_an_unknown_year_is_404(client, name, kwargs):
    client.force_login(StaffFactory())

    assert client.get(reverse(f"days_staff:{name}", kwargs=kwargs)).status_code == 404


@pytest.mark.parametrize(
    ("method", "name", "kwargs"),
    [
        ("get", "activity_hide", {"year": 2025, "pk": 1}),
        ("get", "activity_show", {"year": 2025, "pk": 1}),
        ("get", "activities_review", {"year": 2025}),
        ("get", "reminders_send", {"year": 2025}),
        ("put", "campaign", {"year": 2025}),
        ("delete", "campaigns", {}),
        ("post", "moderation", {"year": 2025}),
    ],
)
def test_staff_page_refuses_other_methods(client, method, name, kwargs):
    CampaignFactory(year=2025)
    client.force_login(StaffFactory())

    response = getattr(client, method)(reverse(f"days_staff:{name}", kwargs=kwargs))

    assert response.status_code == 405


def test_staff_without_an_authenticator_app_has_no_access_when_required(client, settings):
    settings.STAFF_MFA_REQUIRED = True
    CampaignFactory(year=2025)
    client.force_login(StaffFactory())

    response = client.get(reverse("days_staff:campaigns"))

    assert response.status_code in {302, 403}
