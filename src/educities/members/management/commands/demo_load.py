"""Load the demo data (countries, ~500 member cities, networks, applications, Charter, users), then
the bank of experiences (~300 experiences in every moderation state, with translations), then the
Educating City Award (five past editions with their results, the 2026 edition with its jury at work),
then the International Day (campaigns 2016–2026 with their activities, the 2026 Day four days ahead) and
the congresses (Katowice 2020 with its call and programme, the Spanish network's 2027 meeting open for
registration, bids for 2028 and 2030).

    manage.py demo_load

Idempotent: a second run finds everything in place and changes nothing. Demo accounts (password
``educities-demo``): staff@, executive@, coordinator@ and editor@educities.localhost, and the
translator translator@demo.educities.org, the juror juror@educities.localhost.
"""

from django.core.management.base import BaseCommand

from educities.members.demo.loader import demo_load


class Command(BaseCommand):
    help = "Load the demo data; running it again changes nothing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--send-emails",
            action="store_true",
            help="send the workflow's notification e-mails (by default they are discarded)",
        )

    def handle(self, *args, send_emails: bool = False, **options):
        # The experiences app builds on the member registry, the award on both, the Day and the congresses
        # on all three (the congress call's jurors are the award's): imported here, not at module level.
        from educities.awards.demo.loader import awards_demo_load
        from educities.congresses.demo.loader import congresses_demo_load
        from educities.days.demo.loader import days_demo_load
        from educities.experiences.demo.loader import experiences_demo_load

        demo_load(log=self.stdout.write, send_emails=send_emails)
        experiences_demo_load(log=self.stdout.write, send_emails=send_emails)
        awards_demo_load(log=self.stdout.write, send_emails=send_emails)
        days_demo_load(log=self.stdout.write, send_emails=send_emails)
        congresses_demo_load(log=self.stdout.write, send_emails=send_emails)
