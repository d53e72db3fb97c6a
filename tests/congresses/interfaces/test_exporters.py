"""The registrations export: stable columns, one per custom question, values as codes and numbers,
moments in the event's time zone, formulas neutralised, CSV and XLSX alike."""

import csv
import datetime
import io
from decimal import Decimal
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from educities.congresses.enums import FeeStatus, RegistrationStatus
from educities.congresses.interfaces.exporters import (
    REGISTRATION_COLUMNS,
    answer_value,
    registration_columns,
    registration_rows,
    registrations_export,
    registrations_export_filename,
)
from educities.congresses.models import Registration, RegistrationQuestion
from tests.congresses.factories import EventFactory, RegistrationFactory, RegistrationTypeFactory
from tests.factories import CityFactory, CountryFactory

pytestmark = [pytest.mark.django_db]

LISBON = ZoneInfo("Europe/Lisbon")


@pytest.fixture
def event():
    return EventFactory(slug="lisbon-2032", time_zone="Europe/Lisbon")


def _questions(event) -> list[RegistrationQuestion]:
    kinds = RegistrationQuestion.Kind
    return [
        RegistrationQuestion.objects.create(event=event, text="Diet", kind=kinds.TEXT, position=0),
        RegistrationQuestion.objects.create(
            event=event, text="Visit", kind=kinds.CHOICE, choices=["Parks", "Schools"], position=1
        ),
        RegistrationQuestion.objects.create(event=event, text="Wheelchair?", kind=kinds.YES_NO, position=2),
    ]


def _registrations(event):
    return Registration.objects.filter(event=event).select_related("type", "city__country").order_by("pk")


def test_columns_are_stable_then_one_per_question_in_order(event):
    questions = _questions(event)

    columns = registration_columns(questions=questions)

    assert columns == (
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
        *(f"question_{question.pk}" for question in questions),
    )
    assert columns[: len(REGISTRATION_COLUMNS)] == REGISTRATION_COLUMNS


def test_rows_hold_codes_numbers_and_local_moments(event):
    diet, visit, wheelchair = _questions(event)
    city = CityFactory(name="Porto", country=CountryFactory(code="PT"))
    delegate = RegistrationTypeFactory(event=event, name="Delegate", fee=Decimal("250.00"), currency="EUR")
    registration = RegistrationFactory(
        event=event,
        type=delegate,
        code="ABCD2345",
        name="Rosa Porto",
        email="rosa@example.org",
        organisation="Câmara Municipal",
        position_title="Councillor",
        city=city,
        language="pt",
        fee_status=FeeStatus.PAID,
        answers={str(diet.pk): "Vegetarian", str(visit.pk): "Parks", str(wheelchair.pk): False},
        confirmed_at=datetime.datetime(2032, 5, 1, 12, 30, 15, 999, tzinfo=datetime.UTC),
        checked_in_at=datetime.datetime(2032, 11, 3, 8, 5, tzinfo=datetime.UTC),
    )

    [row] = registration_rows(
        event=event, registrations=_registrations(event), questions=[diet, visit, wheelchair]
    )

    assert row == {
        "code": "ABCD2345",
        "name": "Rosa Porto",
        "email": "rosa@example.org",
        "organisation": "Câmara Municipal",
        "position_title": "Councillor",
        "city": "Porto",
        "country": "PT",
        "language": "pt",
        "type": "Delegate",
        "fee": Decimal("250.00"),
        "currency": "EUR",
        "fee_status": "paid",
        "status": "confirmed",
        "waitlist_position": None,
        "registered_at": registration.created_at.astimezone(LISBON).replace(microsecond=0).isoformat(),
        # Lisbon is at UTC+1 in May (summer time) and UTC+0 in November.
        "confirmed_at": "2032-05-01T13:30:15+01:00",
        "cancelled_at": "",
        "checked_in_at": "2032-11-03T08:05:00+00:00",
        f"question_{diet.pk}": "Vegetarian",
        f"question_{visit.pk}": "Parks",
        f"question_{wheelchair.pk}": False,
    }


def test_waiting_person_without_city_or_answers(event):
    questions = _questions(event)
    RegistrationFactory(
        event=event, status=RegistrationStatus.WAITLISTED, waitlist_position=4, confirmed_at=None, answers={}
    )

    [row] = registration_rows(event=event, registrations=_registrations(event), questions=questions)

    assert (row["status"], row["waitlist_position"], row["city"], row["country"], row["confirmed_at"]) == (
        "waitlisted",
        4,
        "",
        "",
        "",
    )
    assert [row[f"question_{question.pk}"] for question in questions] == [None, None, None]


@pytest.mark.parametrize(
    ("kind", "stored", "value"),
    [
        ("yes_no", True, True),
        ("yes_no", False, False),
        ("yes_no", "yes", True),
        ("yes_no", "no", False),
        ("text", "", None),
        ("text", 42, 42),
        ("choice", ["Parks", "Schools"], "Parks; Schools"),
        ("long_text", "Line one\nLine two", "Line one\nLine two"),
    ],
)
def test_answer_values(event, kind, stored, value):
    question = RegistrationQuestion.objects.create(event=event, text="Q", kind=kind)
    registration = RegistrationFactory(event=event, answers={str(question.pk): stored})

    assert answer_value(registration, question) == value


def test_answers_that_are_not_a_dict_are_empty(event):
    question = RegistrationQuestion.objects.create(event=event, text="Q")
    registration = RegistrationFactory(event=event, answers=["not", "a", "dict"])

    assert answer_value(registration, question) is None


def test_csv_has_a_bom_booleans_and_neutralised_formulas(event):
    [diet, _visit, wheelchair] = _questions(event)
    RegistrationFactory(
        event=event,
        name="=cmd|' /C calc'!A0",
        organisation="@SUM(A1)",
        answers={str(diet.pk): "+1 vegan", str(wheelchair.pk): True},
    )

    content = registrations_export(
        event=event, registrations=_registrations(event), questions=_questions_of(event), fmt="csv"
    )

    assert content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    row = dict(zip(rows[0], rows[1], strict=True))
    assert (row["name"], row["organisation"]) == ("'=cmd|' /C calc'!A0", "'@SUM(A1)")
    assert (row[f"question_{diet.pk}"], row[f"question_{wheelchair.pk}"]) == ("'+1 vegan", "true")
    assert row["waitlist_position"] == ""


def _questions_of(event):
    return list(event.registration_questions.order_by("position", "pk"))


def test_xlsx_has_the_same_headers_and_numbers(event):
    questions = _questions(event)
    paying = RegistrationTypeFactory(event=event, fee=Decimal("99.50"))
    RegistrationFactory(event=event, type=paying, name="Numbers")

    content = registrations_export(
        event=event, registrations=_registrations(event), questions=questions, fmt="xlsx"
    )

    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    header, row = list(sheet.iter_rows(values_only=True))
    assert list(header) == list(registration_columns(questions=questions))
    values = dict(zip(header, row, strict=True))
    assert values["name"] == "Numbers"
    assert float(values["fee"]) == 99.5
    assert sheet.title == "registrations"


def test_unknown_format_is_a_key_error(event):
    with pytest.raises(KeyError):
        registrations_export(event=event, registrations=[], questions=[], fmt="pdf")


def test_filename_names_the_event():
    event = EventFactory.build(slug="lisbon-2032")

    assert registrations_export_filename(event=event, fmt="csv") == "event-lisbon-2032-registrations.csv"
    assert registrations_export_filename(event=event, fmt="xlsx") == "event-lisbon-2032-registrations.xlsx"
