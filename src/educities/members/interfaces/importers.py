"""Import of cities and contacts from CSV or XLSX files, all or nothing.

The django-import-export resources below are used by the Django admin (import/export buttons) and by
:func:`import_file`, which the back office and the ``members_import`` command call. ``import_file``
reads the file itself (so that row numbers are those of the file, header = row 1), runs a dry run, and
saves only if every row is valid; otherwise it returns the problems as ``(row, column, message)``.
"""

import csv
import io
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from educities.core.domain.audit import audit_record
from educities.core.validators import has_control_characters, validate_city_population
from educities.members.domain.cities import city_slug
from educities.members.enums import MembershipStatus
from educities.members.models import City, Contact, Country

IMPORT_KINDS = ("city", "contact")

CITY_COLUMNS = (
    "name",
    "country",
    "region",
    "population",
    "latitude",
    "longitude",
    "website",
    "membership_status",
    "member_since",
)
CITY_REQUIRED_COLUMNS = ("name", "country", "population", "latitude", "longitude")
CONTACT_COLUMNS = (
    "city",
    "full_name",
    "email",
    "position",
    "department",
    "phone",
    "language",
    "is_primary",
    "is_public",
)
CONTACT_REQUIRED_COLUMNS = ("city", "full_name", "email")

_TRUE = {"1", "true", "yes", "y", "x", "oui", "sí", "si", "sim"}
_FALSE = {"", "0", "false", "no", "n", "non", "não", "nao"}


class ImportProblem(NamedTuple):
    """One problem of an import file. ``row`` is the row number in the file (header = 1), or None."""

    row: int | None
    column: str
    message: str


@dataclass
class ImportOutcome:
    kind: str
    total_rows: int = 0
    created: int = 0
    errors: list[ImportProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class ImportFileError(Exception):
    """The file itself cannot be read as a table (wrong type, empty, missing columns)."""

    def __init__(self, problems: list[ImportProblem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


# --- Widgets: each turns a cell (always a string here) into a value, or raises a clear ValueError ----


class TextWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        text = (value or "").strip()
        if has_control_characters(text):
            raise ValueError(
                _("Remove the control characters (line breaks, tabs and the like) from this text.")
            )
        return text


class RequiredTextWidget(TextWidget):
    def clean(self, value, row=None, **kwargs):
        value = super().clean(value)
        if not value:
            raise ValueError(_("This column is required."))
        return value


class IntegerWidget(widgets.Widget):
    def __init__(self, *, validators=(), **kwargs):
        super().__init__(**kwargs)
        self.validators = validators

    def clean(self, value, row=None, **kwargs):
        text = (value or "").strip().replace(" ", "").replace("\u00a0", "")
        if not text:
            raise ValueError(_("This column is required."))
        # isdigit() alone accepts "²" or "٣", which int() refuses or reads as another number.
        if not (text.isascii() and text.isdigit()):
            raise ValueError(_("“%(value)s” is not a whole number.") % {"value": value})
        number = int(text)
        for validator in self.validators:
            try:
                validator(number)
            except ValidationError as error:
                raise ValueError(" ".join(error.messages)) from None
        return number


class CoordinateWidget(widgets.Widget):
    def __init__(self, *, limit: int, **kwargs):
        super().__init__(**kwargs)
        self.limit = limit

    def clean(self, value, row=None, **kwargs):
        text = (value or "").strip().replace(",", ".")
        if not text:
            raise ValueError(_("This column is required."))
        try:
            number = float(text)
        except ValueError:
            raise ValueError(_("“%(value)s” is not a number.") % {"value": value}) from None
        if not -self.limit <= number <= self.limit:  # also refuses nan
            raise ValueError(
                _("%(value)s is out of range: it must be between -%(limit)d and %(limit)d.")
                % {"value": text, "limit": self.limit}
            )
        return number


class DateWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        text = (value or "").strip()
        if not text:
            return None
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            raise ValueError(_("“%(value)s” is not a date as YYYY-MM-DD.") % {"value": value}) from None

    def render(self, value, obj=None, **kwargs):
        return value.isoformat() if value else ""


class BooleanWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        text = (value or "").strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise ValueError(_("“%(value)s” is not yes or no (use 1 or 0).") % {"value": value})

    def render(self, value, obj=None, **kwargs):
        return "1" if value else "0"


class ChoiceWidget(widgets.Widget):
    def __init__(self, *, choices: list[str], default: str, **kwargs):
        super().__init__(**kwargs)
        self.choices = choices
        self.default = default

    def clean(self, value, row=None, **kwargs):
        text = (value or "").strip().lower()
        if not text:
            return self.default
        if text not in self.choices:
            raise ValueError(
                _("“%(value)s” is not one of: %(choices)s.")
                % {"value": value, "choices": ", ".join(self.choices)}
            )
        return text


class CountryCodeWidget(widgets.Widget):
    """A country by its ISO 3166 code, among the countries of the registry."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._cache: dict[str, Country | None] = {}

    def clean(self, value, row=None, **kwargs):
        code = (value or "").strip().upper()
        if not code:
            raise ValueError(_("This column is required."))
        if code not in self._cache:
            self._cache[code] = Country.objects.filter(code=code).first()
        country = self._cache[code]
        if country is None:
            raise ValueError(
                _(
                    "Unknown country code “%(code)s”: "
                    "use the two-letter ISO code of a country of the registry."
                )
                % {"code": value.strip()}
            )
        return country

    def render(self, value, obj=None, **kwargs):
        return str(value.code) if value else ""


class CityReferenceWidget(widgets.Widget):
    """A city as ``Name|ISO`` (``Granollers|ES``) or by its slug (``granollers-es``)."""

    def clean(self, value, row=None, **kwargs):
        text = (value or "").strip()
        if not text:
            raise ValueError(_("This column is required."))
        if "|" in text:
            name, _sep, code = text.rpartition("|")
            city = (
                City.objects.filter(name__iexact=name.strip(), country__code=code.strip().upper())
                .select_related("country")
                .first()
            )
            if city is None:
                raise ValueError(
                    _("No city named “%(name)s” in country “%(code)s”.") % {"name": name, "code": code}
                )
            return city
        city = City.objects.filter(slug=text).select_related("country").first()
        if city is None:
            raise ValueError(
                _(
                    "No city with the identifier “%(value)s”: "
                    "write Name|ISO code (Granollers|ES) or the city's slug."
                )
                % {"value": text}
            )
        return city

    def render(self, value, obj=None, **kwargs):
        return f"{value.name}|{value.country.code}" if value else ""


class _StrictResource(resources.ModelResource):
    """Only creates rows; validation errors are keyed by column; model checks are ours, not ``__all__``."""

    def __init__(self, *, actor=None, file_rows: list[int] | None = None, **kwargs):
        super().__init__(**kwargs)
        self.actor = actor
        self.file_rows = file_rows  # dataset index (0-based) → row number in the file
        self._seen: dict[tuple, int] = {}
        self._current_row: int | None = None

    def get_instance(self, instance_loader, row):
        return None  # an import adds rows; it never updates existing ones

    def file_row(self, row_number: int | None) -> int | None:
        if row_number is None:
            return None
        if self.file_rows and 0 < row_number <= len(self.file_rows):
            return self.file_rows[row_number - 1]
        return row_number + 1

    def extra_errors(self, instance, row_number) -> dict[str, str]:
        return {}

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        exclude = {*errors, *self.not_cleaned}
        try:
            instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if not errors:
            errors.update(self.extra_errors(instance, self._current_row))
        if errors:
            raise ValidationError(errors)

    def import_row(self, row, instance_loader, **kwargs):
        self._current_row = kwargs.get("row_number")
        return super().import_row(row, instance_loader, **kwargs)

    def after_save_instance(self, instance, row, **kwargs):
        if not kwargs.get("dry_run"):
            self.audit(instance)

    def audit(self, instance) -> None:
        pass


class CityResource(_StrictResource):
    name = fields.Field(attribute="name", column_name="name", widget=RequiredTextWidget())
    country = fields.Field(attribute="country", column_name="country", widget=CountryCodeWidget())
    region = fields.Field(attribute="region", column_name="region", widget=TextWidget())
    population = fields.Field(
        attribute="population",
        column_name="population",
        widget=IntegerWidget(validators=[validate_city_population]),
    )
    latitude = fields.Field(attribute="latitude", column_name="latitude", widget=CoordinateWidget(limit=90))
    longitude = fields.Field(
        attribute="longitude", column_name="longitude", widget=CoordinateWidget(limit=180)
    )
    website = fields.Field(attribute="website", column_name="website", widget=TextWidget())
    membership_status = fields.Field(
        attribute="membership_status",
        column_name="membership_status",
        widget=ChoiceWidget(choices=list(MembershipStatus.values), default=MembershipStatus.MEMBER),
    )
    member_since = fields.Field(attribute="member_since", column_name="member_since", widget=DateWidget())

    not_cleaned = ("slug",)

    class Meta:
        model = City
        fields = CITY_COLUMNS
        import_order = CITY_COLUMNS
        export_order = CITY_COLUMNS
        skip_diff = True
        use_transactions = True

    def get_export_queryset(self, request=None):
        return City.objects.select_related("country").order_by("name")

    def extra_errors(self, instance, row_number) -> dict[str, str]:
        key = (instance.name.casefold(), instance.country_id)
        earlier = self._seen.get(key)
        if earlier is not None:
            return {
                "name": _("The same city (name and country) is already on row %(row)d.") % {"row": earlier}
            }
        self._seen[key] = self.file_row(row_number)
        if City.objects.filter(country_id=instance.country_id, name__iexact=instance.name).exists():
            return {
                "name": _("%(city)s (%(country)s) is already registered.")
                % {"city": instance.name, "country": instance.country.name}
            }
        return {}

    def init_instance(self, row=None):
        instance = super().init_instance(row)
        # Imports load the registry of existing members: an empty or missing status means member.
        instance.membership_status = MembershipStatus.MEMBER
        return instance

    def before_save_instance(self, instance, row, **kwargs):
        if not instance.slug:
            instance.slug = city_slug(name=instance.name, country_code=str(instance.country.code))

    def audit(self, instance) -> None:
        audit_record(
            subject=instance,
            action="import",
            actor=self.actor,
            to_state=instance.membership_status,
            comment=_("Imported from a file."),
        )


class ContactResource(_StrictResource):
    city = fields.Field(attribute="city", column_name="city", widget=CityReferenceWidget())
    full_name = fields.Field(attribute="full_name", column_name="full_name", widget=RequiredTextWidget())
    email = fields.Field(attribute="email", column_name="email", widget=RequiredTextWidget())
    position = fields.Field(attribute="position", column_name="position", widget=TextWidget())
    department = fields.Field(attribute="department", column_name="department", widget=TextWidget())
    phone = fields.Field(attribute="phone", column_name="phone", widget=TextWidget())
    language = fields.Field(
        attribute="language",
        column_name="language",
        widget=ChoiceWidget(
            choices=[code for code, _name in settings.LANGUAGES], default=settings.LANGUAGE_CODE
        ),
    )
    is_primary = fields.Field(attribute="is_primary", column_name="is_primary", widget=BooleanWidget())
    is_public = fields.Field(attribute="is_public", column_name="is_public", widget=BooleanWidget())

    not_cleaned = ()

    class Meta:
        model = Contact
        fields = CONTACT_COLUMNS
        import_order = CONTACT_COLUMNS
        export_order = CONTACT_COLUMNS
        skip_diff = True
        use_transactions = True

    def get_export_queryset(self, request=None):
        return Contact.objects.select_related("city__country").order_by("city__name", "full_name")

    def extra_errors(self, instance, row_number) -> dict[str, str]:
        instance.email = instance.email.lower()
        key = (instance.city_id, instance.email)
        earlier = self._seen.get(key)
        if earlier is not None:
            return {
                "email": _("The same contact (city and e-mail) is already on row %(row)d.") % {"row": earlier}
            }
        self._seen[key] = self.file_row(row_number)
        if Contact.objects.filter(city_id=instance.city_id, email__iexact=instance.email).exists():
            return {
                "email": _("%(city)s already has a contact with the e-mail %(email)s.")
                % {"city": instance.city.name, "email": instance.email}
            }
        return {}

    def before_save_instance(self, instance, row, **kwargs):
        if instance.is_primary:
            Contact.objects.filter(city_id=instance.city_id, is_primary=True).update(is_primary=False)

    def audit(self, instance) -> None:
        audit_record(
            subject=instance.city, action="contact_import", actor=self.actor, comment=instance.full_name
        )


RESOURCES: dict[str, tuple[type[_StrictResource], tuple[str, ...], tuple[str, ...]]] = {
    "city": (CityResource, CITY_COLUMNS, CITY_REQUIRED_COLUMNS),
    "contact": (ContactResource, CONTACT_COLUMNS, CONTACT_REQUIRED_COLUMNS),
}


# --- Reading the file ---------------------------------------------------------------------------------


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return unicodedata.normalize("NFC", str(value)).strip()


def _file_problem(message: str, *, row: int | None = None, column: str = "") -> ImportFileError:
    return ImportFileError([ImportProblem(row, column, message)])


def _read_xlsx(data: bytes) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds of errors on a damaged workbook
        raise _file_problem(_("The file could not be read as an Excel workbook (.xlsx).")) from error
    try:
        sheet = workbook.worksheets[0]
        return [
            (number, [_cell_text(value) for value in values])
            for number, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1)
        ]
    finally:
        workbook.close()


def _read_csv(data: bytes) -> list[tuple[int, list[str]]]:
    if b"\x00" in data:
        raise _file_problem(_("The file is not a CSV text file or an Excel workbook (.xlsx)."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise _file_problem(_("The file is not a CSV text file or an Excel workbook (.xlsx).")) from None
        if any(unicodedata.category(ch) == "Cc" and ch not in "\r\n\t" for ch in text):
            raise _file_problem(_("The file is not a CSV text file or an Excel workbook (.xlsx).")) from None
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    try:
        return [
            (number, [_cell_text(value) for value in values])
            for number, values in enumerate(
                csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1
            )
        ]
    except csv.Error as error:
        raise _file_problem(_("The CSV file is malformed: %(error)s") % {"error": error}) from error


def read_table(*, data: bytes, filename: str = "") -> list[tuple[int, list[str]]]:
    """The rows of a CSV or XLSX file as ``(row number, cells)``; the type is sniffed from the bytes."""
    if not data.strip():
        raise _file_problem(_("The file is empty."))
    if data[:4] == b"PK\x03\x04":
        if not zipfile.is_zipfile(io.BytesIO(data)):
            raise _file_problem(_("The file could not be read as an Excel workbook (.xlsx)."))
        return _read_xlsx(data)
    if filename.lower().endswith((".xlsx", ".xls")):
        raise _file_problem(_("The file could not be read as an Excel workbook (.xlsx)."))
    return _read_csv(data)


def _dataset(*, kind: str, rows: list[tuple[int, list[str]]]):
    import tablib

    _resource, columns, required = RESOURCES[kind]
    rows = [(number, cells) for number, cells in rows if any(cell.strip() for cell in cells)]
    if not rows:
        raise _file_problem(_("The file is empty."))
    header_row, header = rows[0]
    headers = [cell.strip().lower() for cell in header]
    while headers and not headers[-1]:
        headers.pop()
    problems = []
    missing = [c for c in required if c not in headers]
    problems.extend(
        ImportProblem(header_row, column, _("This column is missing from the first row."))
        for column in missing
    )
    unknown = [h for h in headers if h not in columns]
    problems.extend(
        ImportProblem(
            header_row,
            column or "?",
            _("Unknown column. The columns are: %(columns)s.") % {"columns": ", ".join(columns)},
        )
        for column in unknown
    )
    duplicates = sorted({h for h in headers if h and headers.count(h) > 1})
    problems.extend(
        ImportProblem(header_row, column, _("This column appears twice.")) for column in duplicates
    )
    if problems:
        raise ImportFileError(problems)
    body = rows[1:]
    dataset = tablib.Dataset(headers=headers)
    file_rows = []
    for number, cells in body:
        extra = [cell for cell in cells[len(headers) :] if cell.strip()]
        if extra:
            problems.append(
                ImportProblem(number, "", _("This row has more cells than the first row has columns."))
            )
            continue
        dataset.append([*cells[: len(headers)], *[""] * (len(headers) - len(cells))])
        file_rows.append(number)
    if problems:
        raise ImportFileError(problems)
    return dataset, file_rows


def _problems_from_result(result, resource: _StrictResource, columns) -> list[ImportProblem]:
    problems: list[ImportProblem] = []
    for invalid in result.invalid_rows:
        row = resource.file_row(invalid.number)
        for key, messages in invalid.error_dict.items():
            column = "" if key == NON_FIELD_ERRORS else key
            problems.extend(ImportProblem(row, column, str(message)) for message in messages)
    for number, errors in result.row_errors():
        problems.extend(
            ImportProblem(
                resource.file_row(number),
                "",
                _("This row could not be saved: %(error)s") % {"error": e.error},
            )
            for e in errors
        )
    problems.extend(
        ImportProblem(None, "", _("The file could not be imported: %(error)s") % {"error": e.error})
        for e in result.base_errors
    )
    order = {c: i for i, c in enumerate(columns)}
    problems.sort(key=lambda p: (p.row or 0, order.get(p.column, len(order)), p.message))
    return problems


def import_file(*, kind: str, data: bytes, filename: str = "", actor=None) -> ImportOutcome:
    """Import cities or contacts from a CSV or XLSX file: every row is valid and saved, or nothing is."""
    if kind not in RESOURCES:
        raise ValueError(kind)
    outcome = ImportOutcome(kind=kind)
    resource_class, columns, _required = RESOURCES[kind]
    try:
        dataset, file_rows = _dataset(kind=kind, rows=read_table(data=data, filename=filename))
    except ImportFileError as error:
        outcome.errors = error.problems
        return outcome
    outcome.total_rows = len(dataset)
    if not dataset:
        outcome.errors = [ImportProblem(None, "", _("The file has a header row but no data rows."))]
        return outcome

    resource = resource_class(actor=actor, file_rows=file_rows)
    result = resource.import_data(dataset, dry_run=True, use_transactions=True, raise_errors=False)
    problems = _problems_from_result(result, resource, columns)
    if problems:
        outcome.errors = problems
        return outcome

    with transaction.atomic():
        resource = resource_class(actor=actor, file_rows=file_rows)
        result = resource.import_data(dataset, dry_run=False, use_transactions=True, raise_errors=False)
        problems = _problems_from_result(result, resource, columns)
        if problems:  # the data changed between the two passes
            transaction.set_rollback(True)
            outcome.errors = problems
            return outcome
    outcome.created = result.totals.get("new", 0)
    return outcome
