"""``manage.py day_reminders [--year Y] [--force]``: remind member cities to register their activity.

Meant for a daily cron job: it sends nothing until ``reminder_days_before`` days ahead of 30 November
(unless ``--force``), then sends once and says so on the following days. Only a missing campaign asked
for with ``--year`` is an error (exit status 1); "nothing to do" is not.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from educities.days.domain.common import DayRefused
from educities.days.domain.reminders import reminder_recipients, reminders_send
from educities.days.models import Campaign


class Command(BaseCommand):
    help = "E-mail the International Day reminder to member cities that have registered no activity yet."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--year", type=int, help="The campaign's year (default: this year).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Send now even before the reminder date, or again if it was already sent.",
        )

    def handle(self, *args, year: int | None = None, force: bool = False, **options) -> None:
        today = timezone.localdate()
        campaign = Campaign.objects.filter(year=year or today.year).first()
        if campaign is None:
            if year is not None:
                raise CommandError(f"There is no International Day campaign for {year}.")
            self.stdout.write(f"No International Day campaign for {today.year}: nothing to send.")
            return
        waiting = reminder_recipients(campaign=campaign)
        self.stdout.write(
            f"Campaign {campaign.year}: {len(waiting)} member cities have registered no activity yet."
        )
        try:
            count = reminders_send(campaign=campaign, actor=None, today=today, force=force)
        except DayRefused as error:
            self.stdout.write(f"Nothing sent: {error.message}")
            return
        for city in waiting:
            addresses = ", ".join(city.reminder_emails) or "no address"
            self.stdout.write(f"  {city.name} ({city.country.code}): {addresses}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Reminder sent to {count} cities ({sum(len(c.reminder_emails) for c in waiting)} addresses)."
            )
        )
