import datetime

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.utils import formats, translation
from django.utils.translation import gettext as _

from educities.core.domain.errors import PermissionRefused
from educities.core.models import AuditEntry
from educities.days.domain.campaigns import campaign_translate
from educities.days.domain.common import ReminderRefused
from educities.days.domain.reminders import reminder_first_day, reminder_recipients, reminders_send
from educities.days.enums import ActivityStatus
from educities.days.models import Campaign
from educities.members.enums import MembershipStatus
from tests.days.factories import ActivityFactory, CampaignFactory
from tests.factories import (
    CityFactory,
    ContactFactory,
    CountryFactory,
    StaffFactory,
    make_city_editor,
)

pytestmark = pytest.mark.django_db

FIRST_DAY = datetime.date(2025, 11, 9)  # 21 days before 30 November 2025
NOW = datetime.datetime(2025, 11, 9, 8, 0, tzinfo=datetime.UTC)


@pytest.fixture
def campaign():
    return CampaignFactory(year=2025, is_published=True, reminder_days_before=21)


@pytest.fixture
def staff():
    return StaffFactory()


@pytest.fixture
def world(campaign):
    """Lyon (FR, contact in French, editor in English) and Granollers (ES, contact in Spanish) have no
    activity; Santos (BR) registered one; Rosario (AR) cancelled its only one; a city that applied, a
    suspended one and a withdrawn one are not reminded."""
    lyon = CityFactory(name="Lyon", country=CountryFactory(code="FR"))
    granollers = CityFactory(name="Granollers", country=CountryFactory(code="ES"))
    santos = CityFactory(name="Santos", country=CountryFactory(code="BR"))
    rosario = CityFactory(name="Rosario", country=CountryFactory(code="AR"))
    ContactFactory(city=lyon, email="marie@lyon.example.org", language="fr")
    make_city_editor(lyon, email="editor@lyon.example.org", language="en")
    make_city_editor(lyon, email="former@lyon.example.org", is_active=False)
    ContactFactory(city=granollers, email="anna@granollers.example.org", language="es")
    # The same person as contact and editor is written to once.
    make_city_editor(granollers, email="anna@granollers.example.org", language="ca")
    ContactFactory(city=santos, email="joao@santos.example.org", language="pt")
    ContactFactory(city=rosario, email="ana@rosario.example.org", language="es")
    ActivityFactory(campaign=campaign, city=santos)
    ActivityFactory(campaign=campaign, city=rosario, status=ActivityStatus.CANCELLED)
    for status in (MembershipStatus.APPLIED, MembershipStatus.SUSPENDED, MembershipStatus.WITHDRAWN):
        ContactFactory(city=CityFactory(membership_status=status), email=f"{status}@example.org")
    # An activity in another year's campaign does not count for this one.
    ActivityFactory(campaign=CampaignFactory(year=2024), city=lyon)
    return {"lyon": lyon, "granollers": granollers, "santos": santos, "rosario": rosario}


# --- Who is reminded ----------------------------------------------------------------------------------


def test_reminder_recipients_are_member_cities_without_an_activity(campaign, world):
    cities = reminder_recipients(campaign=campaign)

    # By country code (AR, ES, FR), then name.
    assert [city.name for city in cities] == ["Rosario", "Granollers", "Lyon"]


def test_reminder_recipients_carry_their_contacts_and_editors_addresses(campaign, world):
    cities = {city.name: city for city in reminder_recipients(campaign=campaign)}

    assert cities["Lyon"].reminder_addresses == [
        ("editor@lyon.example.org", "en"),
        ("marie@lyon.example.org", "fr"),
    ]
    assert cities["Granollers"].reminder_addresses == [("anna@granollers.example.org", "es")]
    assert cities["Lyon"].reminder_emails == ["editor@lyon.example.org", "marie@lyon.example.org"]


def test_reminder_recipients_include_a_city_without_any_address(campaign):
    CityFactory(name="Silent")

    [city] = reminder_recipients(campaign=campaign)

    assert (city.name, city.reminder_addresses, city.reminder_emails) == ("Silent", [], [])


def test_reminder_recipients_cost_three_queries_whatever_the_number_of_cities(
    campaign, django_assert_num_queries
):
    city = CityFactory()
    ContactFactory(city=city)
    make_city_editor(city)
    with django_assert_num_queries(3):
        few = reminder_recipients(campaign=campaign)
    for _index in range(6):
        city = CityFactory(country=CountryFactory(code="PT"))
        ContactFactory.create_batch(2, city=city)
        make_city_editor(city)

    with django_assert_num_queries(3):
        many = reminder_recipients(campaign=campaign)

    assert (len(few), len(many)) == (1, 7)


# --- Sending ------------------------------------------------------------------------------------------


def test_reminder_first_day_counts_back_from_the_day(campaign):
    assert reminder_first_day(campaign) == FIRST_DAY


@time_machine.travel(NOW, tick=False)
def test_reminders_send_emails_every_address_in_its_language_after_commit(
    campaign, world, staff, django_capture_on_commit_callbacks
):
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        count = reminders_send(campaign=campaign, actor=staff, today=FIRST_DAY)

    assert count == 3
    by_address = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_address) == [
        "ana@rosario.example.org",
        "anna@granollers.example.org",
        "editor@lyon.example.org",
        "marie@lyon.example.org",
    ]
    for address, language in (("marie@lyon.example.org", "fr"), ("editor@lyon.example.org", "en")):
        with translation.override(language):
            subject = _("International Day of the Educating City %(year)d: register your activity") % {
                "year": 2025
            }
        assert by_address[address].subject == subject
    assert "Lyon" in by_address["marie@lyon.example.org"].body
    assert "Granollers" in by_address["anna@granollers.example.org"].body
    assert "Motto of 2025" in by_address["editor@lyon.example.org"].body


@time_machine.travel(NOW, tick=False)
def test_reminders_send_uses_the_translated_motto(campaign, staff, django_capture_on_commit_callbacks):
    city = CityFactory(name="Lyon", country=CountryFactory(code="FR"))
    ContactFactory(city=city, email="marie@lyon.example.org", language="fr")
    campaign_translate(campaign=campaign, language="fr", motto="Des villes qui apprennent", actor=staff)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        reminders_send(campaign=campaign, actor=staff, today=FIRST_DAY)

    [message] = mail.outbox
    assert "Des villes qui apprennent" in message.body
    with translation.override("fr"):
        assert formats.date_format(datetime.date(2025, 11, 30), "DATE_FORMAT") in message.body


@time_machine.travel(NOW, tick=False)
def test_reminders_send_stamps_the_campaign_and_audits(campaign, world, staff):
    reminders_send(campaign=campaign, actor=staff, today=FIRST_DAY)

    campaign.refresh_from_db()
    assert campaign.reminder_sent_at == NOW
    [entry] = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Campaign), action="reminders_send"
    )
    assert (entry.actor, entry.comment) == (staff, "3")


def test_reminders_send_does_not_count_cities_without_an_address(campaign, staff):
    CityFactory(name="Silent")
    ContactFactory(city=CityFactory(name="Talkative"))

    assert reminders_send(campaign=campaign, actor=staff, today=FIRST_DAY) == 1


def test_reminders_send_by_the_system_without_an_actor(campaign, world):
    assert reminders_send(campaign=campaign, today=datetime.date(2025, 11, 30)) == 3


def test_reminders_send_is_refused_before_the_first_day(
    campaign, world, staff, django_capture_on_commit_callbacks
):
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ReminderRefused) as refused:
        reminders_send(campaign=campaign, actor=staff, today=FIRST_DAY - datetime.timedelta(days=1))

    assert refused.value.message == _(
        "The reminder goes out from %(date)s, %(days)d days before the Day."
    ) % {
        "date": formats.date_format(FIRST_DAY, "DATE_FORMAT"),
        "days": 21,
    }
    campaign.refresh_from_db()
    assert (campaign.reminder_sent_at, mail.outbox) == (None, [])


def test_reminders_send_is_refused_after_the_day(campaign, world, staff):
    with pytest.raises(ReminderRefused):
        reminders_send(campaign=campaign, actor=staff, today=datetime.date(2025, 12, 1))

    campaign.refresh_from_db()
    assert campaign.reminder_sent_at is None


def test_reminders_send_with_force_goes_out_early(campaign, world, staff):
    count = reminders_send(campaign=campaign, actor=staff, today=datetime.date(2025, 9, 1), force=True)

    campaign.refresh_from_db()
    assert (count, campaign.reminder_sent_at is not None) == (3, True)


def test_reminders_send_only_once(campaign, world, staff, django_capture_on_commit_callbacks):
    reminders_send(campaign=campaign, actor=staff, today=FIRST_DAY)
    campaign.refresh_from_db()
    sent_at = campaign.reminder_sent_at
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ReminderRefused):
        reminders_send(campaign=campaign, actor=staff, today=FIRST_DAY + datetime.timedelta(days=1))

    campaign.refresh_from_db()
    assert (campaign.reminder_sent_at, mail.outbox) == (sent_at, [])


def test_reminders_send_again_with_force(campaign, world, staff, django_capture_on_commit_callbacks):
    reminders_send(campaign=campaign, actor=staff, today=FIRST_DAY)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        count = reminders_send(campaign=campaign, actor=staff, today=FIRST_DAY, force=True)

    assert (count, len(mail.outbox)) == (3, 4)


def test_reminders_send_skips_cities_that_registered_meanwhile(campaign, world, staff):
    ActivityFactory(campaign=campaign, city=world["lyon"])

    assert reminders_send(campaign=campaign, actor=staff, today=FIRST_DAY) == 2


@pytest.mark.parametrize("force", [False, True])
def test_reminders_send_is_refused_for_an_unpublished_campaign(campaign, world, staff, force):
    Campaign.objects.filter(pk=campaign.pk).update(is_published=False)

    with pytest.raises(ReminderRefused) as refused:
        reminders_send(campaign=campaign, actor=staff, today=FIRST_DAY, force=force)

    assert refused.value.message == _(
        "The campaign of %(year)d is not published: publish it before reminding the cities."
    ) % {"year": 2025}


def test_reminders_send_is_refused_to_a_city_editor(campaign, world):
    editor = make_city_editor(world["lyon"])

    with pytest.raises(PermissionRefused):
        reminders_send(campaign=campaign, actor=editor, today=FIRST_DAY)

    campaign.refresh_from_db()
    assert campaign.reminder_sent_at is None


def test_reminders_send_with_no_city_left_stamps_the_campaign(campaign, staff):
    assert reminders_send(campaign=campaign, actor=staff, today=FIRST_DAY) == 0

    campaign.refresh_from_db()
    assert campaign.reminder_sent_at is not None
