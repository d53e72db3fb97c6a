import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import formats, translation
from django.utils.translation import gettext as _

from educities.days.domain.activities import activity_register
from educities.days.domain.common import (
    ActivityRefused,
    DayRefused,
    WallTimeRefused,
    city_time_zone,
    country_time_zones,
    day_of,
    local_date,
    local_to_aware,
    moment_for_people,
    spoken_language,
)
from educities.days.models import Activity
from tests.days.factories import CampaignFactory
from tests.factories import CityFactory, CountryFactory, StaffFactory

UTC = datetime.UTC
MADRID = "Europe/Madrid"


def _missing(day, time, zone):
    return _(
        "%(time)s on %(date)s does not exist in %(zone)s: the clocks go forward at that hour. "
        "Choose another time."
    ) % {
        "time": formats.time_format(time, "TIME_FORMAT"),
        "date": formats.date_format(day, "DATE_FORMAT"),
        "zone": zone,
    }


def _ambiguous(day, time, zone):
    return _(
        "%(time)s on %(date)s happens twice in %(zone)s: the clocks go back at that hour. "
        "Choose a time outside that hour."
    ) % {
        "time": formats.time_format(time, "TIME_FORMAT"),
        "date": formats.date_format(day, "DATE_FORMAT"),
        "zone": zone,
    }


# --- The Day ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("year", [2016, 2025, 2100])
def test_day_of_is_30_november(year):
    assert day_of(year) == datetime.date(year, 11, 30)


# --- Wall times across daylight-saving changes ----------------------------------------------------------


def test_local_to_aware_refuses_the_repeated_hour_when_clocks_go_back_in_madrid():
    day, time = datetime.date(2025, 10, 26), datetime.time(2, 30)

    with pytest.raises(WallTimeRefused) as refused:
        local_to_aware(day=day, time=time, zone=MADRID)

    assert refused.value.problem == "ambiguous"
    assert refused.value.message == _ambiguous(day, time, MADRID)


def test_local_to_aware_refuses_the_skipped_hour_when_clocks_go_forward_in_madrid():
    day, time = datetime.date(2025, 3, 30), datetime.time(2, 30)

    with pytest.raises(WallTimeRefused) as refused:
        local_to_aware(day=day, time=time, zone=MADRID)

    assert refused.value.problem == "missing"
    assert refused.value.message == _missing(day, time, MADRID)


def test_local_to_aware_message_names_the_date_and_the_time():
    with pytest.raises(WallTimeRefused) as refused:
        local_to_aware(day=datetime.date(2025, 3, 30), time=datetime.time(2, 30), zone=MADRID)

    assert "March 30, 2025" in refused.value.message
    assert "2:30" in refused.value.message


def test_local_to_aware_message_is_in_the_active_language():
    day, time = datetime.date(2025, 10, 26), datetime.time(2, 30)

    with translation.override("fr"):
        with pytest.raises(WallTimeRefused) as refused:
            local_to_aware(day=day, time=time, zone=MADRID)
        expected = _ambiguous(day, time, MADRID)

    assert refused.value.message == expected


@pytest.mark.parametrize(
    ("day", "time", "utc"),
    [
        # Winter (CET, UTC+1): the Day at 17:00 is 16:00 UTC.
        (
            datetime.date(2025, 11, 30),
            datetime.time(17, 0),
            datetime.datetime(2025, 11, 30, 16, 0, tzinfo=UTC),
        ),
        # Summer (CEST, UTC+2).
        (datetime.date(2025, 6, 30), datetime.time(17, 0), datetime.datetime(2025, 6, 30, 15, 0, tzinfo=UTC)),
        # Around the spring-forward gap: just before and just after exist.
        (datetime.date(2025, 3, 30), datetime.time(1, 59), datetime.datetime(2025, 3, 30, 0, 59, tzinfo=UTC)),
        (datetime.date(2025, 3, 30), datetime.time(3, 0), datetime.datetime(2025, 3, 30, 1, 0, tzinfo=UTC)),
        # Around the fall-back overlap: just before (summer time) and just after (winter time).
        (
            datetime.date(2025, 10, 26),
            datetime.time(1, 59),
            datetime.datetime(2025, 10, 25, 23, 59, tzinfo=UTC),
        ),
        (datetime.date(2025, 10, 26), datetime.time(3, 0), datetime.datetime(2025, 10, 26, 2, 0, tzinfo=UTC)),
    ],
)
def test_local_to_aware_converts_wall_times_that_exist_once(day, time, utc):
    moment = local_to_aware(day=day, time=time, zone=MADRID)

    assert moment == utc
    assert moment.tzinfo == ZoneInfo(MADRID)
    assert (moment.date(), moment.time()) == (day, time)


@pytest.mark.parametrize(
    ("day", "time", "problem"),
    [
        # Sydney: clocks go back on 6 April 2025 at 03:00 and forward on 5 October 2025 at 02:00.
        (datetime.date(2025, 4, 6), datetime.time(2, 30), "ambiguous"),
        (datetime.date(2025, 10, 5), datetime.time(2, 30), "missing"),
    ],
)
def test_local_to_aware_refuses_southern_hemisphere_changes(day, time, problem):
    with pytest.raises(WallTimeRefused) as refused:
        local_to_aware(day=day, time=time, zone="Australia/Sydney")

    assert refused.value.problem == problem


def test_local_to_aware_in_a_zone_without_daylight_saving_accepts_every_time():
    moment = local_to_aware(day=datetime.date(2025, 10, 26), time=datetime.time(2, 30), zone="UTC")

    assert moment == datetime.datetime(2025, 10, 26, 2, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("day", "time", "zone"),
    [
        (datetime.date(2025, 11, 30), datetime.time(17, 0), "Mars/Olympus_Mons"),
        (datetime.date(2025, 11, 30), datetime.time(17, 0), ""),
        (datetime.date(2025, 11, 30), datetime.time(17, 0), None),
        (datetime.date(2025, 11, 30), datetime.time(17, 0), "../../etc/passwd"),
        (datetime.datetime(2025, 11, 30, 17, 0), datetime.time(17, 0), MADRID),  # noqa: DTZ001 - not a date
        ("2025-11-30", datetime.time(17, 0), MADRID),
        (datetime.date(2025, 11, 30), "17:00", MADRID),
        (datetime.date(2025, 11, 30), datetime.time(17, 0, tzinfo=UTC), MADRID),
    ],
)
def test_local_to_aware_refuses_what_is_not_a_date_a_time_or_a_zone(day, time, zone):
    with pytest.raises(WallTimeRefused) as refused:
        local_to_aware(day=day, time=time, zone=zone)

    assert refused.value.problem == "invalid"


def test_wall_time_refusal_is_a_domain_error():
    from educities.core.domain.errors import DomainError

    assert issubclass(WallTimeRefused, DomainError)
    assert issubclass(ActivityRefused, DayRefused)
    assert issubclass(DayRefused, DomainError)


def test_day_refused_keeps_messages_per_field():
    refused = ActivityRefused({"title": ["Write a title."], "kind": ["Choose a type."]})

    assert refused.errors == {"title": ["Write a title."], "kind": ["Choose a type."]}
    assert refused.message == "Write a title. Choose a type."


def test_day_refused_from_one_message_is_not_about_a_field():
    refused = ActivityRefused("Closed.")

    assert refused.errors == {"__all__": ["Closed."]}


# --- Dates in zones -----------------------------------------------------------------------------------


def test_local_date_is_the_calendar_date_in_the_zone():
    moment = datetime.datetime(2025, 11, 30, 23, 30, tzinfo=UTC)

    assert [local_date(moment, zone) for zone in ("UTC", "Asia/Tokyo", "America/Bogota")] == [
        datetime.date(2025, 11, 30),
        datetime.date(2025, 12, 1),
        datetime.date(2025, 11, 30),
    ]


def test_moment_for_people_shows_the_local_time_and_the_zone():
    moment = datetime.datetime(2025, 11, 30, 16, 0, tzinfo=UTC)

    text = moment_for_people(moment, zone=MADRID)

    local = datetime.datetime(2025, 11, 30, 17, 0, tzinfo=ZoneInfo(MADRID))
    assert text == _("%(datetime)s (%(zone)s time)") % {
        "datetime": formats.date_format(local, "DATETIME_FORMAT"),
        "zone": MADRID,
    }


# --- Time zones of cities ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_city_time_zone_is_the_citys_own_zone():
    city = CityFactory(country=CountryFactory(code="ES"), time_zone="Atlantic/Canary")

    assert city_time_zone(city) == "Atlantic/Canary"


@pytest.mark.django_db
def test_city_time_zone_uses_the_geonames_place_of_the_city():
    # Córdoba (Argentina), GeoNames 3860259: its own zone, not Buenos Aires's.
    city = CityFactory(country=CountryFactory(code="AR"), time_zone="", geonames_id=3860259)

    assert city_time_zone(city) == "America/Argentina/Cordoba"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "zone"),
    [
        ("ES", "Europe/Madrid"),
        ("FR", "Europe/Paris"),
        ("BR", "America/Sao_Paulo"),
        ("US", "America/New_York"),
        ("KR", "Asia/Seoul"),
        ("SN", "Africa/Dakar"),
    ],
)
def test_city_time_zone_falls_back_to_the_zone_of_the_countrys_most_populous_city(code, zone):
    city = CityFactory(country=CountryFactory(code=code), time_zone="")

    assert city_time_zone(city) == zone


@pytest.mark.django_db
def test_city_time_zone_falls_back_to_utc_for_a_country_geonames_has_no_city_of():
    city = CityFactory(country=CountryFactory(code="AQ"), time_zone="")

    assert city_time_zone(city) == "UTC"


@pytest.mark.django_db
def test_city_time_zone_ignores_a_stored_zone_that_is_not_one():
    city = CityFactory(country=CountryFactory(code="PT"), time_zone="Lisbon")

    assert city_time_zone(city) == "Europe/Lisbon"


@pytest.mark.django_db
def test_city_time_zone_ignores_an_unknown_geonames_id():
    city = CityFactory(country=CountryFactory(code="IT"), time_zone="", geonames_id=999_999_999)

    assert city_time_zone(city) == "Europe/Rome"


def test_country_time_zones_is_computed_once():
    first = country_time_zones()

    assert country_time_zones() is first
    assert first["MX"] == "America/Mexico_City"


# --- Languages spoken ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("es", "es"),
        ("ES", "es"),
        (" fr ", "fr"),
        ("pt_BR", "pt-br"),
        ("zh-cn", "zh-hans"),
        ("eu", "eu"),
        ("klingon", None),
        ("", None),
        (None, None),
        (5, None),
    ],
)
def test_spoken_language_knows_djangos_languages(code, expected):
    assert spoken_language(code) == expected


# --- An activity's time is stored in UTC, with the zone it was entered in --------------------------------


@pytest.mark.django_db
def test_activity_registered_at_17_madrid_in_winter_is_stored_as_16_utc():
    campaign = CampaignFactory(year=2025)
    city = CityFactory(country=CountryFactory(code="ES"), time_zone=MADRID)
    starts = local_to_aware(day=datetime.date(2025, 11, 30), time=datetime.time(17, 0), zone=MADRID)

    activity = activity_register(
        campaign=campaign,
        city=city,
        actor=StaffFactory(),
        title="Walk",
        description="A walk.",
        kind="walk",
        format="in_person",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        time_zone=MADRID,
        latitude=41.6,
        longitude=2.29,
        organiser="Education department",
    )

    stored = Activity.objects.get(pk=activity.pk)
    assert stored.starts_at == datetime.datetime(2025, 11, 30, 16, 0, tzinfo=UTC)
    assert stored.starts_at.astimezone(ZoneInfo(stored.time_zone)).time() == datetime.time(17, 0)
    assert stored.time_zone == MADRID
