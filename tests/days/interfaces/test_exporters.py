"""The agenda as CSV: stable columns, codes, local ISO moments, and no formula for spreadsheets."""

import csv
import io

import pytest

from educities.days.domain.queries import agenda_activities
from educities.days.enums import ActivityFormat, ActivityStatus
from educities.days.interfaces.exporters import AGENDA_COLUMNS, agenda_csv, agenda_rows
from educities.days.models import Activity
from tests.days.factories import ActivityFactory, CampaignFactory, OnlineActivityFactory, day_moment
from tests.factories import CityFactory, CountryFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def _absolute(path: str) -> str:
    return f"https://example.org{path}"


def test_agenda_csv_has_the_stable_columns_and_a_byte_order_mark():
    content = agenda_csv(activities=Activity.objects.none(), absolute_url=_absolute)

    assert content.startswith("\ufeff".encode())
    assert content.decode("utf-8-sig").splitlines() == [",".join(AGENDA_COLUMNS)]


def test_agenda_rows_hold_codes_local_moments_and_links():
    campaign = CampaignFactory(year=2025)
    city = CityFactory(
        name="Bogotá", slug="bogota", country=CountryFactory(code="CO"), time_zone="America/Bogota"
    )
    activity = ActivityFactory(
        campaign=campaign,
        city=city,
        title="Route of the rivers",
        format=ActivityFormat.HYBRID,
        online_url="https://meet.example.org/rivers",
        starts_at=day_moment(2025, 18, zone="America/Bogota"),
        audiences=["children", "families"],
        languages=["es", "en"],
        latitude=4.6,
        longitude=-74.08,
        participants=85,
        status=ActivityStatus.CANCELLED,
    )

    rows = agenda_rows(activities=agenda_activities(campaign=campaign), absolute_url=_absolute)

    assert rows == [
        {
            "id": activity.pk,
            "year": 2025,
            "title": "Route of the rivers",
            "description": activity.description,
            "kind": "walk",
            "format": "hybrid",
            "status": "cancelled",
            "starts_at": "2025-11-30T18:00:00-05:00",
            "ends_at": "2025-11-30T20:00:00-05:00",
            "time_zone": "America/Bogota",
            "city": "Bogotá",
            "city_slug": "bogota",
            "country": "CO",
            "place_name": "Town hall square",
            "address": "",
            "latitude": 4.6,
            "longitude": -74.08,
            "online_url": "https://meet.example.org/rivers",
            "organiser": "Department of Education",
            "audiences": "children; families",
            "languages": "es; en",
            "language": "en",
            "participants": 85,
            "url": f"https://example.org/en/day/activities/{activity.pk}/",
        }
    ]


def test_agenda_csv_neutralises_formulas_and_leaves_empty_cells_empty():
    campaign = CampaignFactory(year=2025)
    OnlineActivityFactory(
        campaign=campaign, title='=HYPERLINK("http://evil")', organiser="@organiser", ends_at=None
    )

    content = agenda_csv(activities=agenda_activities(campaign=campaign), absolute_url=_absolute)

    (row,) = csv.DictReader(io.StringIO(content.decode("utf-8-sig")))
    assert row["title"] == '\'=HYPERLINK("http://evil")'
    assert row["organiser"] == "'@organiser"
    assert (row["ends_at"], row["latitude"], row["participants"]) == ("", "", "")
