"""Events, registration types, rooms, sessions and registrations for tests, made directly.

Registration workflows under test go through ``congresses.domain``; these factories set up the world.
"""

import datetime
from zoneinfo import ZoneInfo

import factory
from django.utils import timezone

from educities.congresses.enums import EventFormat, EventKind, RegistrationStatus, SessionKind
from educities.congresses.models import Event, Registration, RegistrationType, Room, Session, Speaker
from tests.factories import CityFactory


def event_moment(event: Event, day: int = 0, hour: int = 9, minute: int = 0) -> datetime.datetime:
    """An aware moment on the ``day``-th day of ``event`` at ``hour:minute`` in the event's time zone."""
    date = event.starts_on + datetime.timedelta(days=day)
    return datetime.datetime.combine(date, datetime.time(hour, minute), tzinfo=ZoneInfo(event.time_zone))


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    kind = EventKind.INTERNATIONAL_CONGRESS
    title = factory.Sequence(lambda n: f"Congress {n}")
    slug = factory.Sequence(lambda n: f"congress-{n}")
    host_city = factory.SubFactory(CityFactory)
    venue = "Congress centre"
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=60))
    ends_on = factory.LazyAttribute(lambda event: event.starts_on + datetime.timedelta(days=2))
    time_zone = "Europe/Warsaw"
    languages = factory.LazyFunction(lambda: ["en", "fr", "es"])
    format = EventFormat.IN_PERSON
    capacity = 100
    registration_opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=10))
    registration_closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    is_published = True
    programme_published = True


class RegistrationTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegistrationType

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Delegate {n}")
    fee = 0


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Room

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Room {n}")
    capacity = 200


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    event = factory.SubFactory(EventFactory)
    title = factory.Sequence(lambda n: f"Session {n}")
    kind = SessionKind.PLENARY
    room = factory.SubFactory(RoomFactory, event=factory.SelfAttribute("..event"))
    starts_at = factory.LazyAttribute(lambda session: event_moment(session.event))
    ends_at = factory.LazyAttribute(lambda session: session.starts_at + datetime.timedelta(minutes=90))


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    session = factory.SubFactory(SessionFactory)
    name = factory.Sequence(lambda n: f"Speaker {n}")
    organisation = "City council"


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    type = factory.SubFactory(RegistrationTypeFactory, event=factory.SelfAttribute("..event"))
    name = factory.Sequence(lambda n: f"Participant {n}")
    email = factory.Sequence(lambda n: f"participant{n}@example.org")
    status = RegistrationStatus.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)
