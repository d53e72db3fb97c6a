"""Rebuild the search index of experiences from the database (after a restore, or a change of backend)."""

import time

from django.core.management.base import BaseCommand

from educities.experiences.domain.search import experiences_reindex_all


class Command(BaseCommand):
    help = "Rebuild the search index of the published experiences."

    def handle(self, *args, **options):
        started = time.perf_counter()

        def progress(done: int) -> None:
            if done % 5000 == 0:
                self.stdout.write(f"  indexed {done}")

        count = experiences_reindex_all(progress=progress)
        self.stdout.write(
            self.style.SUCCESS(f"Indexed {count} experiences in {time.perf_counter() - started:.1f} s.")
        )
