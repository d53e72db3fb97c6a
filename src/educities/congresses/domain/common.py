"""What the congress services share: their errors, the permission check, locks, times in the event's zone,
links and the e-mails to participants.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _

from educities.congresses.models import Event
from educities.core.domain.errors import DomainError, PermissionRefused
from educities.core.domain.notifications import email_notify_on_commit
from educities.core.domain.translations_queries import translated_text
from educities.members.enums import MembershipStatus

MANAGE = "congresses.manage_event"
# A city registers delegates "of a member city" while it is a member (a suspended member still is one).
MEMBER_CITY_STATES = frozenset({MembershipStatus.MEMBER, MembershipStatus.SUSPENDED})


# --- Errors -----------------------------------------------------------------------------------------


class EventInvalid(DomainError):
    """Some values are refused: ``errors`` maps each field to its translated messages."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__(" ".join(message for messages in errors.values() for message in messages))
        self.errors = errors


class RegistrationClosed(DomainError):
    """Registration is not open yet, or closed (the message says when)."""


class RegistrationDuplicate(DomainError):
    """The person already holds a registration (not cancelled) for the event."""


class RegistrationRefused(DomainError):
    """The registration type, the city or the answers do not allow this registration."""


class AnswersInvalid(RegistrationRefused):
    """Some answers are refused: ``errors`` maps each question id to a translated message."""

    def __init__(self, errors: dict[int, str]) -> None:
        super().__init__(" ".join(errors.values()))
        self.errors = errors


class NoPlaceFree(DomainError):
    """Every place (of the event or of a session) is taken."""


class AlreadyCheckedIn(DomainError):
    """The participant was checked in before (the message says when)."""


# --- Permissions and locks --------------------------------------------------------------------------


def require(actor, permission: str, obj=None) -> None:
    """Refuse unless ``actor`` has ``permission`` on ``obj``; ``actor=None`` is the system itself."""
    if actor is not None and not actor.has_perm(permission, obj):
        raise PermissionRefused(_("You are not allowed to do this."))


def may_manage(actor, event=None) -> bool:
    """The system (``actor=None``) or the Secretariat."""
    return actor is None or actor.has_perm(MANAGE, event)


def user_or_none(actor):
    return actor if actor is not None and actor.is_authenticated else None


def lock(instance: models.Model) -> models.Model:
    """Lock ``instance``'s row (``select_for_update``) and refresh its fields from it."""
    model = type(instance)
    fresh = model._default_manager.select_for_update().get(pk=instance.pk)
    for field in model._meta.concrete_fields:
        setattr(instance, field.attname, getattr(fresh, field.attname))
    return instance


def event_lock(event: Event) -> Event:
    """Lock the event's row: every change to its places, waiting list and programme goes through it."""
    return lock(event)


# --- Times ------------------------------------------------------------------------------------------


def event_zone(event: Event) -> ZoneInfo:
    return ZoneInfo(event.time_zone)


def event_local(event: Event, moment: datetime.datetime) -> datetime.datetime:
    """``moment`` in the event's time zone."""
    return moment.astimezone(event_zone(event))


def event_day_start(event: Event, day: datetime.date) -> datetime.datetime:
    """Midnight at the start of ``day`` in the event's time zone (aware)."""
    return datetime.datetime.combine(day, datetime.time(0, 0), tzinfo=event_zone(event))


def event_end(event: Event) -> datetime.datetime:
    """The end of the event's last day (midnight after it) in its time zone."""
    return event_day_start(event, event.ends_on + datetime.timedelta(days=1))


def moment_for_people(moment: datetime.datetime, *, time_zone: str) -> str:
    """``moment`` in ``time_zone``, formatted for the reader, with the zone's name."""
    local = moment.astimezone(ZoneInfo(time_zone))
    return _("%(datetime)s (%(zone)s time)") % {
        "datetime": formats.date_format(local, "DATETIME_FORMAT"),
        "zone": time_zone,
    }


def event_dates_for_people(event: Event) -> str:
    """The event's days for the reader: one day, or from the first to the last."""
    first = formats.date_format(event.starts_on, "DATE_FORMAT")
    if event.ends_on == event.starts_on:
        return first
    return _("%(first)s to %(last)s") % {
        "first": first,
        "last": formats.date_format(event.ends_on, "DATE_FORMAT"),
    }


# --- Texts, links and e-mails -----------------------------------------------------------------------


def event_title(event: Event, language: str | None = None) -> str:
    """The event's title in ``language`` (the active language by default), else its original."""
    return str(translated_text(obj=event, field="title", language=language or translation.get_language()))


def site_link(name: str, **kwargs) -> str:
    """An absolute link to a page of the site (the site's home when the page does not exist)."""
    base = settings.SITE_URL.rstrip("/")
    try:
        return base + reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return base + "/"


def site_language(language: str) -> str:
    known = {code for code, _name in settings.LANGUAGES}
    return language if language in known else settings.LANGUAGE_CODE


def notify_person(
    *,
    email: str,
    language: str,
    template: str,
    subject,
    context,
    link: tuple[str, dict] | None = None,
    attachments=None,
) -> None:
    """E-mail one person after commit, in their language.

    ``subject`` and ``attachments`` are callables (no argument) called inside ``translation.override``,
    like ``context`` when it is a callable, the rendering of ``template`` and the reversing of ``link``
    (given to the template as ``link``): whatever they translate comes out in the person's language.
    """
    language = site_language(language)
    with translation.override(language):
        extra = {"site_url": settings.SITE_URL.rstrip("/"), "language": language}
        if link is not None:
            extra["link"] = site_link(link[0], **link[1])
        values = context() if callable(context) else context
        body = render_to_string(template, {**values, **extra})
        email_notify_on_commit(
            recipients=[email],
            subject=str(subject()),
            body=body,
            language=language,
            attachments=attachments() if attachments is not None else None,
        )
