"""International Day activities as iCalendar (RFC 5545), for "add to calendar" and the agenda's feed.

Each activity is a VEVENT whose UID never changes (``day-activity-<id>@<site host>``), so a calendar
that subscribed to the feed updates the event instead of adding a copy. Start and end are written in the
activity's own time zone (``DTSTART;TZID=America/Bogota:...``) and the calendar carries a VTIMEZONE for
each zone used (limited to the years of its activities, so it stays small); UTC moments are written
with ``Z``. LOCATION holds the place, address, city and country (or the online link), GEO the
coordinates, URL the activity's page and DESCRIPTION the text, organiser and online link. A cancelled
activity keeps its UID with ``STATUS:CANCELLED``, so calendars strike it out. DTSTAMP and LAST-MODIFIED
are the activity's last change, so the same agenda gives the same bytes.

The envelope and the VTIMEZONEs are made by ``icalendar`` (7.3); the VEVENT lines are written here
(TEXT escaped and lines folded at 75 octets as RFC 5545 says), because ``icalendar`` spends about 2 ms
per event building and folding them (10 s for the 5,000 activities of a whole Day). The tests read every
file back with ``icalendar``. A zone's VTIMEZONE is computed once per process and range of years.
"""

import datetime
from collections.abc import Callable
from functools import lru_cache
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django_countries import countries
from icalendar import Calendar, Timezone

from educities.days.domain.queries import choice_labels, zone_of
from educities.days.enums import ActivityKind, ActivityStatus
from educities.days.models import Activity

PRODID = "-//Educating Cities//International Day of the Educating City//EN"
CONTENT_TYPE = "text/calendar; charset=utf-8"
LINE_OCTETS = 75  # RFC 5545 3.1: lines longer than this are folded
END_CALENDAR = b"END:VCALENDAR\r\n"
UTC_KEYS = frozenset({"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Zulu", "Etc/Zulu", "Universal", "Etc/Universal"})


def site_host() -> str:
    """The host name of the site (``SITE_URL``), which makes UIDs unique and stable."""
    return urlsplit(settings.SITE_URL).hostname or "educities.invalid"


def uid_for(pk: int, host: str) -> str:
    return f"day-activity-{pk}@{host}"


def activity_uid(activity: Activity) -> str:
    return uid_for(activity.pk, site_host())


# --- RFC 5545 values and lines ----------------------------------------------------------------


def _text(value: str) -> str:
    """A TEXT value: backslash, semicolon, comma and line breaks escaped (RFC 5545 3.3.11)."""
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\r", "\\n")
        .replace("\n", "\\n")
    )


def _utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def _moment(name: str, moment: datetime.datetime, zone: str) -> str:
    """``DTSTART;TZID=Europe/Madrid:20251130T170000``, or ``DTSTART:20251130T160000Z`` in UTC."""
    if zone in UTC_KEYS:
        return f"{name}:{_utc(moment)}"
    local = moment.astimezone(zone_of(zone))
    return f"{name};TZID={zone}:{local.strftime('%Y%m%dT%H%M%S')}"


def fold(line: str) -> str:
    """``line`` folded into lines of at most 75 octets (a UTF-8 character is never cut, nor a
    backslash escape), continuation lines starting with a space (RFC 5545 3.1)."""
    data = line.encode("utf-8")
    if len(data) <= LINE_OCTETS:
        return line
    parts = []
    start, room = 0, LINE_OCTETS
    while start < len(data):
        end = min(start + room, len(data))
        while end < len(data) and data[end] & 0xC0 == 0x80:  # inside a multi-byte character
            end -= 1
        if end < len(data) and end - start > 1 and data[end - 1] == 0x5C:  # keep "\;" and "\n" whole
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, room = end, LINE_OCTETS - 1  # the leading space counts
    return "\r\n ".join(parts)


# --- one activity -------------------------------------------------------------------------------

# The fields read for each activity: values, not model instances (a whole Day is 5,000 activities).
_FIELDS = (
    "pk",
    "title",
    "description",
    "status",
    "kind",
    "starts_at",
    "ends_at",
    "time_zone",
    "place_name",
    "address",
    "latitude",
    "longitude",
    "online_url",
    "organiser",
    "updated_at",
    "city__name",
    "city__country__code",
)


def _location(values: dict, country_name: str) -> str:
    if values["online_url"] and values["latitude"] is None:
        return values["online_url"]
    parts = [values["place_name"], values["address"], values["city__name"], country_name]
    return ", ".join(part for part in parts if part)


def _description(values: dict, page_url: str) -> str:
    lines = [values["description"].strip()]
    if values["organiser"]:
        lines.append(_("Organiser: %(organiser)s") % {"organiser": values["organiser"]})
    if values["online_url"]:
        lines.append(_("Online: %(url)s") % {"url": values["online_url"]})
    lines.append(page_url)
    return "\n\n".join(line for line in lines if line)


def _event_lines(
    values: dict, *, uid: str, page_url: str, zone: str, country_name: str, kinds: dict
) -> list[str]:
    cancelled = values["status"] == ActivityStatus.CANCELLED
    title = values["title"]
    summary = _("Cancelled: %(title)s") % {"title": title} if cancelled else title
    lines = [
        "BEGIN:VEVENT",
        f"UID:{_text(uid)}",
        f"DTSTAMP:{_utc(values['updated_at'])}",
        f"LAST-MODIFIED:{_utc(values['updated_at'])}",
        f"SUMMARY:{_text(summary)}",
        _moment("DTSTART", values["starts_at"], zone),
    ]
    if values["ends_at"] is not None:
        lines.append(_moment("DTEND", values["ends_at"], zone))
    lines.append(f"STATUS:{'CANCELLED' if cancelled else 'CONFIRMED'}")
    location = _location(values, country_name)
    if location:
        lines.append(f"LOCATION:{_text(location)}")
    if values["latitude"] is not None and values["longitude"] is not None:
        lines.append(f"GEO:{float(values['latitude'])};{float(values['longitude'])}")
    lines.append(f"URL:{page_url}")
    lines.append(f"DESCRIPTION:{_text(_description(values, page_url))}")
    lines.append(f"CATEGORIES:{_text(kinds.get(values['kind'], values['kind']))}")
    lines.append("END:VEVENT")
    return lines


# --- the calendar -------------------------------------------------------------------------------


@lru_cache(maxsize=512)
def _vtimezone(zone: str, first_year: int, last_year: int) -> bytes:
    """The VTIMEZONE of ``zone`` from the start of ``first_year`` to the end of ``last_year``."""
    component = Timezone.from_tzid(
        zone, first_date=datetime.date(first_year, 1, 1), last_date=datetime.date(last_year, 12, 31)
    )
    return component.to_ical()


def activities_calendar(
    *, activities: QuerySet[Activity], name: str, absolute_url: Callable[[str], str]
) -> bytes:
    """An iCalendar file called ``name`` of ``activities`` (a queryset, read in one query, in its order).

    ``absolute_url`` turns a path into a full URL (``request.build_absolute_uri``).
    """
    kinds = choice_labels(ActivityKind)
    page_prefix = absolute_url(reverse("days:activity", kwargs={"pk": 0})).removesuffix("0/")
    country_names: dict[str, str] = {}
    host = site_host()
    lines: list[str] = []
    zones: set[str] = set()
    years: set[int] = set()
    for values in activities.values(*_FIELDS):
        zone = zone_of(values["time_zone"]).key
        zones.add(zone)
        years.add(values["starts_at"].year)
        if values["ends_at"] is not None:
            years.add(values["ends_at"].year)
        code = str(values["city__country__code"])
        if code not in country_names:
            country_names[code] = str(countries.name(code))
        lines.extend(
            _event_lines(
                values,
                uid=uid_for(values["pk"], host),
                page_url=f"{page_prefix}{values['pk']}/",
                zone=zone,
                country_name=country_names[code],
                kinds=kinds,
            )
        )
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    envelope = calendar.to_ical()
    # A year on each side: a moment near New Year is in another year in another zone.
    timezones = b"".join(
        _vtimezone(zone, min(years) - 1, max(years) + 1) for zone in sorted(zones - UTC_KEYS)
    )
    events = "".join(f"{fold(line)}\r\n" for line in lines).encode("utf-8")
    return envelope.removesuffix(END_CALENDAR) + timezones + events + END_CALENDAR
