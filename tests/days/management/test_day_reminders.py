import datetime
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import CommandError, call_command

from educities.days.models import Campaign
from tests.days.factories import ActivityFactory, CampaignFactory
from tests.factories import CityFactory, ContactFactory, CountryFactory, make_city_editor

pytestmark = pytest.mark.django_db

IN_TIME = datetime.datetime(2025, 11, 10, 6, 0, tzinfo=datetime.UTC)
TOO_EARLY = datetime.datetime(2025, 10, 1, 6, 0, tzinfo=datetime.UTC)


@pytest.fixture
def campaign():
    campaign = CampaignFactory(year=2025, is_published=True, reminder_days_before=21)
    lyon = CityFactory(name="Lyon", country=CountryFactory(code="FR"))
    ContactFactory(city=lyon, email="marie@lyon.example.org", language="fr")
    make_city_editor(lyon, email="editor@lyon.example.org")
    granollers = CityFactory(name="Granollers", country=CountryFactory(code="ES"))
    ContactFactory(city=granollers, email="anna@granollers.example.org", language="ca")
    ActivityFactory(campaign=campaign, city=CityFactory(name="Santos", country=CountryFactory(code="BR")))
    return campaign


def _run(*args) -> str:
    out = StringIO()
    call_command("day_reminders", *args, stdout=out)
    return out.getvalue()


@time_machine.travel(IN_TIME, tick=False)
def test_day_reminders_sends_once_in_time_and_prints_a_summary(campaign, django_capture_on_commit_callbacks):
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        output = _run()

    assert output.splitlines() == [
        "Campaign 2025: 2 member cities have registered no activity yet.",
        "  Granollers (ES): anna@granollers.example.org",
        "  Lyon (FR): editor@lyon.example.org, marie@lyon.example.org",
        "Reminder sent to 2 cities (3 addresses).",
    ]
    assert sorted(message.to[0] for message in mail.outbox) == [
        "anna@granollers.example.org",
        "editor@lyon.example.org",
        "marie@lyon.example.org",
    ]
    campaign.refresh_from_db()
    assert campaign.reminder_sent_at == IN_TIME


@time_machine.travel(IN_TIME, tick=False)
def test_day_reminders_the_next_day_sends_nothing_and_says_why(campaign, django_capture_on_commit_callbacks):
    _run()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        output = _run()

    assert output.splitlines()[-1].startswith(
        "Nothing sent: The reminder of the 2025 campaign was already sent on"
    )
    assert mail.outbox == []


@time_machine.travel(TOO_EARLY, tick=False)
def test_day_reminders_before_the_date_sends_nothing(campaign, django_capture_on_commit_callbacks):
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        output = _run()

    assert output.splitlines()[-1] == (
        "Nothing sent: The reminder goes out from Nov. 9, 2025, 21 days before the Day."
    )
    assert mail.outbox == []
    campaign.refresh_from_db()
    assert campaign.reminder_sent_at is None


@time_machine.travel(TOO_EARLY, tick=False)
def test_day_reminders_with_force_sends_early(campaign, django_capture_on_commit_callbacks):
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        output = _run("--force")

    assert output.splitlines()[-1] == "Reminder sent to 2 cities (3 addresses)."
    assert len(mail.outbox) == 3


@time_machine.travel(IN_TIME, tick=False)
def test_day_reminders_for_another_year(campaign):
    CampaignFactory(year=2024, is_published=True)

    output = _run("--year", "2024", "--force")

    assert output.splitlines()[0] == "Campaign 2024: 3 member cities have registered no activity yet."
    assert Campaign.objects.get(year=2024).reminder_sent_at == IN_TIME
    assert Campaign.objects.get(year=2025).reminder_sent_at is None


@time_machine.travel(IN_TIME, tick=False)
def test_day_reminders_for_a_year_without_campaign_is_an_error(campaign):
    with pytest.raises(CommandError, match=r"There is no International Day campaign for 2031\."):
        _run("--year", "2031")


@time_machine.travel(datetime.datetime(2026, 11, 10, 6, 0, tzinfo=datetime.UTC), tick=False)
def test_day_reminders_without_a_campaign_this_year_does_nothing(campaign):
    output = _run()

    assert output == "No International Day campaign for 2026: nothing to send.\n"


@time_machine.travel(IN_TIME, tick=False)
def test_day_reminders_for_an_unpublished_campaign_sends_nothing(campaign):
    Campaign.objects.filter(pk=campaign.pk).update(is_published=False)

    output = _run("--force")

    assert output.splitlines()[-1] == (
        "Nothing sent: The campaign of 2025 is not published: publish it before reminding the cities."
    )
