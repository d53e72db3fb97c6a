"""Import cities or contacts from a CSV or XLSX file, all or nothing.

    manage.py members_import cities cities.xlsx
    manage.py members_import contacts contacts.csv

Prints every problem as ``row N, column: message`` and exits with status 1 if there is any.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from educities.members.interfaces.importers import import_file

KINDS = {"cities": "city", "city": "city", "contacts": "contact", "contact": "contact"}


class Command(BaseCommand):
    help = "Import cities or contacts from a CSV or XLSX file: every row is valid and saved, or nothing is."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(KINDS), help="cities or contacts")
        parser.add_argument("path", type=Path, help="the CSV or XLSX file")

    def handle(self, *args, kind: str, path: Path, **options):
        if not path.is_file():
            raise CommandError(f"{path}: no such file.")
        data = path.read_bytes()
        self.stdout.write(f"Checking {path.name} ({len(data)} bytes)…")
        outcome = import_file(kind=KINDS[kind], data=data, filename=path.name)
        if outcome.errors:
            for problem in outcome.errors:
                where = f"row {problem.row}" if problem.row is not None else "file"
                column = f", {problem.column}" if problem.column else ""
                self.stderr.write(f"{where}{column}: {problem.message}")
            raise CommandError(
                f"Nothing imported: {len(outcome.errors)} problem(s) "
                f"in {outcome.total_rows} row(s) of {path.name}."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {outcome.created} {kind} from {path.name} ({outcome.total_rows} rows)."
            )
        )
