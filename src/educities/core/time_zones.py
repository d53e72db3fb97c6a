"""Time zones: the validator of IANA names used by every model that stores one."""

import datetime
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


@cache
def _time_zones() -> frozenset[str]:
    # Reading the system's zone files takes a while; they do not change while the process runs.
    return frozenset(available_timezones())


def time_zone_names() -> frozenset[str]:
    return _time_zones()


def validate_time_zone(value: str) -> None:
    if value not in _time_zones():
        raise ValidationError(
            _("“%(value)s” is not a time zone (for example Europe/Madrid)."), params={"value": value}
        )


def is_ambiguous_or_missing(value: datetime.datetime, zone: ZoneInfo) -> bool:
    """True when a change of clock makes the naive ``value`` happen twice or never in ``zone``."""
    first, second = value.replace(tzinfo=zone, fold=0), value.replace(tzinfo=zone, fold=1)
    return first.utcoffset() != second.utcoffset()


def in_zone(value: datetime.datetime | None, time_zone: str) -> datetime.datetime | None:
    """An aware date-time as the naive wall-clock time of ``time_zone`` (what an input shows)."""
    if value is None:
        return None
    return value.astimezone(ZoneInfo(time_zone)).replace(tzinfo=None)
