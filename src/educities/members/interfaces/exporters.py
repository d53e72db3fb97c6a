"""Open-data export of the member directory (CSV, XLSX, JSON) with stable columns.

Only public data: no contacts, fees or membership workflow. The rows are the cities that the directory's
filters (``CityFilter``) select, so a download matches what the reader sees on the page.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import tablib

from educities.members.models import City

DIRECTORY_COLUMNS: tuple[str, ...] = (
    "name",
    "slug",
    "country_code",
    "country_name",
    "world_region",
    "region",
    "population",
    "population_band",
    "latitude",
    "longitude",
    "member_since",
    "networks",
    "url",
)

# Separator between network names in the ``networks`` column.
NETWORK_SEPARATOR = "; "


@dataclass(frozen=True)
class ExportFormat:
    key: str
    content_type: str
    extension: str


EXPORT_FORMATS: dict[str, ExportFormat] = {
    "csv": ExportFormat("csv", "text/csv; charset=utf-8", "csv"),
    "xlsx": ExportFormat("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "json": ExportFormat("json", "application/json", "json"),
}

# A spreadsheet treats a cell starting with one of these as a formula (CSV/formula injection).
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _neutralise(value):
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


def directory_rows(*, cities: Iterable[City], absolute_url: Callable[[str], str]) -> list[dict]:
    """One dict per city with exactly ``DIRECTORY_COLUMNS``.

    ``cities`` must come with ``country`` selected and ``network_list`` prefetched
    (``queries_public.cities_with_networks``); ``absolute_url`` turns a path into a full URL.
    """
    return [
        {
            "name": city.name,
            "slug": city.slug,
            "country_code": str(city.country.code),
            "country_name": city.country.name,
            "world_region": city.country.region,
            "region": city.region,
            "population": city.population,
            "population_band": city.population_band,
            "latitude": city.latitude,
            "longitude": city.longitude,
            "member_since": city.member_since.isoformat() if city.member_since else "",
            "networks": NETWORK_SEPARATOR.join(network.name for network in city.network_list),
            "url": absolute_url(city.get_absolute_url()),
        }
        for city in cities
    ]


def directory_dataset(*, rows: list[dict], spreadsheet_safe: bool) -> tablib.Dataset:
    dataset = tablib.Dataset(headers=list(DIRECTORY_COLUMNS), title="member-cities")
    for row in rows:
        values = [row[column] for column in DIRECTORY_COLUMNS]
        dataset.append([_neutralise(value) for value in values] if spreadsheet_safe else values)
    return dataset


def directory_export(*, cities: Iterable[City], fmt: str, absolute_url: Callable[[str], str]) -> bytes:
    """The directory as bytes in ``fmt`` (a key of ``EXPORT_FORMATS``; KeyError otherwise)."""
    export_format = EXPORT_FORMATS[fmt]
    rows = directory_rows(cities=cities, absolute_url=absolute_url)
    # JSON readers are programs, not spreadsheets: they get the values unchanged.
    dataset = directory_dataset(rows=rows, spreadsheet_safe=export_format.key != "json")
    content = dataset.export(export_format.key)
    if isinstance(content, str):
        # A byte-order mark lets spreadsheet programs detect UTF-8 in CSV files.
        prefix = "\ufeff" if export_format.key == "csv" else ""
        return (prefix + content).encode("utf-8")
    return content
