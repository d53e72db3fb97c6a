import pytest
from django.urls import reverse
from django.utils import translation

from educities.days.enums import ActivityStatus
from educities.days.models import Activity, Campaign
from tests.accounts.helpers import totp_activate
from tests.days.factories import ActivityFactory, ActivityPhotoFactory, CampaignFactory, OnlineActivityFactory
from tests.factories import StaffFactory, UserFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

MODELS = ["days_campaign", "days_activity", "days_activityphoto"]


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def data():
    campaign = CampaignFactory(year=2025)
    CampaignFactory(year=2024, is_published=False)
    activity = ActivityFactory(campaign=campaign)
    OnlineActivityFactory(campaign=campaign, status=ActivityStatus.HIDDEN)
    ActivityPhotoFactory(activity=activity)
    campaign.materials.create(title="Poster A3", file="day/campaigns/poster.pdf", position=1)
    return campaign, activity


def _client(client, **kwargs):
    user = StaffFactory(**kwargs)
    totp_activate(user)
    client.force_login(user)
    return client


@pytest.fixture
def admin_client(client):
    return _client(client, is_superuser=True)


@pytest.mark.parametrize("model", MODELS)
def test_admin_changelist_renders(admin_client, data, model):
    response = admin_client.get(reverse(f"admin:{model}_changelist"), {"q": "a"})

    assert response.status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        {"status__exact": "hidden"},
        {"kind__exact": "walk"},
        {"format__exact": "online"},
        {"campaign__id__exact": "1"},
        {"q": "Activity"},
        {"starts_at__year": "2025"},
    ],
)
def test_activity_changelist_filters(admin_client, data, query):
    response = admin_client.get(reverse("admin:days_activity_changelist"), query)

    assert response.status_code == 200


def test_activity_changelist_filter_by_status_lists_the_hidden_activity(admin_client, data):
    hidden = Activity.objects.get(status=ActivityStatus.HIDDEN)

    response = admin_client.get(reverse("admin:days_activity_changelist"), {"status__exact": "hidden"})

    assert list(response.context["cl"].result_list) == [hidden]


@pytest.mark.parametrize("model", MODELS)
def test_admin_changelist_opens_for_staff_who_are_not_superusers(client, data, model):
    staff_client = _client(client)

    response = staff_client.get(reverse(f"admin:{model}_changelist"))

    assert response.status_code == 200


def test_admin_is_closed_to_a_plain_user(client, data):
    client.force_login(UserFactory())

    response = client.get(reverse("admin:days_activity_changelist"))

    assert response.status_code == 302


def test_campaign_page_shows_its_materials(admin_client, data):
    campaign, _activity = data

    response = admin_client.get(reverse("admin:days_campaign_change", args=[campaign.pk]))

    assert response.status_code == 200
    assert "Poster A3" in response.content.decode()


def test_activity_page_opens_read_only(admin_client, data):
    _campaign, activity = data

    response = admin_client.get(reverse("admin:days_activity_change", args=[activity.pk]))

    assert response.status_code == 200
    assert response.context["has_change_permission"] is False


def test_admin_adds_nothing(admin_client):
    response = admin_client.get(reverse("admin:days_campaign_add"))

    assert response.status_code == 403


def test_publish_action_goes_through_the_domain(admin_client, data):
    draft = Campaign.objects.get(year=2024)

    response = admin_client.post(
        reverse("admin:days_campaign_changelist"),
        {"action": "publish", "_selected_action": [draft.pk]},
        follow=True,
    )

    draft.refresh_from_db()
    assert (response.status_code, draft.is_published) == (200, True)
    assert "1 campaign changed." in response.content.decode()


def test_unpublish_action(admin_client, data):
    campaign, _activity = data

    admin_client.post(
        reverse("admin:days_campaign_changelist"), {"action": "unpublish", "_selected_action": [campaign.pk]}
    )

    campaign.refresh_from_db()
    assert campaign.is_published is False


def test_mark_reviewed_action(admin_client, data):
    ids = list(Activity.objects.values_list("pk", flat=True))

    response = admin_client.post(
        reverse("admin:days_activity_changelist"),
        {"action": "mark_reviewed", "_selected_action": ids},
        follow=True,
    )

    assert "2 activities marked as reviewed." in response.content.decode()
    assert Activity.objects.filter(reviewed_at__isnull=True).count() == 0


def test_show_again_action_shows_hidden_activities_only(admin_client, data):
    ids = list(Activity.objects.values_list("pk", flat=True))

    response = admin_client.post(
        reverse("admin:days_activity_changelist"),
        {"action": "show_again", "_selected_action": ids},
        follow=True,
    )

    assert "1 activity shown again." in response.content.decode()
    assert set(Activity.objects.values_list("status", flat=True)) == {ActivityStatus.PUBLISHED}


def test_admin_index_lists_the_day_for_staff_who_are_not_superusers(client, data):
    staff_client = _client(client)

    response = staff_client.get(reverse("admin:index"))

    assert response.status_code == 200
    assert reverse("admin:days_activity_changelist") in response.content.decode()
