"""The Secretariat's exports of an edition (CSV, XLSX) with stable columns.

Codes, not labels, so that a column means the same in every language and every edition; numbers as
numbers (decimals with a dot in CSV); booleans as ``true``/``false``; dates ISO 8601 with time zone.

Applications (every application but drafts), ``APPLICATION_COLUMNS``:

| column | content |
|---|---|
| edition | the edition's number |
| number | the application's number (its id; ``application`` in the other exports) |
| city, country | city name; ISO 3166 country code |
| experience_title | the experience's title (its original language) |
| language | language code of the application (en, fr, es, pt) |
| status | draft, submitted, eligible, ineligible, in_review, finalist, winner, special_mention, |
| | not_selected, withdrawn (``ApplicationStatus`` codes) |
| submitted_at | ISO 8601 or empty |
| eligibility_overridden | true when the Secretariat accepted it although a rule failed |
| note | the Secretariat's reason (override or ineligibility) |
| mean, rank | the jury's mean and rank (empty when not in review or not scored) |

Scores (one row per review × criterion, criteria in their order; reviews by a juror conflicted with the
application are left out, as they are from every figure), ``SCORE_COLUMNS``:

| column | content |
|---|---|
| application | the application's number |
| juror | the juror's name (else e-mail address) |
| criterion, weight | the criterion's name (original language) and weight |
| value | the score, empty when not scored or not applicable |
| not_applicable | true / false |
| comment | the juror's comment on this criterion |
| review_total | the weighted mean of the review (empty when nothing is scored) |
| complete | true when the juror marked the review complete |

Ranking (active applications in review, ``reviews.domain.queries.process_ranking``), ``RANKING_COLUMNS``:

| column | content |
|---|---|
| rank | 1 is best; tied rows share a rank |
| tie_break | what separated the row from the one above: empty, median, criteria, staff, unbroken |
| application, city, country | the application's number, city name, ISO country code |
| reviews | number of reviews counted |
| mean, median, stdev, spread | the figures of the counted reviews' totals |
| divergent | true when the spread exceeds the process's outlier threshold |

Any text cell that a spreadsheet would read as a formula (starting with = + - @ tab or CR) is prefixed
with an apostrophe, in CSV and XLSX alike.
"""

from collections.abc import Callable

import tablib
from django.db.models import Exists, OuterRef, Prefetch

from educities.awards.enums import ApplicationStatus
from educities.awards.models import Application, Edition
from educities.members.interfaces.exporters import EXPORT_FORMATS, ExportFormat
from educities.reviews.domain.queries import process_ranking
from educities.reviews.models import Conflict, Criterion, Review, Score

APPLICATION_COLUMNS: tuple[str, ...] = (
    "edition",
    "number",
    "city",
    "country",
    "experience_title",
    "language",
    "status",
    "submitted_at",
    "eligibility_overridden",
    "note",
    "mean",
    "rank",
)
SCORE_COLUMNS: tuple[str, ...] = (
    "application",
    "juror",
    "criterion",
    "weight",
    "value",
    "not_applicable",
    "comment",
    "review_total",
    "complete",
)
RANKING_COLUMNS: tuple[str, ...] = (
    "rank",
    "tie_break",
    "application",
    "city",
    "country",
    "reviews",
    "mean",
    "median",
    "stdev",
    "spread",
    "divergent",
)
AWARD_EXPORT_FORMATS: dict[str, ExportFormat] = {key: EXPORT_FORMATS[key] for key in ("csv", "xlsx")}
# A spreadsheet treats a cell starting with one of these as a formula (CSV/formula injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _ranking_by_item(edition: Edition) -> dict:
    return {row.item.pk: row for row in process_ranking(process=edition.review_process)}


def application_rows(*, edition: Edition) -> list[dict]:
    """One dict per application (drafts left out) with exactly ``APPLICATION_COLUMNS``."""
    ranking = _ranking_by_item(edition)
    applications = (
        Application.objects.filter(edition=edition)
        .exclude(status=ApplicationStatus.DRAFT)
        .select_related("city__country", "experience")
        .order_by("city__name", "pk")
    )
    rows = []
    for application in applications:
        ranked = ranking.get(application.review_item_id)
        rows.append(
            {
                "edition": edition.number,
                "number": application.pk,
                "city": application.city.name,
                "country": str(application.city.country.code),
                "experience_title": application.experience.title,
                "language": application.language,
                "status": application.status,
                "submitted_at": application.submitted_at.isoformat() if application.submitted_at else "",
                "eligibility_overridden": application.eligibility_overridden,
                "note": application.eligibility_note,
                "mean": ranked.aggregate.mean if ranked else None,
                "rank": ranked.rank if ranked else None,
            }
        )
    return rows


def score_rows(*, edition: Edition) -> list[dict]:
    """One dict per review × criterion with exactly ``SCORE_COLUMNS`` (conflicted jurors left out)."""
    process = edition.review_process
    criteria = list(Criterion.objects.filter(process=process).order_by("position"))
    conflicted = Conflict.objects.filter(reviewer_id=OuterRef("reviewer_id"), item_id=OuterRef("item_id"))
    reviews = (
        Review.objects.filter(item__process=process)
        .exclude(Exists(conflicted))
        .select_related("reviewer__user", "item__award_application")
        .prefetch_related(Prefetch("scores", queryset=Score.objects.all()))
        .order_by("item__award_application__city__name", "item_id", "reviewer__user__email", "pk")
    )
    rows = []
    for review in reviews:
        application = getattr(review.item, "award_application", None)
        if application is None:
            continue
        scores = {score.criterion_id: score for score in review.scores.all()}
        juror = review.reviewer.user.get_full_name() or review.reviewer.user.email
        for criterion in criteria:
            score = scores.get(criterion.pk)
            rows.append(
                {
                    "application": application.pk,
                    "juror": juror,
                    "criterion": criterion.name,
                    "weight": criterion.weight,
                    "value": score.value if score is not None and not score.not_applicable else None,
                    "not_applicable": bool(score is not None and score.not_applicable),
                    "comment": score.comment if score is not None else "",
                    "review_total": review.total,
                    "complete": review.submitted_at is not None,
                }
            )
    return rows


def ranking_rows(*, edition: Edition) -> list[dict]:
    """One dict per ranked application with exactly ``RANKING_COLUMNS``."""
    ranking = process_ranking(process=edition.review_process)
    applications = {
        application.review_item_id: application
        for application in Application.objects.filter(
            review_item_id__in=[row.item.pk for row in ranking]
        ).select_related("city__country")
    }
    rows = []
    for row in ranking:
        application = applications.get(row.item.pk)
        if application is None:
            continue
        aggregate = row.aggregate
        rows.append(
            {
                "rank": row.rank,
                "tie_break": str(row.tie_break),
                "application": application.pk,
                "city": application.city.name,
                "country": str(application.city.country.code),
                "reviews": aggregate.reviews,
                "mean": aggregate.mean,
                "median": aggregate.median,
                "stdev": aggregate.stdev,
                "spread": aggregate.spread,
                "divergent": aggregate.is_divergent,
            }
        )
    return rows


EXPORTS: dict[str, tuple[tuple[str, ...], Callable[..., list[dict]]]] = {
    "applications": (APPLICATION_COLUMNS, application_rows),
    "scores": (SCORE_COLUMNS, score_rows),
    "ranking": (RANKING_COLUMNS, ranking_rows),
}


def award_dataset(*, columns: tuple[str, ...], rows: list[dict], title: str) -> tablib.Dataset:
    dataset = tablib.Dataset(headers=list(columns), title=title)
    for row in rows:
        dataset.append([_cell(row[column]) for column in columns])
    return dataset


def award_export(*, edition: Edition, kind: str, fmt: str) -> bytes:
    """The ``kind`` export ("applications", "scores", "ranking") of ``edition`` in ``fmt`` ("csv", "xlsx").

    KeyError for an unknown kind or format."""
    columns, build = EXPORTS[kind]
    export_format = AWARD_EXPORT_FORMATS[fmt]
    dataset = award_dataset(columns=columns, rows=build(edition=edition), title=kind)
    content = dataset.export(export_format.key)
    if isinstance(content, str):
        return ("\ufeff" + content).encode("utf-8")
    return content


def award_export_filename(*, edition: Edition, kind: str, fmt: str) -> str:
    return f"award-{edition.year}-{kind}.{AWARD_EXPORT_FORMATS[fmt].extension}"
