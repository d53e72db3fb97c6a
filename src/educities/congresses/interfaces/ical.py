"""Events and sessions as iCalendar files (RFC 5545, icalendar 7).

``event_ical(event)``: the whole event as one all-day entry (its days), attached to confirmation e-mails
and offered on the event's page. ``sessions_ical(event=..., sessions=..., name=...)``: sessions (the
programme, or a participant's agenda) with their times in the event's time zone (``TZID`` and its
``VTIMEZONE``), so calendars show them right whatever their own zone, across daylight-saving changes.

UIDs are stable (``event-<pk>@<site host>``, ``session-<pk>@<site host>``): importing a file again
updates the entries instead of doubling them. ``DTSTAMP`` is the time the object last changed, so the
same data always gives the same bytes. Texts are in the active language.
"""

import datetime
import hashlib
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from educities.congresses.domain.common import event_title, site_link
from educities.congresses.enums import SessionKind
from educities.congresses.models import Event, Session

PRODID = "-//Educating Cities//Congresses//EN"


def _host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "educatingcities.org"


def event_uid(event: Event) -> str:
    return f"event-{event.pk}@{_host()}"


def session_uid(session: Session) -> str:
    return f"session-{session.pk}@{_host()}"


def _event_location(event: Event) -> str:
    city = event.host_city
    parts = [event.venue, event.address, city.name, city.country.name]
    return ", ".join(dict.fromkeys(part for part in parts if part))


def _event_url(event: Event) -> str:
    return site_link("events:event", slug=event.slug)


def _timezone(event: Event, first: datetime.date, last: datetime.date) -> icalendar.Timezone:
    """The event's zone with the transitions of the years the entries fall in (a compact VTIMEZONE)."""
    return icalendar.Timezone.from_tzid(
        event.time_zone,
        first_date=datetime.date(first.year, 1, 1),
        last_date=datetime.date(last.year + 1, 1, 1),
    )


def _calendar(*, event: Event, name: str, uid: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar.new(
        prodid=PRODID, name=name, method="PUBLISH", uid=uid, language=translation.get_language() or "en"
    )
    calendar.add("X-WR-TIMEZONE", event.time_zone)
    return calendar


def event_ical(event: Event) -> bytes:
    """The event as an iCalendar file: one all-day entry from its first to its last day."""
    title = event_title(event)
    calendar = _calendar(event=event, name=title, uid=f"calendar-{event_uid(event)}")
    calendar.add_component(_timezone(event, event.starts_on, event.ends_on))
    entry = icalendar.Event.new(
        uid=event_uid(event),
        summary=title,
        start=event.starts_on,
        end=event.ends_on + datetime.timedelta(days=1),
        stamp=event.updated_at,
        location=_event_location(event) or None,
        url=_event_url(event),
        description=_event_description(event),
    )
    if event.latitude is not None and event.longitude is not None:
        entry.add("GEO", (event.latitude, event.longitude))
    calendar.add_component(entry)
    return calendar.to_ical()


def _event_description(event: Event) -> str:
    lines = [_("%(kind)s in %(city)s.") % {"kind": event.get_kind_display(), "city": event.host_city.name}]
    lines.append(_("The times of the programme are in the %(zone)s time zone.") % {"zone": event.time_zone})
    lines.append(_event_url(event))
    return "\n".join(lines)


def _session_location(event: Event, session: Session) -> str:
    parts = [session.room.name if session.room_id else "", event.venue, event.host_city.name]
    return ", ".join(dict.fromkeys(part for part in parts if part))


def _session_description(session: Session, *, meeting_links: bool) -> str:
    lines = []
    speakers = list(session.speakers.all())
    if speakers:
        lines.append(
            _("Speakers: %(speakers)s")
            % {
                "speakers": "; ".join(
                    ", ".join(part for part in (s.name, s.role, s.organisation) if part) for s in speakers
                )
            }
        )
    if session.description:
        lines.append(session.description)
    if meeting_links and session.meeting_url:
        lines.append(_("Join online: %(url)s") % {"url": session.meeting_url})
    return "\n\n".join(lines)


def sessions_ical(*, event: Event, sessions, name: str | None = None, meeting_links: bool = False) -> bytes:
    """Sessions of ``event`` (the programme, or a participant's agenda) as an iCalendar file named ``name``.

    Each session keeps its time zone (``TZID`` = the event's, with its ``VTIMEZONE``). ``meeting_links``
    adds the online meeting links (only for someone allowed to see them). Pass sessions with
    ``select_related("room")`` and ``prefetch_related("speakers")`` to read them in two queries.
    Without ``name``, the calendar is called "<event title>: programme".
    """
    if not name:
        name = _("%(event)s: programme") % {"event": event_title(event)}
    local = ZoneInfo(event.time_zone)
    sessions = list(sessions)
    digest = hashlib.sha256(str(name).encode("utf-8")).hexdigest()[:12]
    calendar = _calendar(event=event, name=name, uid=f"calendar-{digest}-{event_uid(event)}")
    days = [event.starts_on, event.ends_on] + [s.starts_at.date() for s in sessions]
    calendar.add_component(_timezone(event, min(days), max(days)))
    kinds = dict(SessionKind.choices)
    for session in sessions:
        entry = icalendar.Event.new(
            uid=session_uid(session),
            summary=session.title,
            start=session.starts_at.astimezone(local),
            end=session.ends_at.astimezone(local),
            stamp=session.updated_at,
            location=_session_location(event, session) or None,
            url=site_link("events:session", slug=event.slug, pk=session.pk),
            description=_session_description(session, meeting_links=meeting_links) or None,
            categories=[str(kinds.get(session.kind, session.kind))],
        )
        calendar.add_component(entry)
    return calendar.to_ical()


__all__ = ["event_ical", "event_uid", "session_uid", "sessions_ical"]
