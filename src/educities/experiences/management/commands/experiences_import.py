"""Import published experiences from a JSON Lines file, all or nothing.

    manage.py experiences_import bank.jsonl

One record per line (see ``experiences.domain.imports.experiences_bulk_import``). Prints every problem
as ``record N, field: message`` and exits with status 1 if there is any; else progress and a summary.
"""

import json
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from educities.experiences.domain.imports import experiences_bulk_import


class Command(BaseCommand):
    help = "Import published experiences from a JSON Lines file: every record is valid and saved, or none is."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the .jsonl file, one experience per line")

    def handle(self, *args, path: Path, **options):
        if not path.is_file():
            raise CommandError(f"{path}: no such file.")
        records = []
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as error:
                    raise CommandError(
                        f"record {number}: not valid JSON ({error.msg}). Nothing imported."
                    ) from None
        self.stdout.write(f"Checking {len(records)} records from {path.name}…")
        started = time.perf_counter()

        def progress(stage: str, done: int) -> None:
            if done % 10_000 == 0 or done == len(records):
                self.stdout.write(f"  {stage}: {done}/{len(records)}")

        report = experiences_bulk_import(records=records, progress=progress)
        if not report.ok:
            for number, field, message in report.errors[:200]:
                self.stderr.write(f"record {number}{', ' + field if field else ''}: {message}")
            raise CommandError(
                f"Nothing imported: {len(report.errors)} problem(s) in {len(records)} record(s)."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {report.created} experiences in {time.perf_counter() - started:.1f} s."
            )
        )
