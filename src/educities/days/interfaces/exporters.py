"""The agenda of the International Day as CSV, with stable columns.

The rows are the activities the agenda's filters (``ActivityFilter``) select, so a download matches the
page. Codes, not labels, so that a column means the same in every language; moments in ISO 8601 in the
activity's own time zone (with its offset); numbers as numbers; lists joined with ``; ``.

| column | content |
|---|---|
| id | the activity's number (its page is ``url``) |
| year | the campaign's year |
| title, description | as the city wrote them (``language``) |
| kind | ``ActivityKind`` code (exhibition, debate, workshop, walk, ...) |
| format | in_person, online, hybrid |
| status | published or cancelled |
| starts_at, ends_at | ISO 8601 with the offset of ``time_zone`` (``ends_at`` may be empty) |
| time_zone | IANA name (Europe/Madrid) |
| city, city_slug, country | city name and slug; ISO 3166 country code |
| place_name, address, latitude, longitude | where it happens (empty online) |
| online_url | the link of an online or hybrid activity |
| organiser | who organises it |
| audiences | ``ActivityAudience`` codes |
| languages | language codes spoken |
| language | the language the city wrote the activity in |
| participants | reported after the Day (empty before) |
| url | the activity's public page |

Any text cell that a spreadsheet would read as a formula (starting with = + - @ tab or CR) is prefixed
with an apostrophe. The file starts with a byte-order mark so spreadsheet programs read it as UTF-8.
"""

import csv
import io
from collections.abc import Callable

from django.db.models import QuerySet
from django.urls import reverse

from educities.days.domain.queries import zone_of
from educities.days.models import Activity

AGENDA_COLUMNS: tuple[str, ...] = (
    "id",
    "year",
    "title",
    "description",
    "kind",
    "format",
    "status",
    "starts_at",
    "ends_at",
    "time_zone",
    "city",
    "city_slug",
    "country",
    "place_name",
    "address",
    "latitude",
    "longitude",
    "online_url",
    "organiser",
    "audiences",
    "languages",
    "language",
    "participants",
    "url",
)
LIST_SEPARATOR = "; "
CONTENT_TYPE = "text/csv; charset=utf-8"
# A spreadsheet treats a cell starting with one of these as a formula (CSV/formula injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


# The fields read for each activity: values, not model instances (5,000 rows build no 20,000 objects).
_FIELDS = (
    "pk",
    "campaign__year",
    "title",
    "description",
    "kind",
    "format",
    "status",
    "starts_at",
    "ends_at",
    "time_zone",
    "city__name",
    "city__slug",
    "city__country__code",
    "place_name",
    "address",
    "latitude",
    "longitude",
    "online_url",
    "organiser",
    "audiences",
    "languages",
    "language",
    "participants",
)


def agenda_rows(*, activities: QuerySet[Activity], absolute_url: Callable[[str], str]) -> list[dict]:
    """One dict per activity of ``activities`` (in their order) with exactly ``AGENDA_COLUMNS``; one query."""
    page_prefix = absolute_url(reverse("days:activity", kwargs={"pk": 0})).removesuffix("0/")
    rows = []
    for values in activities.values(*_FIELDS):
        zone = zone_of(values["time_zone"])
        rows.append(
            {
                "id": values["pk"],
                "year": values["campaign__year"],
                "title": values["title"],
                "description": values["description"],
                "kind": values["kind"],
                "format": values["format"],
                "status": values["status"],
                "starts_at": values["starts_at"].astimezone(zone).isoformat(),
                "ends_at": values["ends_at"].astimezone(zone).isoformat() if values["ends_at"] else "",
                "time_zone": values["time_zone"],
                "city": values["city__name"],
                "city_slug": values["city__slug"],
                "country": str(values["city__country__code"]),
                "place_name": values["place_name"],
                "address": values["address"],
                "latitude": values["latitude"],
                "longitude": values["longitude"],
                "online_url": values["online_url"],
                "organiser": values["organiser"],
                "audiences": LIST_SEPARATOR.join(str(code) for code in values["audiences"] or ()),
                "languages": LIST_SEPARATOR.join(str(code) for code in values["languages"] or ()),
                "language": values["language"],
                "participants": values["participants"],
                "url": f"{page_prefix}{values['pk']}/",
            }
        )
    return rows


def agenda_csv(*, activities: QuerySet[Activity], absolute_url: Callable[[str], str]) -> bytes:
    """The activities as CSV bytes (UTF-8 with a byte-order mark), columns ``AGENDA_COLUMNS``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(AGENDA_COLUMNS)
    for row in agenda_rows(activities=activities, absolute_url=absolute_url):
        writer.writerow([_cell(row[column]) for column in AGENDA_COLUMNS])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
