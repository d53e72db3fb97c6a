"""Helpers of the tests of a city's International Day pages (no test here): the cast, a valid form,
uploads, the state of an activity, messages.

``cast()`` gives the published 2025 campaign (window 1 November – 15 December), two member cities in
different countries (Granollers, Europe/Madrid; Lyon, Europe/Paris) and every role of the permission
matrix: an anonymous visitor, a signed-in user without a city, the editors of city A and city B, and the
Secretariat.
"""

import datetime
import io
from dataclasses import dataclass

from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from educities.days.models import Activity, Campaign
from educities.members.models import City
from tests.days.factories import CampaignFactory
from tests.factories import CityFactory, CountryFactory, StaffFactory, UserFactory, make_city_editor

ROLES = ("anonymous", "user", "editor_a", "editor_b", "staff")
# During the campaign's window, before the Day.
BEFORE_THE_DAY = datetime.datetime(2025, 11, 10, 9, 0, tzinfo=datetime.UTC)
# After the Day: activities of 30 November have started.
AFTER_THE_DAY = datetime.datetime(2025, 12, 2, 9, 0, tzinfo=datetime.UTC)


@dataclass
class Cast:
    campaign: Campaign
    city_a: City
    city_b: City
    users: dict


def cast(**campaign_values) -> Cast:
    campaign = CampaignFactory(year=2025, **campaign_values)
    city_a = CityFactory(
        name="Granollers",
        country=CountryFactory(code="ES"),
        time_zone="Europe/Madrid",
        latitude=41.6083,
        longitude=2.2875,
    )
    city_b = CityFactory(
        name="Lyon",
        country=CountryFactory(code="FR"),
        time_zone="Europe/Paris",
        latitude=45.76,
        longitude=4.84,
    )
    users = {
        "anonymous": None,
        "user": UserFactory(),
        "editor_a": make_city_editor(city_a),
        "editor_b": make_city_editor(city_b),
        "staff": StaffFactory(),
    }
    return Cast(campaign, city_a, city_b, users)


def login(client, user) -> None:
    if user is not None:
        client.force_login(user)


def flash(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def activity_data(**overrides) -> dict:
    """A valid activity form: in person in Granollers, 30 November 2025, 17:00–19:00 Madrid time."""
    data = {
        "title": "Children redesign the square",
        "description": "The children's council presents its plan.\nEveryone is welcome.",
        "kind": "children_council",
        "format": "in_person",
        "day": "2025-11-30",
        "start_time": "17:00",
        "end_time": "19:00",
        "end_day": "",
        "time_zone": "Europe/Madrid",
        "place_name": "Porxada square",
        "address": "Plaça de la Porxada, Granollers",
        "latitude": "41.6078",
        "longitude": "2.2880",
        "online_url": "",
        "audiences": ["children", "families"],
        "organiser": "Department of Education",
        "languages": ["ca", "es"],
        "contact_email": "day@granollers.example.org",
        "language": "ca",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def png_file(name: str = "square.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")


def state(activity: Activity) -> dict:
    """Everything a city can change of an activity, read fresh from the database."""
    fresh = Activity.objects.get(pk=activity.pk)
    return {
        **{
            field.attname: getattr(fresh, field.attname)
            for field in Activity._meta.concrete_fields
            if field.attname not in {"created_at"}
        },
        "photos": sorted(fresh.photos.values_list("pk", "alt_text", "image")),
    }
