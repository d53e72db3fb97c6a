"""Open-data export of the bank of experiences (CSV, XLSX, JSON) with stable columns.

The rows are the published experiences of the current search (same query string as the page). Texts
are the originals (``original_language`` says which language); vocabularies are their codes, so the
columns mean the same in every language and every year:

| column | content |
|---|---|
| id | the experience's number |
| url | its public page |
| title, summary | in the original language |
| city, country | city name; ISO 3166 country code |
| original_language | language code (en, fr, es, pt, ca) |
| start_date, end_date | YYYY-MM-DD or empty |
| ongoing, award_winning | true / false |
| themes, target_groups, sdgs, principles, departments | codes, separated by "; " (arrays in JSON) |
| budget_range | code (lt10k, 10k-50k, 50k-200k, 200k-1m, gt1m, none, undisclosed) or empty |
| published_at | first publication, ISO 8601 with time zone |
| languages | the languages the experience can be read in, separated by "; " (array in JSON) |

Same approach as the member directory (``members.interfaces.exporters``): tablib, a byte-order mark in
CSV, and cells that a spreadsheet would read as formulas neutralised (CSV and XLSX only).
"""

from collections.abc import Callable, Iterable

import tablib

from educities.experiences.enums import TagKind
from educities.experiences.models import Experience
from educities.members.interfaces.exporters import EXPORT_FORMATS

EXPERIENCE_COLUMNS: tuple[str, ...] = (
    "id",
    "url",
    "title",
    "summary",
    "city",
    "country",
    "original_language",
    "start_date",
    "end_date",
    "ongoing",
    "themes",
    "target_groups",
    "sdgs",
    "principles",
    "departments",
    "budget_range",
    "published_at",
    "award_winning",
    "languages",
)
LIST_COLUMNS = frozenset({"themes", "target_groups", "sdgs", "principles", "departments", "languages"})
LIST_SEPARATOR = "; "
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

__all__ = ["EXPERIENCE_COLUMNS", "EXPORT_FORMATS", "experience_rows", "experiences_export"]


def experience_rows(*, experiences: Iterable[Experience], absolute_url: Callable[[str], str]) -> list[dict]:
    """One dict per experience with exactly ``EXPERIENCE_COLUMNS`` (lists as lists, booleans as bools).

    ``experiences`` come from ``queries.experiences_for_export`` (city, country, tags, principles and
    ``languages`` loaded)."""
    rows = []
    for experience in experiences:
        tags: dict[str, list[str]] = {kind: [] for kind in TagKind.values}
        for tag in experience.tags.all():
            tags[tag.kind].append(tag.code)
        rows.append(
            {
                "id": experience.pk,
                "url": absolute_url(experience.get_absolute_url()),
                "title": experience.title,
                "summary": experience.summary,
                "city": experience.city.name,
                "country": str(experience.city.country.code),
                "original_language": experience.original_language,
                "start_date": experience.start_date.isoformat() if experience.start_date else "",
                "end_date": experience.end_date.isoformat() if experience.end_date else "",
                "ongoing": bool(experience.is_ongoing),
                "themes": tags[TagKind.THEME],
                "target_groups": tags[TagKind.TARGET_GROUP],
                "sdgs": sorted(tags[TagKind.SDG], key=lambda code: int(code) if code.isdecimal() else 0),
                "principles": [str(principle.number) for principle in experience.principles.all()],
                "departments": tags[TagKind.DEPARTMENT],
                "budget_range": experience.budget_range or "",
                "published_at": experience.published_at.isoformat() if experience.published_at else "",
                "award_winning": bool(experience.is_award_winning),
                "languages": list(getattr(experience, "languages", [experience.original_language])),
            }
        )
    return rows


def _cell(column: str, value):
    if column in LIST_COLUMNS:
        value = LIST_SEPARATOR.join(value)
    elif isinstance(value, bool):
        value = "true" if value else "false"
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


def experiences_dataset(*, rows: list[dict], for_spreadsheet: bool) -> tablib.Dataset:
    dataset = tablib.Dataset(headers=list(EXPERIENCE_COLUMNS), title="experiences")
    for row in rows:
        if for_spreadsheet:
            dataset.append([_cell(column, row[column]) for column in EXPERIENCE_COLUMNS])
        else:
            dataset.append([row[column] for column in EXPERIENCE_COLUMNS])
    return dataset


def experiences_export(
    *, experiences: Iterable[Experience], fmt: str, absolute_url: Callable[[str], str]
) -> bytes:
    """The experiences as bytes in ``fmt`` (a key of ``EXPORT_FORMATS``; KeyError otherwise)."""
    export_format = EXPORT_FORMATS[fmt]
    rows = experience_rows(experiences=experiences, absolute_url=absolute_url)
    # JSON readers are programs, not spreadsheets: they get the values unchanged, lists as arrays.
    dataset = experiences_dataset(rows=rows, for_spreadsheet=export_format.key != "json")
    content = dataset.export(export_format.key)
    if isinstance(content, str):
        prefix = "\ufeff" if export_format.key == "csv" else ""
        return (prefix + content).encode("utf-8")
    return content
