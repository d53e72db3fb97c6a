"""What the award services share: the permission check, dates for people, e-mails to a city's editors."""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _

from educities.core.domain.errors import PermissionRefused
from educities.core.domain.notifications import email_notify_on_commit
from educities.members.enums import RoleKind


def require(actor, permission: str, obj=None) -> None:
    """Refuse unless ``actor`` has ``permission`` on ``obj``; ``actor=None`` is the system itself."""
    if actor is not None and not actor.has_perm(permission, obj):
        raise PermissionRefused(_("You are not allowed to do this."))


def moment_for_people(moment: datetime.datetime, *, time_zone: str) -> str:
    """``moment`` in the edition's time zone, formatted for the reader, with the zone's name."""
    local = moment.astimezone(ZoneInfo(time_zone))
    return _("%(datetime)s (%(zone)s time)") % {
        "datetime": formats.date_format(local, "DATETIME_FORMAT"),
        "zone": time_zone,
    }


def site_link(name: str, **kwargs) -> str:
    """An absolute link to a page of the site (the site's home when the page does not exist)."""
    base = settings.SITE_URL.rstrip("/")
    try:
        return base + reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return base + "/"


def city_editors_by_language(city) -> dict[str, list[str]]:
    """The e-mail addresses of a city's editors, grouped by their preferred language."""
    editors = city.role_grants.filter(kind=RoleKind.CITY_EDITOR, user__is_active=True).values_list(
        "user__email", "user__language"
    )
    by_language: dict[str, list[str]] = {}
    known = {code for code, _name in settings.LANGUAGES}
    for email, language in editors:
        language = language if language in known else settings.LANGUAGE_CODE
        by_language.setdefault(language, []).append(email)
    return by_language


def notify_city_editors(
    *, city, template: str, subject, context: dict, link: tuple[str, dict] | None = None
) -> None:
    """E-mail the city's editors after commit, each in their language.

    ``subject`` is a callable taking no argument and returning the (translated) subject: it is called
    once per language, inside ``translation.override``, as is the rendering of ``template`` and the
    reversing of ``link`` (a URL name and its arguments, given to the template as ``link``).
    """
    for language, recipients in city_editors_by_language(city).items():
        with translation.override(language):
            extra = {"site_url": settings.SITE_URL.rstrip("/"), "language": language}
            if link is not None:
                extra["link"] = site_link(link[0], **link[1])
            body = render_to_string(template, {**context, **extra})
            email_notify_on_commit(
                recipients=recipients, subject=str(subject()), body=body, language=language
            )
