"""The Secretariat's export of an event's registrations (CSV, XLSX) with stable columns.

The rows are the registrations the list's filters select (``RegistrationFilterForm``), so a download
matches what staff see on the page. Codes, not labels, so that a column means the same in every language;
numbers as numbers (decimals with a dot in CSV); booleans as ``true``/``false``; moments ISO 8601 in the
event's time zone, with its offset.

``REGISTRATION_COLUMNS``, then one column per custom question:

| column | content |
|---|---|
| code | the badge code (8 letters and digits) |
| name, email | the participant's full name and e-mail address |
| organisation, position_title | as registered |
| city, country | the city represented (name) and its ISO 3166 country code; empty without a city |
| language | the participant's language code (en, fr, es, pt, ca) |
| type | the registration type's name |
| fee, currency | the type's fee (a number) and its currency code |
| fee_status | none, unpaid, paid, waived (``FeeStatus`` codes) |
| status | pending, confirmed, waitlisted, cancelled (``RegistrationStatus`` codes) |
| waitlist_position | the place on the waiting list (empty when not waitlisted) |
| registered_at, confirmed_at, cancelled_at, checked_in_at | ISO 8601 to the second, or empty |
| question_<id> | the answer to the custom question with this id, in the questions' order: text as typed, |
| | yes/no questions as true/false, empty when not answered |

Any text cell that a spreadsheet would read as a formula (starting with = + - @ tab or CR) is prefixed
with an apostrophe, in CSV and XLSX alike.
"""

from collections.abc import Iterable
from zoneinfo import ZoneInfo

import tablib

from educities.congresses.models import Event, Registration, RegistrationQuestion
from educities.members.interfaces.exporters import EXPORT_FORMATS, ExportFormat

REGISTRATION_COLUMNS: tuple[str, ...] = (
    "code",
    "name",
    "email",
    "organisation",
    "position_title",
    "city",
    "country",
    "language",
    "type",
    "fee",
    "currency",
    "fee_status",
    "status",
    "waitlist_position",
    "registered_at",
    "confirmed_at",
    "cancelled_at",
    "checked_in_at",
)
REGISTRATION_EXPORT_FORMATS: dict[str, ExportFormat] = {key: EXPORT_FORMATS[key] for key in ("csv", "xlsx")}
# A spreadsheet treats a cell starting with one of these as a formula (CSV/formula injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Between the items of an answer that holds several values.
LIST_SEPARATOR = "; "


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def question_column(question: RegistrationQuestion) -> str:
    return f"question_{question.pk}"


def registration_columns(*, questions: Iterable[RegistrationQuestion]) -> tuple[str, ...]:
    return (*REGISTRATION_COLUMNS, *(question_column(question) for question in questions))


def answer_value(registration: Registration, question: RegistrationQuestion):
    """The answer of ``registration`` to ``question`` as a cell value (None when not answered)."""
    answers = registration.answers if isinstance(registration.answers, dict) else {}
    value = answers.get(str(question.pk), answers.get(question.pk))
    if value is None or value == "":
        return None
    if question.kind == RegistrationQuestion.Kind.YES_NO:
        if isinstance(value, str):
            return value.strip().lower() in {"true", "yes", "1", "on"}
        return bool(value)
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(str(item) for item in value)
    return value if isinstance(value, int | float) and not isinstance(value, bool) else str(value)


def registration_rows(
    *, event: Event, registrations: Iterable[Registration], questions: list[RegistrationQuestion]
) -> list[dict]:
    """One dict per registration with exactly ``registration_columns(questions=questions)``.

    ``registrations`` must come with ``type`` and ``city__country`` selected."""
    zone = ZoneInfo(event.time_zone)

    def moment(value):
        return value.astimezone(zone).replace(microsecond=0).isoformat() if value else ""

    rows = []
    for registration in registrations:
        city = registration.city
        row = {
            "code": registration.code,
            "name": registration.name,
            "email": registration.email,
            "organisation": registration.organisation,
            "position_title": registration.position_title,
            "city": city.name if city else "",
            "country": str(city.country.code) if city else "",
            "language": registration.language,
            "type": registration.type.name,
            "fee": registration.type.fee,
            "currency": registration.type.currency,
            "fee_status": registration.fee_status,
            "status": registration.status,
            "waitlist_position": registration.waitlist_position,
            "registered_at": moment(registration.created_at),
            "confirmed_at": moment(registration.confirmed_at),
            "cancelled_at": moment(registration.cancelled_at),
            "checked_in_at": moment(registration.checked_in_at),
        }
        for question in questions:
            row[question_column(question)] = answer_value(registration, question)
        rows.append(row)
    return rows


def registrations_dataset(
    *, event: Event, registrations: Iterable[Registration], questions: list[RegistrationQuestion]
) -> tablib.Dataset:
    columns = registration_columns(questions=questions)
    dataset = tablib.Dataset(headers=list(columns), title="registrations")
    for row in registration_rows(event=event, registrations=registrations, questions=questions):
        dataset.append([_cell(row[column]) for column in columns])
    return dataset


def registrations_export(
    *, event: Event, registrations: Iterable[Registration], questions: list[RegistrationQuestion], fmt: str
) -> bytes:
    """The registrations in ``fmt`` ("csv" with a BOM for spreadsheets, "xlsx"); KeyError for another."""
    export_format = REGISTRATION_EXPORT_FORMATS[fmt]
    dataset = registrations_dataset(event=event, registrations=registrations, questions=questions)
    content = dataset.export(export_format.key)
    if isinstance(content, str):
        return ("\ufeff" + content).encode("utf-8")
    return content


def registrations_export_filename(*, event: Event, fmt: str) -> str:
    return f"event-{event.slug}-registrations.{REGISTRATION_EXPORT_FORMATS[fmt].extension}"
