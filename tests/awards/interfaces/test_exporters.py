import csv
import io
from decimal import Decimal

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from educities.awards.domain.editions import edition_update
from educities.awards.enums import ApplicationStatus, EditionPhase
from educities.awards.interfaces.exporters import (
    APPLICATION_COLUMNS,
    RANKING_COLUMNS,
    SCORE_COLUMNS,
    application_rows,
    award_export,
    award_export_filename,
    ranking_rows,
    score_rows,
)
from educities.reviews.domain.jury import assignments_bulk, conflict_add
from educities.reviews.domain.processes import process_phase_change
from educities.reviews.domain.scoring import ScoreInput, review_save
from educities.reviews.enums import ConflictKind
from educities.reviews.models import ReviewItem
from educities.reviews.rules import jury_seat_forget
from tests.awards.factories import make_application, make_edition, make_juror
from tests.factories import CityFactory, UserFactory

pytestmark = pytest.mark.django_db


def _csv(content: bytes) -> list[list[str]]:
    assert content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def _xlsx(content: bytes) -> list[list]:
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _scored_edition():
    """Two applications in review, two jurors who scored both, the second conflicted with the first."""
    edition = make_edition(phase=EditionPhase.OPEN)
    first = make_application(
        edition=edition,
        city=CityFactory(name='=HYPERLINK("http://evil")'),
        status=ApplicationStatus.IN_REVIEW,
    )
    second = make_application(
        edition=edition, city=CityFactory(name="Santos"), status=ApplicationStatus.IN_REVIEW
    )
    jurors = [
        make_juror(edition=edition, user=UserFactory(first_name="Ana", last_name="Vidal")),
        make_juror(edition=edition, user=UserFactory(first_name="Bo", last_name="Kim")),
    ]
    process = edition.review_process
    items = [first.review_item, second.review_item]
    assignments_bulk(process=process, reviewers=jurors, items=items, actor=None)
    process_phase_change(process=process, step="open_scoring", actor=None)
    items = list(ReviewItem.objects.filter(pk__in=[item.pk for item in items]).order_by("pk"))
    for juror in jurors:
        jury_seat_forget(juror.user)
    criteria = list(process.criteria.order_by("position"))
    values = {(0, 0): 8, (0, 1): 6, (1, 0): 2, (1, 1): 7}
    for j, juror in enumerate(jurors):
        for i, item in enumerate(items):
            scores = {criterion.pk: ScoreInput(value=Decimal(values[(j, i)])) for criterion in criteria}
            scores[criteria[-1].pk] = ScoreInput(value=None, not_applicable=True, comment="-1 no data")
            review_save(item=item, actor=juror.user, scores=scores, version=0, complete=(j == 0))
    conflict_add(reviewer=jurors[1], item=items[0], kind=ConflictKind.PERSONAL, note="Friend.", actor=None)
    for application in (first, second):
        application.refresh_from_db()
    return edition, first, second


def test_application_rows_have_the_documented_columns_and_values():
    edition, first, second = _scored_edition()
    make_application(edition=edition)  # a draft: left out

    rows = application_rows(edition=edition)

    assert [tuple(row) for row in rows] == [APPLICATION_COLUMNS] * 2
    by_number = {row["number"]: row for row in rows}
    assert by_number[first.pk]["mean"] == Decimal("8.000")
    assert by_number[first.pk]["rank"] == 1
    assert by_number[second.pk]["mean"] == Decimal("6.500")
    assert by_number[second.pk]["rank"] == 2
    assert by_number[second.pk] | {"submitted_at": None} == {
        "edition": edition.number,
        "number": second.pk,
        "city": "Santos",
        "country": str(second.city.country.code),
        "experience_title": second.experience.title,
        "language": "en",
        "status": "in_review",
        "submitted_at": None,
        "eligibility_overridden": False,
        "note": "",
        "mean": Decimal("6.500"),
        "rank": 2,
    }


def test_score_rows_leave_out_a_conflicted_juror():
    edition, first, second = _scored_edition()

    rows = score_rows(edition=edition)

    assert [tuple(row) for row in rows[:1]] == [SCORE_COLUMNS]
    assert len(rows) == 3 * 6  # Ana on both applications, Bo on the second only; six criteria each
    assert {(row["application"], row["juror"]) for row in rows} == {
        (first.pk, "Ana Vidal"),
        (second.pk, "Ana Vidal"),
        (second.pk, "Bo Kim"),
    }
    last = [row for row in rows if row["application"] == second.pk and row["juror"] == "Bo Kim"][-1]
    assert (last["value"], last["not_applicable"], last["comment"], last["complete"]) == (
        None,
        True,
        "-1 no data",
        False,
    )
    assert last["weight"] == Decimal("1.00")
    assert last["review_total"] == Decimal("7.000")


def test_ranking_rows_have_the_figures_of_each_application():
    edition, first, second = _scored_edition()

    rows = ranking_rows(edition=edition)

    assert [tuple(row) for row in rows[:1]] == [RANKING_COLUMNS]
    assert [(row["rank"], row["application"], row["reviews"], row["mean"]) for row in rows] == [
        (1, first.pk, 1, Decimal("8.000")),
        (2, second.pk, 2, Decimal("6.500")),
    ]
    assert rows[1]["spread"] == Decimal("1.000")
    assert rows[1]["divergent"] is False


@pytest.mark.parametrize("kind", ["applications", "scores", "ranking"])
def test_award_export_csv_and_xlsx_neutralise_formulas(kind):
    edition, _first, _second = _scored_edition()
    edition_update(edition=edition, actor=None)

    csv_rows = _csv(award_export(edition=edition, kind=kind, fmt="csv"))
    xlsx_rows = _xlsx(award_export(edition=edition, kind=kind, fmt="xlsx"))

    assert csv_rows[0] == list(
        {"applications": APPLICATION_COLUMNS, "scores": SCORE_COLUMNS, "ranking": RANKING_COLUMNS}[kind]
    )
    assert xlsx_rows[0] == csv_rows[0]
    cells = [cell for row in csv_rows[1:] for cell in row] + [
        cell for row in xlsx_rows[1:] for cell in row if isinstance(cell, str)
    ]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells if isinstance(cell, str))
    if kind != "scores":
        assert '\'=HYPERLINK("http://evil")' in [
            row[RANKING_COLUMNS.index("city") if kind == "ranking" else 2] for row in csv_rows[1:]
        ]
    else:
        assert "'-1 no data" in [row[6] for row in csv_rows[1:]]


@pytest.mark.parametrize(("kind", "fmt"), [("people", "csv"), ("scores", "json"), ("scores", "pdf")])
def test_award_export_refuses_unknown_kinds_and_formats(kind, fmt):
    edition = make_edition(phase=EditionPhase.JURY)

    with pytest.raises(KeyError):
        award_export(edition=edition, kind=kind, fmt=fmt)


def test_award_export_filename():
    edition = make_edition(phase=EditionPhase.JURY, year=2026, number=6)

    assert award_export_filename(edition=edition, kind="ranking", fmt="xlsx") == "award-2026-ranking.xlsx"


@pytest.mark.parametrize("kind", ["applications", "scores", "ranking"])
def test_award_export_reads_a_constant_number_of_queries(kind):
    edition, _first, _second = _scored_edition()
    with CaptureQueriesContext(connection) as few:
        award_export(edition=edition, kind=kind, fmt="csv")
    for _ in range(3):
        make_application(edition=edition, status=ApplicationStatus.IN_REVIEW)
    with CaptureQueriesContext(connection) as many:
        award_export(edition=edition, kind=kind, fmt="csv")

    assert len(few.captured_queries) == len(many.captured_queries)
