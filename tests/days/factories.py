"""International Day campaigns and activities for tests, made directly (fast, any state).

Domain tests that test a workflow drive it through the domain functions; these factories only set up
the world around them. Times are aware; an activity's ``time_zone`` defaults to its city's or Madrid.
"""

import datetime
import io
from zoneinfo import ZoneInfo

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from educities.days.enums import ActivityFormat, ActivityKind, ActivityStatus
from educities.days.models import Activity, ActivityPhoto, Campaign
from tests.factories import CityFactory


def image_bytes(image_format: str = "PNG") -> bytes:
    """A small real image (PNG, JPEG, WEBP...) written by Pillow."""
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 30, 30)).save(buffer, format=image_format)
    return buffer.getvalue()


def image_upload(name: str = "photo.png", image_format: str = "PNG") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, image_bytes(image_format))


def day_moment(year: int, hour: int = 17, *, zone: str = "Europe/Madrid", day: int = 30, month: int = 11):
    """An aware moment of the Day (30 November) at ``hour`` local time in ``zone``."""
    return datetime.datetime(year, month, day, hour, 0, tzinfo=ZoneInfo(zone))


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign
        django_get_or_create = ("year",)

    year = 2025
    motto = factory.LazyAttribute(lambda campaign: f"Motto of {campaign.year}")
    manifesto = "Cities that listen to their inhabitants learn with them."
    guide = "Organise an activity open to everyone and register it here."
    window_starts_on = factory.LazyAttribute(lambda campaign: datetime.date(campaign.year, 11, 1))
    window_ends_on = factory.LazyAttribute(lambda campaign: datetime.date(campaign.year, 12, 15))
    is_published = True


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    campaign = factory.SubFactory(CampaignFactory)
    city = factory.SubFactory(CityFactory)
    title = factory.Sequence(lambda n: f"Activity {n}")
    description = "A walk through the neighbourhood with the children's council."
    kind = ActivityKind.WALK
    format = ActivityFormat.IN_PERSON
    time_zone = factory.LazyAttribute(lambda activity: activity.city.time_zone or "Europe/Madrid")
    starts_at = factory.LazyAttribute(
        lambda activity: day_moment(activity.campaign.year, zone=activity.time_zone)
    )
    ends_at = factory.LazyAttribute(lambda activity: activity.starts_at + datetime.timedelta(hours=2))
    place_name = "Town hall square"
    latitude = factory.LazyAttribute(lambda activity: activity.city.latitude)
    longitude = factory.LazyAttribute(lambda activity: activity.city.longitude)
    audiences = factory.LazyFunction(lambda: ["everyone"])
    organiser = "Department of Education"
    languages = factory.LazyFunction(lambda: ["es"])
    status = ActivityStatus.PUBLISHED


class OnlineActivityFactory(ActivityFactory):
    format = ActivityFormat.ONLINE
    place_name = ""
    latitude = None
    longitude = None
    online_url = "https://meet.example.org/day"


class ActivityPhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActivityPhoto

    activity = factory.SubFactory(ActivityFactory)
    image = factory.django.FileField(filename="photo.png", data=b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    alt_text = "Children drawing their ideal square"
