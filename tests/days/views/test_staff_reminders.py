"""The Secretariat's reminder page: member cities without an activity, when the reminder is due or was
sent, and sending it now."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.translation import gettext

from educities.days.enums import ActivityStatus
from educities.days.models import Campaign
from educities.members.enums import MembershipStatus
from tests.days.factories import ActivityFactory, CampaignFactory
from tests.days.views.test_city_support import flash
from tests.factories import CityFactory, ContactFactory, CountryFactory, StaffFactory, make_city_editor

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def staff(client):
    user = StaffFactory()
    client.force_login(user)
    return user


def _url(name: str = "reminders") -> str:
    return reverse(f"days_staff:{name}", kwargs={"year": 2025})


def _world():
    campaign = CampaignFactory(year=2025)
    busy = CityFactory(name="Busy", country=CountryFactory(code="ES"))
    ActivityFactory(campaign=campaign, city=busy)
    lyon = CityFactory(name="Lyon", country=CountryFactory(code="FR"))
    ContactFactory(city=lyon, email="education@lyon.example.org")
    quiet = CityFactory(name="Quiet", country=CountryFactory(code="ES"))
    make_city_editor(quiet, email="editor@quiet.example.org")
    cancelled = CityFactory(name="Cancelled", country=CountryFactory(code="ES"))
    ActivityFactory(campaign=campaign, city=cancelled, status=ActivityStatus.CANCELLED)
    CityFactory(name="Applicant", membership_status=MembershipStatus.APPLIED)
    return campaign, lyon, quiet, cancelled


def test_reminders_lists_member_cities_without_an_activity(client, staff, time_machine):
    time_machine.move_to(datetime.datetime(2025, 10, 1, 9, tzinfo=datetime.UTC), tick=False)
    _world()

    response = client.get(_url())

    assert response.status_code == 200
    assert [city.name for city in response.context["cities"]] == ["Cancelled", "Quiet", "Lyon"]
    assert response.context["without_address"] == 1
    assert response.context["first_day"] == datetime.date(2025, 11, 9)
    assert response.context["days_left"] == 39
    assert response.context["is_due"] is False
    page = response.content.decode()
    assert "Spain" in page
    assert "France" in page


def test_reminders_due_and_sent(client, staff, time_machine):
    time_machine.move_to(datetime.datetime(2025, 11, 20, 9, tzinfo=datetime.UTC), tick=False)
    campaign, *_ = _world()

    due = client.get(_url())
    Campaign.objects.filter(pk=campaign.pk).update(
        reminder_sent_at=datetime.datetime(2025, 11, 9, 7, tzinfo=datetime.UTC)
    )
    sent = client.get(_url())

    assert due.context["is_due"] is True
    assert sent.context["campaign"].reminder_sent_at == datetime.datetime(2025, 11, 9, 7, tzinfo=datetime.UTC)


def test_reminders_send_now(client, staff, time_machine, django_capture_on_commit_callbacks):
    time_machine.move_to(datetime.datetime(2025, 10, 1, 9, tzinfo=datetime.UTC), tick=False)
    campaign, *_ = _world()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url("reminders_send"))

    campaign.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == _url()
    assert flash(response) == [gettext("The reminder is sent to %(count)d cities.") % {"count": 2}]
    assert sorted(message.to[0] for message in mail.outbox) == [
        "editor@quiet.example.org",
        "education@lyon.example.org",
    ]
    assert campaign.reminder_sent_at == datetime.datetime(2025, 10, 1, 9, tzinfo=datetime.UTC)


def test_reminders_send_now_of_an_unpublished_campaign_sends_nothing(
    client, staff, django_capture_on_commit_callbacks
):
    campaign, *_ = _world()
    Campaign.objects.filter(pk=campaign.pk).update(is_published=False)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url("reminders_send"))

    campaign.refresh_from_db()
    assert response.status_code == 302
    assert mail.outbox == []
    assert campaign.reminder_sent_at is None
    assert flash(response)[0].endswith(gettext("Nothing was sent."))


def test_reminders_page_of_an_unpublished_campaign_has_no_button(client, staff):
    CampaignFactory(year=2025, is_published=False)

    response = client.get(_url())

    assert _url("reminders_send") not in response.content.decode()
