"""Time zones: the validator of IANA names used by every model that stores one."""

from functools import cache
from zoneinfo import available_timezones

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
